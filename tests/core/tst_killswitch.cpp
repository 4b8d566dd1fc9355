#include "KillSwitch.h"
#include "StateDatabase.h"

#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The kill switch in one process: its state in homewarden.db, failing closed, and changed()
// reaching a second instance on the same directory. tests/integration/tst_killswitchcli.cpp
// covers other processes.
class tst_KillSwitch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsReleased();
    void engagesAndReleases();
    void persistsAcrossInstances();
    void allCoversBothBackends();
    void releasingAllReleasesEveryScope();
    void keepsTheFirstEngagement();
    void auditsEngageAndRelease();
    void namesTheStopInOneSentence();
    void refusesAnUnknownBackend();
    void corruptDatabaseFailsClosed();
    void corruptionWhileOpenFailsClosed();
    void droppedTableIsEngaged();
    void missingRowIsEngaged();
    void lockedDatabaseFailsClosedWithinTheTimeout();
    void readsTheCommittedStateBesideAWriter();
    void changedReachesAnotherInstance();
    void changedFollowsEveryReplacementOfTheStamp();
    void keepsReasonsOnOneLine();

private:
    std::unique_ptr<KillSwitch> open();
    bool execute(const QString &statement);
    QString databasePath() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<AuditEvent> m_events;
};

std::unique_ptr<KillSwitch> tst_KillSwitch::open()
{
    return std::make_unique<KillSwitch>(
            m_dir->path(), [this](const AuditEvent &event) { m_events.append(event); });
}

bool tst_KillSwitch::execute(const QString &statement)
{
    const std::unique_ptr<StateDatabase> db = StateDatabase::open(m_dir->path());
    if (!db)
        return false;
    QSqlQuery query(db->connection());
    return query.exec(statement);
}

QString tst_KillSwitch::databasePath() const
{
    return QDir(m_dir->path()).filePath(QLatin1String(StateDatabase::FILE_NAME));
}

void tst_KillSwitch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_events.clear();
}

void tst_KillSwitch::cleanup()
{
    m_dir.reset();
}

void tst_KillSwitch::startsReleased()
{
    const auto killSwitch = open();
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("loxone")));
    QString error;
    QVERIFY(killSwitch->engagedStops(&error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(QFile::exists(
            QDir(m_dir->path()).filePath(QLatin1String(KillSwitch::STAMP_FILE_NAME))));
}

void tst_KillSwitch::engagesAndReleases()
{
    const auto killSwitch = open();
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QString error;
    QVERIFY2(killSwitch->engage(KillScope::HomeAssistant, QStringLiteral("cli"),
                     QStringLiteral("holiday"), &error),
            qPrintable(error));

    const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("ha"));
    QVERIFY(stop);
    QCOMPARE(stop->scope, KillScope::HomeAssistant);
    QCOMPARE(stop->by, QStringLiteral("cli"));
    QCOMPARE(stop->reason, QStringLiteral("holiday"));
    QVERIFY(!stop->unreadable);
    QCOMPARE(stop->since.timeSpec(), Qt::UTC);
    QVERIFY(stop->since >= before && stop->since <= QDateTime::currentDateTimeUtc());
    QVERIFY(!killSwitch->stopFor(QStringLiteral("loxone")));
    QCOMPARE(killSwitch->engagedStops().size(), 1);

    QVERIFY(killSwitch->release(KillScope::HomeAssistant, QStringLiteral("cli"), &error));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
    QVERIFY(killSwitch->engagedStops().isEmpty());
}

void tst_KillSwitch::persistsAcrossInstances()
{
    open()->engage(KillScope::Loxone, QStringLiteral("tray"), QStringLiteral("guests"));
    const auto later = open();
    const std::optional<KillStop> stop = later->stopFor(QStringLiteral("loxone"));
    QVERIFY(stop);
    QCOMPARE(stop->scope, KillScope::Loxone);
    QCOMPARE(stop->by, QStringLiteral("tray"));
    QCOMPARE(stop->reason, QStringLiteral("guests"));
    QVERIFY(!later->stopFor(QStringLiteral("ha")));

    // A change made by one instance counts at once in another that is already open.
    const auto first = open();
    QVERIFY(later->release(KillScope::Loxone, QStringLiteral("tray")));
    QVERIFY(!first->stopFor(QStringLiteral("loxone")));
}

