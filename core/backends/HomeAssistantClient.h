#pragma once

#include "HomeAssistantRegistry.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class BackendReply;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
class QWebSocket;

// One Home Assistant: its WebSocket API (/api/websocket) keeps a live cache of every entity's
// state and of the area, device and entity registries; service calls go over the same socket.
// REST (/api/...) stands in while the socket is down. Every request has a timeout; a lost
// connection is re-opened with capped exponential backoff and the cache re-synced.
//
// The owner can veto every outgoing request (the kill switch): the guard is asked before
// each one, and abortAll() cuts everything off until resume().
class HomeAssistantClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl baseUrl; // http(s)://host:8123
        QString token; // a long-lived access token
        int requestTimeoutMs = 10000;
        int minReconnectDelayMs = 1000;
        int maxReconnectDelayMs = 60000;
        int heartbeatIntervalMs = 30000;
    };

    struct Status
    {
        bool connected = false; // the socket is authenticated and the cache in sync
        QString version; // Home Assistant's, from the handshake
        QDateTime connectedSince; // UTC, when connected
        QString lastError; // one sentence, empty when none happened yet
        int entityCount = 0;
    };

    // A non-empty answer refuses the request with that sentence.
    using RequestGuard = std::function<QString()>;

    explicit HomeAssistantClient(const Options &options, QObject *parent = nullptr);
    ~HomeAssistantClient() override;

    void start();
    // The token arrives after construction when it comes from the keychain.
    void setToken(const QString &token) { m_options.token = token; }
    // The client cannot start (no token): every request fails with sentence.
    void setUnavailable(const QString &sentence);
    void setRequestGuard(const RequestGuard &guard) { m_guard = guard; }
    // Fails every request in flight with reason, closes the connection and opens none until
    // resume().
    void abortAll(const QString &reason);
    void resume();

    bool isReady() const { return m_phase == Phase::Ready; }
    Status status() const;
    QUrl baseUrl() const { return m_options.baseUrl; }
    int requestTimeoutMs() const { return m_options.requestTimeoutMs; }

    const QHash<QString, QJsonObject> &states() const { return m_states; }
    const HomeAssistantRegistry &registry() const { return m_registry; }

    // Finishes once the cache is in sync (at once when it is), or fails within the request
    // timeout with the reason it is not.
    BackendReply *waitUntilReady();
    // domain.service on the given entities (none: a service that needs no target).
    BackendReply *callService(const QString &domain, const QString &service,
            const QJsonObject &serviceData, const QStringList &entityIds);

Q_SIGNALS:
    void readyChanged(bool ready);
    void stateChanged(const QString &entityId);
    // The cache was replaced as a whole (after a (re)connect).
    void statesReset();
    // Something went wrong talking to Home Assistant: one sentence for the person.
    void errorOccurred(const QString &sentence);

private:
    enum class Phase { Idle, Connecting, Authenticating, Syncing, Ready, Waiting, Halted };

    void connectNow();
    void onSocketConnected();
    void onSocketDisconnected();
    void onTextMessage(const QString &message);
    void handleMessage(const QJsonObject &message);
    void handleEvent(const QJsonObject &event);
    void beginSync();
    void finishSyncStep();
    void dropConnection(const QString &sentence);
    void scheduleReconnect();
    void setError(const QString &sentence);
    void setReady(bool ready);

    // Sends one command over the socket; the reply finishes with its "result".
    BackendReply *sendCommand(QJsonObject command);
    BackendReply *rest(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    void restoreStatesOverRest(BackendReply *waiter);
    void failPending(const QString &sentence);

    QString where() const; // "Home Assistant at http://..."
    QString timeoutSentence() const;

    Options m_options;
    RequestGuard m_guard;
    Phase m_phase = Phase::Idle;
    QString m_haltReason;

    QWebSocket *m_socket = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_handshakeTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    int m_reconnectDelayMs = 0;

    qint64 m_nextId = 1;
    qint64 m_subscriptionId = 0;
    int m_syncStepsLeft = 0;
    QHash<qint64, QPointer<BackendReply>> m_pending;
    QHash<QNetworkReply *, QPointer<BackendReply>> m_restInFlight;
    QList<QPointer<BackendReply>> m_readyWaiters;

    QHash<QString, QJsonObject> m_states;
    HomeAssistantRegistry m_registry;
    QString m_version;
    QDateTime m_connectedSince;
    QString m_lastError;
};
