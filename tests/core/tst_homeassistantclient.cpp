// The Home Assistant client against the fake (tests/fakes): sync, live updates, service calls,
// and every way Home Assistant can fail — each a clear error within the timeout, never a hang.
#include "BackendReply.h"
#include "FakeHomeAssistant.h"
#include "HomeAssistantClient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

constexpr int TIMEOUT_MS = 600;

// Waits for reply to finish (it always does: every request has a timeout).
bool finished(BackendReply *reply, int withinMs = 5000)
{
    return QTest::qWaitFor([reply] { return reply->isFinished(); }, withinMs);
}

} // namespace

class tst_HomeAssistantClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void syncsEveryEntityAndTheRegistries();
    void stateChangesReachTheCache();
    void serviceCallsReachHomeAssistant();
    void aRejectedTokenIsNamed();
    void aHangingHomeAssistantTimesOut();
    void garbageIsAnErrorNotACrash();
    void restStandsInWhileTheSocketIsDown();
    void reconnectsAndResyncsAfterARestart();
    void theGuardStopsEveryRequest();
    void abortAllEndsWhatIsInFlight();

private:
    std::unique_ptr<HomeAssistantClient> makeClient(
            const QString &token = QStringLiteral("fake-ha-token"));
    void waitReady(HomeAssistantClient *client);

    std::unique_ptr<FakeHomeAssistant> m_fake;
};

void tst_HomeAssistantClient::init()
{
    m_fake = std::make_unique<FakeHomeAssistant>();
    QString error;
    QVERIFY2(m_fake->loadFixtures(&error), qPrintable(error));
    m_fake->setRegistries(FakeHomeAssistant::exampleRegistries());
    for (const QJsonObject &added : FakeHomeAssistant::exampleAddedEntities())
        m_fake->addEntity(added);
    m_fake->setToken(QStringLiteral("fake-ha-token"));
    QVERIFY(m_fake->listen());
}

void tst_HomeAssistantClient::cleanup()
{
    m_fake.reset();
}

std::unique_ptr<HomeAssistantClient> tst_HomeAssistantClient::makeClient(const QString &token)
{
    HomeAssistantClient::Options options;
    options.baseUrl = m_fake->url();
    options.token = token;
    options.requestTimeoutMs = TIMEOUT_MS;
    options.minReconnectDelayMs = 50;
    options.maxReconnectDelayMs = 200;
    return std::make_unique<HomeAssistantClient>(options);
}

void tst_HomeAssistantClient::waitReady(HomeAssistantClient *client)
{
    QVERIFY2(QTest::qWaitFor([client] { return client->isReady(); }, 5000),
            qPrintable(client->status().lastError));
}

void tst_HomeAssistantClient::syncsEveryEntityAndTheRegistries()
{
    auto client = makeClient();
    client->start();
    waitReady(client.get());
    QCOMPARE(int(client->states().size()), m_fake->entityCount());
    QVERIFY(client->states().contains(QStringLiteral("lock.front_door")));
    const HomeAssistantClient::Status status = client->status();
    QVERIFY(status.connected);
    QCOMPARE(status.version, FakeHomeAssistant::haVersion());
    QVERIFY(status.connectedSince.isValid());
    QVERIFY(!client->registry().areaNames().isEmpty());
}

void tst_HomeAssistantClient::stateChangesReachTheCache()
{
    auto client = makeClient();
    client->start();
    waitReady(client.get());
    QSignalSpy changed(client.get(), &HomeAssistantClient::stateChanged);
    m_fake->setState(QStringLiteral("light.kitchen"), QStringLiteral("on"),
            {{QStringLiteral("brightness"), 128}});
    QTRY_COMPARE(client->states()
                         .value(QStringLiteral("light.kitchen"))
                         .value(QLatin1String("state"))
                         .toString(),
            QStringLiteral("on"));
    QCOMPARE(changed.first().first().toString(), QStringLiteral("light.kitchen"));
}

void tst_HomeAssistantClient::serviceCallsReachHomeAssistant()
{
    auto client = makeClient();
    client->start();
    waitReady(client.get());
    BackendReply *reply = client->callService(QStringLiteral("light"), QStringLiteral("turn_on"),
            {{QStringLiteral("brightness_pct"), 80}}, {QStringLiteral("light.kitchen")});
    QVERIFY(finished(reply));
    QVERIFY2(reply->isOk(), qPrintable(reply->errorString()));
    const QList<FakeHomeAssistant::ServiceCall> calls = m_fake->serviceCalls();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().domain, QStringLiteral("light"));
    QCOMPARE(calls.first().service, QStringLiteral("turn_on"));
    QCOMPARE(calls.first().serviceData.value(QLatin1String("brightness_pct")).toInt(), 80);
    QCOMPARE(calls.first().target.value(QLatin1String("entity_id")).toArray().first().toString(),
            QStringLiteral("light.kitchen"));
    QCOMPARE(calls.first().via, QStringLiteral("websocket"));
    QTRY_COMPARE(client->states()
                         .value(QStringLiteral("light.kitchen"))
                         .value(QLatin1String("state"))
                         .toString(),
            QStringLiteral("on"));

    BackendReply *unknown = client->callService(QStringLiteral("light"), QStringLiteral("explode"),
            {}, {QStringLiteral("light.kitchen")});
    QVERIFY(finished(unknown));
    QVERIFY(!unknown->isOk());
    QVERIFY2(unknown->errorString().contains(QLatin1String("not_found")),
            qPrintable(unknown->errorString()));
}

