#include "McpHttpService.h"

#include "Gatekeeper.h"
#include "HttpServer.h"
#include "JsonRpc.h"
#include "McpSession.h"
#include "ProtocolRevision.h"
#include "ToolRegistry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace {

const QByteArray MCP_PATH = "/mcp";
const QByteArray SESSION_HEADER = "mcp-session-id";
const QByteArray VERSION_HEADER = "mcp-protocol-version";

QString sourceOf(const QHostAddress &peer)
{
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; allow-lists and bans
    // want the IPv4 form.
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : peer.toString();
}

QString presentedKey(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.size() > 7
            && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromUtf8(authorization.mid(7).trimmed());
    return QString::fromUtf8(request.header("x-api-key").trimmed());
}

bool accepts(const HttpRequest &request, const QByteArray &type)
{
    const QByteArray accept = request.header("accept");
    return accept.isEmpty() || accept.contains(type) || accept.contains("*/*");
}

QByteArray sseEvent(const QByteArray &message)
{
    return "event: message\ndata: " + message + "\n\n";
}

} // namespace

McpHttpService::Options McpHttpService::defaultOptions(
        const QHostAddress &bound, quint16 port, bool tls, const QStringList &extraOrigins)
{
    Options options;
    options.tls = tls;
    const QString portText = QString::number(port);
    QStringList hosts{
            QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("[::1]")};
    if (!bound.isLoopback() && bound != QHostAddress::Any && bound != QHostAddress::AnyIPv6
            && bound != QHostAddress::AnyIPv4) {
        hosts.append(bound.protocol() == QAbstractSocket::IPv6Protocol
                        ? QLatin1Char('[') + bound.toString() + QLatin1Char(']')
                        : bound.toString());
    }
    for (const QString &host : hosts) {
        options.allowedHosts.append(host + QLatin1Char(':') + portText);
        options.allowedOrigins.append((tls ? QStringLiteral("https://") : QStringLiteral("http://"))
                + host + QLatin1Char(':') + portText);
    }
    options.allowedOrigins.append(extraOrigins);
    return options;
}

McpHttpService::McpHttpService(HttpServer *server, const ToolRegistry *tools, Gatekeeper *gate,
        const Options &options, QObject *parent)
    : QObject(parent)
    , m_tools(tools)
    , m_gate(gate)
    , m_options(options)
{
    connect(server, &HttpServer::requestReceived, this, &McpHttpService::handle);
    connect(&m_sweepTimer, &QTimer::timeout, this, &McpHttpService::sweep);
    m_sweepTimer.start(60 * 1000);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, [this] {
        for (const auto &[id, session] : m_sessions) {
            for (const QPointer<HttpConnection> &stream : std::as_const(session->streams)) {
                if (stream)
                    stream->writeToStream(": keep-alive\n\n");
            }
        }
    });
    m_keepAliveTimer.start(m_options.keepAliveMs);
}

McpHttpService::~McpHttpService() = default;

bool McpHttpService::isAllowedOrigin(const QByteArray &origin) const
{
    return m_options.allowedOrigins.contains(QString::fromUtf8(origin));
}

McpHttpService::Headers McpHttpService::responseHeaders(const HttpRequest &request) const
{
    Headers headers{
            {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "no-referrer"},
            {"Cache-Control", "no-store"},
            {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
            {"X-Frame-Options", "DENY"},
    };
    if (m_options.tls)
        headers.emplaceBack("Strict-Transport-Security", "max-age=31536000");
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && isAllowedOrigin(origin)) {
        headers.emplaceBack("Access-Control-Allow-Origin", origin);
        headers.emplaceBack("Vary", "Origin");
        headers.emplaceBack("Access-Control-Expose-Headers",
                "Mcp-Session-Id, X-RateLimit-Limit, X-RateLimit-Remaining, "
                "X-RateLimit-Reset, Retry-After, WWW-Authenticate");
    }
    return headers;
}

void McpHttpService::send(HttpConnection *connection, HttpResponse response, const Headers &headers)
{
    if (!connection)
        return;
    for (const auto &header : headers)
        response.setHeader(header.first, header.second);
    m_metrics.countRequest(response.status);
    connection->respond(response);
}

void McpHttpService::sendJsonRpcError(
        HttpConnection *connection, int status, const QString &sentence, const Headers &headers)
{
    const JsonRpc::ErrorCode code = status == 400 ? JsonRpc::ErrorCode::InvalidRequest
            : status == 404                       ? JsonRpc::ErrorCode::SessionNotFound
            : status >= 500                       ? JsonRpc::ErrorCode::InternalError
                                                  : JsonRpc::ErrorCode::ServerError;
    send(connection, HttpResponse::json(status, JsonRpc::error(QJsonValue::Null, code, sentence)),
            headers);
}

