#include "LoxoneSession.h"

#include "LoxoneAuth.h"
#include "LoxoneResponse.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

namespace {

// The initial event tables of a big installation run to a few MiB.
constexpr quint64 MAX_MESSAGE = 64 * 1024 * 1024;

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0);
}

} // namespace

LoxoneSession::LoxoneSession(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_token(options.token)
{
    for (QTimer *timer : {&m_deadline, &m_keepaliveDeadline, &m_refreshDeadline})
        timer->setSingleShot(true);
    m_refresh.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &LoxoneSession::onDeadline);
    connect(&m_keepalive, &QTimer::timeout, this, &LoxoneSession::sendKeepalive);
    connect(&m_keepaliveDeadline, &QTimer::timeout, this, [this] {
        fail(tr("The Loxone Miniserver at %1 stopped answering keepalive messages within %2 s; "
                "HomeWarden reconnects by itself.")
                        .arg(m_options.server, seconds(m_options.timeout)));
    });
    connect(&m_refresh, &QTimer::timeout, this, &LoxoneSession::refreshToken);
    connect(&m_refreshDeadline, &QTimer::timeout, this, [this] {
        fail(tr("The Loxone Miniserver at %1 did not answer the refresh of HomeWarden's token "
                "within %2 s; HomeWarden reconnects by itself.")
                        .arg(m_options.server, seconds(m_options.timeout)));
    });
}

LoxoneSession::~LoxoneSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool LoxoneSession::isAuthenticated() const
{
    return m_step == Step::Authenticated || m_step == Step::EnableUpdates
            || m_step == Step::Running;
}

void LoxoneSession::open()
{
    if (m_step != Step::Idle)
        return;
    m_step = Step::Connecting;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(MAX_MESSAGE);
    connect(m_socket, &QWebSocket::connected, this, &LoxoneSession::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &LoxoneSession::onDisconnected);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &LoxoneSession::onBinaryFrame);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LoxoneSession::onTextFrame);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (isAuthenticated())
                    fail(tr("The WebSocket to the Loxone Miniserver at %1 broke (%2); HomeWarden "
                            "reconnects by itself.")
                                    .arg(m_options.server, m_socket->errorString()));
                else
                    fail(tr("Opening the WebSocket to the Loxone Miniserver at %1 failed (%2); "
                            "check that it is running and reachable.")
                                    .arg(m_options.server, m_socket->errorString()));
            });

    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols({QStringLiteral("remotecontrol")});
    m_deadline.start(m_options.timeout);
    m_socket->open(QNetworkRequest(m_options.url), handshake);
}

void LoxoneSession::close()
{
    m_step = Step::Failed;
    stopTimers();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void LoxoneSession::enableUpdates()
{
    if (m_step == Step::Authenticated)
        send(QStringLiteral("jdev/sps/enablebinstatusupdate"), Step::EnableUpdates);
}

void LoxoneSession::killToken()
{
    if (isAuthenticated() && m_token && m_socket) {
        m_socket->sendTextMessage(tokenCommand(QStringLiteral("jdev/sys/killtoken")));
        // Out of Qt's buffer into the network now: the socket is about to go.
        m_socket->flush();
        m_token.reset();
    }
    close();
}

void LoxoneSession::onConnected()
{
    if (m_token && !m_token->token.isEmpty())
        send(QStringLiteral("jdev/sys/getkey"), Step::GetTokenKey);
    else
        requestToken();
}

void LoxoneSession::requestToken()
{
    send(QStringLiteral("jdev/sys/getkey2/") + encoded(m_options.user), Step::GetKey);
}

void LoxoneSession::onDisconnected()
{
    // Qt reports a connection that never opened (refused, unreachable) this way too.
    if (m_step == Step::Connecting) {
        fail(tr("Opening the WebSocket to the Loxone Miniserver at %1 failed (%2); check that it "
                "is running and reachable.")
                        .arg(m_options.server, m_socket->errorString()));
        return;
    }
    const QString reason = m_socket->closeReason();
    fail(tr("The Loxone Miniserver at %1 closed the WebSocket%2; HomeWarden reconnects by "
            "itself.")
                    .arg(m_options.server,
                            reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason)));
}

