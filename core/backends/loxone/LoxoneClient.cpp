#include "LoxoneClient.h"

#include "BackendReply.h"
#include "LoxoneRequest.h"
#include "LoxoneResponse.h"
#include "LoxoneSession.h"
#include "LoxoneUuid.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUuid>

#include <algorithm>

namespace {

constexpr QUrl::FormattingOptions BASE_PARTS =
        QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash;
constexpr qsizetype MAX_COMMAND = 256;

// A command is one or more path segments ("on", "manualPosition/40"). Empty, "." and ".."
// segments and control characters are refused: they would address something else than the
// control on the Miniserver.
bool isValidCommand(const QString &command)
{
    if (command.isEmpty() || command.size() > MAX_COMMAND)
        return false;
    const QStringList segments = command.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return false;
        for (const QChar c : segment) {
            if (c.category() == QChar::Other_Control)
                return false;
        }
    }
    return true;
}

QByteArray encodedCommand(const QString &command)
{
    QByteArrayList segments;
    for (const QString &segment : command.split(QLatin1Char('/')))
        segments.append(QUrl::toPercentEncoding(segment));
    return segments.join('/');
}

} // namespace

LoxoneClient::LoxoneClient(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clientUuid(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_network(new QNetworkAccessManager(this))
    , m_nextDelay(config.reconnectDelay)
{
    const QUrl &url = m_config.baseUrl;
    const QString scheme = url.scheme().toLower();
    m_server = url.adjusted(BASE_PARTS | QUrl::RemovePath).toDisplayString();
    if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        m_configError = tr("The Loxone URL '%1' is not an http:// or https:// address; set it to "
                           "the Miniserver's address, for example http://192.168.1.10.")
                                .arg(url.toDisplayString(QUrl::RemoveUserInfo));
    } else if (m_config.user.isEmpty()) {
        m_configError = tr("No Loxone user is configured; set the user HomeWarden logs in with.");
    }
    // Redirects are reported, not followed: they would carry the credentials elsewhere.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &LoxoneClient::connectNow);
}

LoxoneClient::~LoxoneClient()
{
    // An app token lives for weeks: it goes with HomeWarden rather than pile up.
    if (m_session && m_session->isAuthenticated())
        m_session->killToken();
    dropSession();
}

void LoxoneClient::setRequestGuard(std::function<QString()> guard)
{
    m_guard = std::move(guard);
}

void LoxoneClient::setUnavailable(const QString &sentence)
{
    m_unavailable = sentence;
    m_lastError = sentence;
    Q_EMIT errorOccurred(sentence);
}

const LoxoneStructure &LoxoneClient::structure() const
{
    static const LoxoneStructure empty;
    return m_structure ? *m_structure : empty;
}

std::optional<double> LoxoneClient::stateValue(const QString &stateUuid) const
{
    return m_states.value(stateUuid);
}

std::optional<QString> LoxoneClient::stateText(const QString &stateUuid) const
{
    return m_states.text(stateUuid);
}

void LoxoneClient::start()
{
    if (m_phase == Phase::Idle && !m_suspended)
        connectNow();
}

void LoxoneClient::abortAll(const QString &reason)
{
    m_suspended = true;
    m_suspendReason =
            reason.isEmpty() ? tr("The connection to the Loxone Miniserver was stopped.") : reason;
    m_reconnect.stop();
    m_phase = Phase::Idle;
    dropCycleRequest();
    dropSession();
    setConnected(false);
    const QList<QPointer<BackendReply>> replies = std::exchange(m_replies, {});
    for (const QPointer<BackendReply> &reply : replies) {
        if (reply)
            reply->abort(m_suspendReason);
    }
}

void LoxoneClient::resume()
{
    m_suspended = false;
    m_suspendReason.clear();
    m_credentialsRefused = false;
    m_nextDelay = m_config.reconnectDelay;
    if (m_phase == Phase::Idle || m_phase == Phase::Waiting)
        connectNow();
}

BackendReply *LoxoneClient::sendCommand(const QString &uuidOrSubcontrolId, const QString &command)
{
    if (!LoxoneUuid::isValid(uuidOrSubcontrolId))
        return BackendReply::failure(
                tr("'%1' is not a Loxone uuid (8-4-4-16 hex digits, optionally with a /suffix); "
                   "take the id from the structure file.")
                        .arg(uuidOrSubcontrolId.left(80)),
                this);
    if (!isValidCommand(command))
        return BackendReply::failure(
                tr("'%1' is not a Loxone command (one or more non-empty parts separated by '/', "
                   "at most %2 characters); check the command for the control type.")
                        .arg(command.left(80), QString::number(MAX_COMMAND)),
                this);
    // Loxone wants the visualisation password with these (jdev/sps/ios/<hash>/...); HomeWarden
    // has none to give, and guessing would count as failed attempts on the Miniserver.
    if (const LoxoneControl *control = structure().findControl(uuidOrSubcontrolId)) {
        const LoxoneControl *parent = control->parentUuid.isEmpty()
                ? nullptr
                : structure().findControl(control->parentUuid);
        if (control->isSecured || (parent && parent->isSecured))
            return BackendReply::failure(
                    tr("The Loxone control '%1' is protected by a visualisation password, which "
                       "HomeWarden does not send; operate it in the Loxone app, or remove the "
                       "password in Loxone Config if AI may use it.")
                            .arg(control->name),
                    this);
    }
    auto *reply = new BackendReply(this);
    m_replies.removeAll(nullptr);
    m_replies.append(reply);
    const QByteArray path =
            "/jdev/sps/io/" + uuidOrSubcontrolId.toLatin1() + '/' + encodedCommand(command);
    bool withToken = false;
    LoxoneRequest *call = request(path,
            tr("Sending '%1' to the Loxone control %2").arg(command, uuidOrSubcontrolId),
            &withToken);
    // The request goes with the reply: whoever drops the reply drops the request too.
    call->setParent(reply);
    connect(call, &LoxoneRequest::finished, reply,
            [this, call, reply, uuidOrSubcontrolId, command, withToken](
                    bool ok, const QByteArray &body, const QString &error) {
                if (!ok) {
                    if (withToken && call->error() == LoxoneRequest::Error::Authentication)
                        onTokenRefused(error);
                    return reply->fail(error);
                }
                QString value;
                const QString problem = commandOutcome(uuidOrSubcontrolId, command, body, &value);
                if (problem.isEmpty())
                    reply->succeed(value);
                else
                    reply->fail(problem);
            });
    connect(reply, &BackendReply::aborted, call,
            [call, reply] { call->abort(reply->errorString()); });
    return reply;
}

QString LoxoneClient::commandOutcome(
        const QString &target, const QString &command, const QByteArray &body, QString *value)
{
    const std::optional<LoxoneResponse> response = LoxoneResponse::parse(body);
    if (!response)
        return tr("Sending '%1' to the Loxone control %2 failed: the answer is not Loxone JSON; "
                  "check that the Loxone URL points to a Miniserver.")
                .arg(command, target);
    if (!response->isOk())
        return tr("The Loxone Miniserver refused '%1' for the control %2 (code %3); check that "
                  "the control exists and takes this command.")
                .arg(command, target, QString::number(response->code));
    *value = response->valueText();
    return {};
}

void LoxoneClient::connectNow()
{
    m_reconnect.stop();
    if (m_suspended)
        return;
    // Neither a wrong configuration nor a missing password gets better by retrying.
    const QString blocked = !m_configError.isEmpty() ? m_configError : m_unavailable;
    if (!blocked.isEmpty()) {
        m_phase = Phase::Idle;
        m_lastError = blocked;
        Q_EMIT errorOccurred(blocked);
        return;
    }
    openSession();
}

void LoxoneClient::openSession()
{
    const QString refused = refusal();
    if (!refused.isEmpty()) {
        failCycle(refused);
        return;
    }
    m_phase = Phase::Connecting;
    QUrl url = m_config.baseUrl.adjusted(BASE_PARTS);
    url.setScheme(url.scheme().toLower() == QLatin1String("https") ? QStringLiteral("wss")
                                                                   : QStringLiteral("ws"));
    url.setPath(url.path() + QLatin1String("/ws/rfc6455"));

    LoxoneSession::Options options;
    options.url = url;
    options.server = m_server;
    options.user = m_config.user;
    options.password = m_config.password;
    options.clientUuid = m_clientUuid;
    options.clientInfo = QStringLiteral("HomeWarden");
    options.timeout = m_config.requestTimeout;
    options.keepaliveInterval = m_config.keepaliveInterval;
    options.token = m_token;

    dropSession();
    m_session = new LoxoneSession(options, this);
    connect(m_session, &LoxoneSession::tokenChanged, this, [this](const LoxoneToken &token) {
        m_token = token;
        m_basicAnnounced = false;
    });
    connect(m_session, &LoxoneSession::tokenRevoked, this, [this] { m_token.reset(); });
    connect(m_session, &LoxoneSession::authenticated, this, &LoxoneClient::onSessionAuthenticated);
    connect(m_session, &LoxoneSession::ready, this, &LoxoneClient::onSessionReady);
    connect(m_session, &LoxoneSession::failed, this, &LoxoneClient::onSessionFailed);
    connect(m_session, &LoxoneSession::valueStatesReceived, this,
            [this](const QList<LoxoneEventTable::ValueEvent> &events) {
                for (const LoxoneEventTable::ValueEvent &event : events) {
                    if (m_states.setValue(event.uuid, event.value))
                        Q_EMIT stateChanged(event.uuid);
                }
            });
    connect(m_session, &LoxoneSession::textStatesReceived, this,
            [this](const QList<LoxoneEventTable::TextEvent> &events) {
                for (const LoxoneEventTable::TextEvent &event : events) {
                    if (m_states.setText(event.uuid, event.text))
                        Q_EMIT stateChanged(event.uuid);
                }
            });
    m_session->open();
}

// Logged in: the structure file, signed with the token, before the states that refer to it.
void LoxoneClient::onSessionAuthenticated()
{
    if (m_structure)
        checkVersion();
    else
        loadStructure();
}

void LoxoneClient::failCycleRequest(bool withToken, const QString &error)
{
    if (m_cycleRequest && m_cycleRequest->error() == LoxoneRequest::Error::Authentication) {
        if (withToken)
            return onTokenRefused(error);
        m_credentialsRefused = true;
    }
    failCycle(error);
}

void LoxoneClient::checkVersion()
{
    m_phase = Phase::Checking;
    bool withToken = false;
    m_cycleRequest = request("/jdev/sps/LoxAPPversion3",
            tr("Checking the version of the Loxone structure file"), &withToken);
    connect(m_cycleRequest, &LoxoneRequest::finished, this,
            [this, withToken](bool ok, const QByteArray &body, const QString &error) {
                if (!ok)
                    return failCycleRequest(withToken, error);
                // Firmware without this command answers with an error code: load it anyway.
                const auto response = LoxoneResponse::parse(body);
                if (!response || !response->isOk() || !m_structure
                        || response->valueText() != m_structure->lastModified())
                    loadStructure();
                else
                    onStructureCurrent();
            });
}

void LoxoneClient::loadStructure()
{
    m_phase = Phase::Loading;
    bool withToken = false;
    m_cycleRequest =
            request("/data/LoxAPP3.json", tr("Loading the Loxone structure file"), &withToken);
    connect(m_cycleRequest, &LoxoneRequest::finished, this,
            [this, withToken](bool ok, const QByteArray &body, const QString &error) {
                if (!ok)
                    return failCycleRequest(withToken, error);
                QString parseError;
                std::optional<LoxoneStructure> structure =
                        LoxoneStructure::parse(body, &parseError);
                if (!structure) {
                    failCycle(parseError);
                    return;
                }
                m_structure = std::move(structure);
                // States of controls that may be gone; the event tables refill it.
                m_states.clear();
                Q_EMIT structureLoaded();
                onStructureCurrent();
            });
}

void LoxoneClient::onStructureCurrent()
{
    m_cycleRequest = nullptr;
    if (m_suspended || !m_session)
        return;
    m_phase = Phase::Connecting;
    m_session->enableUpdates();
}

void LoxoneClient::onSessionReady()
{
    m_phase = Phase::Connected;
    m_nextDelay = m_config.reconnectDelay;
    m_lastError.clear();
    setConnected(true);
}

void LoxoneClient::onSessionFailed(const QString &error)
{
    m_credentialsRefused = m_session && m_session->failedOnCredentials();
    failCycle(error);
}

void LoxoneClient::onTokenRefused(const QString &error)
{
    // Killed or expired behind HomeWarden's back: a new login, not a wrong password.
    m_token.reset();
    failCycle(error);
}

void LoxoneClient::failCycle(const QString &error)
{
    dropCycleRequest();
    dropSession();
    setConnected(false);
    m_phase = Phase::Idle;
    m_lastError = error;
    Q_EMIT errorOccurred(error);
    scheduleReconnect();
}

void LoxoneClient::scheduleReconnect()
{
    // A refused login is not retried: a Miniserver blocks an address after a few failures.
    if (m_suspended || m_credentialsRefused || m_phase != Phase::Idle)
        return;
    m_phase = Phase::Waiting;
    m_reconnect.start(m_nextDelay);
    m_nextDelay = std::min(m_nextDelay * 2, m_config.maxReconnectDelay);
}

void LoxoneClient::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    m_connectedSince = connected ? QDateTime::currentDateTimeUtc() : QDateTime();
    Q_EMIT connectedChanged(connected);
}

