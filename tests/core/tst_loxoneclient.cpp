#include "BackendReply.h"
#include "FakeMiniserver.h"
#include "LoxoneClient.h"
#include "LoxoneSession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

// LoxoneClient against the fake Miniserver: the structure file, the token login, live states,
// commands, every failure a clear sentence within the timeout, reconnecting and resyncing,
// and the owner's veto (request guard, abortAll) that the kill switch relies on.
class tst_LoxoneClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loadsTheStructureAndConnects();
    void logsInWithSha1Too();
    void liveStatesReachTheCache();
    void commandIsSentAndItsEffectArrives();
    void commandWithValueKeepsItsSlash();
    void unknownControlIsRefusedByTheMiniserver();
    void badIdOrCommandNeverLeaves_data();
    void badIdOrCommandNeverLeaves();
    void wrongPasswordSaysSoAndIsNotRetried();
    void webSocketLoginRefusesAWrongPassword();
    void hangTimesOutWithinTheLimit();
    void httpFaultsAreClearErrors_data();
    void httpFaultsAreClearErrors();
    void connectionRefusedIsAClearError();
    void reconnectsAndResyncsAfterTheMiniserverRestarts();
    void reloadsAChangedStructureAfterReconnecting();
    void requestGuardRefusesWithoutAnyRequest();
    void anUnavailableClientNeverTriesToLogIn();
    void abortingTheReplyAbortsItsRequest();
    void abortAllAbortsAHangingRequestAndStaysDown();
    void keepaliveKeepsTheConnection();

private:
    std::unique_ptr<LoxoneClient> makeClient(const QString &password = QStringLiteral("s3cret"),
            std::chrono::milliseconds timeout = 2000ms);
    // Started and logged in: commands carry its token.
    std::unique_ptr<LoxoneClient> connectedClient(std::chrono::milliseconds timeout = 2000ms);
    static bool waitFor(BackendReply *reply, int ms = 3000);

    std::unique_ptr<FakeMiniserver> m_fake;
};

namespace {

const QString DIMMER = QStringLiteral("0f86a20d-009d-178c-ffff373f9870b52a/AI2");
const QString DIMMER_POSITION = QStringLiteral("0f86a20d-009d-177e-ffff0beffc15bedd");
const QString COLOR = QStringLiteral("0f86a20d-009d-177d-ffff0beffc15bedd");
const QString ALARM = QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a");
// A Pushbutton: takes commands without a visualisation password.
const QString BUTTON = QStringLiteral("0f86a20d-02ad-17f0-ffff373f9870b52a");
const QString ALARM_ARMED = QStringLiteral("0f86a2fe-0378-3e08-ffffb2d4efc8b5b6");
const QString KILL_SWITCH = QStringLiteral("Loxone is stopped by the kill switch.");

} // namespace

void tst_LoxoneClient::init()
{
    m_fake = std::make_unique<FakeMiniserver>();
    QString error;
    QVERIFY2(m_fake->startExampleHouse(&error), qPrintable(error));
}

void tst_LoxoneClient::cleanup()
{
    m_fake.reset();
}

std::unique_ptr<LoxoneClient> tst_LoxoneClient::makeClient(
        const QString &password, std::chrono::milliseconds timeout)
{
    LoxoneClient::Config config;
    config.baseUrl = m_fake->url();
    config.user = QStringLiteral("homewarden");
    config.password = password;
    config.requestTimeout = timeout;
    config.reconnectDelay = 50ms;
    config.maxReconnectDelay = 200ms;
    return std::make_unique<LoxoneClient>(config);
}

std::unique_ptr<LoxoneClient> tst_LoxoneClient::connectedClient(std::chrono::milliseconds timeout)
{
    auto client = makeClient(QStringLiteral("s3cret"), timeout);
    client->start();
    // The callers verify isConnected() themselves, with their own message.
    [[maybe_unused]] const bool connected =
            QTest::qWaitFor([&client] { return client->isConnected(); }, 3000);
    return client;
}

bool tst_LoxoneClient::waitFor(BackendReply *reply, int ms)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &BackendReply::finished);
        if (!finished.wait(ms))
            return false;
    }
    return true;
}

