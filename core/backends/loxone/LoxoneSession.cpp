#include "LoxoneSession.h"

#include "LoxoneAuth.h"
#include "LoxoneResponse.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

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
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &LoxoneSession::onDeadline);
    connect(&m_keepalive, &QTimer::timeout, this, &LoxoneSession::sendKeepalive);
}

LoxoneSession::~LoxoneSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
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
                if (m_step == Step::Running)
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
    m_deadline.stop();
    m_keepalive.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void LoxoneSession::onConnected()
{
    send(QStringLiteral("jdev/sys/getkey2/") + encoded(m_options.user), Step::GetKey);
}

void LoxoneSession::onDisconnected()
{
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
        if (m_keepaliveOutstanding) {
            m_keepaliveOutstanding = false;
            m_deadline.stop();
        }
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
    switch (m_step) {
    case Step::GetKey: {
        if (!response.isOk()) {
            m_credentialsRefused =
                    response.code == 401 || response.code == 403 || response.code == 404;
            fail(tr("The Loxone Miniserver at %1 refused to start a login for the user '%2' "
                    "(code %3); check the Loxone user name.")
                            .arg(m_options.server, m_options.user, QString::number(response.code)));
            return;
        }
        const QJsonObject value = response.value.toObject();
        QString hashAlg = value.value(QLatin1String("hashAlg")).toString();
        if (hashAlg.isEmpty())
            hashAlg = QStringLiteral("SHA1"); // firmware before 10.4 names none
        const QString hash = LoxoneAuth::credentialHash(m_options.user, m_options.password,
                value.value(QLatin1String("key")).toString(),
                value.value(QLatin1String("salt")).toString(), hashAlg);
        if (hash.isEmpty()) {
            fail(tr("The Loxone Miniserver at %1 asked for the hash algorithm '%2' or sent an "
                    "unreadable key; update HomeWarden or the Miniserver.")
                            .arg(m_options.server, hashAlg));
            return;
        }
        send(QStringLiteral("jdev/sys/getjwt/") + hash + QLatin1Char('/') + encoded(m_options.user)
                        + QLatin1Char('/') + QString::number(LoxoneAuth::WEB_PERMISSION)
                        + QLatin1Char('/') + encoded(m_options.clientUuid) + QLatin1Char('/')
                        + encoded(m_options.clientInfo),
                Step::GetToken);
        return;
    }
    case Step::GetToken:
        if (!response.isOk()) {
            m_credentialsRefused = response.code == 401 || response.code == 403;
            fail(tr("The Loxone Miniserver at %1 refused the user '%2' or its password (code "
                    "%3); check the Loxone user and its password.")
                            .arg(m_options.server, m_options.user, QString::number(response.code)));
            return;
        }
        send(QStringLiteral("jdev/sps/enablebinstatusupdate"), Step::EnableUpdates);
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
        m_keepalive.start(m_options.keepaliveInterval);
        Q_EMIT ready();
        return;
    default:
        return; // answers nobody waits for
    }
}

void LoxoneSession::onDeadline()
{
    if (m_step == Step::Running) {
        fail(tr("The Loxone Miniserver at %1 stopped answering keepalive messages within %2 s; "
                "HomeWarden reconnects by itself.")
                        .arg(m_options.server, seconds(m_options.timeout)));
        return;
    }
    fail(tr("The Loxone Miniserver at %1 did not answer %2 over the WebSocket within %3 s; check "
            "that it is reachable and not overloaded.")
                    .arg(m_options.server, stepName(), seconds(m_options.timeout)));
}

void LoxoneSession::sendKeepalive()
{
    if (m_step != Step::Running || m_keepaliveOutstanding)
        return;
    m_keepaliveOutstanding = true;
    m_socket->sendTextMessage(QStringLiteral("keepalive"));
    m_deadline.start(m_options.timeout);
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
    m_deadline.stop();
    m_keepalive.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT failed(sentence);
}

QString LoxoneSession::stepName() const
{
    switch (m_step) {
    case Step::Connecting:
        return tr("the connection request");
    case Step::GetKey:
        return QStringLiteral("jdev/sys/getkey2");
    case Step::GetToken:
        return QStringLiteral("jdev/sys/getjwt");
    case Step::EnableUpdates:
        return QStringLiteral("jdev/sps/enablebinstatusupdate");
    default:
        return QStringLiteral("keepalive");
    }
}