void tst_KillSwitch::allCoversBothBackends()
{
    const auto killSwitch = open();
    QVERIFY(killSwitch->engage(KillScope::All, QStringLiteral("cli"), QString()));
    for (const QString &backend : {QStringLiteral("ha"), QStringLiteral("loxone")}) {
        const std::optional<KillStop> stop = killSwitch->stopFor(backend);
        QVERIFY(stop);
        QCOMPARE(stop->scope, KillScope::All);
    }
    // With both engaged, "all" is the one to name: releasing ha alone would not help.
    QVERIFY(killSwitch->engage(KillScope::HomeAssistant, QStringLiteral("cli"), QString()));
    QCOMPARE(killSwitch->stopFor(QStringLiteral("ha"))->scope, KillScope::All);
    QVERIFY(killSwitch->release(KillScope::HomeAssistant, QStringLiteral("cli")));
    QCOMPARE(killSwitch->stopFor(QStringLiteral("ha"))->scope, KillScope::All);
}

void tst_KillSwitch::releasingAllReleasesEveryScope()
{
    const auto killSwitch = open();
    for (const KillScope scope : {KillScope::HomeAssistant, KillScope::Loxone, KillScope::All})
        QVERIFY(killSwitch->engage(scope, QStringLiteral("cli"), QString()));
    QCOMPARE(killSwitch->engagedStops().size(), 3);
    QCOMPARE(killSwitch->engagedStops().first().scope, KillScope::All);

    QVERIFY(killSwitch->release(KillScope::Loxone, QStringLiteral("cli")));
    QCOMPARE(killSwitch->engagedStops().size(), 2);
    QVERIFY(killSwitch->release(KillScope::All, QStringLiteral("cli")));
    QVERIFY(killSwitch->engagedStops().isEmpty());
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("loxone")));
    // Releasing what is released is no error.
    QVERIFY(killSwitch->release(KillScope::HomeAssistant, QStringLiteral("cli")));
}

void tst_KillSwitch::keepsTheFirstEngagement()
{
    const auto killSwitch = open();
    QVERIFY(killSwitch->engage(
            KillScope::HomeAssistant, QStringLiteral("cli"), QStringLiteral("first")));
    const QDateTime since = killSwitch->stopFor(QStringLiteral("ha"))->since;
    QTest::qWait(5);
    QVERIFY(killSwitch->engage(
            KillScope::HomeAssistant, QStringLiteral("tray"), QStringLiteral("second")));
    const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("ha"));
    QCOMPARE(stop->by, QStringLiteral("cli"));
    QCOMPARE(stop->reason, QStringLiteral("first"));
    QCOMPARE(stop->since, since);
}

void tst_KillSwitch::auditsEngageAndRelease()
{
    const auto killSwitch = open();
    QVERIFY(killSwitch->engage(KillScope::Loxone, QStringLiteral("cli"), QStringLiteral("why")));
    QVERIFY(killSwitch->release(KillScope::Loxone, QStringLiteral("hwk_admin_001")));
    QCOMPARE(m_events.size(), 2);
    const AuditEvent &engaged = m_events.at(0);
    QCOMPARE(engaged.event, QLatin1String(AuditEvent::KILLSWITCH_ENGAGED));
    QCOMPARE(engaged.source, QStringLiteral("cli"));
    QVERIFY(engaged.keyId.isEmpty());
    QCOMPARE(engaged.action, QStringLiteral("stop"));
    QCOMPARE(engaged.target, QStringLiteral("loxone"));
    QCOMPARE(engaged.result, QStringLiteral("ok"));
    QCOMPARE(engaged.reason, QStringLiteral("why"));
    const AuditEvent &released = m_events.at(1);
    QCOMPARE(released.event, QLatin1String(AuditEvent::KILLSWITCH_RELEASED));
    QCOMPARE(released.source, QStringLiteral("hwk_admin_001"));
    QCOMPARE(released.keyId, QStringLiteral("hwk_admin_001"));
    QCOMPARE(released.action, QStringLiteral("resume"));
    QCOMPARE(released.target, QStringLiteral("loxone"));

    // Without a sink nothing is audited, and nothing breaks.
    KillSwitch quiet(m_dir->path(), {});
    QVERIFY(quiet.engage(KillScope::All, QStringLiteral("tray"), QString()));
    QCOMPARE(m_events.size(), 2);
}