void tst_LoxoneClient::loadsTheStructureAndConnects()
{
    auto client = makeClient();
    QSignalSpy loaded(client.get(), &LoxoneClient::structureLoaded);
    QSignalSpy connected(client.get(), &LoxoneClient::connectedChanged);
    QVERIFY(!client->isConnected());
    QVERIFY(!client->connectedSince().isValid());
    QCOMPARE(client->controlCount(), 0);

    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(connected.at(0).at(0).toBool(), true);
    QVERIFY(client->connectedSince().isValid());
    QCOMPARE(client->controlCount(), 6);
    QCOMPARE(client->msInfo().serialNr, QStringLiteral("504F9410B84A"));
    QCOMPARE(client->structure().findControl(DIMMER)->type, QStringLiteral("Dimmer"));
    QVERIFY(client->lastError().isEmpty());
    QCOMPARE(client->server(), m_fake->url().toString());
    QCOMPARE(m_fake->statusSubscriberCount(), 1);
    QCOMPARE(m_fake->loginFailures(), 0);
    // The initial event tables: every state, numbers and texts.
    QTRY_COMPARE(client->stateValue(DIMMER_POSITION), std::optional<double>(0));
    QTRY_COMPARE(client->stateText(COLOR), std::optional<QString>(QString()));
}

void tst_LoxoneClient::logsInWithSha1Too()
{
    m_fake->setHashAlgorithm(QStringLiteral("SHA1"));
    auto client = makeClient();
    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QCOMPARE(m_fake->loginFailures(), 0);
}

void tst_LoxoneClient::liveStatesReachTheCache()
{
    auto client = makeClient();
    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QTRY_VERIFY(client->stateValue(DIMMER_POSITION).has_value());
    QSignalSpy changed(client.get(), &LoxoneClient::stateChanged);

    m_fake->setValue(DIMMER_POSITION, 42.5);
    m_fake->setText(COLOR, QStringLiteral("hsv(120,50,80)"));
    QTRY_COMPARE(client->stateValue(DIMMER_POSITION), std::optional<double>(42.5));
    QTRY_COMPARE(
            client->stateText(COLOR), std::optional<QString>(QStringLiteral("hsv(120,50,80)")));
    QVERIFY(changed.contains({DIMMER_POSITION}));
    QVERIFY(changed.contains({COLOR}));

    // The same value again is no change.
    const auto before = changed.size();
    m_fake->setValue(DIMMER_POSITION, 42.5);
    m_fake->setValue(ALARM_ARMED, 1);
    QTRY_COMPARE(client->stateValue(ALARM_ARMED), std::optional<double>(1));
    QCOMPARE(changed.size(), before + 1);
}

void tst_LoxoneClient::commandIsSentAndItsEffectArrives()
{
    auto client = makeClient();
    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);

    BackendReply *reply = client->sendCommand(DIMMER, QStringLiteral("70"));
    QVERIFY(reply);
    QVERIFY(!reply->isFinished()); // finished() comes from the event loop
    QVERIFY(waitFor(reply));
    QVERIFY2(reply->isOk(), qPrintable(reply->errorString()));
    // The Miniserver's value, as the JSON string it is on the wire.
    QCOMPARE(reply->result(), QJsonValue(QStringLiteral("1")));
    delete reply;

    const QList<FakeMiniserver::Command> commands = m_fake->commands();
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands.at(0).uuid, DIMMER);
    QCOMPARE(commands.at(0).command, QStringLiteral("70"));
    QCOMPARE(commands.at(0).via, QStringLiteral("http"));
    QTRY_COMPARE(client->stateValue(DIMMER_POSITION), std::optional<double>(70));

    // The alarm wants its visualisation password (isSecured): refused, nothing sent.
    std::unique_ptr<BackendReply> arm(client->sendCommand(ALARM, QStringLiteral("on")));
    QVERIFY(waitFor(arm.get()));
    QVERIFY(!arm->isOk());
    QCOMPARE(arm->errorString(),
            QStringLiteral("The Loxone control 'Alarm' is protected by a visualisation password, "
                           "which HomeWarden does not send; operate it in the Loxone app, or "
                           "remove the password in Loxone Config if AI may use it."));
    QCOMPARE(m_fake->commands().size(), 1); // only the dimmer's
}

