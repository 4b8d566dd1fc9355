// One tray per state directory: a later `homewarden-tray` asks the running one to show itself
// and exits 0; a socket left behind by a crash does not lock the tray out.
#include "SingleInstance.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_SingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void eachStateDirectoryHasItsOwnName();
    void nobodyAnswersWhenNothingRuns();
    void aSecondTrayHandsOverAndExits();
    void aSocketLeftByACrashIsReplaced();
    void theRealTrayRunsOnce();

private:
    QProcessEnvironment trayEnvironment() const;
    // Runs homewarden-tray with the event loop turning; its exit code, -1 when it did not end.
    int runTray(int timeoutMs = 20000) const;

    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_SingleInstance::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_SingleInstance::cleanup()
{
    m_home.reset();
}

QProcessEnvironment tst_SingleInstance::trayEnvironment() const
{
    QProcessEnvironment environment = TestSupport::serverEnvironment(m_home->path());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

int tst_SingleInstance::runTray(int timeoutMs) const
{
    QProcess tray;
    tray.setProcessEnvironment(trayEnvironment());
    tray.start(QStringLiteral(HOMEWARDEN_TRAY_BINARY));
    if (!QTest::qWaitFor([&tray] { return tray.state() == QProcess::NotRunning; }, timeoutMs)) {
        tray.kill();
        tray.waitForFinished();
        return -1;
    }
    return tray.exitCode();
}

void tst_SingleInstance::eachStateDirectoryHasItsOwnName()
{
    QTemporaryDir other;
    QCOMPARE(SingleInstance::serverName(m_home->path()),
            SingleInstance::serverName(m_home->path() + QStringLiteral("/.")));
    QVERIFY(SingleInstance::serverName(m_home->path()) != SingleInstance::serverName(other.path()));
}

void tst_SingleInstance::nobodyAnswersWhenNothingRuns()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!SingleInstance(m_home->path()).notifyRunning());
    QVERIFY(timer.elapsed() < 1000);
}

void tst_SingleInstance::aSecondTrayHandsOverAndExits()
{
    SingleInstance running(m_home->path());
    QVERIFY(running.listen());
    QSignalSpy shown(&running, &SingleInstance::activationRequested);
    QCOMPARE(runTray(), 0);
    QTRY_COMPARE(shown.size(), 1);
    // It handed over before opening anything of the state directory.
    QVERIFY(!QFile::exists(QDir(m_home->path()).filePath(QStringLiteral("homewarden.db"))));
}

void tst_SingleInstance::aSocketLeftByACrashIsReplaced()
{
    const QString stale =
            QDir(QDir::tempPath()).filePath(SingleInstance::serverName(m_home->path()));
    QFile file(stale);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    SingleInstance instance(m_home->path());
    QString error;
    QVERIFY2(instance.listen(&error), qPrintable(error));
    QSignalSpy shown(&instance, &SingleInstance::activationRequested);
    QCOMPARE(runTray(), 0);
    QTRY_COMPARE(shown.size(), 1);
}

void tst_SingleInstance::theRealTrayRunsOnce()
{
    // Its server on a free port, so that a developer's running HomeWarden does not interfere.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    QFile ini(QDir(m_home->path()).filePath(QStringLiteral("homewarden.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[server]\nport=" + QByteArray::number(port) + "\n");
    ini.close();

    QProcess first;
    first.setProcessEnvironment(trayEnvironment());
    first.start(QStringLiteral(HOMEWARDEN_TRAY_BINARY));
    QVERIFY(first.waitForStarted());
    // Up once it answers on its socket (in another process, so blocking here is fine).
    QTRY_VERIFY_WITH_TIMEOUT(SingleInstance(m_home->path()).notifyRunning(500), 20000);

    QCOMPARE(runTray(), 0);
    QCOMPARE(first.state(), QProcess::Running);

    // SIGTERM ends it cleanly (it audits server.stopped on the way out).
    first.terminate();
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::NormalExit);
    QCOMPARE(first.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