void tst_HomeAssistantClient::aRejectedTokenIsNamed()
{
    auto client = makeClient(QStringLiteral("wrong"));
    client->start();
    BackendReply *ready = client->waitUntilReady();
    QVERIFY(finished(ready));
    QVERIFY(!ready->isOk());
    QTRY_VERIFY(client->status().lastError.contains(QLatin1String("refused the access token")));
    QVERIFY(client->status().lastError.contains(QLatin1String("homewarden secrets set ha-token")));
    QVERIFY(!client->isReady());
}

void tst_HomeAssistantClient::aHangingHomeAssistantTimesOut()
{
    auto client = makeClient();
    client->start();
    waitReady(client.get());
    m_fake->setFault(FakeHomeAssistant::Fault::Hang);
    QElapsedTimer timer;
    timer.start();
    BackendReply *reply = client->callService(QStringLiteral("light"), QStringLiteral("turn_on"),
            {}, {QStringLiteral("light.kitchen")});
    QVERIFY(finished(reply, 3000));
    QVERIFY(!reply->isOk());
    QVERIFY2(reply->errorString().contains(QLatin1String("did not answer within")),
            qPrintable(reply->errorString()));
    QVERIFY2(timer.elapsed() < TIMEOUT_MS + 400, qPrintable(QString::number(timer.elapsed())));

    // The same for a client that connects to a Home Assistant that never speaks at all.
    m_fake->setFault(FakeHomeAssistant::Fault::HangAll);
    auto silent = makeClient();
    silent->start();
    timer.restart();
    BackendReply *ready = silent->waitUntilReady();
    QVERIFY(finished(ready, 3000));
    QVERIFY(!ready->isOk());
    QVERIFY(timer.elapsed() < TIMEOUT_MS + 400);
}

void tst_HomeAssistantClient::garbageIsAnErrorNotACrash()
{
    m_fake->setFault(FakeHomeAssistant::Fault::Garbage);
    auto client = makeClient();
    client->start();
    QTRY_VERIFY(client->status().lastError.contains(QLatin1String("not JSON")));
    QVERIFY(!client->isReady());
    // Once Home Assistant talks sense again, the client recovers on its own.
    m_fake->setFault(FakeHomeAssistant::Fault::None);
    waitReady(client.get());
}

void tst_HomeAssistantClient::restStandsInWhileTheSocketIsDown()
{
    auto client = makeClient();
    client->start();
    waitReady(client.get());
    m_fake->setFault(FakeHomeAssistant::Fault::ServerError);
    m_fake->dropWebSockets();
    QTRY_VERIFY(!client->isReady());
    // Over REST now, and Home Assistant answers 500.
    BackendReply *reply = client->callService(QStringLiteral("switch"), QStringLiteral("turn_on"),
            {}, {QStringLiteral("switch.porch_outlet")});
    QVERIFY(finished(reply));
    QVERIFY(!reply->isOk());
    QVERIFY2(reply->errorString().contains(QLatin1String("500")), qPrintable(reply->errorString()));
}

void tst_HomeAssistantClient::reconnectsAndResyncsAfterARestart()
{
    auto client = makeClient();
    client->start();
    waitReady(client.get());
    const quint16 port = m_fake->port();
    m_fake->close();
    QTRY_VERIFY(!client->isReady());
    // A change made while HomeWarden could not see it.
    m_fake->setState(QStringLiteral("light.kitchen"), QStringLiteral("on"));
    QVERIFY(m_fake->listen(port));
    waitReady(client.get());
    QCOMPARE(client->states()
                     .value(QStringLiteral("light.kitchen"))
                     .value(QLatin1String("state"))
                     .toString(),
            QStringLiteral("on"));
}

void tst_HomeAssistantClient::theGuardStopsEveryRequest()
{
    auto client = makeClient();
    QString stop = QStringLiteral("A person stopped all AI access to Home Assistant.");
    client->setRequestGuard([&stop] { return stop; });
    client->start();
    BackendReply *reply = client->callService(QStringLiteral("light"), QStringLiteral("turn_on"),
            {}, {QStringLiteral("light.kitchen")});
    QVERIFY(finished(reply));
    QCOMPARE(reply->errorString(), stop);
    QTest::qWait(100);
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(m_fake->webSocketConnectionCount(), 0);

    stop.clear();
    client->resume();
    waitReady(client.get());
}

void tst_HomeAssistantClient::abortAllEndsWhatIsInFlight()
{
    auto client = makeClient();
    client->start();
    waitReady(client.get());
    m_fake->setFault(FakeHomeAssistant::Fault::Hang);
    BackendReply *reply = client->callService(QStringLiteral("light"), QStringLiteral("turn_on"),
            {}, {QStringLiteral("light.kitchen")});
    QTest::qWait(50);
    QVERIFY(!reply->isFinished());
    client->abortAll(QStringLiteral("Stopped."));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->errorString(), QStringLiteral("Stopped."));
    QTRY_COMPARE(m_fake->webSocketConnectionCount(), 0);
    // Nothing reconnects until resume().
    QTest::qWait(300);
    QCOMPARE(m_fake->webSocketConnectionCount(), 0);
    m_fake->setFault(FakeHomeAssistant::Fault::None);
    client->resume();
    waitReady(client.get());
}

QTEST_GUILESS_MAIN(tst_HomeAssistantClient)
#include "tst_homeassistantclient.moc"