void tst_LoxoneClient::commandWithValueKeepsItsSlash()
{
    m_fake.reset();
    m_fake = std::make_unique<FakeMiniserver>();
    QVERIFY(m_fake->loadStructure(FakeMiniserver::fixturePath(
            QStringLiteral("ondrejlevy-loxone-mcp_structure_file.json"))));
    m_fake->setCredentials(QStringLiteral("homewarden"), QStringLiteral("s3cret"));
    QVERIFY(m_fake->listen());
    auto client = connectedClient();
    QVERIFY(client->isConnected());

    const QString blinds = QStringLiteral("0f5e3a01-0102-1b0a-ffff504f9412ab34");
    std::unique_ptr<BackendReply> reply(
            client->sendCommand(blinds, QStringLiteral("manualPosition/40")));
    QVERIFY(waitFor(reply.get()));
    QVERIFY2(reply->isOk(), qPrintable(reply->errorString()));
    QCOMPARE(m_fake->commands().at(0).uuid, blinds);
    QCOMPARE(m_fake->commands().at(0).command, QStringLiteral("manualPosition/40"));
    QCOMPARE(m_fake->value(blinds + QStringLiteral("/position")), std::optional<double>(0.4));

    const QString thermostat = QStringLiteral("0f5e3a01-0104-1b0a-ffff504f9412ab34");
    reply.reset(client->sendCommand(thermostat, QStringLiteral("setComfortTemperature/21.5")));
    QVERIFY(waitFor(reply.get()));
    QVERIFY(reply->isOk());
    QCOMPARE(m_fake->value(QStringLiteral("0f5e3a01-0104-1b05-ffff504f9412ab34")),
            std::optional<double>(21.5));
}

void tst_LoxoneClient::unknownControlIsRefusedByTheMiniserver()
{
    auto client = connectedClient();
    std::unique_ptr<BackendReply> reply(client->sendCommand(
            QStringLiteral("0f86a20d-0000-0000-ffff373f9870b52a"), QStringLiteral("on")));
    QVERIFY(waitFor(reply.get()));
    QVERIFY(!reply->isOk());
    QVERIFY2(reply->errorString().contains(QLatin1String("code 404")),
            qPrintable(reply->errorString()));
    QCOMPARE(m_fake->commands().size(), 1); // it did reach the Miniserver
}

void tst_LoxoneClient::badIdOrCommandNeverLeaves_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::newRow("device id") << QStringLiteral("loxone:") + ALARM << QStringLiteral("on")
                               << QStringLiteral("is not a Loxone uuid");
    QTest::newRow("path in id") << ALARM + QStringLiteral("/../../sys") << QStringLiteral("on")
                                << QStringLiteral("is not a Loxone uuid");
    QTest::newRow("dot dot") << ALARM << QStringLiteral("../../sys/reboot")
                             << QStringLiteral("is not a Loxone command");
    QTest::newRow("empty") << ALARM << QString() << QStringLiteral("is not a Loxone command");
    QTest::newRow("empty part") << ALARM << QStringLiteral("manualPosition//40")
                                << QStringLiteral("is not a Loxone command");
    QTest::newRow("newline") << ALARM << QStringLiteral("on\nHost: x")
                             << QStringLiteral("is not a Loxone command");
}

void tst_LoxoneClient::badIdOrCommandNeverLeaves()
{
    QFETCH(QString, id);
    QFETCH(QString, command);
    QFETCH(QString, error);
    auto client = makeClient();
    std::unique_ptr<BackendReply> reply(client->sendCommand(id, command));
    QVERIFY(!reply->isFinished());
    QVERIFY(waitFor(reply.get()));
    QVERIFY(!reply->isOk());
    QVERIFY2(reply->errorString().contains(error), qPrintable(reply->errorString()));
    QCOMPARE(m_fake->requestCount(), 0);
}

void tst_LoxoneClient::wrongPasswordSaysSoAndIsNotRetried()
{
    auto client = makeClient(QStringLiteral("wrong"));
    QSignalSpy errors(client.get(), &LoxoneClient::errorOccurred);
    client->start();
    QVERIFY(errors.wait(3000));
    const QString error = errors.at(0).at(0).toString();
    QVERIFY2(error.contains(QLatin1String("refused the user 'homewarden' or its password (code "
                                          "401); check the Loxone user and its password.")),
            qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("wrong"))); // never the password
    QCOMPARE(client->lastError(), error);
    QVERIFY(!client->isConnected());
    // A Miniserver blocks an address after a few failed logins: no retry on its own.
    QTest::qWait(400);
    QCOMPARE(m_fake->loginFailures(), 1);
    QCOMPARE(errors.size(), 1);

    // Without a token nothing goes out, and the reason is the refused login.
    std::unique_ptr<BackendReply> reply(client->sendCommand(BUTTON, QStringLiteral("on")));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->errorString(), error);
    QCOMPARE(m_fake->commands().size(), 0);
    QCOMPARE(m_fake->tokenRequestCount() + m_fake->basicRequestCount(), 0);
}

