#include "AdminApi.h"
#include "Clock.h"
#include "Gatekeeper.h"
#include "HttpServer.h"
#include "KillSwitch.h"
#include "McpHttpService.h"
#include "SecurityStack.h"
#include "SqlKeyStore.h"
#include "ToolInvocation.h"
#include "ToolRegistry.h"

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Reply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closed = false; // the server hung up after answering

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString message() const
    {
        return json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString();
    }
};

// Reads answers off a raw socket, so that the test sees exactly what went over the wire.
class RawClient
{
public:
    explicit RawClient(quint16 port, QTcpSocket *socket = nullptr)
        : m_socket(socket ? socket : new QTcpSocket)
    {
        if (!socket)
            m_socket->connectToHost(QHostAddress::LocalHost, port);
        QElapsedTimer timer;
        timer.start();
        while (m_socket->state() != QAbstractSocket::ConnectedState && timer.elapsed() < 3000)
            QTest::qWait(2);
    }
    ~RawClient() { delete m_socket; }

    QTcpSocket *socket() { return m_socket; }

    void write(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }

    // The next complete answer (Content-Length, or a chunked stream's first chunk).
    Reply read(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                Reply reply;
                const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
                reply.status = lines.value(0).split(' ').value(1).toInt();
                qsizetype length = 0;
                bool chunked = false;
                for (const QByteArray &raw : lines.mid(1)) {
                    const QByteArray line = raw.trimmed();
                    const qsizetype colon = line.indexOf(':');
                    reply.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
                    if (line.left(colon).compare("content-length", Qt::CaseInsensitive) == 0)
                        length = line.mid(colon + 1).trimmed().toLongLong();
                    if (line.left(colon).compare("transfer-encoding", Qt::CaseInsensitive) == 0)
                        chunked = true;
                }
                const qsizetype bodyStart = headEnd + 4;
                if (chunked) {
                    const qsizetype sizeEnd = m_buffer.indexOf("\r\n", bodyStart);
                    if (sizeEnd >= 0) {
                        const qsizetype size = m_buffer.mid(bodyStart, sizeEnd - bodyStart)
                                                       .toLongLong(nullptr, 16);
                        if (m_buffer.size() >= sizeEnd + 2 + size + 2) {
                            reply.body = m_buffer.mid(sizeEnd + 2, size);
                            m_buffer.remove(0, sizeEnd + 2 + size + 2);
                            return reply;
                        }
                    }
                } else if (m_buffer.size() >= bodyStart + length) {
                    reply.body = m_buffer.mid(bodyStart, length);
                    m_buffer.remove(0, bodyStart + length);
                    if (reply.header("connection") == "close")
                        reply.closed = waitUntilClosed(2000);
                    return reply;
                }
            }
            if (timer.elapsed() > timeoutMs)
                return {};
            // The server runs in this thread: wait by running its event loop, never by blocking.
            QTest::qWait(2);
            m_buffer += m_socket->readAll();
            if (m_socket->state() != QAbstractSocket::ConnectedState
                    && m_socket->bytesAvailable() == 0 && m_buffer.indexOf("\r\n\r\n") < 0)
                return {};
        }
    }

    // The next chunk of an event stream.
    QByteArray readChunk(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const qsizetype sizeEnd = m_buffer.indexOf("\r\n");
            if (sizeEnd >= 0) {
                const qsizetype size = m_buffer.left(sizeEnd).toLongLong(nullptr, 16);
                if (m_buffer.size() >= sizeEnd + 2 + size + 2) {
                    const QByteArray chunk = m_buffer.mid(sizeEnd + 2, size);
                    m_buffer.remove(0, sizeEnd + 2 + size + 2);
                    return chunk;
                }
            }
            if (timer.elapsed() > timeoutMs)
                return {};
            QTest::qWait(2);
            m_buffer += m_socket->readAll();
        }
    }

private:
    bool waitUntilClosed(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket->state() == QAbstractSocket::ConnectedState
                && timer.elapsed() < timeoutMs) {
            QTest::qWait(5);
            // Reading is what notices the end of the stream; the server has answered already.
            m_socket->waitForReadyRead(1);
            m_buffer += m_socket->readAll();
        }
        return m_socket->state() != QAbstractSocket::ConnectedState;
    }

    QTcpSocket *m_socket;
    QByteArray m_buffer;
};

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
        const QList<QByteArray> &extraHeaders = {}, quint16 port = 0)
{
    QByteArray text = method + ' ' + path
            + " HTTP/1.1\r\nHost: localhost:" + QByteArray::number(port) + "\r\n";
    for (const QByteArray &header : extraHeaders)
        text += header + "\r\n";
    if (!body.isEmpty() || method == "POST")
        text += "Content-Type: application/json\r\nAccept: application/json, "
                "text/event-stream\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n";
    return text + "\r\n" + body;
}

