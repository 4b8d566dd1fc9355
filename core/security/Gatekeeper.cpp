#include "Gatekeeper.h"

#include "AuditEvent.h"
#include "Clock.h"
#include "KeyStore.h"
#include "KeyText.h"
#include "LoginGuard.h"
#include "RateLimiter.h"
#include "ToolResult.h"

Gatekeeper::Gatekeeper(const Services &services, SecurityLevel level)
    : m_services(services)
    , m_level(level)
{
    if (!m_services.clock)
        m_services.clock = &systemClock();
    if (!m_services.isSecurityDevice)
        m_services.isSecurityDevice = &Gatekeeper::isSecurityDomain;
}

Gatekeeper::~Gatekeeper()
{
    flushUses();
}

void Gatekeeper::noteUse(const QString &keyId, const QDateTime &now, const QString &source)
{
    constexpr qint64 USE_WRITE_INTERVAL_MS = 5000;
    PendingUse &use = m_pendingUses[keyId];
    ++use.uses;
    use.when = now;
    use.source = source;
    if (use.writtenAt.isValid() && use.writtenAt.msecsTo(now) < USE_WRITE_INTERVAL_MS)
        return;
    if (m_services.keys->recordUses(keyId, now, source, use.uses)) {
        use.uses = 0;
        use.writtenAt = now;
    }
}

bool Gatekeeper::isNewLogin(
        const QString &keyId, const QString &source, const QString &transport, const QDateTime &now)
{
    // An HTTP client presents its key with every request; a row per request would bury the
    // trail (and cost the audit writer more than the request). Each refusal and each tool call
    // is still recorded one by one.
    constexpr qint64 LOGIN_AUDIT_INTERVAL_MS = 60000;
    // Many addresses over a long run must not grow the table without end: forget those
    // whose minute has passed.
    if (m_loginsAudited.size() > 1024) {
        m_loginsAudited.removeIf([&now](const auto &entry) {
            return entry.value().msecsTo(now) >= LOGIN_AUDIT_INTERVAL_MS;
        });
    }
    QDateTime &last =
            m_loginsAudited[keyId + QLatin1Char('\n') + source + QLatin1Char('\n') + transport];
    if (last.isValid() && last <= now && last.msecsTo(now) < LOGIN_AUDIT_INTERVAL_MS)
        return false;
    last = now;
    return true;
}

void Gatekeeper::flushUses()
{
    for (auto it = m_pendingUses.cbegin(); it != m_pendingUses.cend(); ++it) {
        if (it->uses > 0)
            m_services.keys->recordUses(it.key(), it->when, it->source, it->uses);
    }
    m_pendingUses.clear();
}

bool Gatekeeper::isSecurityDomain(const QString &deviceId)
{
    return deviceId.startsWith(QLatin1String("ha:lock."))
            || deviceId.startsWith(QLatin1String("ha:alarm_control_panel."));
}

QHostAddress Gatekeeper::addressOf(const QString &source)
{
    // stdio is a process on this machine: loopback, as far as IP allow-lists go.
    const QHostAddress address(source);
    return address.isNull() ? QHostAddress(QHostAddress::LocalHost) : address;
}