void tst_LoxoneClient::webSocketLoginRefusesAWrongPassword()
{
    // The token flow on its own (the client's HTTP requests would fail first).
    LoxoneSession::Options options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/rfc6455").arg(m_fake->port()));
    options.server = m_fake->url().toString();
    options.user = QStringLiteral("homewarden");
    options.password = QStringLiteral("wrong");
    options.clientUuid = QStringLiteral("test");
    options.clientInfo = QStringLiteral("tst_loxoneclient");
    options.timeout = 2000ms;
    LoxoneSession session(options);
    QSignalSpy failed(&session, &LoxoneSession::failed);
    QSignalSpy authenticated(&session, &LoxoneSession::authenticated);
    session.open();
    QVERIFY(failed.wait(3000));
    QVERIFY(authenticated.isEmpty());
    const QString error = failed.at(0).at(0).toString();
    QVERIFY2(error.contains(QLatin1String("refused the user 'homewarden' or its password (code "
                                          "401)")),
            qPrintable(error));
    QVERIFY(session.failedOnCredentials());
    QCOMPARE(m_fake->loginFailures(), 1);

    // The right password gets through the same flow.
    options.password = QStringLiteral("s3cret");
    LoxoneSession good(options);
    QSignalSpy goodReady(&good, &LoxoneSession::ready);
    connect(&good, &LoxoneSession::authenticated, &good, &LoxoneSession::enableUpdates);
    good.open();
    QVERIFY(goodReady.wait(3000));
    QVERIFY(good.token().has_value());
    QVERIFY(good.isReady());
    QCOMPARE(m_fake->statusSubscriberCount(), 1);
}

void tst_LoxoneClient::hangTimesOutWithinTheLimit()
{
    auto client = connectedClient(300ms);
    QVERIFY(client->isConnected());
    m_fake->setFault(FakeMiniserver::Fault::Hang);

    QElapsedTimer elapsed;
    elapsed.start();
    std::unique_ptr<BackendReply> reply(client->sendCommand(BUTTON, QStringLiteral("on")));
    QVERIFY(waitFor(reply.get(), 3000));
    QVERIFY(elapsed.elapsed() >= 250);
    QVERIFY2(elapsed.elapsed() < 1500, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!reply->isOk());
    QVERIFY2(reply->errorString().contains(QLatin1String("did not answer within 0.3 s")),
            qPrintable(reply->errorString()));
    QVERIFY(reply->errorString().startsWith(QLatin1String("Sending 'on' to the Loxone control")));
    QCOMPARE(m_fake->commands().size(), 0); // it hung before the fake handled it
}

void tst_LoxoneClient::httpFaultsAreClearErrors_data()
{
    QTest::addColumn<FakeMiniserver::Fault>("fault");
    QTest::addColumn<QString>("commandError");
    QTest::addColumn<QString>("startError");
    QTest::newRow("http500") << FakeMiniserver::Fault::ServerError
                             << QStringLiteral("answered HTTP 500")
                             << QStringLiteral("answered HTTP 500");
    QTest::newRow("garbage") << FakeMiniserver::Fault::Garbage
                             << QStringLiteral("the answer is not Loxone JSON")
                             << QStringLiteral("structure file is not a JSON object");
    QTest::newRow("close") << FakeMiniserver::Fault::Close
                           << QStringLiteral("closed the connection without an answer")
                           << QStringLiteral("Opening the WebSocket to the Loxone Miniserver");
}

void tst_LoxoneClient::httpFaultsAreClearErrors()
{
    QFETCH(FakeMiniserver::Fault, fault);
    QFETCH(QString, commandError);
    QFETCH(QString, startError);
    auto client = connectedClient();
    QVERIFY(client->isConnected());
    QSignalSpy loaded(client.get(), &LoxoneClient::structureLoaded);
    m_fake->setFault(fault);

    std::unique_ptr<BackendReply> reply(client->sendCommand(BUTTON, QStringLiteral("on")));
    QVERIFY(waitFor(reply.get()));
    QVERIFY(!reply->isOk());
    QVERIFY2(reply->errorString().contains(commandError), qPrintable(reply->errorString()));

    // Reconnecting meets the fault: the login or the structure file after it.
    m_fake->drop();
    QTRY_VERIFY_WITH_TIMEOUT(client->lastError().contains(startError), 3000);
    QVERIFY(!client->isConnected());

    // It keeps trying, and gets through once the Miniserver is well again.
    m_fake->setFault(FakeMiniserver::Fault::None);
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QVERIFY(client->lastError().isEmpty());
}