const QByteArray INITIALIZE =
        R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})";

} // namespace

// The HTTP server and /mcp as a client on the wire meets them: real sockets, the real gate.
class tst_McpHttp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adminApiEngagesButNeverReleasesTheKillSwitch();
    void init();
    void cleanup();

    void healthNeedsNoKeyAndCarriesSecurityHeaders();
    void refusesMissingAndBadKeys();
    void refusesAnExpiredKey();
    void bansASourceAfterTenFailures();
    void refusesForeignOriginsAndHosts();
    void refusesOversizedRequestsAndKeepsServing_data();
    void refusesOversizedRequestsAndKeepsServing();
    void servesASessionFromInitializeToDelete();
    void requiresAKnownSession();
    void refusesTheRequestOverTheRateLimit();
    void answersPipelinedRequestsInOrder();
    void honoursConnectionClose();
    void survivesAClientThatLeavesBeforeItsAnswer();
    void streamsNotificationsOverGet();
    void dropsAClientThatSendsItsHeadTooSlowly();
    void capsConnectionsPerAddress();
    void metricsNeedAnAdminOrMonitorKey();
    void metricsShowBackendsAndTheKillSwitch();
    void servesOverTls();

private:
    void start(const HttpServer::Options &options = {});
    QString key(Role role, const QDateTime &expires = {});
    QByteArray post(const QByteArray &body, const QString &key, const QByteArray &session = {});
    QByteArray withKey(const QByteArray &method, const QByteArray &path, const QString &key,
            const QByteArray &body = {}, const QByteArray &session = {});

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SecurityStack> m_security;
    std::unique_ptr<ToolRegistry> m_tools;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<McpHttpService> m_service;
    QPointer<ToolInvocation> m_parked;
    quint16 m_port = 0;
};

void tst_McpHttp::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QString error;
    m_security = SecurityStack::open(m_home->path(), SecurityLevel::Production, &error);
    QVERIFY2(m_security, qPrintable(error));
    m_tools = std::make_unique<ToolRegistry>();
    ToolDefinition slow;
    slow.name = QStringLiteral("slow");
    slow.title = QStringLiteral("Slow");
    slow.description = QStringLiteral("Finishes when the test says so.");
    slow.inputSchema = {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("additionalProperties"), false}};
    slow.access = AccessRequest::Kind::Status;
    slow.handler = [this](ToolInvocation *invocation) { m_parked = invocation; };
    QVERIFY(m_tools->add(slow));
    start();
}

void tst_McpHttp::start(const HttpServer::Options &requested)
{
    m_service.reset();
    m_server = std::make_unique<HttpServer>();
    HttpServer::Options options = requested;
    options.port = 0;
    QString error;
    QVERIFY2(m_server->listen(options, &error), qPrintable(error));
    m_port = m_server->serverPort();
    m_service = std::make_unique<McpHttpService>(m_server.get(), m_tools.get(),
            m_security->gatekeeper(),
            McpHttpService::defaultOptions(options.address, m_port, options.tls.has_value(),
                    {QStringLiteral("https://app.example")}));
}

void tst_McpHttp::cleanup()
{
    m_service.reset();
    m_server.reset();
    m_security.reset();
    m_tools.reset();
}

QString tst_McpHttp::key(Role role, const QDateTime &expires)
{
    SqlKeyStore::NewKey spec;
    spec.name = QStringLiteral("http test");
    spec.role = role;
    spec.createdBy = QStringLiteral("test");
    spec.expiresAt = expires;
    if (role == Role::Custom)
        spec.permissions = {QStringLiteral("ha:read")};
    auto *store = dynamic_cast<SqlKeyStore *>(m_security->keyStore());
    return store ? store->create(spec).value_or(QString()) : QString();
}

QByteArray tst_McpHttp::withKey(const QByteArray &method, const QByteArray &path,
        const QString &key, const QByteArray &body, const QByteArray &session)
{
    QList<QByteArray> headers{"Authorization: Bearer " + key.toUtf8()};
    if (!session.isEmpty())
        headers.append("Mcp-Session-Id: " + session);
    return request(method, path, body, headers, m_port);
}

