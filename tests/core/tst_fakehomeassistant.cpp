#include "FakeHomeAssistant.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace {

struct HttpResult
{
    bool answered = false;
    int status = 0;
    QByteArray body;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

HttpResult request(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url,
        const QString &token, const QByteArray &body = {}, int timeoutMs = 3000)
{
    QNetworkRequest req(url);
    if (!token.isEmpty())
        req.setRawHeader(
                QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toUtf8());
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    result.answered = finished.wait(timeoutMs);
    if (result.answered) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
    }
    reply->abort();
    reply->deleteLater();
    return result;
}

// A WebSocket client that keeps every frame, so that a test can read them in order.
class WsClient
{
public:
    explicit WsClient(const QUrl &httpUrl)
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                [this](const QString &text) { m_frames.append(text); });
        QObject::connect(
                &m_socket, &QWebSocket::disconnected, &m_socket, [this] { m_disconnected = true; });
        QUrl url = httpUrl;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/websocket"));
        m_socket.open(url);
    }

    // The next frame as JSON; an empty object when none came within timeoutMs.
    QJsonObject next(int timeoutMs = 3000)
    {
        if (!QTest::qWaitFor([this] { return m_read < m_frames.size(); }, timeoutMs))
            return {};
        return QJsonDocument::fromJson(m_frames.at(m_read++).toUtf8()).object();
    }

    void send(const QJsonObject &message)
    {
        m_socket.sendTextMessage(
                QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }

    // auth_required, auth, and the answer's type.
    QString authenticate(const QString &token)
    {
        if (next().value(QLatin1String("type")).toString() != QLatin1String("auth_required"))
            return {};
        send({{QStringLiteral("type"), QStringLiteral("auth")},
                {QStringLiteral("access_token"), token}});
        return next().value(QLatin1String("type")).toString();
    }

    bool isDisconnected() const { return m_disconnected; }

private:
    QWebSocket m_socket;
    QStringList m_frames;
    qsizetype m_read = 0;
    bool m_disconnected = false;
};

QString typeOf(const QJsonObject &message)
{
    return message.value(QLatin1String("type")).toString();
}

QString errorCode(const QJsonObject &message)
{
    return message.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

} // namespace

class tst_FakeHomeAssistant final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void restNeedsToken();
    void restReadsStates();
    void restCallsService();
    void webSocketAuth();
    void webSocketCommands();
    void subscriptionDeliversStateChanged();
    void webSocketCallsService();
    void hangNeverAnswers();
    void closeDropsWebSockets();

private:
    QUrl api(const QString &path) const { return m_fake->url().resolved(QUrl(path)); }

    std::unique_ptr<FakeHomeAssistant> m_fake;
    QNetworkAccessManager m_nam;
    const QString m_token = QStringLiteral("fake-ha-token");
};

void tst_FakeHomeAssistant::init()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_fake = std::make_unique<FakeHomeAssistant>();
    QString error;
    QVERIFY2(m_fake->loadFixtures(&error), qPrintable(error));
    QVERIFY(m_fake->listen());
    QVERIFY(m_fake->port() != 0);
}

void tst_FakeHomeAssistant::cleanup()
{
    m_fake.reset();
}

void tst_FakeHomeAssistant::restNeedsToken()
{
    const HttpResult anonymous = request(m_nam, "GET", api(QStringLiteral("/api/")), {});
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.body, QByteArrayLiteral("401: Unauthorized"));
    const HttpResult wrong =
            request(m_nam, "GET", api(QStringLiteral("/api/")), QStringLiteral("nope"));
    QCOMPARE(wrong.status, 401);

    const HttpResult ok = request(m_nam, "GET", api(QStringLiteral("/api/")), m_token);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().object().value(QLatin1String("message")).toString(),
            QStringLiteral("API running."));
    QCOMPARE(m_fake->requestCount(), 3);
}

void tst_FakeHomeAssistant::restReadsStates()
{
    const HttpResult states = request(m_nam, "GET", api(QStringLiteral("/api/states")), m_token);
    QCOMPARE(states.status, 200);
    QCOMPARE(states.json().array().size(), 131);

    const HttpResult kitchen =
            request(m_nam, "GET", api(QStringLiteral("/api/states/light.kitchen")), m_token);
    QCOMPARE(kitchen.status, 200);
    QCOMPARE(kitchen.json().object().value(QLatin1String("state")).toString(),
            QStringLiteral("off"));

    const HttpResult missing =
            request(m_nam, "GET", api(QStringLiteral("/api/states/light.nowhere")), m_token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().object().value(QLatin1String("message")).toString(),
            QStringLiteral("Entity not found."));

    const HttpResult services =
            request(m_nam, "GET", api(QStringLiteral("/api/services")), m_token);
    QCOMPARE(services.status, 200);
    const QJsonObject first = services.json().array().first().toObject();
    QVERIFY(first.contains(QLatin1String("domain")));
    QVERIFY(first.value(QLatin1String("services")).isObject());

    const HttpResult config = request(m_nam, "GET", api(QStringLiteral("/api/config")), m_token);
    QCOMPARE(config.json().object().value(QLatin1String("version")).toString(),
            FakeHomeAssistant::haVersion());
}

