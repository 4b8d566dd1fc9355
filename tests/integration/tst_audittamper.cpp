#include "AuditTrail.h"

#include "TestSupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Somebody edits homewarden.db with the sqlite3 tool; `homewarden audit --verify` must notice
// and name the first bad row.
class tst_AuditTamper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void intactTrailVerifies();
    void editedRowIsNamed();
    void deletedMiddleRowIsNamed();
    void rowsCutOffTheEndAreFound();
    void verifyOfAnEmptyTrail();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run verify() const;
    void writeEvents(int count) const;
    void sqlite(const QString &statement) const;

    QString m_sqlite;
    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_AuditTamper::initTestCase()
{
    m_sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
}

void tst_AuditTamper::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_AuditTamper::cleanup()
{
    m_home.reset();
}

tst_AuditTamper::Run tst_AuditTamper::verify() const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOMEWARDEN_HOME"), m_home->path());
    process.setProcessEnvironment(env);
    process.start(
            TestSupport::homewardenBinary(), {QStringLiteral("audit"), QStringLiteral("--verify")});
    if (!process.waitForFinished(30000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void tst_AuditTamper::writeEvents(int count) const
{
    QString error;
    const std::unique_ptr<AuditTrail> trail = AuditTrail::open(m_home->path(), &error);
    QVERIFY2(trail, qPrintable(error));
    for (int i = 1; i <= count; ++i) {
        AuditEvent event;
        event.event = QLatin1String(AuditEvent::TOOL_CALL);
        event.keyId = QStringLiteral("hwk_operator_001");
        event.source = QStringLiteral("stdio");
        event.action = QStringLiteral("control_device");
        event.target = QStringLiteral("ha:light.l%1").arg(i);
        event.result = QStringLiteral("allowed");
        trail->append(event);
    }
    QVERIFY(trail->flush());
}

void tst_AuditTamper::sqlite(const QString &statement) const
{
    if (m_sqlite.isEmpty())
        QSKIP("The sqlite3 command-line tool is not installed.");
    QProcess process;
    process.start(
            m_sqlite, {QDir(m_home->path()).filePath(QStringLiteral("homewarden.db")), statement});
    QVERIFY(process.waitForFinished(10000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void tst_AuditTamper::intactTrailVerifies()
{
    writeEvents(20);
    const Run result = verify();
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("Audit trail intact: 20 rows.\n"));
}

void tst_AuditTamper::editedRowIsNamed()
{
    writeEvents(20);
    sqlite(QStringLiteral("UPDATE audit SET reason='x' WHERE seq=5"));
    const Run result = verify();
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QLatin1String("Row 5 ")), qPrintable(result.out));
}

void tst_AuditTamper::deletedMiddleRowIsNamed()
{
    writeEvents(20);
    sqlite(QStringLiteral("DELETE FROM audit WHERE seq=11"));
    const Run result = verify();
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QLatin1String("Row 11 is missing")), qPrintable(result.out));
}

void tst_AuditTamper::rowsCutOffTheEndAreFound()
{
    writeEvents(20);
    sqlite(QStringLiteral("DELETE FROM audit WHERE seq > 17"));
    const Run result = verify();
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QLatin1String("ends at row 17")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("cut off the end")), qPrintable(result.out));
}

void tst_AuditTamper::verifyOfAnEmptyTrail()
{
    const Run result = verify();
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("Audit trail intact: 0 rows.\n"));
}

QTEST_GUILESS_MAIN(tst_AuditTamper)
#include "tst_audittamper.moc"