QByteArray tst_McpHttp::post(const QByteArray &body, const QString &key, const QByteArray &session)
{
    return withKey("POST", "/mcp", key, body, session);
}

void tst_McpHttp::adminApiEngagesButNeverReleasesTheKillSwitch()
{
    KillSwitch killSwitch(m_home->path(), {});
    m_service->addRoute(AdminApi::KILL_SWITCH_PATH,
            [&killSwitch](const HttpRequest &request, const Caller &caller) {
                return AdminApi::killSwitch(&killSwitch, request, caller);
            });
    const QString admin = key(Role::Admin);
    const QString monitor = key(Role::Monitor);
    RawClient client(m_port);

    client.write(withKey("GET", AdminApi::KILL_SWITCH_PATH, monitor));
    Reply reply = client.read();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("engaged")).toBool(), false);

    client.write(withKey("POST", AdminApi::KILL_SWITCH_PATH, monitor, R"({"scope":"all"})"));
    QCOMPARE(client.read().status, 403);
    QVERIFY(!killSwitch.stopFor(QStringLiteral("ha")));

    client.write(withKey("POST", AdminApi::KILL_SWITCH_PATH, admin, "not json"));
    QCOMPARE(client.read().status, 400);

    client.write(withKey("POST", AdminApi::KILL_SWITCH_PATH, admin,
            R"({"scope":"ha","reason":"the AI acts strangely"})"));
    reply = client.read();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("engaged")).toBool(), true);
    const std::optional<KillStop> stop = killSwitch.stopFor(QStringLiteral("ha"));
    QVERIFY(stop);
    QCOMPARE(stop->by, admin.section(QLatin1Char('_'), 0, 2));
    QCOMPARE(stop->reason, QStringLiteral("the AI acts strangely"));
    QVERIFY(!killSwitch.stopFor(QStringLiteral("loxone")));

    // Releasing is for a person: no HTTP verb does it.
    client.write(withKey("DELETE", AdminApi::KILL_SWITCH_PATH, admin));
    QCOMPARE(client.read().status, 405);
    QVERIFY(killSwitch.stopFor(QStringLiteral("ha")));
}

void tst_McpHttp::healthNeedsNoKeyAndCarriesSecurityHeaders()
{
    RawClient client(m_port);
    client.write(request("GET", "/health", {}, {}, m_port));
    const Reply reply = client.read();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(reply.header("x-content-type-options"), QByteArray("nosniff"));
    QCOMPARE(reply.header("cache-control"), QByteArray("no-store"));
    QVERIFY(reply.header("content-security-policy").contains("frame-ancestors 'none'"));
    QVERIFY(reply.header("strict-transport-security").isEmpty()); // only under TLS
}

void tst_McpHttp::refusesMissingAndBadKeys()
{
    RawClient client(m_port);
    client.write(request("POST", "/mcp", INITIALIZE, {}, m_port));
    Reply reply = client.read();
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("www-authenticate").startsWith("Bearer"));

    client.write(request("POST", "/mcp", INITIALIZE,
            {"X-API-Key: hwk_admin_001_" + QByteArray(32, 'Q')}, m_port));
    reply = client.read();
    QCOMPARE(reply.status, 401);
    QVERIFY2(
            reply.message().contains(QLatin1String("does not exist")), qPrintable(reply.message()));

    // X-API-Key works as well as Authorization.
    const QString valid = key(Role::Monitor);
    client.write(request("POST", "/mcp", INITIALIZE, {"X-API-Key: " + valid.toUtf8()}, m_port));
    QCOMPARE(client.read().status, 200);
}

void tst_McpHttp::refusesAnExpiredKey()
{
    const QString shortLived = key(Role::Operator, QDateTime::currentDateTimeUtc().addMSecs(1500));
    RawClient client(m_port);
    client.write(post(INITIALIZE, shortLived));
    QCOMPARE(client.read().status, 200);
    QTest::qWait(1600);
    client.write(post(INITIALIZE, shortLived));
    const Reply reply = client.read();
    QCOMPARE(reply.status, 401);
    QVERIFY2(reply.message().contains(QLatin1String("expired")), qPrintable(reply.message()));
}

void tst_McpHttp::bansASourceAfterTenFailures()
{
    const QString valid = key(Role::Admin);
    RawClient client(m_port);
    for (int i = 0; i < 10; ++i) {
        client.write(
                post(INITIALIZE, QStringLiteral("hwk_admin_099_") + QString(32, QLatin1Char('x'))));
        QCOMPARE(client.read().status, 401);
    }
    client.write(post(INITIALIZE, valid));
    const Reply reply = client.read();
    QCOMPARE(reply.status, 403);
    QVERIFY2(reply.message().contains(QLatin1String("Too many failed logins")),
            qPrintable(reply.message()));
}

