#pragma once

#include "HttpConnection.h"
#include "ServerMetrics.h"
#include "ToolGate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>

class Gatekeeper;
class HttpServer;
class McpSession;
class ToolRegistry;
namespace JsonRpc {
struct Message;
}

// MCP's Streamable HTTP transport at /mcp, with /health and /metrics, behind the checks a
// server that can open doors needs: Host and Origin against allow-lists (DNS rebinding), a key
// on every request but /health, the rate limit per request, security headers on every answer.
// POST carries JSON-RPC (202 for notifications and responses), GET opens a server-sent event
// stream, DELETE ends a session; Mcp-Session-Id is issued at initialize and required after.
class McpHttpService : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QStringList allowedHosts; // Host header values, "localhost:3001"
        QStringList allowedOrigins; // Origin header values, "http://localhost:3001"
        bool tls = false;
        int maxSessions = 256;
        int sessionIdleMs = 30 * 60 * 1000;
        int keepAliveMs = 15 * 1000; // comment lines on idle event streams
    };

    // The loopback names (and the bound address) with the port, for both allow-lists, plus
    // extra origins the person configured. Never a wildcard.
    static Options defaultOptions(const QHostAddress &bound, quint16 port, bool tls,
            const QStringList &extraOrigins = {});

    McpHttpService(HttpServer *server, const ToolRegistry *tools, Gatekeeper *gate,
            const Options &options, QObject *parent = nullptr);
    ~McpHttpService() override;

    // Another endpoint behind the same checks (Host, Origin, key, rate limit, audit of
    // refusals): the handler answers an authenticated request at path. A 403 it answers is
    // audited as a denial.
    using RouteHandler =
            std::function<HttpResponse(const HttpRequest &request, const Caller &caller)>;
    void addRoute(const QByteArray &path, const RouteHandler &handler);

    // Where /metrics reads the backends' state and the kill switch's stops from.
    void setStatusProviders(const SystemStatusTool::BackendsProvider &backends,
            const SystemStatusTool::StopsProvider &stops);

    int sessionCount() const { return int(m_sessions.size()); }
    const ServerMetrics &metrics() const { return m_metrics; }

private:
    struct Pending
    {
        QPointer<HttpConnection> connection;
        QList<QPair<QByteArray, QByteArray>> headers;
        QElapsedTimer started;
        bool toolCall = false;
        bool initialize = false;
    };
    struct Session
    {
        QString id;
        QString keyId;
        McpSession *mcp = nullptr; // child of the service
        QElapsedTimer lastSeen;
        QList<QPointer<HttpConnection>> streams;
        QHash<QString, Pending> pending; // by JSON-RPC id
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    void handle(HttpConnection *connection, const HttpRequest &request);
    void handleMcp(HttpConnection *connection, const HttpRequest &request,
            const JsonRpc::Message &message, const Caller &caller, const Headers &headers);
    void handlePost(HttpConnection *connection, const HttpRequest &request,
            const JsonRpc::Message &message, const Caller &caller, const Headers &headers);
    void handleGet(HttpConnection *connection, Session *session, const Headers &headers);
    void handleDelete(HttpConnection *connection, Session *session, const Headers &headers);
    void handleMetrics(HttpConnection *connection, const Caller &caller, const Headers &headers);

    Session *createSession(const Caller &caller);
    void endSession(const QString &id);
    void deliver(const QString &sessionId, const QByteArray &message, const QJsonValue &inReplyTo,
            bool isError);
    void sweep();

    // The one place every answer leaves through: the headers (security, CORS, rate limit)
    // were settled when the request came in; counted for /metrics here.
    void send(HttpConnection *connection, HttpResponse response, const Headers &headers);
    // An error on /mcp, as a JSON-RPC error object a client can show.
    void sendJsonRpcError(HttpConnection *connection, int status, const QString &sentence,
            const Headers &headers);
    // A refusal of the gate: audited, counted, answered.
    void refuse(HttpConnection *connection, const HttpRequest &request, int status,
            const QString &sentence, const Headers &headers);
    Headers responseHeaders(const HttpRequest &request) const;
    bool isAllowedOrigin(const QByteArray &origin) const;

    const ToolRegistry *m_tools;
    Gatekeeper *m_gate;
    Options m_options;
    ServerMetrics m_metrics;
    SystemStatusTool::BackendsProvider m_backends;
    SystemStatusTool::StopsProvider m_stops;
    QHash<QByteArray, RouteHandler> m_routes;
    std::unordered_map<QString, std::unique_ptr<Session>> m_sessions;
    QTimer m_sweepTimer;
    QTimer m_keepAliveTimer;
};