void LoxoneSession::onBinaryFrame(const QByteArray &frame)
{
    if (m_step == Step::Failed)
        return;
    if (m_header) {
        // A header where a payload was due means the announced payload never came (an empty
        // table, on some firmware): take the frame as the next header.
        const auto next = LoxoneMessageHeader::parse(frame);
        if (!next || m_header->length == quint32(frame.size())) {
            const LoxoneMessageHeader::Kind kind = m_header->kind;
            m_header.reset();
            onPayload(kind, frame);
            return;
        }
        m_header.reset();
    }
    const auto header = LoxoneMessageHeader::parse(frame);
    if (!header) {
        fail(tr("The Loxone Miniserver at %1 sent a WebSocket message HomeWarden cannot read; "
                "check that the Loxone URL points to a Miniserver.")
                        .arg(m_options.server));
        return;
    }
    if (header->estimated)
        return; // the exact header follows
    switch (header->kind) {
    case LoxoneMessageHeader::Kind::KeepAlive:
        m_keepaliveDeadline.stop();
        return;
    case LoxoneMessageHeader::Kind::OutOfService:
        fail(tr("The Loxone Miniserver at %1 went out of service (it restarts or updates); "
                "HomeWarden reconnects when it is back.")
                        .arg(m_options.server));
        return;
    default:
        m_header = header;
        return;
    }
}

void LoxoneSession::onTextFrame(const QString &text)
{
    if (m_step == Step::Failed)
        return;
    // The header announcing a text is optional here: a text frame is always a text message.
    m_header.reset();
    onPayload(LoxoneMessageHeader::Kind::Text, text.toUtf8());
}

void LoxoneSession::onPayload(LoxoneMessageHeader::Kind kind, const QByteArray &payload)
{
    switch (kind) {
    case LoxoneMessageHeader::Kind::Text: {
        const std::optional<LoxoneResponse> response = LoxoneResponse::parse(payload);
        if (response)
            onResponse(*response);
        else if (m_step != Step::Running)
            fail(tr("The Loxone Miniserver at %1 answered %2 with something that is not Loxone "
                    "JSON; check that the Loxone URL points to a Miniserver.")
                            .arg(m_options.server, stepName()));
        return;
    }
    case LoxoneMessageHeader::Kind::ValueStates: {
        const auto events = LoxoneEventTable::parseValueStates(payload);
        if (!events) {
            fail(tr("The Loxone Miniserver at %1 sent a broken table of value states; HomeWarden "
                    "reconnects to read them afresh.")
                            .arg(m_options.server));
            return;
        }
        Q_EMIT valueStatesReceived(*events);
        return;
    }
    case LoxoneMessageHeader::Kind::TextStates: {
        const auto events = LoxoneEventTable::parseTextStates(payload);
        if (!events) {
            fail(tr("The Loxone Miniserver at %1 sent a broken table of text states; HomeWarden "
                    "reconnects to read them afresh.")
                            .arg(m_options.server));
            return;
        }
        Q_EMIT textStatesReceived(*events);
        return;
    }
    default:
        return; // files, daytimers and weather: not used by HomeWarden
    }
}

void LoxoneSession::onResponse(const LoxoneResponse &response)
{
    // The refresh runs beside the other steps; its answer names it.
    if (m_refreshDeadline.isActive()
            && (response.control.contains(QLatin1String("sys/refreshjwt/"))
                    || response.control.contains(QLatin1String("sys/refreshtoken/")))) {
        onRefreshed(response);
        return;
    }
    switch (m_step) {
    case Step::GetTokenKey:
        onKeyForToken(response);
        return;
    case Step::AuthWithToken:
        if (!response.isOk()) {
            // Expired, killed or from before a restart: log in with the password instead.
            dropToken();
            requestToken();
            return;
        }
        if (const QJsonValue until = response.value.toObject().value(QLatin1String("validUntil"));
                until.isDouble()) {
            m_token->validUntil = LoxoneToken::fromLoxoneTime(qint64(until.toDouble()));
            m_token->issuedAt = QDateTime::currentDateTimeUtc();
        }
        Q_EMIT tokenChanged(*m_token);
        setAuthenticated();
        return;
    case Step::GetKey:
        onKeyForPassword(response);
        return;
    case Step::GetToken:
        onToken(response);
        return;
    case Step::EnableUpdates:
        if (!response.isOk()) {
            fail(tr("The Loxone Miniserver at %1 refused live state updates (code %2); check the "
                    "rights of the Loxone user.")
                            .arg(m_options.server, QString::number(response.code)));
            return;
        }
        m_step = Step::Running;
        m_deadline.stop();
        Q_EMIT ready();
        return;
    default:
        return; // answers nobody waits for
    }
}