void tst_McpHttp::refusesForeignOriginsAndHosts()
{
    const QString valid = key(Role::Admin);
    RawClient client(m_port);
    client.write(request("POST", "/mcp", INITIALIZE,
            {"Authorization: Bearer " + valid.toUtf8(), "Origin: http://evil.example"}, m_port));
    Reply reply = client.read();
    QCOMPARE(reply.status, 403);
    QVERIFY(reply.header("access-control-allow-origin").isEmpty());

    // A rebound DNS name reaches 127.0.0.1 with its own Host.
    client.write("GET /health HTTP/1.1\r\nHost: evil.example:" + QByteArray::number(m_port)
            + "\r\n\r\n");
    QCOMPARE(client.read().status, 403);

    client.write(request("POST", "/mcp", INITIALIZE,
            {"Authorization: Bearer " + valid.toUtf8(), "Origin: https://app.example"}, m_port));
    reply = client.read();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("access-control-allow-origin"), QByteArray("https://app.example"));
}

void tst_McpHttp::refusesOversizedRequestsAndKeepsServing_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("status");
    QTest::newRow("64 MiB body announced") << QByteArray(
            "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Length: 67108864\r\n\r\n")
                                           << 413;
    QByteArray headers = "GET /health HTTP/1.1\r\nHost: localhost\r\n";
    for (int i = 0; i < 100; ++i)
        headers += "X-Filler-" + QByteArray::number(i) + ": x\r\n";
    QTest::newRow("100 headers") << (headers + "\r\n") << 431;
    QTest::newRow("20 KB of one header") << ("GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: "
            + QByteArray(20000, 'a') + "\r\n\r\n")
                                         << 431;
    QTest::newRow("long URL") << ("GET /" + QByteArray(9000, 'u')
            + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                              << 414;
    QTest::newRow("chunked") << QByteArray(
            "POST /mcp HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501;
}

void tst_McpHttp::refusesOversizedRequestsAndKeepsServing()
{
    QFETCH(QByteArray, text);
    QFETCH(int, status);
    {
        RawClient client(m_port);
        client.write(text);
        const Reply reply = client.read();
        QCOMPARE(reply.status, status);
        QVERIFY(reply.closed);
    }
    RawClient next(m_port);
    next.write(request("GET", "/health", {}, {}, m_port));
    QCOMPARE(next.read().status, 200);
}

void tst_McpHttp::servesASessionFromInitializeToDelete()
{
    const QString valid = key(Role::Operator);
    RawClient client(m_port);
    client.write(post(INITIALIZE, valid));
    Reply reply = client.read();
    QCOMPARE(reply.status, 200);
    const QByteArray session = reply.header("mcp-session-id");
    QVERIFY(!session.isEmpty());
    QCOMPARE(reply.json()
                     .value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("protocolVersion"))
                     .toString(),
            QStringLiteral("2025-11-25"));
    QCOMPARE(reply.header("x-ratelimit-limit"), QByteArray("100"));

    client.write(post(R"({"jsonrpc":"2.0","method":"notifications/initialized"})", valid, session));
    reply = client.read();
    QCOMPARE(reply.status, 202);
    QVERIFY(reply.body.isEmpty());

    client.write(post(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})", valid, session));
    reply = client.read();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()
                     .value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("tools"))
                     .toArray()
                     .size(),
            1);

    client.write(withKey("DELETE", "/mcp", valid, {}, session));
    QCOMPARE(client.read().status, 204);
    client.write(post(R"({"jsonrpc":"2.0","id":3,"method":"ping"})", valid, session));
    QCOMPARE(client.read().status, 404);
    QCOMPARE(m_service->sessionCount(), 0);
}

void tst_McpHttp::requiresAKnownSession()
{
    const QString valid = key(Role::Operator);
    RawClient client(m_port);
    client.write(post(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})", valid));
    QCOMPARE(client.read().status, 400);
    client.write(
            post(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})", valid, "no-such-session"));
    QCOMPARE(client.read().status, 404);

    // A session belongs to its key: another key cannot use it.
    client.write(post(INITIALIZE, valid));
    const QByteArray session = client.read().header("mcp-session-id");
    client.write(
            post(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})", key(Role::Admin), session));
    QCOMPARE(client.read().status, 404);
    client.write(request("POST", "/mcp", R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})",
            {"Authorization: Bearer " + valid.toUtf8(), "Mcp-Session-Id: " + session,
                    "MCP-Protocol-Version: 1999-01-01"},
            m_port));
    QCOMPARE(client.read().status, 400);
}