void LoxoneClient::dropCycleRequest()
{
    LoxoneRequest *call = std::exchange(m_cycleRequest, nullptr);
    if (!call)
        return;
    call->disconnect(this);
    call->abort(tr("The connection to the Loxone Miniserver was restarted."));
}

void LoxoneClient::dropSession()
{
    if (!m_session)
        return;
    LoxoneSession *session = std::exchange(m_session, nullptr);
    session->disconnect(this);
    session->close();
    // It may be the sender of the signal being handled.
    session->deleteLater();
}

LoxoneRequest *LoxoneClient::request(const QByteArray &path, const QString &what, bool *withToken)
{
    auto *call = new LoxoneRequest(what, m_server, this);
    connect(call, &LoxoneRequest::finished, call, &QObject::deleteLater);
    QString refused = refusal();
    const QString tokenHash = m_token ? m_token->hash() : QString();
    if (refused.isEmpty() && tokenHash.isEmpty() && !m_config.allowBasicAuth)
        refused = notLoggedIn();
    if (!refused.isEmpty()) {
        call->refuse(refused);
        return call;
    }
    QUrl url = QUrl::fromEncoded(m_config.baseUrl.toEncoded(BASE_PARTS) + path);
    if (!tokenHash.isEmpty()) {
        url.setQuery(QStringLiteral("autht=%1&user=%2")
                             .arg(tokenHash,
                                     QString::fromLatin1(QUrl::toPercentEncoding(m_config.user))));
        if (withToken)
            *withToken = true;
        call->start(m_network, QNetworkRequest(url), m_config.requestTimeout);
        return call;
    }
    QNetworkRequest request(url);
    const QByteArray credentials = (m_config.user + QLatin1Char(':') + m_config.password).toUtf8();
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    if (!m_basicAnnounced) {
        m_basicAnnounced = true;
        Q_EMIT basicAuthenticationUsed(
                tr("HomeWarden sent the password of the Loxone user '%1' to %2 with basic "
                   "authentication, because loxone/allow_basic_auth is on and it holds no "
                   "token; turn that setting off unless the Miniserver's firmware is older "
                   "than 9.0.")
                        .arg(m_config.user, m_server));
    }
    call->start(m_network, request, m_config.requestTimeout);
    return call;
}

QString LoxoneClient::notLoggedIn() const
{
    if (m_credentialsRefused && !m_lastError.isEmpty())
        return m_lastError;
    return tr("HomeWarden is not logged in to the Loxone Miniserver at %1 yet; try again once "
              "it is connected (get_system_status shows the connection).")
            .arg(m_server);
}

QString LoxoneClient::refusal() const
{
    if (m_suspended)
        return m_suspendReason;
    if (!m_configError.isEmpty())
        return m_configError;
    if (!m_unavailable.isEmpty())
        return m_unavailable;
    return m_guard ? m_guard() : QString();
}