void tst_FakeHomeAssistant::restCallsService()
{
    const HttpResult on = request(m_nam, "POST", api(QStringLiteral("/api/services/light/turn_on")),
            m_token, R"({"entity_id":"light.kitchen","brightness_pct":50})");
    QCOMPARE(on.status, 200);
    const QJsonArray changed = on.json().array();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().toObject().value(QLatin1String("state")).toString(),
            QStringLiteral("on"));
    // HA: round(50 / 100 * 255) = round(127.5) = 128.
    const QJsonObject attributes = m_fake->state(QStringLiteral("light.kitchen"))
                                           .value(QLatin1String("attributes"))
                                           .toObject();
    QCOMPARE(attributes.value(QLatin1String("brightness")).toInt(), 128);

    QCOMPARE(m_fake->serviceCalls().size(), 1);
    const FakeHomeAssistant::ServiceCall call = m_fake->serviceCalls().first();
    QCOMPARE(call.via, QStringLiteral("rest"));
    QCOMPARE(call.target.value(QLatin1String("entity_id")).toArray(),
            QJsonArray{QStringLiteral("light.kitchen")});
    QCOMPARE(call.serviceData.value(QLatin1String("brightness_pct")).toInt(), 50);

    // toggle on a light that is off and reports no brightness turns it on.
    const HttpResult toggle =
            request(m_nam, "POST", api(QStringLiteral("/api/services/light/toggle")), m_token,
                    R"({"entity_id":"light.bedroom"})");
    QCOMPARE(toggle.status, 200);
    QCOMPARE(m_fake->state(QStringLiteral("light.bedroom")).value(QLatin1String("state")),
            QJsonValue(QStringLiteral("on")));

    // An unknown entity in a valid service: success, nothing changed.
    const HttpResult nobody =
            request(m_nam, "POST", api(QStringLiteral("/api/services/light/turn_off")), m_token,
                    R"({"entity_id":"light.nowhere"})");
    QCOMPARE(nobody.status, 200);
    QCOMPARE(nobody.json().array().size(), 0);

    const HttpResult unknown =
            request(m_nam, "POST", api(QStringLiteral("/api/services/light/explode")), m_token,
                    R"({"entity_id":"light.kitchen"})");
    QCOMPARE(unknown.status, 400);
}

void tst_FakeHomeAssistant::webSocketAuth()
{
    WsClient good(m_fake->url());
    QCOMPARE(good.authenticate(m_token), QStringLiteral("auth_ok"));
    QCOMPARE(m_fake->webSocketConnectionCount(), 1);

    WsClient bad(m_fake->url());
    QCOMPARE(bad.authenticate(QStringLiteral("stolen")), QStringLiteral("auth_invalid"));
    QTRY_VERIFY(bad.isDisconnected());
    QTRY_COMPARE(m_fake->webSocketConnectionCount(), 1);
}

void tst_FakeHomeAssistant::webSocketCommands()
{
    m_fake->setRegistries(FakeHomeAssistant::exampleRegistries());
    WsClient ws(m_fake->url());
    QCOMPARE(ws.authenticate(m_token), QStringLiteral("auth_ok"));

    ws.send({{QStringLiteral("id"), 1}, {QStringLiteral("type"), QStringLiteral("get_states")}});
    const QJsonObject states = ws.next();
    QCOMPARE(typeOf(states), QStringLiteral("result"));
    QCOMPARE(states.value(QLatin1String("success")).toBool(), true);
    QCOMPARE(states.value(QLatin1String("result")).toArray().size(), 131);

    ws.send({{QStringLiteral("id"), 2},
            {QStringLiteral("type"), QStringLiteral("config/area_registry/list")}});
    QCOMPARE(ws.next().value(QLatin1String("result")).toArray().size(), 3);

    ws.send({{QStringLiteral("id"), 2}, {QStringLiteral("type"), QStringLiteral("ping")}});
    QCOMPARE(errorCode(ws.next()), QStringLiteral("id_reuse"));

    ws.send({{QStringLiteral("id"), 3}, {QStringLiteral("type"), QStringLiteral("fly")}});
    QCOMPARE(errorCode(ws.next()), QStringLiteral("unknown_command"));

    ws.send({{QStringLiteral("id"), 4}, {QStringLiteral("type"), QStringLiteral("ping")}});
    const QJsonObject pong = ws.next();
    QCOMPARE(typeOf(pong), QStringLiteral("pong"));
    QCOMPARE(pong.value(QLatin1String("id")).toInt(), 4);
    QCOMPARE(m_fake->requestCount(), 5);
}