void tst_McpHttp::refusesTheRequestOverTheRateLimit()
{
    const QString monitor = key(Role::Monitor);
    RawClient client(m_port);
    for (int i = 0; i < 10; ++i) {
        client.write(post(INITIALIZE, monitor));
        const Reply reply = client.read();
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("x-ratelimit-remaining").toInt(), 9 - i);
    }
    client.write(post(INITIALIZE, monitor));
    const Reply refused = client.read();
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.header("retry-after").toInt() >= 1);
    QCOMPARE(refused.header("x-ratelimit-remaining"), QByteArray("0"));
}

void tst_McpHttp::answersPipelinedRequestsInOrder()
{
    const QString valid = key(Role::Admin);
    RawClient client(m_port);
    client.write(post(INITIALIZE, valid));
    const QByteArray session = client.read().header("mcp-session-id");
    // The slow call first: the ping behind it must wait, or the answers would cross.
    client.write(
            post(R"({"jsonrpc":"2.0","id":"slow","method":"tools/call","params":{"name":"slow"}})",
                    valid, session)
            + post(R"({"jsonrpc":"2.0","id":"ping","method":"ping"})", valid, session));
    QTRY_VERIFY(m_parked);
    m_parked->finish(ToolResult::success(QStringLiteral("late")));
    QCOMPARE(client.read().json().value(QLatin1String("id")).toString(), QStringLiteral("slow"));
    QCOMPARE(client.read().json().value(QLatin1String("id")).toString(), QStringLiteral("ping"));
}

void tst_McpHttp::honoursConnectionClose()
{
    RawClient client(m_port);
    client.write("GET /health HTTP/1.1\r\nHost: localhost:" + QByteArray::number(m_port)
            + "\r\nConnection: close\r\n\r\n");
    const Reply reply = client.read();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("connection"), QByteArray("close"));
    QVERIFY(reply.closed);
}

void tst_McpHttp::survivesAClientThatLeavesBeforeItsAnswer()
{
    const QString valid = key(Role::Admin);
    QByteArray session;
    {
        RawClient client(m_port);
        client.write(post(INITIALIZE, valid));
        session = client.read().header("mcp-session-id");
        client.write(
                post(R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"slow"}})",
                        valid, session));
        QTRY_VERIFY(m_parked);
    } // the client hangs up
    QTest::qWait(100);
    m_parked->finish(ToolResult::success(QStringLiteral("nobody listens")));
    QTest::qWait(50);
    RawClient next(m_port);
    next.write(post(R"({"jsonrpc":"2.0","id":8,"method":"ping"})", valid, session));
    QCOMPARE(next.read().status, 200);
}

void tst_McpHttp::streamsNotificationsOverGet()
{
    const QString valid = key(Role::Admin);
    RawClient control(m_port);
    control.write(post(INITIALIZE, valid));
    const QByteArray session = control.read().header("mcp-session-id");

    RawClient stream(m_port);
    stream.write(request("GET", "/mcp", {},
            {"Authorization: Bearer " + valid.toUtf8(), "Mcp-Session-Id: " + session,
                    "Accept: text/event-stream"},
            m_port));
    const Reply head = stream.read();
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-type"), QByteArray("text/event-stream"));

    control.write(post(
            R"({"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"warning"}})",
            valid, session));
    QCOMPARE(control.read().status, 200);
    // Arguments the schema refuses are logged to the client at warning level, over the stream.
    control.write(post(
            R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"slow","arguments":{"x":1}}})",
            valid, session));
    QCOMPARE(control.read().status, 200);
    QByteArray event;
    for (int i = 0; i < 5 && !event.contains("notifications/message"); ++i)
        event = stream.readChunk(2000);
    QVERIFY2(event.startsWith("event: message\ndata: "), event.constData());
    QVERIFY(event.contains("notifications/message"));
}

void tst_McpHttp::dropsAClientThatSendsItsHeadTooSlowly()
{
    HttpServer::Options options;
    options.timeouts.headMs = 300;
    start(options);
    RawClient client(m_port);
    client.write("GET /health HTTP/1.1\r\nHost: local");
    const Reply reply = client.read(3000);
    QCOMPARE(reply.status, 408);
    QVERIFY(reply.closed);
}

