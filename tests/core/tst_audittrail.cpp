#include "AuditLog.h"
#include "AuditTrail.h"
#include "StateDatabase.h"

#include "TestSupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The audit trail as one process writes and reads it: AuditTrail queues and commits,
// AuditLog lists and verifies. Cross-process work lives in tests/integration.
class tst_AuditTrail final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void readsBackNewestFirst();
    void filters();
    void pagesWithBeforeAndAfterSeq();
    void stampsTheTimeWhenLeftOut();
    void storesParametersOnlyWhenEnabled();
    void keepsEmptyAndOddTextIntact();
    void destructorFlushes();
    void chainVerifies();
    void keepsOneChainAcrossWriters();
    void detectsTampering_data();
    void detectsTampering();
    void findsTheFirstBadRowInALongTrail_data();
    void findsTheFirstBadRowInALongTrail();
    void flushTimesOutWhileTheDatabaseIsLocked();
    void reportsAFailedWriteAndKeepsTheEvents();
    void namesTheEventsItCouldNotWriteWhenClosed();

private:
    static AuditEvent event(const QString &name, const QString &keyId = {},
            const QString &target = {}, const QDateTime &at = {});
    std::unique_ptr<AuditTrail> openTrail();
    std::unique_ptr<AuditLog> openLog();
    void writeEvents(int count);
    bool execute(const QString &statement);

    std::unique_ptr<QTemporaryDir> m_dir;
};

AuditEvent tst_AuditTrail::event(
        const QString &name, const QString &keyId, const QString &target, const QDateTime &at)
{
    AuditEvent e;
    e.timestamp = at;
    e.event = name;
    e.keyId = keyId;
    e.source = QStringLiteral("127.0.0.1");
    e.action = QStringLiteral("control_device");
    e.target = target;
    e.result = QStringLiteral("allowed");
    return e;
}

void tst_AuditTrail::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_AuditTrail::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<AuditTrail> tst_AuditTrail::openTrail()
{
    QString error;
    std::unique_ptr<AuditTrail> trail = AuditTrail::open(m_dir->path(), &error);
    if (!trail)
        qWarning("%s", qPrintable(error));
    return trail;
}

std::unique_ptr<AuditLog> tst_AuditTrail::openLog()
{
    QString error;
    std::unique_ptr<AuditLog> log = AuditLog::open(m_dir->path(), &error);
    if (!log)
        qWarning("%s", qPrintable(error));
    return log;
}

void tst_AuditTrail::writeEvents(int count)
{
    const std::unique_ptr<AuditTrail> trail = openTrail();
    QVERIFY(trail);
    for (int i = 1; i <= count; ++i)
        trail->append(event(QLatin1String(AuditEvent::TOOL_CALL), QStringLiteral("hwk_admin_001"),
                QStringLiteral("ha:light.l%1").arg(i)));
    QVERIFY(trail->flush());
}

// Changes the database behind HomeWarden's back, as a person with sqlite3 would.
bool tst_AuditTrail::execute(const QString &statement)
{
    const std::unique_ptr<StateDatabase> db = StateDatabase::open(m_dir->path());
    if (!db)
        return false;
    QSqlQuery query(db->connection());
    return query.exec(statement);
}

void tst_AuditTrail::readsBackNewestFirst()
{
    const std::unique_ptr<AuditTrail> trail = openTrail();
    QVERIFY(trail);
    trail->append(event(QLatin1String(AuditEvent::AUTH_SUCCESS), QStringLiteral("hwk_admin_001")));
    trail->append(event(QLatin1String(AuditEvent::TOOL_CALL), QStringLiteral("hwk_admin_001"),
            QStringLiteral("ha:light.kitchen")));
    AuditEvent denied = event(QLatin1String(AuditEvent::AUTHZ_DENIED),
            QStringLiteral("hwk_monitor_002"), QStringLiteral("ha:lock.front_door"));
    denied.result = QStringLiteral("denied");
    denied.reason = QStringLiteral("A monitor key may only read.");
    trail->append(denied);
    QVERIFY(trail->flush());
    QCOMPARE(trail->pendingCount(), 0);

    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    QCOMPARE(log->count(), 3);
    QString error;
    const QList<AuditRecord> records = log->query({}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).seq, 3);
    QCOMPARE(records.at(2).seq, 1);
    const AuditEvent &newest = records.at(0).event;
    QCOMPARE(newest.event, QLatin1String(AuditEvent::AUTHZ_DENIED));
    QCOMPARE(newest.keyId, QStringLiteral("hwk_monitor_002"));
    QCOMPARE(newest.source, QStringLiteral("127.0.0.1"));
    QCOMPARE(newest.action, QStringLiteral("control_device"));
    QCOMPARE(newest.target, QStringLiteral("ha:lock.front_door"));
    QCOMPARE(newest.result, QStringLiteral("denied"));
    QCOMPARE(newest.reason, QStringLiteral("A monitor key may only read."));
    QCOMPARE(newest.timestamp.timeSpec(), Qt::UTC);
    QCOMPARE(records.at(0).hash.size(), 32);
    QVERIFY(records.at(0).hash != records.at(1).hash);
    QCOMPARE(records.at(2).event.target, QString());
}