void tst_LoxoneClient::connectionRefusedIsAClearError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    LoxoneClient::Config config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.user = QStringLiteral("homewarden");
    config.requestTimeout = 2000ms;
    LoxoneClient client(config);
    QSignalSpy errors(&client, &LoxoneClient::errorOccurred);
    client.start();
    QVERIFY(errors.wait(3000));
    const QString error = errors.at(0).at(0).toString();
    QVERIFY2(error.startsWith(QLatin1String("Opening the WebSocket to the Loxone Miniserver at "))
                    && error.contains(QLatin1String("refused"), Qt::CaseInsensitive)
                    && error.endsWith(QLatin1String("check that it is running and reachable.")),
            qPrintable(error));
    std::unique_ptr<BackendReply> reply(client.sendCommand(BUTTON, QStringLiteral("on")));
    QVERIFY(waitFor(reply.get()));
    QVERIFY2(reply->errorString().contains(QLatin1String("is not logged in to the Loxone "
                                                         "Miniserver")),
            qPrintable(reply->errorString()));
}

void tst_LoxoneClient::reconnectsAndResyncsAfterTheMiniserverRestarts()
{
    auto client = makeClient();
    QSignalSpy loaded(client.get(), &LoxoneClient::structureLoaded);
    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    const QDateTime firstSince = client->connectedSince();
    const quint16 port = m_fake->port();

    m_fake->close();
    QTRY_VERIFY_WITH_TIMEOUT(!client->isConnected(), 3000);
    QVERIFY(!client->lastError().isEmpty());
    // While it is down the house changes.
    m_fake->setValue(DIMMER_POSITION, 33);
    m_fake->setValue(ALARM_ARMED, 1);
    QTest::qWait(150); // a few failed attempts
    QVERIFY(m_fake->listen(port));

    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QVERIFY(client->connectedSince() >= firstSince);
    QTRY_COMPARE(client->stateValue(DIMMER_POSITION), std::optional<double>(33));
    QTRY_COMPARE(client->stateValue(ALARM_ARMED), std::optional<double>(1));
    QCOMPARE(loaded.size(), 1); // same version: the structure was not loaded again
    QVERIFY(client->lastError().isEmpty());
}

void tst_LoxoneClient::reloadsAChangedStructureAfterReconnecting()
{
    auto client = makeClient();
    QSignalSpy loaded(client.get(), &LoxoneClient::structureLoaded);
    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QCOMPARE(client->controlCount(), 6);

    QVERIFY(m_fake->loadStructure(FakeMiniserver::fixturePath(
            QStringLiteral("ondrejlevy-loxone-mcp_structure_file.json"))));
    m_fake->drop();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QCOMPARE(client->controlCount(), 19);
    QCOMPARE(client->msInfo().msName, QStringLiteral("Test Miniserver"));
    // States of the old structure are gone, the new ones arrived.
    QVERIFY(!client->stateValue(DIMMER_POSITION));
    QTRY_VERIFY(client->stateValue(QStringLiteral("0f5e3a01-0104-1b05-ffff504f9412ab34")));
}

void tst_LoxoneClient::requestGuardRefusesWithoutAnyRequest()
{
    auto client = makeClient();
    int asked = 0;
    client->setRequestGuard([&asked] {
        ++asked;
        return KILL_SWITCH;
    });
    QSignalSpy errors(client.get(), &LoxoneClient::errorOccurred);
    client->start();
    QVERIFY(errors.wait(3000));
    QCOMPARE(errors.at(0).at(0).toString(), KILL_SWITCH);

    std::unique_ptr<BackendReply> reply(client->sendCommand(BUTTON, QStringLiteral("on")));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->errorString(), KILL_SWITCH);

    QTest::qWait(300); // reconnect attempts ask the guard again, and are refused again
    QVERIFY(asked >= 3);
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(m_fake->commands().size(), 0);
    QVERIFY(!client->isConnected());

    // Once the guard lets requests through, the client connects by itself.
    client->setRequestGuard([] { return QString(); });
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
}

