#include "AuditTrail.h"
#include "LoginFailureBurst.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"
#include "TrayNotifier.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// What the tray tells a person without being asked: a burst of failed logins, written by any
// process into the shared trail, and keys about to expire. The decisions, not the bubbles.
class tst_TrayNotifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void burstFromAnotherWriterGivesOneNotification();
    void afewFailuresAreNoNews();
    void oldFailuresAreNoNews();
    void burstRuleCountsWithinOneMinute();
    void keyExpiringInThreeDaysIsReported();
    void keyExpiringInThirtyDaysIsNot();
    void expiringKeysAreAnnouncedAtStart();

private:
    void appendFailures(int count, const QDateTime &at);
    static ApiKey key(const QString &id, const QDateTime &expiresAt);

    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_TrayNotifier::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

// Another AuditTrail instance, as another process (a server, `homewarden --stdio`) writes.
void tst_TrayNotifier::appendFailures(int count, const QDateTime &at)
{
    QString error;
    const std::unique_ptr<AuditTrail> trail = AuditTrail::open(m_home->path(), &error);
    QVERIFY2(trail, qPrintable(error));
    for (int i = 0; i < count; ++i) {
        AuditEvent event;
        event.timestamp = at.addMSecs(i * 200);
        event.event = QLatin1String(AuditEvent::AUTH_FAILURE);
        event.source = QStringLiteral("192.168.1.77");
        event.result = QStringLiteral("denied");
        event.reason = QStringLiteral("unknown key");
        trail->append(event);
    }
    QVERIFY(trail->flush());
}

ApiKey tst_TrayNotifier::key(const QString &id, const QDateTime &expiresAt)
{
    ApiKey key;
    key.id = id;
    key.name = QStringLiteral("Laptop");
    key.expiresAt = expiresAt;
    return key;
}

void tst_TrayNotifier::burstFromAnotherWriterGivesOneNotification()
{
    TrayNotifier::Options options;
    options.watchInterval = std::chrono::milliseconds(50);
    TrayNotifier notifier(m_home->path(), options);
    QSignalSpy spy(&notifier, &TrayNotifier::notificationRequested);
    notifier.start();
    appendFailures(8, QDateTime::currentDateTimeUtc());
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
    QCOMPARE(spy.first().at(0).toString(), QStringLiteral("Failed logins"));
    QVERIFY2(spy.first().at(1).toString().contains(QLatin1String("192.168.1.77")),
            qPrintable(spy.first().at(1).toString()));
    // The rest of the same burst is not a second bubble.
    appendFailures(3, QDateTime::currentDateTimeUtc());
    QTest::qWait(500);
    QCOMPARE(spy.size(), 1);
}

void tst_TrayNotifier::afewFailuresAreNoNews()
{
    TrayNotifier::Options options;
    options.watchInterval = std::chrono::milliseconds(50);
    TrayNotifier notifier(m_home->path(), options);
    QSignalSpy spy(&notifier, &TrayNotifier::notificationRequested);
    notifier.start();
    appendFailures(4, QDateTime::currentDateTimeUtc());
    QTest::qWait(500);
    QCOMPARE(spy.size(), 0);
}

void tst_TrayNotifier::oldFailuresAreNoNews()
{
    appendFailures(10, QDateTime::currentDateTimeUtc());
    TrayNotifier::Options options;
    options.watchInterval = std::chrono::milliseconds(50);
    TrayNotifier notifier(m_home->path(), options);
    QSignalSpy spy(&notifier, &TrayNotifier::notificationRequested);
    notifier.start();
    QTest::qWait(500);
    QCOMPARE(spy.size(), 0);
}

void tst_TrayNotifier::burstRuleCountsWithinOneMinute()
{
    LoginFailureBurst burst;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    // One failure every 20 s: never five within a minute.
    for (int i = 0; i < 10; ++i)
        QVERIFY(!burst.add(start.addSecs(i * 20)));
    // Five within a minute: news, once.
    const QDateTime later = start.addSecs(600);
    QVERIFY(!burst.add(later));
    QVERIFY(!burst.add(later.addSecs(10)));
    QVERIFY(!burst.add(later.addSecs(20)));
    QVERIFY(!burst.add(later.addSecs(30)));
    QVERIFY(burst.add(later.addSecs(40)));
    QVERIFY(!burst.add(later.addSecs(41)));
    // Still going a minute after the notice: news again.
    for (int i = 0; i < 4; ++i)
        QVERIFY(!burst.add(later.addSecs(101 + i)));
    QVERIFY(burst.add(later.addSecs(105)));
}

void tst_TrayNotifier::keyExpiringInThreeDaysIsReported()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<ApiKey> soon = TrayNotifier::keysExpiringSoon(
            {key(QStringLiteral("hwk_operator_001"), now.addDays(3))}, now);
    QCOMPARE(soon.size(), 1);
    const QString text = TrayNotifier::describeExpiring(soon, now);
    QVERIFY2(text.contains(QLatin1String("hwk_operator_001"))
                    && text.contains(QLatin1String("3 days")),
            qPrintable(text));
}

void tst_TrayNotifier::keyExpiringInThirtyDaysIsNot()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ApiKey revoked = key(QStringLiteral("hwk_operator_003"), now.addDays(2));
    revoked.active = false;
    revoked.revokedAt = now;
    const QList<ApiKey> soon = TrayNotifier::keysExpiringSoon(
            {key(QStringLiteral("hwk_operator_001"), now.addDays(30)),
                    key(QStringLiteral("hwk_operator_002"), QDateTime()), // never expires
                    key(QStringLiteral("hwk_operator_004"), now.addDays(-1)), // already expired
                    revoked},
            now);
    QVERIFY(soon.isEmpty());
}

void tst_TrayNotifier::expiringKeysAreAnnouncedAtStart()
{
    // Through the real store: a key made by `keys generate --expires 3` would look the same.
    QString error;
    const std::unique_ptr<StateDatabase> database =
            StateDatabase::open(m_home->path(), StateDatabase::Durability::Normal, &error);
    QVERIFY2(database, qPrintable(error));
    SqlKeyStore store(database.get());
    SqlKeyStore::NewKey soon;
    soon.name = QStringLiteral("Soon");
    soon.role = Role::Monitor;
    soon.createdBy = QStringLiteral("test");
    soon.expiresAt = QDateTime::currentDateTimeUtc().addDays(3);
    QVERIFY2(store.create(soon, &error), qPrintable(error));
    SqlKeyStore::NewKey later = soon;
    later.name = QStringLiteral("Later");
    later.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
    QVERIFY2(store.create(later, &error), qPrintable(error));

    TrayNotifier notifier(m_home->path());
    QSignalSpy spy(&notifier, &TrayNotifier::notificationRequested);
    notifier.start();
    QCOMPARE(spy.size(), 1);
    const QString text = spy.first().at(1).toString();
    QVERIFY2(text.contains(QLatin1String("'Soon'")) && !text.contains(QLatin1String("'Later'")),
            qPrintable(text));
}

QTEST_MAIN(tst_TrayNotifier)
#include "tst_traynotifier.moc"