void tst_AuditTrail::filters()
{
    const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600);
    {
        const std::unique_ptr<AuditTrail> trail = openTrail();
        QVERIFY(trail);
        for (int i = 0; i < 10; ++i) {
            const QString name =
                    QLatin1String(i % 2 ? AuditEvent::AUTH_FAILURE : AuditEvent::TOOL_CALL);
            trail->append(
                    event(name, QStringLiteral("hwk_admin_%1").arg(i % 3, 3, 10, QLatin1Char('0')),
                            {}, base.addSecs(i * 60)));
        }
    }
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);

    AuditLog::Filter byEvent;
    byEvent.event = QLatin1String(AuditEvent::AUTH_FAILURE);
    const QList<AuditRecord> failures = log->query(byEvent);
    QCOMPARE(failures.size(), 5);
    for (const AuditRecord &record : failures)
        QCOMPARE(record.event.event, QLatin1String(AuditEvent::AUTH_FAILURE));
    QCOMPARE(failures.first().seq, 10);

    AuditLog::Filter byKey;
    byKey.keyId = QStringLiteral("hwk_admin_000");
    QCOMPARE(log->query(byKey).size(), 4); // i = 0, 3, 6, 9

    AuditLog::Filter bySince;
    bySince.since = base.addSecs(7 * 60);
    const QList<AuditRecord> recent = log->query(bySince);
    QCOMPARE(recent.size(), 3);
    QCOMPARE(recent.last().event.timestamp, base.addSecs(7 * 60));

    AuditLog::Filter combined = byEvent;
    combined.since = bySince.since;
    combined.limit = 1;
    const QList<AuditRecord> one = log->query(combined);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().seq, 10);

    AuditLog::Filter all;
    all.limit = 0;
    QCOMPARE(log->query(all).size(), 10);
    AuditLog::Filter few;
    few.limit = 4;
    QCOMPARE(log->query(few).size(), 4);
}

void tst_AuditTrail::pagesWithBeforeAndAfterSeq()
{
    writeEvents(25);
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    AuditLog::Filter page;
    page.limit = 10;
    QList<qint64> seen;
    for (;;) {
        const QList<AuditRecord> records = log->query(page);
        if (records.isEmpty())
            break;
        for (const AuditRecord &record : records)
            seen.append(record.seq);
        page.beforeSeq = records.last().seq;
    }
    QCOMPARE(seen.size(), 25);
    QCOMPARE(seen.first(), 25);
    QCOMPARE(seen.last(), 1);

    AuditLog::Filter newer;
    newer.afterSeq = 22;
    const QList<AuditRecord> tail = log->query(newer);
    QCOMPARE(tail.size(), 3);
    QCOMPARE(tail.last().seq, 23);
}

void tst_AuditTrail::stampsTheTimeWhenLeftOut()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    writeEvents(1);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    const QDateTime stamped = log->query({}).first().event.timestamp;
    QVERIFY(stamped >= before.addMSecs(-1));
    QVERIFY(stamped <= after);
}

