#include "HomeAssistantClient.h"

#include "BackendReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QWebSocket>

namespace {

QString key(const char *name)
{
    return QLatin1String(name);
}

// path appended to the base URL's own path, so that a Home Assistant behind a reverse proxy
// at https://example.org/ha works too.
QUrl withPath(QUrl url, const QString &path)
{
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

} // namespace

HomeAssistantClient::HomeAssistantClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_network(new QNetworkAccessManager(this))
    , m_handshakeTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
    , m_heartbeatTimer(new QTimer(this))
{
    m_reconnectDelayMs = m_options.minReconnectDelayMs;
    m_handshakeTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    connect(m_handshakeTimer, &QTimer::timeout, this,
            [this] { dropConnection(timeoutSentence()); });
    connect(m_reconnectTimer, &QTimer::timeout, this, &HomeAssistantClient::connectNow);
    connect(m_heartbeatTimer, &QTimer::timeout, this, [this] {
        // A peer that vanished without closing the socket shows up as a ping that times out.
        BackendReply *pong = sendCommand({{key("type"), QStringLiteral("ping")}});
        connect(pong, &BackendReply::finished, pong, &QObject::deleteLater);
    });
    connect(m_socket, &QWebSocket::connected, this, &HomeAssistantClient::onSocketConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &HomeAssistantClient::onSocketDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &HomeAssistantClient::onTextMessage);
    // QWebSocket::errorOccurred is Qt 6.5; 6.4 has the overloaded error signal.
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_phase == Phase::Connecting)
                    setError(
                            tr("%1 cannot be reached (%2); HomeWarden keeps trying — check that it "
                               "is running and the address is right.")
                                    .arg(where(), m_socket->errorString()));
            });
}

HomeAssistantClient::~HomeAssistantClient()
{
    m_phase = Phase::Halted;
    failPending(tr("HomeWarden is shutting down."));
}

QString HomeAssistantClient::where() const
{
    return tr("Home Assistant at %1").arg(m_options.baseUrl.toDisplayString());
}

QString HomeAssistantClient::timeoutSentence() const
{
    return tr("%1 did not answer within %2 s; check that it is running and not overloaded.")
            .arg(where())
            .arg(m_options.requestTimeoutMs / 1000.0);
}

void HomeAssistantClient::start()
{
    if (m_phase == Phase::Idle)
        connectNow();
}

void HomeAssistantClient::setUnavailable(const QString &sentence)
{
    setError(sentence);
    const QList<QPointer<BackendReply>> waiters = std::exchange(m_readyWaiters, {});
    for (const QPointer<BackendReply> &waiter : waiters) {
        if (waiter)
            waiter->fail(sentence);
    }
}

void HomeAssistantClient::connectNow()
{
    if (m_phase == Phase::Halted)
        return;
    const QString refusal = m_guard ? m_guard() : QString();
    if (!refusal.isEmpty()) {
        abortAll(refusal);
        return;
    }
    m_phase = Phase::Connecting;
    QUrl url = withPath(m_options.baseUrl, QStringLiteral("/api/websocket"));
    url.setScheme(m_options.baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                       : QStringLiteral("ws"));
    m_handshakeTimer->start(m_options.requestTimeoutMs);
    m_socket->open(url);
}

void HomeAssistantClient::onSocketConnected()
{
    m_phase = Phase::Authenticating; // Home Assistant speaks first: auth_required
}

void HomeAssistantClient::onSocketDisconnected()
{
    m_handshakeTimer->stop();
    m_heartbeatTimer->stop();
    setReady(false);
    // Reconnect first, so that what the failed replies set off sees the connection gone.
    if (m_phase != Phase::Halted && m_phase != Phase::Waiting)
        scheduleReconnect();
    failPending(tr("The connection to %1 was lost; HomeWarden is reconnecting, try again in a "
                   "moment.")
                        .arg(where()));
}

void HomeAssistantClient::scheduleReconnect()
{
    m_phase = Phase::Waiting;
    m_reconnectTimer->start(m_reconnectDelayMs);
    m_reconnectDelayMs = qMin(m_reconnectDelayMs * 2, m_options.maxReconnectDelayMs);
}

void HomeAssistantClient::dropConnection(const QString &sentence)
{
    setError(sentence);
    m_handshakeTimer->stop();
    // abort() emits disconnected(), which fails what is pending and schedules the reconnect.
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->abort();
    } else if (m_phase != Phase::Halted && m_phase != Phase::Waiting) {
        failPending(sentence);
        scheduleReconnect();
    }
}

