#include "FakeMiniserver.h"

#include "FakeLoxoneWire.h"

#include <QAbstractHttpServer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>

using StatusCode = QHttpServerResponder::StatusCode;

namespace {

QByteArray randomHex(int bytes)
{
    QByteArray data(bytes, '\0');
    for (char &byte : data)
        byte = char(QRandomGenerator::global()->bounded(256));
    return data.toHex();
}

void writeJson(
        QHttpServerResponder &responder, const QByteArray &json, StatusCode status = StatusCode::Ok)
{
    responder.write(json, QByteArrayLiteral("application/json"), status);
}

QByteArray json(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

// Our own dispatch instead of QHttpServer's router: the fake sees every request (for the
// counter and the faults) and decides per request whether to answer at all.
class FakeMiniserver::HttpFront : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpFront(FakeMiniserver *fake)
        : QAbstractHttpServer(fake)
        , m_fake(fake)
    { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Qt 6.4 asks here before a WebSocket upgrade and upgrades only when this returns true
        // without having written anything.
        if (!request.value(QByteArrayLiteral("upgrade")).isEmpty())
            return true;
        // In Qt 6.4 a responder destroyed unwritten sends nothing and leaves the connection
        // open: that is how the hang fault never answers.
        QHttpServerResponder responder = makeResponder(request, socket);
        m_fake->handleHttp(request, responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    FakeMiniserver *m_fake;
};

FakeMiniserver::FakeMiniserver(QObject *parent)
    : QObject(parent)
    , m_http(new HttpFront(this))
    , m_tcpServer(new QTcpServer(m_http))
{
    m_tokenKey = randomHex(20);
    // Qt 6.4 refuses a WebSocket upgrade unless this signal is connected when it arrives.
    connect(m_http, &QAbstractHttpServer::newWebSocketConnection, this,
            &FakeMiniserver::acceptWebSockets);
}

FakeMiniserver::~FakeMiniserver()
{
    close();
}

bool FakeMiniserver::startExampleHouse(QString *error)
{
    if (!loadStructure(fixturePath(QStringLiteral("smarteon-java_LoxAPP3.json")), error))
        return false;
    setCredentials(QStringLiteral("homewarden"), QStringLiteral("s3cret"));
    if (listen())
        return true;
    *error = QStringLiteral("The fake Miniserver cannot listen on 127.0.0.1.");
    return false;
}

bool FakeMiniserver::loadStructure(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return setStructure(file.readAll(), error);
}

bool FakeMiniserver::setStructure(const QByteArray &json, QString *error)
{
    return m_house.load(json, error);
}

QString FakeMiniserver::fixturePath(const QString &fileName)
{
    return QStringLiteral(HW_LOXONE_FIXTURE_DIR "/") + fileName;
}

void FakeMiniserver::setCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

void FakeMiniserver::setHashAlgorithm(const QString &hashAlg)
{
    m_hashAlg = hashAlg;
}

bool FakeMiniserver::listen(quint16 port)
{
    if (m_tcpServer->isListening())
        return port == 0 || port == m_tcpServer->serverPort();
    if (!m_tcpServer->listen(QHostAddress::LocalHost, port))
        return false;
    // Qt 6.4's QAbstractHttpServer cannot unbind a server: the same one listens again.
    if (!m_bound) {
        m_http->bind(m_tcpServer);
        m_bound = true;
    }
    return true;
}

void FakeMiniserver::close()
{
    m_tcpServer->close();
    drop();
}

void FakeMiniserver::drop()
{
    const auto sockets = m_sockets.keys();
    for (QWebSocket *socket : sockets) {
        m_sockets.remove(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    // Accepted sockets are children of the QTcpServer; aborting them drops keep-alive and
    // hanging requests alike.
    // A /_fake/ answer already written still goes out first.
    const auto connections = m_tcpServer->findChildren<QTcpSocket *>();
    for (QTcpSocket *connection : connections) {
        connection->flush();
        connection->abort();
    }
}

quint16 FakeMiniserver::port() const
{
    return m_tcpServer->isListening() ? m_tcpServer->serverPort() : 0;
}

QUrl FakeMiniserver::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeMiniserver::setFault(Fault fault)
{
    m_fault = fault;
    // From the event loop, so that the answer to POST /_fake/fault gets out first.
    if (fault == Fault::Close)
        QMetaObject::invokeMethod(this, &FakeMiniserver::drop, Qt::QueuedConnection);
}

QString FakeMiniserver::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::Hang:
        return QStringLiteral("hang");
    case Fault::ServerError:
        return QStringLiteral("http500");
    case Fault::Garbage:
        return QStringLiteral("garbage");
    case Fault::Close:
        return QStringLiteral("close");
    }
    return {};
}

std::optional<FakeMiniserver::Fault> FakeMiniserver::faultFromName(const QString &name)
{
    for (Fault fault :
            {Fault::None, Fault::Hang, Fault::ServerError, Fault::Garbage, Fault::Close}) {
        if (faultName(fault) == name)
            return fault;
    }
    return std::nullopt;
}

int FakeMiniserver::statusSubscriberCount() const
{
    int count = 0;
    for (const Session &session : m_sockets)
        count += session.statusUpdates ? 1 : 0;
    return count;
}

void FakeMiniserver::setValue(const QString &stateUuid, double value)
{
    m_house.setValue(stateUuid, value);
    push({stateUuid.toLower()});
}

void FakeMiniserver::setText(const QString &stateUuid, const QString &text)
{
    m_house.setText(stateUuid, text);
    push({stateUuid.toLower()});
}

std::optional<double> FakeMiniserver::value(const QString &stateUuid) const
{
    return m_house.value(stateUuid);
}

std::optional<QString> FakeMiniserver::text(const QString &stateUuid) const
{
    return m_house.text(stateUuid);
}

// --- HTTP ---------------------------------------------------------------------------------

void FakeMiniserver::handleHttp(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path(QUrl::FullyEncoded);
    if (path.startsWith(QLatin1String("/_fake/"))) {
        handleControl(request, responder);
        return;
    }
    ++m_requestCount;
    switch (m_fault) {
    case Fault::Hang:
        return; // the responder goes unwritten
    case Fault::ServerError:
        responder.write(QByteArrayLiteral("Internal Server Error"), QByteArrayLiteral("text/plain"),
                StatusCode::InternalServerError);
        return;
    case Fault::Garbage:
        responder.write(QByteArrayLiteral("<html><body>It works!</body></html>"),
                QByteArrayLiteral("text/html"));
        return;
    case Fault::Close:
        responder.socket()->abort();
        return;
    case Fault::None:
        break;
    }
    if (!isAuthorized(request)) {
        ++m_loginFailures;
        responder.write(QByteArrayLiteral("Unauthorized"),
                {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")},
                        {QByteArrayLiteral("WWW-Authenticate"),
                                QByteArrayLiteral("Basic realm=\"Loxone\"")}},
                StatusCode::Unauthorized);
        return;
    }
    if (path == QLatin1String("/data/LoxAPP3.json")) {
        writeJson(responder, m_house.structureJson());
        return;
    }
    if (path == QLatin1String("/jdev/sps/LoxAPPversion3")) {
        writeJson(responder,
                FakeLoxoneWire::answer(
                        QStringLiteral("dev/sps/LoxAPPversion3"), m_house.lastModified(), 200));
        return;
    }
    const QString ioPrefix = QStringLiteral("/jdev/sps/io/");
    if (path.startsWith(ioPrefix)) {
        QStringList segments = path.mid(ioPrefix.size()).split(QLatin1Char('/'));
        for (QString &segment : segments)
            segment = QUrl::fromPercentEncoding(segment.toLatin1());
        writeJson(responder, runCommand(segments, QStringLiteral("http")));
        return;
    }
    responder.write(
            QByteArrayLiteral("Not Found"), QByteArrayLiteral("text/plain"), StatusCode::NotFound);
}

bool FakeMiniserver::isAuthorized(const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    if (query.hasQueryItem(QStringLiteral("autht"))) {
        ++m_tokenRequests;
        return !tokenFor(query.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded),
                query.queryItemValue(QStringLiteral("autht")))
                        .isEmpty();
    }
    const QByteArray header = request.value(QByteArrayLiteral("authorization"));
    if (!header.startsWith("Basic "))
        return false;
    ++m_basicRequests;
    const QByteArray expected = (m_user + QLatin1Char(':') + m_password).toUtf8();
    return m_acceptBasicAuth && QByteArray::fromBase64(header.mid(6)) == expected;
}

QString FakeMiniserver::tokenFor(const QString &user, const QString &hash) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_tokens.constBegin(); it != m_tokens.constEnd(); ++it) {
        if (it->user == user && it->validUntil > now
                && FakeLoxoneWire::tokenHash(it.key(), m_tokenKey, m_hashAlg)
                        == hash.toLatin1().toLower())
            return it.key();
    }
    return {};
}