void tst_LoxoneClient::anUnavailableClientNeverTriesToLogIn()
{
    auto client = makeClient(QString());
    const QString missing = QStringLiteral("No Loxone password is stored.");
    QSignalSpy errors(client.get(), &LoxoneClient::errorOccurred);
    client->setUnavailable(missing);
    client->start();
    std::unique_ptr<BackendReply> reply(client->sendCommand(BUTTON, QStringLiteral("on")));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->errorString(), missing);
    QCOMPARE(client->lastError(), missing);
    QTest::qWait(200); // no reconnect cycle either
    QCOMPARE(errors.size(), 2); // setUnavailable() and the one start()
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(m_fake->loginFailures(), 0);
}

void tst_LoxoneClient::abortingTheReplyAbortsItsRequest()
{
    auto client = connectedClient(10000ms);
    QVERIFY(client->isConnected());
    m_fake->setFault(FakeMiniserver::Fault::Hang);
    const int before = m_fake->requestCount();
    std::unique_ptr<BackendReply> reply(client->sendCommand(BUTTON, QStringLiteral("on")));
    QTRY_COMPARE(m_fake->requestCount(), before + 1);
    // A caller's own deadline (BackendReply::setTimeout) ends the request, not just the wait.
    reply->setTimeout(50, QStringLiteral("Too slow."));
    QVERIFY(waitFor(reply.get(), 1000));
    QCOMPARE(reply->errorString(), QStringLiteral("Too slow."));
    m_fake->setFault(FakeMiniserver::Fault::None);
    QTest::qWait(100);
    QCOMPARE(m_fake->commands().size(), 0);
}

void tst_LoxoneClient::abortAllAbortsAHangingRequestAndStaysDown()
{
    auto client = makeClient(QStringLiteral("s3cret"), 10000ms);
    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QSignalSpy connected(client.get(), &LoxoneClient::connectedChanged);
    m_fake->setFault(FakeMiniserver::Fault::Hang);
    const int before = m_fake->requestCount();
    std::unique_ptr<BackendReply> hanging(client->sendCommand(BUTTON, QStringLiteral("on")));
    QTRY_COMPARE(m_fake->requestCount(), before + 1); // it reached the Miniserver and hangs

    QElapsedTimer elapsed;
    elapsed.start();
    client->abortAll(KILL_SWITCH);
    QVERIFY(waitFor(hanging.get(), 1000));
    QVERIFY(elapsed.elapsed() < 1000);
    QVERIFY(!hanging->isOk());
    QCOMPARE(hanging->errorString(), KILL_SWITCH);
    QVERIFY(!client->isConnected());
    QVERIFY(client->isSuspended());
    QCOMPARE(connected.size(), 1);
    QTRY_COMPARE(m_fake->webSocketCount(), 0);

    // No reconnect, and nothing new goes out, until resume().
    m_fake->setFault(FakeMiniserver::Fault::None);
    const int afterAbort = m_fake->requestCount();
    std::unique_ptr<BackendReply> refused(client->sendCommand(BUTTON, QStringLiteral("off")));
    QVERIFY(waitFor(refused.get()));
    QCOMPARE(refused->errorString(), KILL_SWITCH);
    client->start();
    QTest::qWait(300);
    QVERIFY(!client->isConnected());
    QCOMPARE(m_fake->requestCount(), afterAbort);

    client->resume();
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    std::unique_ptr<BackendReply> again(client->sendCommand(BUTTON, QStringLiteral("off")));
    QVERIFY(waitFor(again.get()));
    QVERIFY(again->isOk());
}

void tst_LoxoneClient::keepaliveKeepsTheConnection()
{
    LoxoneClient::Config config;
    config.baseUrl = m_fake->url();
    config.user = QStringLiteral("homewarden");
    config.password = QStringLiteral("s3cret");
    config.requestTimeout = 300ms;
    config.keepaliveInterval = 50ms;
    LoxoneClient client(config);
    QSignalSpy connected(&client, &LoxoneClient::connectedChanged);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 3000);
    const int before = m_fake->requestCount();
    QTest::qWait(400);
    QVERIFY(client.isConnected());
    QCOMPARE(connected.size(), 1); // never dropped
    QVERIFY(m_fake->requestCount() >= before + 4); // the keepalives
}

QTEST_GUILESS_MAIN(tst_LoxoneClient)
#include "tst_loxoneclient.moc"