void tst_AuditTrail::storesParametersOnlyWhenEnabled()
{
    const std::unique_ptr<AuditTrail> trail = openTrail();
    QVERIFY(trail);
    QVERIFY(!trail->recordsParameters());
    AuditEvent call = event(QLatin1String(AuditEvent::TOOL_CALL), QStringLiteral("hwk_admin_001"));
    call.params = QJsonObject{{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
            {QStringLiteral("value"), 40}};
    trail->append(call);
    trail->setRecordParameters(true);
    QVERIFY(trail->recordsParameters());
    trail->append(call);
    trail->setRecordParameters(false);
    trail->append(call);
    QVERIFY(trail->flush());

    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    const QList<AuditRecord> records = log->query({});
    QCOMPARE(records.size(), 3);
    QVERIFY(records.at(0).event.params.isEmpty());
    QCOMPARE(records.at(1).event.params, call.params);
    QVERIFY(records.at(2).event.params.isEmpty());
    QVERIFY(log->verify().ok);
}

void tst_AuditTrail::keepsEmptyAndOddTextIntact()
{
    const std::unique_ptr<AuditTrail> trail = openTrail();
    QVERIFY(trail);
    AuditEvent odd;
    odd.event = QLatin1String(AuditEvent::TOOL_CALL);
    // A lone surrogate (not valid UTF-16), a NUL, an escape and non-Latin text.
    odd.target = QString(QChar(0xD800)) + QStringLiteral("x");
    odd.reason = QStringLiteral("line\nbreak \u001b[31m, Grüße, 家");
    odd.action = QString(QChar(0)) + QStringLiteral("nul");
    trail->append(odd);
    trail->append(AuditEvent()); // no name at all
    QVERIFY(trail->flush());

    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    const AuditLog::Verification verification = log->verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason));
    QCOMPARE(verification.rowsChecked, 2);
    const QList<AuditRecord> records = log->query({});
    QCOMPARE(records.at(1).event.reason, odd.reason);
    QCOMPARE(records.at(1).event.action, odd.action);
    QCOMPARE(records.at(1).event.keyId, QString());
    QCOMPARE(records.at(0).event.event, QString());
}

void tst_AuditTrail::destructorFlushes()
{
    {
        const std::unique_ptr<AuditTrail> trail = openTrail();
        QVERIFY(trail);
        for (int i = 0; i < 500; ++i)
            trail->append(event(QLatin1String(AuditEvent::TOOL_CALL)));
    }
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    QCOMPARE(log->count(), 500);
}

void tst_AuditTrail::chainVerifies()
{
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    AuditLog::Verification empty = log->verify();
    QVERIFY2(empty.ok, qPrintable(empty.reason));
    QCOMPARE(empty.rowsChecked, 0);

    writeEvents(300);
    const AuditLog::Verification verification = log->verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason));
    QCOMPARE(verification.rowsChecked, 300);
    QCOMPARE(verification.firstBadSeq, 0);
    QVERIFY(verification.reason.isEmpty());
}

void tst_AuditTrail::keepsOneChainAcrossWriters()
{
    // Two connections, as two processes have; the write lock orders their batches.
    const std::unique_ptr<AuditTrail> first = openTrail();
    const std::unique_ptr<AuditTrail> second = openTrail();
    QVERIFY(first && second);
    for (int i = 0; i < 1000; ++i) {
        first->append(event(QLatin1String(AuditEvent::TOOL_CALL), QStringLiteral("first")));
        second->append(event(QLatin1String(AuditEvent::TOOL_CALL), QStringLiteral("second")));
    }
    QVERIFY(first->flush(20000));
    QVERIFY(second->flush(20000));

    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    const AuditLog::Verification verification = log->verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason));
    QCOMPARE(verification.rowsChecked, 2000);
    AuditLog::Filter ofSecond;
    ofSecond.keyId = QStringLiteral("second");
    ofSecond.limit = 0;
    QCOMPARE(log->query(ofSecond).size(), 1000);
}