Caller Gatekeeper::authenticate(
        const QString &keyText, const QString &source, const QString &transport)
{
    const QDateTime now = m_services.clock->now();
    const bool fromNetwork = !QHostAddress(source).isNull();

    if (fromNetwork && m_services.loginGuard) {
        QString error;
        const QDateTime until = m_services.loginGuard->bannedUntil(source, now, &error);
        if (until.isValid()) {
            const QString reason = error.isEmpty()
                    ? QStringLiteral("Too many failed logins from %1; try again after %2.")
                              .arg(source, until.toString(Qt::ISODate))
                    : QStringLiteral("Failed logins cannot be checked (%1), so %2 is refused.")
                              .arg(error, source);
            audit(AuditEvent::AUTH_FAILURE, {}, source, QStringLiteral("authenticate"), {},
                    QStringLiteral("denied"), reason);
            Caller banned{{}, {}, source, transport, reason};
            banned.refusalKind = Caller::Refusal::Banned;
            return banned;
        }
    }

    if (keyText.isEmpty()) {
        const bool local = !fromNetwork || QHostAddress(source).isLoopback();
        if (m_level == SecurityLevel::Development && local) {
            audit(AuditEvent::AUTH_SUCCESS, QLatin1String(DEVELOPMENT_KEY_ID), source,
                    QStringLiteral("authenticate"), {}, QStringLiteral("allowed"),
                    QStringLiteral("No key needed at the development security level."));
            return {QLatin1String(DEVELOPMENT_KEY_ID), Roles::name(Role::Admin), source, transport,
                    {}};
        }
        return refuse({}, source, transport, Caller::Refusal::NoKey,
                QStringLiteral("No API key was given."));
    }

    QString error;
    const std::optional<KeyText::Parts> parts = KeyText::parse(keyText, &error);
    if (!parts)
        return refuse({}, source, transport, Caller::Refusal::BadKey, error);

    const std::optional<ApiKey> key = m_services.keys->find(parts->id, &error);
    if (!error.isEmpty()) {
        const QString reason = QStringLiteral("The key store cannot be read (%1), so key %2 is "
                                              "refused.")
                                       .arg(error, parts->id);
        audit(AuditEvent::AUTH_FAILURE, parts->id, source, QStringLiteral("authenticate"), {},
                QStringLiteral("error"), reason);
        Caller unavailable{{}, {}, source, transport, reason};
        unavailable.refusalKind = Caller::Refusal::Unavailable;
        return unavailable;
    }
    if (!key)
        return refuse(parts->id, source, transport, Caller::Refusal::BadKey,
                QStringLiteral("Key %1 does not exist.").arg(parts->id));
    if (!KeyText::constantTimeEquals(
                KeyText::hashSecret(parts->id, parts->secret), key->secretHash))
        return refuse(parts->id, source, transport, Caller::Refusal::BadKey,
                QStringLiteral("Key %1 was given with a wrong secret.").arg(parts->id));

    const Decision usable = Authorizer::checkKey(*key, addressOf(source), now);
    if (!usable.allowed) {
        // A valid key used from a place its allow-list excludes is forbidden, not unknown.
        const bool keyItselfBad = key->isRevoked() || !key->active || key->isExpired(now);
        return refuse(parts->id, source, transport,
                keyItselfBad ? Caller::Refusal::BadKey : Caller::Refusal::NotAllowedHere,
                usable.reason);
    }

    noteUse(key->id, now, source);
    if (m_services.loginGuard && fromNetwork)
        m_services.loginGuard->recordSuccess(source);
    if (isNewLogin(key->id, source, transport, now))
        audit(AuditEvent::AUTH_SUCCESS, key->id, source, QStringLiteral("authenticate"), {},
                QStringLiteral("allowed"), {});
    Caller caller{key->id, Roles::name(key->role), source, transport, {}};
    caller.rateLimit = key->effectiveRateLimit();
    return caller;
}

Caller Gatekeeper::refuse(const QString &keyId, const QString &source, const QString &transport,
        Caller::Refusal kind, const QString &reason)
{
    audit(AuditEvent::AUTH_FAILURE, keyId, source, QStringLiteral("authenticate"), {},
            QStringLiteral("denied"), reason);
    // Only network peers are banned: a stdio caller is a process of this user, who can read
    // the database anyway, so a ban would only lock the person out of their own house.
    if (m_services.loginGuard && !QHostAddress(source).isNull()) {
        const QDateTime until =
                m_services.loginGuard->recordFailure(source, m_services.clock->now());
        if (until.isValid())
            audit(AuditEvent::AUTH_FAILURE, keyId, source, QStringLiteral("ban"), {},
                    QStringLiteral("denied"),
                    QStringLiteral("%1 failed logins from %2 within 5 minutes: banned until %3.")
                            .arg(LoginGuard::MAX_FAILURES)
                            .arg(source, until.toString(Qt::ISODate)));
    }
    Caller caller{{}, {}, source, transport, reason};
    caller.refusalKind = kind;
    return caller;
}