void tst_KillSwitch::namesTheStopInOneSentence()
{
    KillStop stop;
    stop.scope = KillScope::HomeAssistant;
    stop.by = QStringLiteral("cli");
    stop.since = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
    stop.reason = QStringLiteral("going on holiday");
    QCOMPARE(stop.sentence(),
            QStringLiteral("A person stopped all AI access to Home Assistant at 2026-11-27 10:00 "
                           "UTC (by cli, reason: going on holiday); it stays stopped until "
                           "someone runs 'homewarden resume ha' or releases it in the tray."));
    stop.scope = KillScope::All;
    stop.reason.clear();
    QCOMPARE(stop.sentence(),
            QStringLiteral("A person stopped all AI access to the house (Home Assistant and "
                           "Loxone) at 2026-11-27 10:00 UTC (by cli); it stays stopped until "
                           "someone runs 'homewarden resume all' or releases it in the tray."));

    KillStop unreadable;
    unreadable.unreadable = true;
    unreadable.reason = QStringLiteral("database disk image is malformed");
    QCOMPARE(unreadable.sentence(),
            QStringLiteral("HomeWarden cannot read the kill-switch state (database disk image is "
                           "malformed), so AI access to the house is stopped; check the state "
                           "directory and run 'homewarden status'."));
}

void tst_KillSwitch::refusesAnUnknownBackend()
{
    const auto killSwitch = open();
    const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("hue"));
    QVERIFY(stop);
    QVERIFY(stop->unreadable);
    QVERIFY(stop->sentence().contains(QLatin1String("'hue'")));
    QVERIFY(!KillScopes::forBackend(QStringLiteral("all")));
    QCOMPARE(KillScopes::fromName(QStringLiteral("all")), KillScope::All);
    QCOMPARE(KillScopes::name(KillScope::Loxone), QStringLiteral("loxone"));
}

void tst_KillSwitch::corruptDatabaseFailsClosed()
{
    QVERIFY(open()->engage(KillScope::Loxone, QStringLiteral("cli"), QString()));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(databasePath() + suffix);
    QFile file(databasePath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(8192, 'x'));
    file.close();

    const auto killSwitch = open();
    for (const QString &backend : {QStringLiteral("ha"), QStringLiteral("loxone")}) {
        const std::optional<KillStop> stop = killSwitch->stopFor(backend);
        QVERIFY(stop);
        QVERIFY(stop->unreadable);
        QCOMPARE(stop->scope, KillScope::All);
    }
    QString error;
    const QList<KillStop> stops = killSwitch->engagedStops(&error);
    QCOMPARE(stops.size(), 1);
    QVERIFY(stops.first().unreadable);
    QVERIFY(!error.isEmpty());
    // A release cannot write a file that is no database either; the failure is audited.
    QVERIFY(!killSwitch->release(KillScope::All, QStringLiteral("cli"), &error));
    QVERIFY2(error.contains(QLatin1String("stays stopped")), qPrintable(error));
    QCOMPARE(m_events.last().result, QStringLiteral("error"));
}

void tst_KillSwitch::corruptionWhileOpenFailsClosed()
{
    const auto killSwitch = open();
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
    QFile file(databasePath());
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.write(QByteArray(file.size(), '\xff'));
    file.close();
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile side(databasePath() + suffix);
        if (side.open(QIODevice::ReadWrite))
            side.write(QByteArray(side.size(), '\xff'));
    }
    const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("ha"));
    QVERIFY(stop);
    QVERIFY(stop->unreadable);
}