void tst_AuditTrail::detectsTampering_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<qint64>("firstBadSeq");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<bool>("staysBroken");

    // 20 rows are written first.
    QTest::newRow("edited row") << QStringLiteral("UPDATE audit SET reason = 'x' WHERE seq = 5")
                                << qint64(5) << QStringLiteral("Row 5 was changed") << true;
    QTest::newRow("edited time") << QStringLiteral("UPDATE audit SET ts = ts + 1 WHERE seq = 7")
                                 << qint64(7) << QStringLiteral("Row 7 was changed") << true;
    QTest::newRow("NULL made empty") << QStringLiteral("UPDATE audit SET reason = '' WHERE seq = 8")
                                     << qint64(8) << QStringLiteral("Row 8 was changed") << true;
    QTest::newRow("hash replaced")
            << QStringLiteral("UPDATE audit SET hash = zeroblob(32) WHERE seq = 9") << qint64(9)
            << QStringLiteral("Row 9 was changed") << true;
    QTest::newRow("deleted row") << QStringLiteral("DELETE FROM audit WHERE seq = 12") << qint64(12)
                                 << QStringLiteral(
                                            "Row 12 is missing (the chain jumps from 11 to 13)")
                                 << true;
    QTest::newRow("deleted rows") << QStringLiteral("DELETE FROM audit WHERE seq BETWEEN 12 AND 14")
                                  << qint64(12) << QStringLiteral("Rows 12 to 14 are missing")
                                  << true;
    QTest::newRow("deleted first row") << QStringLiteral("DELETE FROM audit WHERE seq = 1")
                                       << qint64(1) << QStringLiteral("Row 1 is missing") << true;
    QTest::newRow("cut off the end")
            << QStringLiteral("DELETE FROM audit WHERE seq > 17") << qint64(18)
            << QStringLiteral("The trail ends at row 17 but its anchor "
                              "says 20 rows ending at row 20: rows were "
                              "cut off the end.")
            << true;
    QTest::newRow("emptied") << QStringLiteral("DELETE FROM audit") << qint64(1)
                             << QStringLiteral("rows were cut off the end") << true;
    QTest::newRow("inserted after the end")
            << QStringLiteral("INSERT INTO audit (seq, ts, event, hash) "
                              "VALUES (21, 0, 'tool.call', zeroblob(32))")
            << qint64(21) << QStringLiteral("Row 21 was added") << true;
    QTest::newRow("inserted before the start")
            << QStringLiteral("INSERT INTO audit (seq, ts, event, hash) "
                              "VALUES (0, 0, 'tool.call', zeroblob(32))")
            << qint64(0) << QStringLiteral("Row 0 does not belong") << true;
    QTest::newRow("anchor count edited")
            << QStringLiteral("UPDATE audit_anchor SET row_count = 19") << qint64(0)
            << QStringLiteral("the anchor was changed") << true;
    QTest::newRow("anchor hash edited")
            << QStringLiteral("UPDATE audit_anchor SET last_hash = zeroblob(32)") << qint64(20)
            << QStringLiteral("The anchor does not match row 20") << true;
    QTest::newRow("anchor moved back") << QStringLiteral("UPDATE audit_anchor SET last_seq = 19")
                                       << qint64(20) << QStringLiteral("Row 20 was added") << false;
    QTest::newRow("anchor deleted")
            << QStringLiteral("DELETE FROM audit_anchor") << qint64(0)
            << QStringLiteral("anchor of the audit trail was deleted") << true;
}

void tst_AuditTrail::detectsTampering()
{
    QFETCH(QString, statement);
    QFETCH(qint64, firstBadSeq);
    QFETCH(QString, mentions);
    QFETCH(bool, staysBroken);

    writeEvents(20);
    QVERIFY(execute(statement));
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    const AuditLog::Verification verification = log->verify();
    QVERIFY(!verification.ok);
    QVERIFY2(verification.reason.contains(mentions), qPrintable(verification.reason));
    QCOMPARE(verification.firstBadSeq, firstBadSeq);

    // The trail stays writable, and a break in the rows stays visible. (An anchor that only
    // lags behind intact rows is rewritten by the next commit: nothing is lost then.)
    writeEvents(2);
    QCOMPARE(log->verify().ok, !staysBroken);
}