int FakeMiniserver::liveTokenCount() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int count = 0;
    for (const IssuedToken &token : m_tokens)
        count += token.validUntil > now ? 1 : 0;
    return count;
}

QJsonObject FakeMiniserver::issueToken(const QString &user, int permission)
{
    const QString token = QString::fromLatin1(randomHex(32));
    // Whole seconds, as the Miniserver counts them: the client sees the same instant.
    const qint64 validUntil = FakeLoxoneWire::loxoneTime(
            QDateTime::currentDateTimeUtc().addSecs(m_tokenLifetime.count()));
    m_tokens.insert(token, {user, FakeLoxoneWire::fromLoxoneTime(validUntil), permission});
    return {{QStringLiteral("token"), token},
            {QStringLiteral("key"), QString::fromLatin1(m_tokenKey)},
            {QStringLiteral("validUntil"), validUntil}, {QStringLiteral("tokenRights"), permission},
            {QStringLiteral("unsecurePass"), false}};
}

// segments: the control id, perhaps a subcontrol suffix, then the command's parts.
QByteArray FakeMiniserver::runCommand(const QStringList &segments, const QString &via)
{
    QString control = segments.value(0);
    QStringList rest = segments.mid(1);
    // "<uuid>/AI1/on" names a subcontrol, "<uuid>/manualPosition/40" a command with a value.
    if (segments.size() >= 3
            && m_house.hasControl(segments.at(0) + QLatin1Char('/') + segments.at(1))) {
        control = segments.at(0) + QLatin1Char('/') + segments.at(1);
        rest = segments.mid(2);
    }
    const QString command = rest.join(QLatin1Char('/'));
    const QString echo = QStringLiteral("dev/sps/io/") + control + QLatin1Char('/') + command;
    const Command recorded{control, command, via};
    m_commands.append(recorded);
    Q_EMIT commandReceived(recorded);

    const std::optional<QStringList> changed = m_house.apply(control, command);
    if (!changed)
        return FakeLoxoneWire::answer(echo, QString(), 404);
    push(*changed);
    return FakeLoxoneWire::answer(echo, QStringLiteral("1"), 200);
}

