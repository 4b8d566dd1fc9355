// The kill switch across processes: a `homewarden --stdio` server mid-session with a client
// and the fake Home Assistant (in this process), and `homewarden stop` / `resume` run as
// further processes, as a person would from a shell.
#include "FakeHomeAssistant.h"
#include "McpTestClient.h"
#include "StdioServerProcess.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Result = McpTestClient;

class tst_KillSwitchStdio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void stopCutsOffARunningSessionAndResumeRestoresIt();
    void aStopSurvivesARestartOfEveryProcess();
    void anUnreadableStateStopsEverything();

private:
    // `homewarden ARGS` with stdin; its exit code (-1 when it did not finish).
    int run(const QStringList &arguments, const QByteArray &input = {});
    std::unique_ptr<StdioServerProcess> startServer();

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<FakeHomeAssistant> m_fake;
    QString m_key;
};

void tst_KillSwitchStdio::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_fake = std::make_unique<FakeHomeAssistant>();
    QString error;
    QVERIFY2(m_fake->loadFixtures(&error), qPrintable(error));
    for (const QJsonObject &added : FakeHomeAssistant::exampleAddedEntities())
        m_fake->addEntity(added);
    QVERIFY(m_fake->listen());
    m_key = TestSupport::generateKey(m_home->path(), QStringLiteral("operator"));
    QVERIFY(!m_key.isEmpty());
}

void tst_KillSwitchStdio::cleanup()
{
    m_fake.reset();
    m_home.reset();
}

int tst_KillSwitchStdio::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(TestSupport::serverEnvironment(m_home->path()));
    process.start(TestSupport::homewardenBinary(), arguments);
    process.write(input);
    process.closeWriteChannel();
    // Wait with the event loop running: the fake Home Assistant lives in this process.
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 20000))
        return -1;
    return process.exitCode();
}

std::unique_ptr<StdioServerProcess> tst_KillSwitchStdio::startServer()
{
    QProcessEnvironment environment = TestSupport::serverEnvironment(m_home->path(), m_key);
    // The token from the environment needs the development level; keys are still checked.
    environment.insert(QStringLiteral("HOMEWARDEN_SECURITY_LEVEL"), QStringLiteral("development"));
    environment.insert(QStringLiteral("HOMEWARDEN_HA_URL"), m_fake->url().toString());
    environment.insert(QStringLiteral("HOMEWARDEN_HA_TOKEN"), m_fake->token());
    auto server = std::make_unique<StdioServerProcess>(environment);
    if (!server->initialize())
        qWarning("initialize failed: %s", qPrintable(server->standardError()));
    return server;
}