void tst_AuditTrail::findsTheFirstBadRowInALongTrail_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<qint64>("firstBadSeq");
    QTest::addColumn<QString>("mentions");

    // 10,000 rows: verify() hashes them in chunks of a few thousand on several threads.
    QTest::newRow("two edits") << QStringList{
            QStringLiteral("UPDATE audit SET reason = 'x' WHERE seq = 9000"),
            QStringLiteral("UPDATE audit SET reason = 'x' WHERE seq = 5000"),
    } << qint64(5000) << QStringLiteral("Row 5000 was changed");
    QTest::newRow("edit before a gap") << QStringList{
            QStringLiteral("DELETE FROM audit WHERE seq = 9500"),
            QStringLiteral("UPDATE audit SET target = 'x' WHERE seq = 6000"),
    } << qint64(6000) << QStringLiteral("Row 6000 was changed");
    QTest::newRow("gap before an edit") << QStringList{
            QStringLiteral("DELETE FROM audit WHERE seq = 3000"),
            QStringLiteral("UPDATE audit SET target = 'x' WHERE seq = 9000"),
    } << qint64(3000) << QStringLiteral("Row 3000 is missing");
    QTest::newRow("last row") << QStringList{
            QStringLiteral("UPDATE audit SET result = 'denied' WHERE seq = 10000"),
    } << qint64(10000) << QStringLiteral("Row 10000 was changed");
}

void tst_AuditTrail::findsTheFirstBadRowInALongTrail()
{
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBadSeq);
    QFETCH(QString, mentions);

    writeEvents(10000);
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    const AuditLog::Verification intact = log->verify();
    QVERIFY2(intact.ok, qPrintable(intact.reason));
    QCOMPARE(intact.rowsChecked, 10000);

    for (const QString &statement : statements)
        QVERIFY(execute(statement));
    const AuditLog::Verification verification = log->verify();
    QVERIFY(!verification.ok);
    QVERIFY2(verification.reason.contains(mentions), qPrintable(verification.reason));
    QCOMPARE(verification.firstBadSeq, firstBadSeq);
    QCOMPARE(verification.rowsChecked, firstBadSeq - 1);
}

void tst_AuditTrail::flushTimesOutWhileTheDatabaseIsLocked()
{
    const std::unique_ptr<AuditTrail> trail = openTrail();
    QVERIFY(trail);
    const std::unique_ptr<StateDatabase> other = StateDatabase::open(m_dir->path());
    QVERIFY(other);
    QVERIFY(execSql(other->connection(), QStringLiteral("BEGIN IMMEDIATE"), nullptr));

    trail->append(event(QLatin1String(AuditEvent::TOOL_CALL)));
    QVERIFY(!trail->flush(300));
    QCOMPARE(trail->pendingCount(), 1);

    QVERIFY(execSql(other->connection(), QStringLiteral("COMMIT"), nullptr));
    QVERIFY(trail->flush());
    QCOMPARE(trail->pendingCount(), 0);
}

void tst_AuditTrail::reportsAFailedWriteAndKeepsTheEvents()
{
    const std::unique_ptr<AuditTrail> trail = openTrail();
    QVERIFY(trail);
    QStringList failures;
    connect(trail.get(), &AuditTrail::writeFailed, this,
            [&failures](const QString &reason) { failures.append(reason); });

    QVERIFY(execute(QStringLiteral("ALTER TABLE audit RENAME TO audit_away")));
    QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("^The audit trail cannot be written")));
    for (int i = 0; i < 3; ++i)
        trail->append(event(QLatin1String(AuditEvent::TOOL_CALL)));
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
    QVERIFY2(failures.first().contains(QLatin1String("3 events")), qPrintable(failures.first()));
    QCOMPARE(trail->pendingCount(), 3);

    QVERIFY(execute(QStringLiteral("ALTER TABLE audit_away RENAME TO audit")));
    QVERIFY(trail->flush(10000));
    const std::unique_ptr<AuditLog> log = openLog();
    QVERIFY(log);
    QCOMPARE(log->count(), 3);
    QVERIFY(log->verify().ok);
}

void tst_AuditTrail::namesTheEventsItCouldNotWriteWhenClosed()
{
    std::unique_ptr<AuditTrail> trail = openTrail();
    QVERIFY(trail);
    QVERIFY(execute(QStringLiteral("ALTER TABLE audit RENAME TO audit_away")));
    QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("^The audit trail cannot be written")));
    QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(
                    QStringLiteral("^2 audit events could not be written and are lost")));
    trail->append(event(QLatin1String(AuditEvent::TOOL_CALL)));
    trail->append(event(QLatin1String(AuditEvent::TOOL_CALL)));
    trail.reset(); // flushes for 5 s, then gives up
}

QTEST_GUILESS_MAIN(tst_AuditTrail)
#include "tst_audittrail.moc"