void HomeAssistantClient::onTextMessage(const QString &message)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        dropConnection(tr("%1 sent a message that is not JSON (%2); is this really Home "
                          "Assistant's WebSocket API?")
                               .arg(where(), parseError.errorString()));
        return;
    }
    // Home Assistant may coalesce several messages into one array.
    if (document.isArray()) {
        const QJsonArray messages = document.array();
        for (const QJsonValue &each : messages)
            handleMessage(each.toObject());
    } else {
        handleMessage(document.object());
    }
}

void HomeAssistantClient::handleMessage(const QJsonObject &message)
{
    const QString type = message.value(key("type")).toString();
    if (type == QLatin1String("auth_required")) {
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
                QJsonObject{{key("type"), QStringLiteral("auth")},
                        {key("access_token"),
                                m_options.token}}).toJson(QJsonDocument::Compact)));
    } else if (type == QLatin1String("auth_ok")) {
        m_version = message.value(key("ha_version")).toString();
        beginSync();
    } else if (type == QLatin1String("auth_invalid")) {
        dropConnection(tr("%1 refused the access token; create a long-lived access token in "
                          "your Home Assistant profile and store it with 'homewarden secrets "
                          "set ha-token'.")
                               .arg(where()));
    } else if (type == QLatin1String("result") || type == QLatin1String("pong")) {
        const QPointer<BackendReply> reply = m_pending.take(message.value(key("id")).toInteger());
        if (!reply)
            return;
        if (type == QLatin1String("pong") || message.value(key("success")).toBool()) {
            reply->succeed(message.value(key("result")));
        } else {
            const QJsonObject error = message.value(key("error")).toObject();
            reply->fail(tr("%1 refused the request: %2 (%3).")
                                .arg(where(), error.value(key("message")).toString(),
                                        error.value(key("code")).toString()));
        }
    } else if (type == QLatin1String("event")) {
        if (message.value(key("id")).toInteger() == m_subscriptionId)
            handleEvent(message.value(key("event")).toObject());
    }
}

void HomeAssistantClient::handleEvent(const QJsonObject &event)
{
    if (event.value(key("event_type")).toString() != QLatin1String("state_changed"))
        return;
    const QJsonObject data = event.value(key("data")).toObject();
    const QString entityId = data.value(key("entity_id")).toString();
    if (entityId.isEmpty())
        return;
    const QJsonValue newState = data.value(key("new_state"));
    if (newState.isObject())
        m_states.insert(entityId, newState.toObject());
    else
        m_states.remove(entityId); // the entity was removed
    Q_EMIT stateChanged(entityId);
}

void HomeAssistantClient::beginSync()
{
    m_phase = Phase::Syncing;
    m_handshakeTimer->stop();
    // Subscribe before reading the states, so that no change falls between the two.
    BackendReply *subscribe = sendCommand({{key("type"), QStringLiteral("subscribe_events")},
            {key("event_type"), QStringLiteral("state_changed")}});
    m_subscriptionId = m_nextId - 1;
    BackendReply *states = sendCommand({{key("type"), QStringLiteral("get_states")}});
    const QList<QPair<QString, std::function<void(const QJsonArray &)>>> registries{
            {QStringLiteral("config/area_registry/list"),
                    [this](const QJsonArray &list) { m_registry.setAreas(list); }},
            {QStringLiteral("config/device_registry/list"),
                    [this](const QJsonArray &list) { m_registry.setDevices(list); }},
            {QStringLiteral("config/entity_registry/list"),
                    [this](const QJsonArray &list) { m_registry.setEntities(list); }},
    };
    m_syncStepsLeft = 2 + int(registries.size());

    auto required = [this](BackendReply *reply, const std::function<void()> &onSuccess) {
        connect(reply, &BackendReply::finished, this, [this, reply, onSuccess] {
            reply->deleteLater();
            if (m_phase != Phase::Syncing)
                return; // the connection is gone already, and its error is known
            if (!reply->isOk()) {
                dropConnection(reply->errorString());
                return;
            }
            onSuccess();
            finishSyncStep();
        });
    };
    required(subscribe, [] {});
    required(states, [this, states] {
        m_states.clear();
        const QJsonArray list = states->result().toArray();
        for (const QJsonValue &state : list) {
            const QJsonObject object = state.toObject();
            m_states.insert(object.value(key("entity_id")).toString(), object);
        }
    });
    for (const auto &[command, apply] : registries) {
        BackendReply *reply = sendCommand({{key("type"), command}});
        // The registries need an administrator's token; without them rooms stay empty, which
        // is worth a note but no reason to refuse the whole house.
        connect(reply, &BackendReply::finished, this, [this, reply, apply, command] {
            reply->deleteLater();
            if (reply->isOk())
                apply(reply->result().toArray());
            else if (reply->errorString() != m_lastError && m_phase == Phase::Syncing)
                qWarning("Home Assistant %s failed: %s", qPrintable(command),
                        qPrintable(reply->errorString()));
            if (m_phase == Phase::Syncing)
                finishSyncStep();
        });
    }
}