ToolGate::Admission Gatekeeper::admit(const ToolCall &call)
{
    const Caller &caller = call.caller;
    auto deny = [&](const char *event, const QString &reason) {
        audit(event, caller.keyId, caller.source, call.tool, call.access.target,
                QStringLiteral("denied"), reason);
        return Admission{false, reason, {}};
    };

    if (!caller.isAuthenticated())
        return deny(AuditEvent::AUTHZ_DENIED,
                caller.refusal.isEmpty() ? QStringLiteral("No API key was accepted.")
                                         : caller.refusal);
    if (caller.keyId == QLatin1String(DEVELOPMENT_KEY_ID)) {
        if (m_level == SecurityLevel::Development)
            return {true, {}, DeviceScope::everything()};
        return deny(AuditEvent::AUTHZ_DENIED,
                QStringLiteral("The development identity is only valid at the development "
                               "security level."));
    }

    const QDateTime now = m_services.clock->now();
    QString error;
    const std::optional<ApiKey> key = m_services.keys->find(caller.keyId, &error);
    if (!error.isEmpty())
        return deny(AuditEvent::AUTHZ_DENIED,
                QStringLiteral("The key store cannot be read (%1), so the call is refused.")
                        .arg(error));
    if (!key)
        return deny(AuditEvent::AUTHZ_DENIED,
                QStringLiteral("Key %1 no longer exists.").arg(caller.keyId));

    AccessRequest request = call.access;
    if (request.backend == AccessRequest::Backend::None)
        request.backend = AccessRequest::backendOf(request.target);
    // A tool may know more (ha_call_service on the lock domain); the device model may too.
    request.securityDevice = request.securityDevice
            || (!request.target.isEmpty() && m_services.isSecurityDevice(request.target));
    const Decision decision = Authorizer::authorize(*key, request, addressOf(caller.source), now);
    if (!decision.allowed)
        return deny(AuditEvent::AUTHZ_DENIED, decision.reason);

    if (m_level != SecurityLevel::Development && !caller.rateCountedByTransport) {
        QString reason;
        if (!acquire(key->id, key->effectiveRateLimit(), &reason).allowed)
            return deny(AuditEvent::RATE_LIMIT_EXCEEDED, reason);
    }
    return {true, {}, Authorizer::scopeOf(*key)};
}

RateLimiter::Verdict Gatekeeper::acquire(const QString &keyId, int limit, QString *reason)
{
    QString error;
    RateLimiter::Verdict verdict =
            m_services.rateLimiter->acquire(keyId, limit, m_services.clock->now(), &error);
    if (!verdict.allowed)
        *reason = !error.isEmpty()
                ? error
                : QStringLiteral("Key %1 has used its %2 calls per minute; try again in %3 s.")
                          .arg(keyId)
                          .arg(verdict.limit)
                          .arg(verdict.retryAfterSeconds);
    return verdict;
}

RateLimiter::Verdict Gatekeeper::countRequest(
        const Caller &caller, const QString &action, Counting counting)
{
    RateLimiter::Verdict unlimited;
    unlimited.allowed = true;
    if (!caller.isAuthenticated()) {
        unlimited.allowed = false;
        return unlimited;
    }
    if (m_level == SecurityLevel::Development || caller.keyId == QLatin1String(DEVELOPMENT_KEY_ID))
        return unlimited;
    // The key was read (and found usable) by authenticate() an instant ago; reading it again
    // would only cost another look at the database.
    if (counting == Counting::Peek)
        return m_services.rateLimiter->peek(
                caller.keyId, caller.rateLimit, m_services.clock->now());
    QString reason;
    const RateLimiter::Verdict verdict = acquire(caller.keyId, caller.rateLimit, &reason);
    if (!verdict.allowed)
        audit(AuditEvent::RATE_LIMIT_EXCEEDED, caller.keyId, caller.source, action, {},
                QStringLiteral("denied"), reason);
    return verdict;
}

void Gatekeeper::recordDenial(const QString &source, const QString &action, const QString &reason)
{
    audit(AuditEvent::AUTHZ_DENIED, {}, source, action, {}, QStringLiteral("denied"), reason);
}

void Gatekeeper::finished(const ToolCall &call, const ToolResult &result)
{
    audit(AuditEvent::TOOL_CALL, call.caller.keyId, call.caller.source, call.tool,
            call.access.target, result.isError() ? QStringLiteral("error") : QStringLiteral("ok"),
            result.isError() ? result.text() : QString());
}

void Gatekeeper::audit(const char *event, const QString &keyId, const QString &source,
        const QString &action, const QString &target, const QString &result,
        const QString &reason) const
{
    if (!m_services.audit)
        return;
    AuditEvent e;
    e.timestamp = m_services.clock->now();
    e.event = QLatin1String(event);
    e.keyId = keyId;
    e.source = source;
    e.action = action;
    e.target = target;
    e.result = result;
    e.reason = reason;
    m_services.audit(e);
}
