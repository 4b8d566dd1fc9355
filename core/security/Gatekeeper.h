#pragma once

#include "Authorizer.h"
#include "RateLimiter.h"
#include "SecurityLevel.h"
#include "ToolGate.h"

#include <QHash>

#include <functional>

class Clock;
class KeyStore;
class LoginGuard;
struct AuditEvent;

// The gate in front of every tool: authenticates presented keys, and for each call re-reads
// the key (a revocation elsewhere counts at once), authorizes it, applies the rate limit and
// writes the audit trail. Any part it cannot consult makes it refuse.
class Gatekeeper : public ToolGate
{
public:
    using AuditSink = std::function<void(const AuditEvent &event)>;

    struct Services
    {
        KeyStore *keys = nullptr;
        RateLimiter *rateLimiter = nullptr;
        LoginGuard *loginGuard = nullptr;
        AuditSink audit;
        const Clock *clock = nullptr;
        // Locks, alarms, door and garage openers; the device model answers this once it exists.
        std::function<bool(const QString &deviceId)> isSecurityDevice;
    };

    // The key id a development-level caller without a key is audited under.
    static constexpr char DEVELOPMENT_KEY_ID[] = "development";

    Gatekeeper(const Services &services, SecurityLevel level);
    ~Gatekeeper() override;

    // Checks a presented key text. source is "stdio" or the peer's IP address; transport is
    // "stdio" or "streamable-http". On refusal the caller carries the reason in `refusal`.
    // An empty key text is accepted only at the development level.
    Caller authenticate(const QString &keyText, const QString &source, const QString &transport);

    Admission admit(const ToolCall &call) override;

    // The device model, once it exists, knows better than the domain rule which devices
    // are locks, alarms, doors and garage openers.
    void setSecurityDeviceClassifier(const std::function<bool(const QString &deviceId)> &classify)
    {
        m_services.isSecurityDevice = classify;
    }

    // Counts one request of a caller that authenticate() has just accepted against its key's
    // rate limit as read then (HTTP does this per request; stdio per tool call, inside
    // admit()). Audits a refusal; a window that cannot be read refuses.
    // With Counting::Count the request counts against its key's limit; with Peek the window
    // is only reported (for the X-RateLimit headers of requests that do not count).
    enum class Counting { Count, Peek };
    RateLimiter::Verdict countRequest(
            const Caller &caller, const QString &action, Counting counting = Counting::Count);
    void finished(const ToolCall &call, const ToolResult &result) override;

    // Audits a refusal made before the gate was asked (a foreign Origin or Host header, ...).
    void recordDenial(const QString &source, const QString &action, const QString &reason);

    // Home Assistant's lock and alarm domains, until the device model classifies devices.
    static bool isSecurityDomain(const QString &deviceId);

private:
    Caller refuse(const QString &keyId, const QString &source, const QString &transport,
            Caller::Refusal kind, const QString &reason);
    // The verdict for key, with the refusal sentence in *reason.
    RateLimiter::Verdict acquire(const QString &keyId, int limit, QString *reason);
    void audit(const char *event, const QString &keyId, const QString &source,
            const QString &action, const QString &target, const QString &result,
            const QString &reason) const;
    static QHostAddress addressOf(const QString &source);
    // last_used_at/use_count/last_ip: written at once the first time, then at most every few
    // seconds per key (an HTTP client authenticates every request, and each write would
    // queue behind the audit trail's fsync).
    void noteUse(const QString &keyId, const QDateTime &now, const QString &source);
    void flushUses();
    // Whether a successful login is worth an auth.success row: the first from this key, address
    // and transport, then at most one a minute.
    bool isNewLogin(const QString &keyId, const QString &source, const QString &transport,
            const QDateTime &now);

    struct PendingUse
    {
        qint64 uses = 0;
        QDateTime when;
        QString source;
        QDateTime writtenAt;
    };
    QHash<QString, PendingUse> m_pendingUses;
    QHash<QString, QDateTime> m_loginsAudited; // by key id, source and transport

    Services m_services;
    SecurityLevel m_level;
};