void HomeAssistantClient::finishSyncStep()
{
    if (--m_syncStepsLeft > 0 || m_phase != Phase::Syncing)
        return;
    m_reconnectDelayMs = m_options.minReconnectDelayMs;
    m_connectedSince = QDateTime::currentDateTimeUtc();
    m_heartbeatTimer->start(m_options.heartbeatIntervalMs);
    Q_EMIT statesReset();
    setReady(true);
}

void HomeAssistantClient::setReady(bool ready)
{
    const bool wasReady = m_phase == Phase::Ready;
    if (ready) {
        m_phase = Phase::Ready;
        const QList<QPointer<BackendReply>> waiters = std::exchange(m_readyWaiters, {});
        for (const QPointer<BackendReply> &waiter : waiters) {
            if (waiter)
                waiter->succeed({});
        }
    }
    if (wasReady != ready)
        Q_EMIT readyChanged(ready);
}

void HomeAssistantClient::setError(const QString &sentence)
{
    if (sentence == m_lastError)
        return;
    m_lastError = sentence;
    Q_EMIT errorOccurred(sentence);
}

void HomeAssistantClient::failPending(const QString &sentence)
{
    const QHash<qint64, QPointer<BackendReply>> pending = std::exchange(m_pending, {});
    for (const QPointer<BackendReply> &reply : pending) {
        if (reply)
            reply->fail(sentence);
    }
}

BackendReply *HomeAssistantClient::sendCommand(QJsonObject command)
{
    auto *reply = new BackendReply(this);
    const QString refusal = m_guard ? m_guard() : QString();
    if (!refusal.isEmpty()) {
        QTimer::singleShot(0, reply, [reply, refusal] { reply->fail(refusal); });
        return reply;
    }
    const qint64 id = m_nextId++;
    command.insert(key("id"), id);
    m_pending.insert(id, reply);
    reply->setTimeout(m_options.requestTimeoutMs, timeoutSentence());
    connect(reply, &BackendReply::aborted, this, [this, id, reply] {
        m_pending.remove(id);
        // A timeout means Home Assistant stopped answering: start afresh rather than keep a
        // socket that may never speak again.
        if (m_phase != Phase::Halted)
            dropConnection(reply->errorString());
    });
    m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Compact)));
    return reply;
}

