#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
class QWebSocket;

// A Home Assistant for tests: the REST API (/api/...) and the WebSocket API (/api/websocket) on
// one loopback port, answering as HA 2024.6 does (message shapes, error codes, 401/404/400
// bodies), with a state machine whose services change entity states and push state_changed
// events. Faults (hang, server error, garbage) let a client's error paths be driven.
//
// For tests in another process the same port also serves /_fake/ (no auth, not counted):
// GET /_fake/calls, DELETE /_fake/calls, GET /_fake/requests, POST /_fake/fault
// {"fault":"none|hang|hang_all|server_error|garbage"}, POST /_fake/state
// {entity_id,state,attributes}, POST /_fake/drop (close every WebSocket, keep listening).
class FakeHomeAssistant : public QObject
{
    Q_OBJECT

public:
    enum class Fault {
        None,
        Hang, // REST requests and WS commands get no answer; the WS auth handshake still works
        HangAll, // as Hang, and a new WebSocket gets not even auth_required / auth_ok
        ServerError, // REST 500; WS commands fail with code "unknown_error"
        Garbage, // REST 200 bodies and WS frames (after auth) that are not JSON
    };
    Q_ENUM(Fault)

    struct ServiceCall
    {
        QString domain;
        QString service;
        QJsonObject serviceData; // the data without the target keys
        // entity_id / device_id / area_id as given (WS target and service_data, or the REST
        // body), each normalised to an array of strings.
        QJsonObject target;
        QString via; // "websocket" or "rest"
    };

    struct Registries
    {
        QJsonArray areas;
        QJsonArray devices;
        QJsonArray entities;
    };

    explicit FakeHomeAssistant(QObject *parent = nullptr);
    ~FakeHomeAssistant() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only; may be called again after close()
    void close(); // HA goes down: stop listening, drop every HTTP and WebSocket connection
    void dropWebSockets(); // close every WebSocket abruptly, keep listening
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:PORT

    void setToken(const QString &token); // the one accepted long-lived token
    QString token() const;

    // A GET /api/states array; replaces every state.
    bool loadStates(const QString &statesJsonPath, QString *error = nullptr);
    // {domain: {service: {...}}} as in the fixture; /api/services answers it as HA's
    // [{domain, services}] list, get_services as the dict (as HA does).
    bool loadServices(const QString &servicesJsonPath, QString *error = nullptr);
    // Both fixtures of tests/fixtures/ha.
    bool loadFixtures(QString *error = nullptr);
    static QString fixturePath(const QString &fileName);

    void addEntity(const QJsonObject &state); // missing timestamps and context are filled in
    void setRegistries(
            const QJsonArray &areas, const QJsonArray &devices, const QJsonArray &entities);
    void setRegistries(const Registries &registries);

    // SYNTHETIC, not from the fixture: areas kitchen/living_room/bedroom over fixture entity
    // ids (some lights placed by their own area_id, some by their device's), plus entries for
    // exampleAddedEntities().
    static Registries exampleRegistries();
    // SYNTHETIC, not from the fixture (which has no lock/cover): lock.front_door,
    // cover.garage_door (device_class garage), cover.living_room_blinds.
    static QList<QJsonObject> exampleAddedEntities();

    // Sets a state as an integration would and pushes state_changed to subscribers. Empty
    // attributes keep the current ones; given ones are merged into them.
    void setState(
            const QString &entityId, const QString &state, const QJsonObject &attributes = {});
    QJsonObject state(const QString &entityId) const; // empty if unknown
    int entityCount() const;

    void setFault(Fault fault);
    Fault fault() const;
    static QString faultName(Fault fault);
    static std::optional<Fault> faultFromName(const QString &name);

    QList<ServiceCall> serviceCalls() const;
    void clearServiceCalls();
    static QJsonObject toJson(const ServiceCall &call);

    int requestCount() const; // every REST request and every WS message after auth, ever
    int webSocketConnectionCount() const; // currently open

    static QString haVersion();

Q_SIGNALS:
    void serviceCalled(const FakeHomeAssistant::ServiceCall &call);
    void requestReceived(const QString &what);

private:
    class HttpFront;
    struct WsSession
    {
        bool authenticated = false;
        qint64 lastId = 0;
        QHash<qint64, QString> subscriptions; // id -> event type ("" = every event)
    };
    struct CallOutcome
    {
        enum class Status { Ok, NotFound, Invalid } status = Status::Ok;
        QString error;
        QJsonArray changedStates;
        QJsonObject context;
    };

    void handleHttp(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void handleApi(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void handleControl(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void acceptWebSockets();
    void handleWsText(QWebSocket *socket, const QString &text);
    void handleWsCommand(QWebSocket *socket, const QJsonValue &message);
    void sendWs(QWebSocket *socket, const QJsonObject &message);
    void sendWsResult(QWebSocket *socket, qint64 id, const QJsonValue &result);
    void sendWsError(QWebSocket *socket, qint64 id, const QString &code, const QString &message);

    CallOutcome callService(const QString &domain, const QString &service, QJsonObject data,
            QJsonObject target, const QString &via);
    bool isKnownService(const QString &domain, const QString &service) const;
    QStringList resolveTargets(const QJsonObject &target) const;
    QJsonObject applyState(const QString &entityId, const QString &state,
            const QJsonObject &attributes, const QJsonObject &context);
    void fireEvent(const QString &eventType, const QJsonObject &data, const QJsonObject &context);
    QJsonArray allStates() const;
    QJsonArray servicesList() const;
    QJsonObject config() const;

    HttpFront *m_http = nullptr;
    QTcpServer *m_tcpServer = nullptr;
    bool m_bound = false;
    QString m_token;
    Fault m_fault = Fault::None;

    QStringList m_entityOrder; // get_states keeps the fixture's order
    QHash<QString, QJsonObject> m_states;
    QJsonObject m_services;
    Registries m_registries;

    QHash<QWebSocket *, WsSession> m_sessions;
    QList<ServiceCall> m_calls;
    int m_requestCount = 0;
};