void McpHttpService::refuse(HttpConnection *connection, const HttpRequest &request, int status,
        const QString &sentence, const Headers &headers)
{
    m_metrics.countDenial();
    m_gate->recordDenial(sourceOf(request.peer),
            QString::fromUtf8(request.method + ' ' + request.path), sentence);
    sendJsonRpcError(connection, status, sentence, headers);
}

void McpHttpService::handle(HttpConnection *connection, const HttpRequest &request)
{
    Headers headers = responseHeaders(request);

    // DNS rebinding: a page on another site that resolves its name to 127.0.0.1 reaches this
    // port with its own Host and Origin. Both must be ours.
    const QString host = QString::fromUtf8(request.header("host")).toLower();
    if (!m_options.allowedHosts.contains(host))
        return refuse(connection, request, 403,
                QStringLiteral("The Host header %1 is not one this server answers to.").arg(host),
                headers);
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && !isAllowedOrigin(origin))
        return refuse(connection, request, 403,
                QStringLiteral("Requests from the web origin %1 are not allowed.")
                        .arg(QString::fromUtf8(origin)),
                headers);

    if (request.path == "/health") {
        if (request.method != "GET" && request.method != "HEAD")
            return send(connection,
                    HttpResponse::text(405, QStringLiteral("Use GET."))
                            .setHeader("Allow", "GET, HEAD"),
                    headers);
        return send(connection, HttpResponse::json(200, R"({"status":"ok"})"), headers);
    }
    const auto route = m_routes.constFind(request.path);
    if (request.path != MCP_PATH && request.path != "/metrics" && route == m_routes.cend())
        return send(connection, HttpResponse::text(404, QStringLiteral("Not found.")), headers);

    if (request.method == "OPTIONS") {
        // A CORS preflight carries no key; only allowed origins get an answer that lets the
        // real request through.
        HttpResponse preflight;
        preflight.status = 204;
        if (!origin.isEmpty()) {
            preflight.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            preflight.setHeader("Access-Control-Allow-Headers",
                    "Authorization, X-API-Key, Content-Type, Accept, Mcp-Session-Id, "
                    "MCP-Protocol-Version, Last-Event-ID");
            preflight.setHeader("Access-Control-Max-Age", "600");
        }
        return send(connection, preflight, headers);
    }

    const Caller caller = m_gate->authenticate(
            presentedKey(request), sourceOf(request.peer), QStringLiteral("streamable-http"));
    if (!caller.isAuthenticated()) {
        m_metrics.countDenial();
        switch (caller.refusalKind) {
        case Caller::Refusal::NoKey:
        case Caller::Refusal::BadKey:
        case Caller::Refusal::None:
            headers.emplaceBack("WWW-Authenticate", "Bearer realm=\"HomeWarden\"");
            return sendJsonRpcError(connection, 401, caller.refusal, headers);
        case Caller::Refusal::NotAllowedHere:
        case Caller::Refusal::Banned:
            return sendJsonRpcError(connection, 403, caller.refusal, headers);
        case Caller::Refusal::Unavailable:
            return sendJsonRpcError(connection, 503, caller.refusal, headers);
        }
    }

    // What counts against the limit is a call: a JSON-RPC request, or a metrics scrape. The
    // rest of a session's traffic (notifications, the event stream, DELETE) only reports it.
    // The body is parsed once, here, and handed on.
    const JsonRpc::Message message = request.method == "POST" && request.path == MCP_PATH
            ? JsonRpc::parse(request.body)
            : JsonRpc::Message();
    const bool isCall = request.path != MCP_PATH || message.kind == JsonRpc::Message::Kind::Request;
    const RateLimiter::Verdict verdict =
            m_gate->countRequest(caller, QString::fromUtf8(request.method + ' ' + request.path),
                    isCall ? Gatekeeper::Counting::Count : Gatekeeper::Counting::Peek);
    if (verdict.limit > 0) {
        headers.emplaceBack("X-RateLimit-Limit", QByteArray::number(verdict.limit));
        headers.emplaceBack("X-RateLimit-Remaining", QByteArray::number(verdict.remaining));
        headers.emplaceBack("X-RateLimit-Reset", QByteArray::number(verdict.resetSeconds));
    }
    if (!verdict.allowed) {
        m_metrics.countRateLimitHit();
        headers.emplaceBack(
                "Retry-After", QByteArray::number(qMax<qint64>(1, verdict.retryAfterSeconds)));
        return sendJsonRpcError(connection, 429,
                QStringLiteral("Key %1 has used its %2 calls per minute; try again "
                               "in %3 s.")
                        .arg(caller.keyId)
                        .arg(verdict.limit)
                        .arg(verdict.retryAfterSeconds),
                headers);
    }

    if (request.path == "/metrics")
        return handleMetrics(connection, caller, headers);
    if (route != m_routes.cend()) {
        const HttpResponse response = (*route)(request, caller);
        if (response.status == 403) {
            m_metrics.countDenial();
            m_gate->recordDenial(sourceOf(request.peer),
                    QString::fromUtf8(request.method + ' ' + request.path),
                    QString::fromUtf8(response.body));
        }
        return send(connection, response, headers);
    }
    handleMcp(connection, request, message, caller, headers);
}

