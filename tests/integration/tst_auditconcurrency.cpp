#include "AuditLog.h"

#include "TestSupport.h"

#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Several processes append to one trail at once (the tray's HTTP server and each Claude
// Desktop `--stdio`): every event lands exactly once, in one valid chain.
class tst_AuditConcurrency final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fourProcessesBuildOneChain();
};

void tst_AuditConcurrency::fourProcessesBuildOneChain()
{
    constexpr int PROCESSES = 4;
    constexpr int EVENTS = 2000;
    QTemporaryDir home;
    QVERIFY(home.isValid());

    std::vector<std::unique_ptr<QProcess>> writers;
    for (int i = 0; i < PROCESSES; ++i) {
        auto writer = std::make_unique<QProcess>();
        writer->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer->start(QStringLiteral(HW_AUDIT_WRITER),
                {home.path(), QString::number(EVENTS), QStringLiteral("writer%1").arg(i)});
        writers.push_back(std::move(writer));
    }
    for (const auto &writer : writers) {
        QVERIFY(writer->waitForFinished(90000));
        QCOMPARE(writer->exitStatus(), QProcess::NormalExit);
        QCOMPARE(writer->exitCode(), 0);
    }

    QString error;
    const std::unique_ptr<AuditLog> log = AuditLog::open(home.path(), &error);
    QVERIFY2(log, qPrintable(error));
    QCOMPARE(log->count(), PROCESSES * EVENTS);
    const AuditLog::Verification verification = log->verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason));
    QCOMPARE(verification.rowsChecked, PROCESSES * EVENTS);

    // Each writer's events, once each and in the order it appended them.
    AuditLog::Filter all;
    all.limit = 0;
    QHash<QString, int> lastIndex;
    const QList<AuditRecord> records = log->query(all);
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        const QString &tag = it->event.source;
        const int index = it->event.target.section(QLatin1Char('/'), 1).toInt();
        QCOMPARE(index, lastIndex.value(tag) + 1);
        lastIndex[tag] = index;
    }
    QCOMPARE(lastIndex.size(), PROCESSES);
    for (int last : std::as_const(lastIndex))
        QCOMPARE(last, EVENTS);
}

QTEST_GUILESS_MAIN(tst_AuditConcurrency)
#include "tst_auditconcurrency.moc"