void FakeMiniserver::handleControl(
        const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path();
    const auto method = request.method();
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (path == QLatin1String("/_fake/commands") && method == QHttpServerRequest::Method::Get) {
        QJsonArray list;
        for (const Command &command : std::as_const(m_commands))
            list.append(QJsonObject{{QStringLiteral("uuid"), command.uuid},
                    {QStringLiteral("command"), command.command},
                    {QStringLiteral("via"), command.via}});
        writeJson(responder, json(list));
    } else if (path == QLatin1String("/_fake/commands")
            && method == QHttpServerRequest::Method::Delete) {
        m_commands.clear();
        writeJson(responder, json(QJsonObject{}));
    } else if (path == QLatin1String("/_fake/requests")
            && method == QHttpServerRequest::Method::Get) {
        writeJson(responder, json(QJsonObject{{QStringLiteral("count"), m_requestCount}}));
    } else if (path == QLatin1String("/_fake/fault")
            && method == QHttpServerRequest::Method::Post) {
        const auto fault = faultFromName(body.value(QLatin1String("fault")).toString());
        if (!fault) {
            writeJson(responder,
                    json(QJsonObject{{QStringLiteral("error"),
                            QStringLiteral("fault must be none, hang, http500, garbage or "
                                           "close")}}),
                    StatusCode::BadRequest);
            return;
        }
        writeJson(responder, json(QJsonObject{{QStringLiteral("fault"), faultName(*fault)}}));
        setFault(*fault);
    } else if (path == QLatin1String("/_fake/tokens")
            && method == QHttpServerRequest::Method::Get) {
        writeJson(responder,
                json(QJsonObject{
                        {QStringLiteral("events"), QJsonArray::fromStringList(m_tokenEvents)},
                        {QStringLiteral("live"), liveTokenCount()},
                        {QStringLiteral("autht"), m_tokenRequests},
                        {QStringLiteral("basic"), m_basicRequests}}));
    } else if (path == QLatin1String("/_fake/token_lifetime")
            && method == QHttpServerRequest::Method::Post) {
        const int seconds = body.value(QLatin1String("seconds")).toInt();
        if (seconds < 1) {
            writeJson(responder,
                    json(QJsonObject{{QStringLiteral("error"),
                            QStringLiteral("give \"seconds\", a whole number of at least 1")}}),
                    StatusCode::BadRequest);
            return;
        }
        setTokenLifetime(std::chrono::seconds(seconds));
        writeJson(responder, json(QJsonObject{{QStringLiteral("seconds"), seconds}}));
    } else if (path == QLatin1String("/_fake/drop") && method == QHttpServerRequest::Method::Post) {
        writeJson(responder, json(QJsonObject{}));
        // After the answer is on its way: dropping also closes this request's connection.
        QMetaObject::invokeMethod(this, &FakeMiniserver::drop, Qt::QueuedConnection);
    } else if (path == QLatin1String("/_fake/state")
            && method == QHttpServerRequest::Method::Post) {
        const QString uuid = body.value(QLatin1String("uuid")).toString();
        if (body.value(QLatin1String("value")).isDouble())
            setValue(uuid, body.value(QLatin1String("value")).toDouble());
        else if (body.value(QLatin1String("text")).isString())
            setText(uuid, body.value(QLatin1String("text")).toString());
        else {
            writeJson(responder,
                    json(QJsonObject{{QStringLiteral("error"),
                            QStringLiteral(
                                    "give uuid and a number \"value\" or a string \"text\"")}}),
                    StatusCode::BadRequest);
            return;
        }
        writeJson(responder, json(QJsonObject{}));
    } else {
        responder.write(QByteArrayLiteral("Not Found"), QByteArrayLiteral("text/plain"),
                StatusCode::NotFound);
    }
}