void McpHttpService::setStatusProviders(const SystemStatusTool::BackendsProvider &backends,
        const SystemStatusTool::StopsProvider &stops)
{
    m_backends = backends;
    m_stops = stops;
}

void McpHttpService::addRoute(const QByteArray &path, const RouteHandler &handler)
{
    m_routes.insert(path, handler);
}

void McpHttpService::handleMetrics(
        HttpConnection *connection, const Caller &caller, const Headers &headers)
{
    if (caller.role != QLatin1String("admin") && caller.role != QLatin1String("monitor")) {
        m_metrics.countDenial();
        return send(connection,
                HttpResponse::text(403,
                        QStringLiteral("Metrics need an admin or monitor key; "
                                       "%1 is a %2 key.")
                                .arg(caller.keyId, caller.role)),
                headers);
    }
    m_metrics.setSessions(sessionCount());
    HttpResponse response;
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = m_metrics.render(m_backends ? m_backends() : QList<BackendStatus>(),
            m_stops ? m_stops() : QList<StopStatus>());
    send(connection, response, headers);
}

void McpHttpService::handleMcp(HttpConnection *connection, const HttpRequest &request,
        const JsonRpc::Message &message, const Caller &caller, const Headers &headers)
{
    const QByteArray version = request.header(VERSION_HEADER);
    if (!version.isEmpty() && !ProtocolRevision::supported().contains(QString::fromUtf8(version)))
        return sendJsonRpcError(connection, 400,
                QStringLiteral("Unsupported MCP-Protocol-Version %1; supported "
                               "are %2.")
                        .arg(QString::fromUtf8(version),
                                ProtocolRevision::supported().join(QStringLiteral(", "))),
                headers);

    if (request.method == "POST")
        return handlePost(connection, request, message, caller, headers);
    if (request.method != "GET" && request.method != "DELETE") {
        HttpResponse notAllowed =
                HttpResponse::text(405, QStringLiteral("Use POST, GET or DELETE."));
        notAllowed.setHeader("Allow", "GET, POST, DELETE, OPTIONS");
        return send(connection, notAllowed, headers);
    }

    const QString id = QString::fromUtf8(request.header(SESSION_HEADER));
    if (id.isEmpty())
        return sendJsonRpcError(connection, 400,
                QStringLiteral("Bad request: the Mcp-Session-Id header is missing."), headers);
    const auto it = m_sessions.find(id);
    // A session belongs to the key that opened it; to any other it does not exist.
    if (it == m_sessions.end() || it->second->keyId != caller.keyId)
        return sendJsonRpcError(connection, 404,
                QStringLiteral("Session not found: it ended or never existed; "
                               "initialize a new one."),
                headers);
    Session *session = it->second.get();
    session->lastSeen.start();
    if (request.method == "GET") {
        if (!request.header("accept").contains("text/event-stream"))
            return send(connection,
                    HttpResponse::text(405,
                            QStringLiteral("GET /mcp opens an event stream: "
                                           "accept text/event-stream."))
                            .setHeader("Allow", "POST, DELETE"),
                    headers);
        return handleGet(connection, session, headers);
    }
    handleDelete(connection, session, headers);
}

