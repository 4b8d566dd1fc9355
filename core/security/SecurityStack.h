#pragma once

#include "SecurityLevel.h"

#include <QString>

#include <memory>

class AuditTrail;
class Gatekeeper;
class KeyStore;
class LoginGuard;
class RateLimiter;
class StateDatabase;

// Everything one process needs to guard its tools, wired together: the state database, the
// key store (homewarden.db, or HOMEWARDEN_API_KEYS when set), rate limiter, login guard,
// audit trail and the gatekeeper over them. The stdio server and the HTTP server build the
// same stack.
class SecurityStack
{
public:
    // Returns null and sets *error to one sentence a person can act on when a part cannot
    // start; the caller must then refuse every call (ClosedGate).
    static std::unique_ptr<SecurityStack> open(
            const QString &stateDirectory, SecurityLevel level, QString *error = nullptr);
    ~SecurityStack();

    Gatekeeper *gatekeeper() const { return m_gatekeeper.get(); }
    AuditTrail *auditTrail() const { return m_audit.get(); }
    KeyStore *keyStore() const { return m_keys.get(); }
    SecurityLevel level() const { return m_level; }

    // server.started / server.stopped, for the transport named by source ("stdio", "serve").
    void auditServerEvent(const char *event, const QString &source, const QString &detail = {});

private:
    SecurityStack() = default;

    SecurityLevel m_level = SecurityLevel::Production;
    std::unique_ptr<StateDatabase> m_database;
    std::unique_ptr<StateDatabase> m_runtime;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<LoginGuard> m_loginGuard;
    std::unique_ptr<AuditTrail> m_audit;
    std::unique_ptr<Gatekeeper> m_gatekeeper;
};