// --- WebSocket ----------------------------------------------------------------------------

void FakeMiniserver::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> owned = m_http->nextPendingWebSocketConnection();
        if (!owned)
            break;
        QWebSocket *socket = owned.release();
        socket->setParent(this);
        ++m_requestCount;
        // Qt 6.4 upgrades on any path before we see it; hanging up is the nearest to a 404.
        if (m_fault == Fault::Close
                || socket->requestUrl().path() != QLatin1String("/ws/rfc6455")) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_sockets.insert(socket, Session());
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { handleWebSocketText(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            if (m_sockets.remove(socket))
                socket->deleteLater();
        });
    }
}

void FakeMiniserver::handleWebSocketText(QWebSocket *socket, const QString &text)
{
    ++m_requestCount;
    Session &session = m_sockets[socket];
    if (text == QLatin1String("keepalive")) {
        socket->sendBinaryMessage(FakeLoxoneWire::header(FakeLoxoneWire::Kind::KeepAlive, 0));
        return;
    }
    const QStringList parts = text.split(QLatin1Char('/'));
    const auto reply = [&](const QJsonValue &value, int code) {
        // Over the WebSocket this fake writes the code key as "code", a number (firmware
        // differs; the HTTP answers use "Code" as a string).
        sendText(socket, FakeLoxoneWire::answer(text, value, code, true, true));
    };

    if (text.startsWith(QLatin1String("jdev/sys/getkey2/")) && parts.size() == 4) {
        const QString user = QUrl::fromPercentEncoding(parts.at(3).toUtf8());
        session.key = randomHex(20);
        session.salt = saltOf(user);
        session.loggedIn = false;
        reply(QJsonObject{{QStringLiteral("key"), QString::fromLatin1(session.key)},
                      {QStringLiteral("salt"), session.salt},
                      {QStringLiteral("hashAlg"), m_hashAlg}},
                200);
        return;
    }
    if (text == QLatin1String("jdev/sys/getkey")) {
        reply(QString::fromLatin1(m_tokenKey), 200);
        return;
    }
    if (text.startsWith(QLatin1String("authwithtoken/")) && parts.size() == 3) {
        const QString user = QUrl::fromPercentEncoding(parts.at(2).toUtf8());
        const QString token = tokenFor(user, parts.at(1));
        if (token.isEmpty()) {
            ++m_loginFailures;
            reply(QString(), 401);
            return;
        }
        session.loggedIn = true;
        m_tokenEvents.append(QStringLiteral("authwithtoken"));
        const IssuedToken &issued = m_tokens[token];
        reply(QJsonObject{{QStringLiteral("validUntil"),
                                  FakeLoxoneWire::loxoneTime(issued.validUntil)},
                      {QStringLiteral("tokenRights"), issued.permission},
                      {QStringLiteral("unsecurePass"), false}},
                200);
        return;
    }
    const bool getJwt = text.startsWith(QLatin1String("jdev/sys/getjwt/"));
    if ((getJwt || text.startsWith(QLatin1String("jdev/sys/gettoken/"))) && parts.size() == 8) {
        if (getJwt == m_legacyFirmware) {
            reply(QString(), 400); // the other firmware's command
            return;
        }
        const QString user = QUrl::fromPercentEncoding(parts.at(4).toUtf8());
        const QByteArray expected = FakeLoxoneWire::credentialHash(
                m_user, m_password, session.key, session.salt, m_hashAlg);
        const bool ok = !session.key.isEmpty() && user == m_user
                && parts.at(3).toLatin1().toLower() == expected;
        session.key.clear(); // a key serves one attempt
        if (!ok) {
            ++m_loginFailures;
            reply(QString(), 401);
            return;
        }
        session.loggedIn = true;
        m_tokenEvents.append(parts.at(2) + QLatin1Char(' ') + parts.at(5));
        reply(issueToken(user, parts.at(5).toInt()), 200);
        return;
    }
    if (!session.loggedIn) {
        reply(QString(), 401);
        return;
    }
    if (parts.size() == 5 && parts.at(0) == QLatin1String("jdev")
            && parts.at(1) == QLatin1String("sys")) {
        handleTokenCommand(socket, text, parts);
        return;
    }
    if (text == QLatin1String("jdev/sps/enablebinstatusupdate")) {
        session.statusUpdates = true;
        reply(QString(), 200);
        sendStates(socket, m_house.allStates());
        return;
    }
    if (text.startsWith(QLatin1String("jdev/sps/io/"))) {
        QStringList segments = parts.mid(3);
        for (QString &segment : segments)
            segment = QUrl::fromPercentEncoding(segment.toUtf8());
        sendText(socket, runCommand(segments, QStringLiteral("websocket")));
        return;
    }
    reply(QString(), 400);
}