void tst_KillSwitchStdio::stopCutsOffARunningSessionAndResumeRestoresIt()
{
    auto server = startServer();
    QJsonObject listed = server->callTool(QStringLiteral("list_devices"), {{QStringLiteral("limit"), 1}});
    QVERIFY2(!Result::isError(listed), qPrintable(Result::text(listed) + server->standardError()));

    // A request hangs in Home Assistant when the person pulls the plug.
    m_fake->setFault(FakeHomeAssistant::Fault::Hang);
    const QJsonObject turnOn{{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
            {QStringLiteral("action"), QStringLiteral("on")}};
    const int before = m_fake->requestCount();
    server->startToolCall(77, QStringLiteral("control_device"), turnOn);
    QTRY_VERIFY(m_fake->requestCount() > before);
    QVERIFY(server->response(77, 200).isEmpty());

    QCOMPARE(run({QStringLiteral("stop"), QStringLiteral("ha"), QStringLiteral("--reason"),
                     QStringLiteral("lights flicker")}),
            0);
    const int requestsAtStop = m_fake->requestCount();
    // Aborted by the stop, not by the 10 s timeout.
    const QJsonObject aborted = server->response(77, 5000).value(QLatin1String("result")).toObject();
    QVERIFY(Result::isError(aborted));
    QVERIFY2(Result::text(aborted).contains(QLatin1String("homewarden resume ha")),
            qPrintable(Result::text(aborted)));
    QTRY_COMPARE(m_fake->webSocketConnectionCount(), 0);

    // Every further call is refused with the stop's sentence, and nothing reaches Home Assistant.
    m_fake->setFault(FakeHomeAssistant::Fault::None);
    for (const auto &[tool, arguments] : QList<std::pair<QString, QJsonObject>>{
                 {QStringLiteral("control_device"), turnOn},
                 {QStringLiteral("list_devices"), {}},
                 {QStringLiteral("get_device_state"),
                         {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")}}},
         }) {
        const QJsonObject refused = server->callTool(tool, arguments);
        QVERIFY2(Result::isError(refused), qPrintable(tool));
        QVERIFY2(Result::text(refused).contains(QLatin1String("lights flicker")),
                qPrintable(Result::text(refused)));
        QVERIFY(Result::text(refused).contains(QLatin1String("by cli")));
    }
    const QJsonObject status = server->callTool(QStringLiteral("get_system_status"));
    QVERIFY2(Result::text(status).contains(QLatin1String("lights flicker")), qPrintable(Result::text(status)));
    QTest::qWait(300);
    QCOMPARE(m_fake->requestCount(), requestsAtStop);
    QCOMPARE(m_fake->webSocketConnectionCount(), 0);

    // A person releases it; the house comes back.
    QCOMPARE(run({QStringLiteral("resume"), QStringLiteral("ha")}, "no\n"), 1);
    QVERIFY(Result::isError(server->callTool(QStringLiteral("list_devices"), {})));
    QCOMPARE(run({QStringLiteral("resume"), QStringLiteral("ha"), QStringLiteral("--yes")}), 0);
    listed = server->callTool(QStringLiteral("list_devices"), {{QStringLiteral("limit"), 1}});
    QVERIFY2(!Result::isError(listed), qPrintable(Result::text(listed)));
    const int callsBefore = int(m_fake->serviceCalls().size());
    QVERIFY(!Result::isError(server->callTool(QStringLiteral("control_device"), turnOn)));
    QCOMPARE(int(m_fake->serviceCalls().size()), callsBefore + 1);
}

void tst_KillSwitchStdio::aStopSurvivesARestartOfEveryProcess()
{
    QCOMPARE(run({QStringLiteral("stop"), QStringLiteral("all")}), 0);
    auto server = startServer();
    const QJsonObject refused = server->callTool(QStringLiteral("list_devices"), {});
    QVERIFY(Result::isError(refused));
    QVERIFY2(Result::text(refused).contains(QLatin1String("homewarden resume")),
            qPrintable(Result::text(refused)));
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(m_fake->webSocketConnectionCount(), 0);
}

void tst_KillSwitchStdio::anUnreadableStateStopsEverything()
{
    // A database that is not one: the state cannot be read, so nothing gets through.
    auto server = startServer();
    QVERIFY(!Result::isError(server->callTool(QStringLiteral("list_devices"), {{QStringLiteral("limit"), 1}})));
    server.reset();
    QFile database(m_home->filePath(QStringLiteral("homewarden.db")));
    QVERIFY(database.open(QIODevice::ReadWrite));
    database.seek(0);
    database.write(QByteArray(4096, 'x'));
    database.close();
    QFile::remove(m_home->filePath(QStringLiteral("homewarden.db-wal")));
    QFile::remove(m_home->filePath(QStringLiteral("homewarden.db-shm")));
    const int requests = m_fake->requestCount();
    server = startServer();
    const QJsonObject refused = server->callTool(QStringLiteral("list_devices"), {});
    QVERIFY(Result::isError(refused));
    QCOMPARE(m_fake->requestCount(), requests);
}

QTEST_GUILESS_MAIN(tst_KillSwitchStdio)
#include "tst_killswitchstdio.moc"