void LoxoneSession::onKeyForToken(const LoxoneResponse &response)
{
    const QString key = response.value.toString();
    if (!response.isOk() || key.isEmpty()) {
        dropToken();
        requestToken();
        return;
    }
    // The token's proof on this socket, and on the HTTP requests from now on.
    m_token->keyHex = key;
    if (m_token->hash().isEmpty()) {
        dropToken();
        requestToken();
        return;
    }
    send(tokenCommand(QStringLiteral("authwithtoken")), Step::AuthWithToken);
}

void LoxoneSession::onKeyForPassword(const LoxoneResponse &response)
{
    if (!response.isOk()) {
        m_credentialsRefused = response.code == 401 || response.code == 403 || response.code == 404;
        fail(tr("The Loxone Miniserver at %1 refused to start a login for the user '%2' "
                "(code %3); check the Loxone user name.")
                        .arg(m_options.server, m_options.user, QString::number(response.code)));
        return;
    }
    const QJsonObject value = response.value.toObject();
    m_hashAlg = value.value(QLatin1String("hashAlg")).toString();
    if (m_hashAlg.isEmpty())
        m_hashAlg = QStringLiteral("SHA1"); // firmware before 10.4 names none
    const QString hash = LoxoneAuth::credentialHash(m_options.user, m_options.password,
            value.value(QLatin1String("key")).toString(),
            value.value(QLatin1String("salt")).toString(), m_hashAlg);
    if (hash.isEmpty()) {
        fail(tr("The Loxone Miniserver at %1 asked for the hash algorithm '%2' or sent an "
                "unreadable key; update HomeWarden or the Miniserver.")
                        .arg(m_options.server, m_hashAlg));
        return;
    }
    const QString command = m_legacyTokens ? QStringLiteral("jdev/sys/gettoken/")
                                           : QStringLiteral("jdev/sys/getjwt/");
    send(command + hash + QLatin1Char('/') + encoded(m_options.user) + QLatin1Char('/')
                    + QString::number(LoxoneAuth::APP_PERMISSION) + QLatin1Char('/')
                    + encoded(m_options.clientUuid) + QLatin1Char('/')
                    + encoded(m_options.clientInfo),
            Step::GetToken);
}

void LoxoneSession::onToken(const LoxoneResponse &response)
{
    if (response.code == 401 || response.code == 403) {
        m_credentialsRefused = true;
        fail(tr("The Loxone Miniserver at %1 refused the user '%2' or its password (code "
                "%3); check the Loxone user and its password.")
                        .arg(m_options.server, m_options.user, QString::number(response.code)));
        return;
    }
    if ((response.code == 400 || response.code == 404) && !m_legacyTokens) {
        // Firmware before 10.2 knows gettoken only; a key serves one attempt, so a fresh one.
        m_legacyTokens = true;
        requestToken();
        return;
    }
    std::optional<LoxoneToken> token;
    if (response.isOk())
        token = LoxoneToken::fromAnswer(response.value.toObject(), m_hashAlg, m_legacyTokens,
                QDateTime::currentDateTimeUtc());
    if (!token || token->hash().isEmpty()) {
        fail(tr("The Loxone Miniserver at %1 gave no usable token (code %2); its firmware may "
                "want encrypted token requests (before 11.2), which HomeWarden does not "
                "support: update the Miniserver's firmware.")
                        .arg(m_options.server, QString::number(response.code)));
        return;
    }
    m_token = token;
    Q_EMIT tokenChanged(*m_token);
    setAuthenticated();
}

void LoxoneSession::setAuthenticated()
{
    m_step = Step::Authenticated;
    m_deadline.stop();
    m_keepalive.start(m_options.keepaliveInterval);
    scheduleRefresh();
    Q_EMIT authenticated();
}

void LoxoneSession::dropToken()
{
    if (!m_token)
        return;
    m_token.reset();
    Q_EMIT tokenRevoked();
}