void tst_FakeHomeAssistant::subscriptionDeliversStateChanged()
{
    WsClient ws(m_fake->url());
    QCOMPARE(ws.authenticate(m_token), QStringLiteral("auth_ok"));
    ws.send({{QStringLiteral("id"), 7},
            {QStringLiteral("type"), QStringLiteral("subscribe_events")},
            {QStringLiteral("event_type"), QStringLiteral("state_changed")}});
    QCOMPARE(ws.next().value(QLatin1String("success")).toBool(), true);

    m_fake->setState(QStringLiteral("light.kitchen"), QStringLiteral("on"));
    const QJsonObject message = ws.next();
    QCOMPARE(typeOf(message), QStringLiteral("event"));
    QCOMPARE(message.value(QLatin1String("id")).toInt(), 7);
    const QJsonObject event = message.value(QLatin1String("event")).toObject();
    QCOMPARE(event.value(QLatin1String("event_type")).toString(), QStringLiteral("state_changed"));
    const QJsonObject data = event.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("entity_id")).toString(), QStringLiteral("light.kitchen"));
    QCOMPARE(data.value(QLatin1String("old_state")).toObject().value(QLatin1String("state")),
            QJsonValue(QStringLiteral("off")));
    QCOMPARE(data.value(QLatin1String("new_state")).toObject().value(QLatin1String("state")),
            QJsonValue(QStringLiteral("on")));
}

void tst_FakeHomeAssistant::webSocketCallsService()
{
    QSignalSpy called(m_fake.get(), &FakeHomeAssistant::serviceCalled);
    WsClient ws(m_fake->url());
    QCOMPARE(ws.authenticate(m_token), QStringLiteral("auth_ok"));
    ws.send({{QStringLiteral("id"), 1}, {QStringLiteral("type"), QStringLiteral("call_service")},
            {QStringLiteral("domain"), QStringLiteral("light")},
            {QStringLiteral("service"), QStringLiteral("turn_on")},
            {QStringLiteral("service_data"), QJsonObject{{QStringLiteral("brightness_pct"), 100}}},
            {QStringLiteral("target"),
                    QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("light.bedroom")}}}});
    const QJsonObject result = ws.next();
    QCOMPARE(result.value(QLatin1String("success")).toBool(), true);
    QVERIFY(!result.value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("context"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString()
                     .isEmpty());
    QCOMPARE(called.size(), 1);
    const auto call = called.first().first().value<FakeHomeAssistant::ServiceCall>();
    QCOMPARE(call.via, QStringLiteral("websocket"));
    const QJsonObject bedroom = m_fake->state(QStringLiteral("light.bedroom"));
    QCOMPARE(bedroom.value(QLatin1String("state")).toString(), QStringLiteral("on"));
    QCOMPARE(bedroom.value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("brightness"))
                     .toInt(),
            255);

    ws.send({{QStringLiteral("id"), 2}, {QStringLiteral("type"), QStringLiteral("call_service")},
            {QStringLiteral("domain"), QStringLiteral("light")},
            {QStringLiteral("service"), QStringLiteral("explode")}});
    QCOMPARE(errorCode(ws.next()), QStringLiteral("not_found"));
}

void tst_FakeHomeAssistant::hangNeverAnswers()
{
    m_fake->setFault(FakeHomeAssistant::Fault::Hang);
    const HttpResult rest = request(m_nam, "GET", api(QStringLiteral("/api/")), m_token, {}, 300);
    QVERIFY(!rest.answered);

    // The handshake still works under Hang; commands get nothing.
    WsClient ws(m_fake->url());
    QCOMPARE(ws.authenticate(m_token), QStringLiteral("auth_ok"));
    ws.send({{QStringLiteral("id"), 1}, {QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(ws.next(300).isEmpty());
    QVERIFY(!ws.isDisconnected());

    m_fake->setFault(FakeHomeAssistant::Fault::None);
    ws.send({{QStringLiteral("id"), 2}, {QStringLiteral("type"), QStringLiteral("ping")}});
    QCOMPARE(typeOf(ws.next()), QStringLiteral("pong"));
}

void tst_FakeHomeAssistant::closeDropsWebSockets()
{
    WsClient ws(m_fake->url());
    QCOMPARE(ws.authenticate(m_token), QStringLiteral("auth_ok"));
    const quint16 port = m_fake->port();

    m_fake->close();
    QTRY_VERIFY(ws.isDisconnected());
    QCOMPARE(m_fake->webSocketConnectionCount(), 0);
    const HttpResult refused = request(
            m_nam, "GET", QUrl(QStringLiteral("http://127.0.0.1:%1/api/").arg(port)), m_token);
    QVERIFY(refused.answered);
    QCOMPARE(refused.status, 0);

    // HA comes back on the same port.
    QVERIFY(m_fake->listen(port));
    WsClient again(m_fake->url());
    QCOMPARE(again.authenticate(m_token), QStringLiteral("auth_ok"));
}

QTEST_GUILESS_MAIN(tst_FakeHomeAssistant)
#include "tst_fakehomeassistant.moc"