void tst_KillSwitch::droppedTableIsEngaged()
{
    const auto killSwitch = open();
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
    QVERIFY(execute(QStringLiteral("DROP TABLE kill_switch")));

    std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("ha"));
    QVERIFY(stop);
    QVERIFY(stop->unreadable);
    QVERIFY2(stop->reason.contains(QLatin1String("kill_switch")), qPrintable(stop->reason));
    // Opening again does not bring the table back: the schema is current, the state is gone.
    QVERIFY(open()->stopFor(QStringLiteral("loxone"))->unreadable);

    // A person's release writes the state anew.
    QVERIFY(killSwitch->release(KillScope::All, QStringLiteral("cli")));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("loxone")));
}

void tst_KillSwitch::missingRowIsEngaged()
{
    const auto killSwitch = open();
    QVERIFY(execute(QStringLiteral("DELETE FROM kill_switch WHERE scope = 'loxone'")));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
    const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("loxone"));
    QVERIFY(stop);
    QVERIFY(stop->unreadable);
    QVERIFY2(stop->reason.contains(QLatin1String("'loxone'")), qPrintable(stop->reason));
    QString error;
    QCOMPARE(killSwitch->engagedStops(&error).size(), 1);
    QVERIFY(!error.isEmpty());

    // Releasing ha alone puts the missing row back engaged; releasing loxone lifts it.
    QVERIFY(killSwitch->release(KillScope::HomeAssistant, QStringLiteral("cli")));
    const std::optional<KillStop> restored = killSwitch->stopFor(QStringLiteral("loxone"));
    QVERIFY(restored);
    QVERIFY(!restored->unreadable);
    QCOMPARE(restored->scope, KillScope::Loxone);
    QVERIFY(killSwitch->release(KillScope::Loxone, QStringLiteral("cli")));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("loxone")));

    QVERIFY(execute(QStringLiteral("DELETE FROM kill_switch WHERE scope = 'all'")));
    QVERIFY(killSwitch->stopFor(QStringLiteral("ha"))->unreadable);
}

// In WAL mode even BEGIN EXCLUSIVE leaves readers alone (next test), and no connection can
// take the exclusive locking mode while another one is open. What remains is a process that
// holds the file in exclusive locking mode when a KillSwitch opens it: that open, and every
// retry, must give up quickly and fail closed.
void tst_KillSwitch::lockedDatabaseFailsClosedWithinTheTimeout()
{
    QVERIFY(StateDatabase::open(m_dir->path()));
    auto locker = StateDatabase::open(m_dir->path());
    QVERIFY(locker);
    QVERIFY(execSql(
            locker->connection(), QStringLiteral("PRAGMA locking_mode=EXCLUSIVE"), nullptr));
    QVERIFY(execSql(locker->connection(), QStringLiteral("BEGIN EXCLUSIVE"), nullptr));
    QVERIFY(execSql(locker->connection(), QStringLiteral("UPDATE kill_switch SET reason = reason"),
            nullptr));

    QElapsedTimer timer;
    timer.start();
    const auto killSwitch = open();
    QVERIFY2(timer.elapsed() <= 200, qPrintable(QString::number(timer.elapsed())));
    for (int attempt = 0; attempt < 3; ++attempt) {
        QTest::qWait(300); // past the pause between attempts: this call opens again
        timer.start();
        const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("ha"));
        const qint64 elapsed = timer.elapsed();
        QVERIFY(stop);
        QVERIFY(stop->unreadable);
        QVERIFY2(stop->reason.contains(QLatin1String("locked")), qPrintable(stop->reason));
        QVERIFY2(elapsed <= 200, qPrintable(QString::number(elapsed)));
        // Between attempts the answer comes at once.
        timer.start();
        QVERIFY(killSwitch->stopFor(QStringLiteral("loxone"))->unreadable);
        QVERIFY(timer.elapsed() < 20);
    }
    QString error;
    QVERIFY(killSwitch->engagedStops(&error).first().unreadable);
    QVERIFY(!error.isEmpty());

    QVERIFY(execSql(locker->connection(), QStringLiteral("ROLLBACK"), nullptr));
    locker.reset();
    // Once the lock is gone the state reads again.
    QTRY_VERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
}