void tst_McpHttp::capsConnectionsPerAddress()
{
    HttpServer::Options options;
    options.maxConnectionsPerAddress = 2;
    start(options);
    RawClient first(m_port);
    RawClient second(m_port);
    QTest::qWait(50);
    RawClient third(m_port);
    QCOMPARE(third.read().status, 503);
    first.write(request("GET", "/health", {}, {}, m_port));
    QCOMPARE(first.read().status, 200);
}

void tst_McpHttp::metricsNeedAnAdminOrMonitorKey()
{
    RawClient client(m_port);
    client.write(withKey("GET", "/metrics", key(Role::Operator)));
    QCOMPARE(client.read().status, 403);
    client.write(withKey("GET", "/metrics", key(Role::Monitor)));
    const Reply reply = client.read();
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains("homewarden_http_requests_total{status=\"403\"} 1"));
    QVERIFY(reply.body.contains("homewarden_tool_call_duration_seconds_bucket"));
}

void tst_McpHttp::metricsShowBackendsAndTheKillSwitch()
{
    // What a monitoring system alerts on: a backend that dropped, a stop that is engaged.
    BackendStatus homeAssistant;
    homeAssistant.id = QStringLiteral("ha");
    homeAssistant.connected = true;
    homeAssistant.deviceCount = 134;
    BackendStatus loxone;
    loxone.id = QStringLiteral("loxone");
    loxone.deviceCount = 0;
    QList<StopStatus> stops;
    m_service->setStatusProviders(
            [&] {
                return QList<BackendStatus>{homeAssistant, loxone};
            },
            [&] { return stops; });

    RawClient client(m_port);
    client.write(withKey("GET", "/metrics", key(Role::Monitor)));
    Reply reply = client.read();
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.body.contains("homewarden_backend_up{backend=\"ha\"} 1\n"),
            reply.body.constData());
    QVERIFY(reply.body.contains("homewarden_backend_up{backend=\"loxone\"} 0\n"));
    QVERIFY(reply.body.contains("homewarden_backend_devices{backend=\"ha\"} 134\n"));
    QVERIFY(reply.body.contains("homewarden_kill_switch_engaged{scope=\"all\"} 0\n"));

    homeAssistant.connected = false;
    stops.append({QStringLiteral("ha"), QStringLiteral("tray"), QDateTime::currentDateTimeUtc(), {},
            {}});
    client.write(withKey("GET", "/metrics", key(Role::Monitor)));
    reply = client.read();
    QVERIFY(reply.body.contains("homewarden_backend_up{backend=\"ha\"} 0\n"));
    QVERIFY(reply.body.contains("homewarden_kill_switch_engaged{scope=\"ha\"} 1\n"));
    QVERIFY(reply.body.contains("homewarden_kill_switch_engaged{scope=\"loxone\"} 0\n"));
}

void tst_McpHttp::servesOverTls()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is needed to make a self-signed certificate.");
    const QString cert = m_home->filePath(QStringLiteral("cert.pem"));
    const QString keyFile = m_home->filePath(QStringLiteral("key.pem"));
    QProcess make;
    make.start(openssl,
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("1"),
                    QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), cert});
    QVERIFY(make.waitForFinished(30000));
    QCOMPARE(make.exitCode(), 0);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(QSslCertificate::fromPath(cert));
    QFile keyIn(keyFile);
    QVERIFY(keyIn.open(QIODevice::ReadOnly));
    tls.setPrivateKey(QSslKey(keyIn.readAll(), QSsl::Rsa));
    HttpServer::Options options;
    options.tls = tls;
    start(options);

    auto *socket = new QSslSocket;
    socket->setPeerVerifyMode(QSslSocket::VerifyNone); // self-signed, for the test only
    socket->connectToHostEncrypted(QStringLiteral("localhost"), m_port);
    QTRY_VERIFY_WITH_TIMEOUT(socket->isEncrypted(), 10000);
    RawClient client(m_port, socket);
    client.write(request("GET", "/health", {}, {}, m_port));
    const Reply reply = client.read();
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("strict-transport-security").contains("max-age"));

    // A plain-text client gets nothing from the TLS port.
    RawClient plain(m_port);
    plain.write(request("GET", "/health", {}, {}, m_port));
    QCOMPARE(plain.read(2000).status, 0);
}

QTEST_GUILESS_MAIN(tst_McpHttp)
#include "tst_mcphttp.moc"