void LoxoneSession::scheduleRefresh()
{
    if (!m_token)
        return;
    // QTimer takes at most ~24 days, an app token lives for weeks: wake up daily and look.
    constexpr qint64 DAY = 24 * 60 * 60 * 1000;
    const qint64 due = QDateTime::currentDateTimeUtc().msecsTo(m_token->refreshAt());
    // At least a second apart, even when the Miniserver's clock runs far ahead of this one.
    m_refresh.start(std::chrono::milliseconds(std::clamp<qint64>(due, 1000, DAY)));
}

void LoxoneSession::refreshToken()
{
    if (!isAuthenticated() || !m_token || m_refreshDeadline.isActive())
        return;
    if (QDateTime::currentDateTimeUtc() < m_token->refreshAt().addMSecs(-1000)) {
        scheduleRefresh();
        return;
    }
    m_socket->sendTextMessage(
            tokenCommand(m_token->legacy ? QStringLiteral("jdev/sys/refreshtoken")
                                         : QStringLiteral("jdev/sys/refreshjwt")));
    m_refreshDeadline.start(m_options.timeout);
}

void LoxoneSession::onRefreshed(const LoxoneResponse &response)
{
    m_refreshDeadline.stop();
    const QJsonObject value = response.value.toObject();
    const QJsonValue until = value.value(QLatin1String("validUntil"));
    if (!response.isOk() || !until.isDouble()) {
        dropToken();
        fail(tr("The Loxone Miniserver at %1 refused to refresh HomeWarden's token (code %2); "
                "HomeWarden logs in again.")
                        .arg(m_options.server, QString::number(response.code)));
        return;
    }
    // refreshjwt answers a new token; a legacy refreshtoken extends the old one.
    if (const QString token = value.value(QLatin1String("token")).toString(); !token.isEmpty())
        m_token->token = token;
    if (const QString key = value.value(QLatin1String("key")).toString(); !key.isEmpty())
        m_token->keyHex = key;
    m_token->issuedAt = QDateTime::currentDateTimeUtc();
    m_token->validUntil = LoxoneToken::fromLoxoneTime(qint64(until.toDouble()));
    Q_EMIT tokenChanged(*m_token);
    scheduleRefresh();
}

void LoxoneSession::onDeadline()
{
    fail(tr("The Loxone Miniserver at %1 did not answer %2 over the WebSocket within %3 s; check "
            "that it is reachable and not overloaded.")
                    .arg(m_options.server, stepName(), seconds(m_options.timeout)));
}

void LoxoneSession::sendKeepalive()
{
    if (!isAuthenticated() || m_keepaliveDeadline.isActive())
        return;
    m_socket->sendTextMessage(QStringLiteral("keepalive"));
    m_keepaliveDeadline.start(m_options.timeout);
}

void LoxoneSession::send(const QString &command, Step next)
{
    m_step = next;
    m_socket->sendTextMessage(command);
    m_deadline.start(m_options.timeout);
}

void LoxoneSession::fail(const QString &sentence)
{
    if (m_step == Step::Failed)
        return;
    m_step = Step::Failed;
    stopTimers();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT failed(sentence);
}

void LoxoneSession::stopTimers()
{
    for (QTimer *timer :
            {&m_deadline, &m_keepalive, &m_keepaliveDeadline, &m_refresh, &m_refreshDeadline})
        timer->stop();
}

QString LoxoneSession::tokenCommand(const QString &command) const
{
    return command + QLatin1Char('/') + (m_token ? m_token->hash() : QString()) + QLatin1Char('/')
            + encoded(m_options.user);
}

QString LoxoneSession::stepName() const
{
    switch (m_step) {
    case Step::Connecting:
        return tr("the connection request");
    case Step::GetTokenKey:
        return QStringLiteral("jdev/sys/getkey");
    case Step::AuthWithToken:
        return QStringLiteral("authwithtoken");
    case Step::GetKey:
        return QStringLiteral("jdev/sys/getkey2");
    case Step::GetToken:
        return m_legacyTokens ? QStringLiteral("jdev/sys/gettoken")
                              : QStringLiteral("jdev/sys/getjwt");
    case Step::EnableUpdates:
        return QStringLiteral("jdev/sps/enablebinstatusupdate");
    default:
        return QStringLiteral("keepalive");
    }
}