// jdev/sys/<refreshjwt|refreshtoken|killtoken>/<token hash>/<user>
void FakeMiniserver::handleTokenCommand(
        QWebSocket *socket, const QString &text, const QStringList &parts)
{
    const QString command = parts.at(2);
    const auto reply = [&](const QJsonValue &value, int code) {
        sendText(socket, FakeLoxoneWire::answer(text, value, code, true, true));
    };
    const bool refresh = command
            == (m_legacyFirmware ? QLatin1String("refreshtoken") : QLatin1String("refreshjwt"));
    if (!refresh && command != QLatin1String("killtoken")) {
        reply(QString(), 400);
        return;
    }
    const QString user = QUrl::fromPercentEncoding(parts.at(4).toUtf8());
    const QString token = tokenFor(user, parts.at(3));
    if (token.isEmpty()) {
        reply(QString(), 401);
        return;
    }
    m_tokenEvents.append(command);
    if (!refresh) {
        m_tokens.remove(token);
        reply(QString(), 200);
        return;
    }
    // The old token lives on until it runs out: a request signed with it may be on its way.
    QJsonObject fresh = issueToken(user, m_tokens.value(token).permission);
    fresh.remove(QStringLiteral("key"));
    reply(fresh, 200);
}

void FakeMiniserver::sendText(QWebSocket *socket, const QByteArray &text)
{
    socket->sendBinaryMessage(
            FakeLoxoneWire::header(FakeLoxoneWire::Kind::Text, quint32(text.size())));
    socket->sendTextMessage(QString::fromUtf8(text));
}

void FakeMiniserver::sendStates(QWebSocket *socket, const QStringList &stateUuids)
{
    const QByteArray values = FakeLoxoneWire::valueTable(m_house.values(stateUuids));
    if (!values.isEmpty()) {
        socket->sendBinaryMessage(
                FakeLoxoneWire::header(FakeLoxoneWire::Kind::ValueStates, quint32(values.size())));
        socket->sendBinaryMessage(values);
    }
    const QByteArray texts = FakeLoxoneWire::textTable(m_house.texts(stateUuids));
    if (!texts.isEmpty()) {
        socket->sendBinaryMessage(
                FakeLoxoneWire::header(FakeLoxoneWire::Kind::TextStates, quint32(texts.size())));
        socket->sendBinaryMessage(texts);
    }
}

void FakeMiniserver::push(const QStringList &stateUuids)
{
    if (stateUuids.isEmpty())
        return;
    for (auto it = m_sockets.constBegin(); it != m_sockets.constEnd(); ++it) {
        if (it.value().statusUpdates)
            sendStates(it.key(), stateUuids);
    }
}

QString FakeMiniserver::saltOf(const QString &user)
{
    auto it = m_salts.find(user);
    if (it == m_salts.end())
        it = m_salts.insert(user, QString::fromLatin1(randomHex(16)));
    return it.value();
}

#include "FakeMiniserver.moc"
