#include "AuditLog.h"
#include "AuditRetention.h"
#include "AuditSettings.h"
#include "AuditTrail.h"
#include "ConfigChange.h"
#include "StateDatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Retention as a person relies on it: old events go, recent ones stay, the trail still
// verifies (and still finds tampering), the pruning itself is in the trail, and nothing is
// deleted unless a clear number of days was chosen.
class tst_AuditRetention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void prunesOldEventsAndStaysVerifiable();
    void keepsTheNewestEventEvenWhenEverythingIsOld();
    void stillFindsTamperingAfterPruning();
    void appliesTheSettingAndAuditsIt();
    void keepsEverythingUnlessADayCountIsSet();

private:
    void appendAt(const QDateTime &when, int count);
    std::unique_ptr<AuditLog> log() const;
    void setRetention(const QString &value);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditTrail> m_trail;
};

void tst_AuditRetention::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_trail = AuditTrail::open(m_dir->path(), &error);
    QVERIFY2(m_trail, qPrintable(error));
}

void tst_AuditRetention::cleanup()
{
    m_trail.reset();
    m_dir.reset();
}

void tst_AuditRetention::appendAt(const QDateTime &when, int count)
{
    for (int i = 0; i < count; ++i) {
        AuditEvent event;
        event.timestamp = when.addSecs(i);
        event.event = QLatin1String(AuditEvent::TOOL_CALL);
        event.keyId = QStringLiteral("hwk_operator_001");
        event.action = QStringLiteral("list_devices");
        event.result = QStringLiteral("allowed");
        m_trail->append(event);
    }
    QVERIFY(m_trail->flush());
}

std::unique_ptr<AuditLog> tst_AuditRetention::log() const
{
    return AuditLog::open(m_dir->path());
}

void tst_AuditRetention::setRetention(const QString &value)
{
    ConfigChange change(m_dir->path(), QStringLiteral("settings"));
    change.set(QLatin1String(AuditSettings::RETENTION_DAYS_KEY), value);
    QVERIFY(change.commit(m_trail.get()));
    QVERIFY(m_trail->flush());
}

void tst_AuditRetention::prunesOldEventsAndStaysVerifiable()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    appendAt(now.addDays(-100), 50);
    appendAt(now.addDays(-1), 20);
    QString error;
    QCOMPARE(log()->prune(now.addDays(-30), &error), 50);
    QCOMPARE(log()->count(), 20);
    AuditLog::Verification verification = log()->verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason));
    QCOMPARE(verification.rowsChecked, 20);

    // The writer goes on where the chain ended, and a second pruning finds nothing more.
    appendAt(now, 5);
    QCOMPARE(log()->prune(now.addDays(-30)), 0);
    verification = log()->verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason));
    QCOMPARE(verification.rowsChecked, 25);
    QCOMPARE(log()->lastSeq(), 75);
}

void tst_AuditRetention::keepsTheNewestEventEvenWhenEverythingIsOld()
{
    appendAt(QDateTime::currentDateTimeUtc().addYears(-2), 10);
    QCOMPARE(log()->prune(QDateTime::currentDateTimeUtc()), 9);
    QCOMPARE(log()->count(), 1);
    QVERIFY(log()->verify().ok);
}

void tst_AuditRetention::stillFindsTamperingAfterPruning()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    appendAt(now.addDays(-100), 10);
    appendAt(now, 10);
    QCOMPARE(log()->prune(now.addDays(-30)), 10);
    QString error;
    const std::unique_ptr<StateDatabase> db =
            StateDatabase::open(m_dir->path(), StateDatabase::Durability::Normal, &error);
    QVERIFY2(db, qPrintable(error));
    QSqlQuery query(db->connection());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM audit WHERE seq = 11")));
    const AuditLog::Verification verification = log()->verify();
    QVERIFY(!verification.ok);
    QCOMPARE(verification.firstBadSeq, 11);
}

void tst_AuditRetention::appliesTheSettingAndAuditsIt()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    appendAt(now.addDays(-40), 30);
    appendAt(now.addSecs(-60), 3);
    setRetention(QStringLiteral("30"));
    AuditRetention retention(m_dir->path(), m_trail.get());
    QString error;
    QCOMPARE(retention.applyNow(&error), 30);
    QVERIFY(m_trail->flush());

    AuditLog::Filter filter;
    filter.event = QLatin1String(AuditEvent::AUDIT_PRUNED);
    const QList<AuditRecord> pruned = log()->query(filter);
    QCOMPARE(pruned.size(), 1);
    QCOMPARE(pruned.first().event.reason,
            QStringLiteral("Audit events older than 30 days deleted: 30."));
    QVERIFY(log()->verify().ok);
}

void tst_AuditRetention::keepsEverythingUnlessADayCountIsSet()
{
    appendAt(QDateTime::currentDateTimeUtc().addYears(-1), 10);
    AuditRetention retention(m_dir->path(), m_trail.get());
    QCOMPARE(retention.applyNow(), 0);
    for (const QString &unclear :
            {QStringLiteral("thirty"), QStringLiteral("-5"), QStringLiteral("0")}) {
        setRetention(unclear);
        QCOMPARE(retention.applyNow(), 0);
    }
    QCOMPARE(log()->count(), 10 + 3); // the events plus the three config.changed
}

QTEST_GUILESS_MAIN(tst_AuditRetention)
#include "tst_auditretention.moc"