void tst_KillSwitch::readsTheCommittedStateBesideAWriter()
{
    const auto killSwitch = open();
    QVERIFY(killSwitch->engage(KillScope::HomeAssistant, QStringLiteral("cli"), QString()));
    const std::unique_ptr<StateDatabase> writer = StateDatabase::open(m_dir->path());
    QVERIFY(writer);
    const QSqlDatabase db = writer->connection();
    QVERIFY(execSql(db, QStringLiteral("BEGIN EXCLUSIVE"), nullptr));
    QVERIFY(execSql(db, QStringLiteral("UPDATE kill_switch SET engaged = 0"), nullptr));

    QElapsedTimer timer;
    timer.start();
    const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("ha"));
    QVERIFY(timer.elapsed() < 50);
    QVERIFY(stop);
    QVERIFY(!stop->unreadable); // the last committed state, not a guess
    QCOMPARE(stop->scope, KillScope::HomeAssistant);

    QVERIFY(execSql(db, QStringLiteral("COMMIT"), nullptr));
    QVERIFY(!killSwitch->stopFor(QStringLiteral("ha")));
}

void tst_KillSwitch::changedReachesAnotherInstance()
{
    const auto first = open();
    const auto second = open();
    QSignalSpy firstChanged(first.get(), &KillSwitch::changed);
    QSignalSpy secondChanged(second.get(), &KillSwitch::changed);

    QElapsedTimer timer;
    timer.start();
    QVERIFY(first->engage(KillScope::All, QStringLiteral("tray"), QString()));
    QCOMPARE(firstChanged.size(), 1); // at once, in the instance that changed it
    QTRY_COMPARE_WITH_TIMEOUT(secondChanged.size(), 1, 2000);
    qInfo("changed() reached the second instance after %lld ms", timer.elapsed());
    QCOMPARE(second->stopFor(QStringLiteral("ha"))->scope, KillScope::All);

    QVERIFY(second->release(KillScope::All, QStringLiteral("tray")));
    QTRY_COMPARE_WITH_TIMEOUT(firstChanged.size(), 2, 2000);
    QVERIFY(!first->stopFor(QStringLiteral("ha")));

    // Each change is reported once, also by the instance that made it.
    QTest::qWait(100);
    QCOMPARE(firstChanged.size(), 2);
    QCOMPARE(secondChanged.size(), 2);
}

void tst_KillSwitch::changedFollowsEveryReplacementOfTheStamp()
{
    const auto writer = open();
    const auto watcher = open();
    QSignalSpy changed(watcher.get(), &KillSwitch::changed);
    constexpr int CHANGES = 20;
    for (int i = 0; i < CHANGES; ++i) {
        if (i % 2 == 0)
            QVERIFY(writer->engage(KillScope::Loxone, QStringLiteral("cli"), QString()));
        else
            QVERIFY(writer->release(KillScope::Loxone, QStringLiteral("cli")));
        // One at a time: each replacement must be seen, not only the last of a burst.
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), i + 1, 2000);
    }
}

void tst_KillSwitch::keepsReasonsOnOneLine()
{
    const auto killSwitch = open();
    QVERIFY(killSwitch->engage(KillScope::HomeAssistant, QStringLiteral("cli"),
            QStringLiteral("line one\nline two\x1b[31m\u202e")));
    const std::optional<KillStop> stop = killSwitch->stopFor(QStringLiteral("ha"));
    QVERIFY(!stop->reason.contains(QLatin1Char('\n')));
    QVERIFY(!stop->reason.contains(QChar(0x1b)));
    QVERIFY(!stop->reason.contains(QChar(0x202e)));
    QVERIFY(!stop->sentence().contains(QLatin1Char('\n')));
}

QTEST_GUILESS_MAIN(tst_KillSwitch)
#include "tst_killswitch.moc"