void McpHttpService::handlePost(HttpConnection *connection, const HttpRequest &request,
        const JsonRpc::Message &message, const Caller &caller, const Headers &headers)
{
    if (!request.header("content-type").startsWith("application/json"))
        return sendJsonRpcError(connection, 415,
                QStringLiteral("POST /mcp takes Content-Type: application/json."), headers);
    if (!accepts(request, "application/json") && !accepts(request, "text/event-stream"))
        return sendJsonRpcError(connection, 406,
                QStringLiteral("The Accept header must allow application/json."), headers);

    if (!message.isValid())
        return send(connection,
                HttpResponse::json(
                        400, JsonRpc::error(message.id, message.errorCode, message.errorMessage)),
                headers);

    Caller sessionCaller = caller;
    sessionCaller.rateCountedByTransport = true;
    const QString sessionId = QString::fromUtf8(request.header(SESSION_HEADER));
    Session *session = nullptr;
    const bool initialize = message.kind == JsonRpc::Message::Kind::Request
            && message.method == QLatin1String("initialize");
    if (initialize && sessionId.isEmpty()) {
        if (int(m_sessions.size()) >= m_options.maxSessions)
            return sendJsonRpcError(connection, 503,
                    QStringLiteral("Too many open sessions; end one or try again "
                                   "later."),
                    headers);
        session = createSession(sessionCaller);
    } else {
        if (sessionId.isEmpty())
            return sendJsonRpcError(connection, 400,
                    QStringLiteral("Bad request: the Mcp-Session-Id header is "
                                   "missing; send initialize first."),
                    headers);
        const auto it = m_sessions.find(sessionId);
        if (it == m_sessions.end() || it->second->keyId != caller.keyId)
            return sendJsonRpcError(connection, 404,
                    QStringLiteral("Session not found: it ended or never existed; "
                                   "initialize a new one."),
                    headers);
        session = it->second.get();
        // The key may have changed role since the session began; the gate judges it now.
        session->mcp->setCaller(sessionCaller);
    }
    session->lastSeen.start();

    if (message.kind != JsonRpc::Message::Kind::Request) {
        session->mcp->receiveMessage(message);
        HttpResponse accepted;
        accepted.status = 202;
        return send(connection, accepted, headers);
    }

    Pending pending;
    pending.connection = connection;
    pending.headers = headers;
    if (initialize)
        pending.headers.emplaceBack("Mcp-Session-Id", session->id.toUtf8());
    pending.started.start();
    pending.toolCall = message.method == QLatin1String("tools/call");
    pending.initialize = initialize;
    session->pending.insert(JsonRpc::idKey(message.id), pending);
    session->mcp->receiveMessage(message);
}

McpHttpService::Session *McpHttpService::createSession(const Caller &caller)
{
    auto session = std::make_unique<Session>();
    session->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    session->keyId = caller.keyId;
    session->lastSeen.start();
    session->mcp = new McpSession(m_tools, m_gate, caller, this);
    const QString id = session->id;
    connect(session->mcp, &McpSession::messageReady, this,
            [this, id](const QByteArray &message, const QJsonValue &inReplyTo, bool isError) {
                deliver(id, message, inReplyTo, isError);
            });
    Session *raw = session.get();
    m_sessions.emplace(id, std::move(session));
    return raw;
}

void McpHttpService::deliver(const QString &sessionId, const QByteArray &message,
        const QJsonValue &inReplyTo, bool isError)
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return;
    Session *session = it->second.get();
    if (!inReplyTo.isUndefined()) {
        const QString key = JsonRpc::idKey(inReplyTo);
        const auto pending = session->pending.constFind(key);
        if (pending != session->pending.cend()) {
            const Pending waiting = *pending;
            session->pending.erase(pending);
            if (waiting.toolCall)
                m_metrics.observeToolCall(double(waiting.started.nsecsElapsed()) / 1e9);
            const bool failedInitialize = waiting.initialize && isError;
            send(waiting.connection, HttpResponse::json(200, message), waiting.headers);
            if (failedInitialize)
                endSession(sessionId);
            return;
        }
    }
    // Notifications (and answers whose client left) go to the session's event streams.
    for (const QPointer<HttpConnection> &stream : std::as_const(session->streams)) {
        if (stream)
            stream->writeToStream(sseEvent(message));
    }
}

void McpHttpService::handleGet(HttpConnection *connection, Session *session, const Headers &headers)
{
    HttpResponse head;
    head.setHeader("Content-Type", "text/event-stream");
    head.setHeader("Mcp-Session-Id", session->id.toUtf8());
    for (const auto &header : headers)
        head.setHeader(header.first, header.second);
    m_metrics.countRequest(200);
    connection->beginStream(head);
    // A comment, so that the client sees the stream open at once.
    connection->writeToStream(": stream open\n\n");
    session->streams.removeAll(nullptr);
    session->streams.append(connection);
}

void McpHttpService::handleDelete(
        HttpConnection *connection, Session *session, const Headers &headers)
{
    endSession(session->id);
    HttpResponse ended;
    ended.status = 204;
    send(connection, ended, headers);
}

void McpHttpService::endSession(const QString &id)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    std::unique_ptr<Session> session = std::move(it->second);
    m_sessions.erase(it);
    for (const QPointer<HttpConnection> &stream : std::as_const(session->streams)) {
        if (stream)
            stream->endStream();
    }
    for (const Pending &pending : std::as_const(session->pending))
        sendJsonRpcError(pending.connection, 404,
                QStringLiteral("The session ended before this request was answered."),
                pending.headers);
    session->mcp->deleteLater();
}

void McpHttpService::sweep()
{
    QStringList idle;
    for (const auto &[id, session] : m_sessions) {
        session->streams.removeAll(nullptr);
        if (session->streams.isEmpty() && session->pending.isEmpty()
                && session->lastSeen.hasExpired(m_options.sessionIdleMs))
            idle.append(id);
    }
    for (const QString &id : std::as_const(idle))
        endSession(id);
}