BackendReply *HomeAssistantClient::rest(
        const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    const QString refusal = m_guard ? m_guard() : QString();
    if (!refusal.isEmpty())
        return BackendReply::failure(refusal, this);
    if (m_phase == Phase::Halted)
        return BackendReply::failure(m_haltReason, this);

    QNetworkRequest request(withPath(m_options.baseUrl, path));
    request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QByteArray payload =
            verb == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *network = m_network->sendCustomRequest(request, verb, payload);
    auto *reply = new BackendReply(this);
    m_restInFlight.insert(network, reply);
    reply->setTimeout(m_options.requestTimeoutMs, timeoutSentence());
    connect(reply, &BackendReply::aborted, network, &QNetworkReply::abort);
    connect(network, &QNetworkReply::finished, this, [this, network, reply] {
        m_restInFlight.remove(network);
        network->deleteLater();
        if (reply->isFinished())
            return;
        const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = network->readAll();
        if (status == 401 || status == 403) {
            reply->fail(tr("%1 refused the access token; create a long-lived access token in "
                           "your Home Assistant profile and store it with 'homewarden secrets "
                           "set ha-token'.")
                                .arg(where()));
            return;
        }
        if (network->error() != QNetworkReply::NoError && status == 0) {
            reply->fail(tr("%1 cannot be reached (%2); check that it is running.")
                                .arg(where(), network->errorString()));
            return;
        }
        if (status >= 400) {
            reply->fail(tr("%1 answered HTTP %2 (%3); see Home Assistant's log.")
                                .arg(where())
                                .arg(status)
                                .arg(QString::fromUtf8(data.left(200)).simplified()));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            reply->fail(tr("%1 answered with something that is not JSON (%2).")
                                .arg(where(), parseError.errorString()));
            return;
        }
        reply->succeed(
                document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    });
    return reply;
}

BackendReply *HomeAssistantClient::waitUntilReady()
{
    if (m_phase == Phase::Ready) {
        auto *ready = new BackendReply(this);
        QTimer::singleShot(0, ready, [ready] { ready->succeed({}); });
        return ready;
    }
    const QString refusal = m_guard ? m_guard() : QString();
    if (!refusal.isEmpty())
        return BackendReply::failure(refusal, this);
    if (m_phase == Phase::Halted)
        return BackendReply::failure(m_haltReason, this);
    if (m_phase == Phase::Idle && !m_lastError.isEmpty())
        return BackendReply::failure(m_lastError, this);

    auto *waiter = new BackendReply(this);
    waiter->setTimeout(m_options.requestTimeoutMs,
            m_lastError.isEmpty() ? timeoutSentence()
                                  : tr("%1 is not connected: %2").arg(where(), m_lastError));
    if (m_phase == Phase::Waiting)
        restoreStatesOverRest(waiter); // the socket is down: REST may still answer
    else
        m_readyWaiters.append(waiter);
    return waiter;
}

void HomeAssistantClient::restoreStatesOverRest(BackendReply *waiter)
{
    BackendReply *states = rest("GET", QStringLiteral("/api/states"));
    connect(states, &BackendReply::finished, this, [this, states, waiter] {
        states->deleteLater();
        if (waiter->isFinished())
            return;
        if (!states->isOk()) {
            waiter->fail(states->errorString());
            return;
        }
        m_states.clear();
        const QJsonArray list = states->result().toArray();
        for (const QJsonValue &state : list) {
            const QJsonObject object = state.toObject();
            m_states.insert(object.value(key("entity_id")).toString(), object);
        }
        Q_EMIT statesReset();
        waiter->succeed({});
    });
}

BackendReply *HomeAssistantClient::callService(const QString &domain, const QString &service,
        const QJsonObject &serviceData, const QStringList &entityIds)
{
    if (m_phase == Phase::Halted)
        return BackendReply::failure(m_haltReason, this);
    if (m_phase == Phase::Ready) {
        QJsonObject command{{key("type"), QStringLiteral("call_service")}, {key("domain"), domain},
                {key("service"), service}, {key("service_data"), serviceData}};
        if (!entityIds.isEmpty())
            command.insert(key("target"),
                    QJsonObject{{key("entity_id"), QJsonArray::fromStringList(entityIds)}});
        return sendCommand(command);
    }
    QJsonObject body = serviceData;
    if (!entityIds.isEmpty())
        body.insert(key("entity_id"), QJsonArray::fromStringList(entityIds));
    return rest("POST", QStringLiteral("/api/services/%1/%2").arg(domain, service), body);
}

void HomeAssistantClient::abortAll(const QString &reason)
{
    const bool wasReady = m_phase == Phase::Ready;
    m_phase = Phase::Halted;
    m_haltReason = reason;
    m_handshakeTimer->stop();
    m_reconnectTimer->stop();
    m_heartbeatTimer->stop();
    failPending(reason);
    const QList<QPointer<BackendReply>> waiters = std::exchange(m_readyWaiters, {});
    for (const QPointer<BackendReply> &waiter : waiters) {
        if (waiter)
            waiter->fail(reason);
    }
    const QHash<QNetworkReply *, QPointer<BackendReply>> rest = std::exchange(m_restInFlight, {});
    for (auto it = rest.cbegin(); it != rest.cend(); ++it) {
        if (it.value())
            it.value()->fail(reason);
        it.key()->abort();
    }
    m_socket->abort();
    // Nothing of the house is kept while it is cut off.
    m_states.clear();
    Q_EMIT statesReset();
    if (wasReady)
        Q_EMIT readyChanged(false);
}

void HomeAssistantClient::resume()
{
    if (m_phase != Phase::Halted)
        return;
    m_phase = Phase::Idle;
    m_haltReason.clear();
    m_reconnectDelayMs = m_options.minReconnectDelayMs;
    if (!m_options.token.isEmpty()) // else start() follows once the token is there
        connectNow();
}

HomeAssistantClient::Status HomeAssistantClient::status() const
{
    Status status;
    status.connected = m_phase == Phase::Ready;
    status.version = m_version;
    status.connectedSince = status.connected ? m_connectedSince : QDateTime();
    status.lastError = m_phase == Phase::Halted ? m_haltReason : m_lastError;
    status.entityCount = int(m_states.size());
    return status;
}
