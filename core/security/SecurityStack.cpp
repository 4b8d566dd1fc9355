#include "SecurityStack.h"

#include "AuditSettings.h"
#include "AuditTrail.h"
#include "EnvKeyStore.h"
#include "Gatekeeper.h"
#include "LoginGuard.h"
#include "RateLimiter.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"

std::unique_ptr<SecurityStack> SecurityStack::open(
        const QString &stateDirectory, SecurityLevel level, QString *error)
{
    std::unique_ptr<SecurityStack> stack(new SecurityStack);
    stack->m_level = level;
    stack->m_database =
            StateDatabase::open(stateDirectory, StateDatabase::Durability::Normal, error);
    if (!stack->m_database)
        return nullptr;
    stack->m_runtime = StateDatabase::openRuntime(stateDirectory, error);
    if (!stack->m_runtime)
        return nullptr;
    stack->m_audit = AuditTrail::open(stateDirectory, error);
    if (!stack->m_audit)
        return nullptr;
    stack->m_audit->setRecordParameters(AuditSettings::recordsParameters(stateDirectory));
    // Containers bring their keys in the environment; a malformed variable stops everything
    // rather than fall back to the database silently.
    if (EnvKeyStore::isConfigured()) {
        stack->m_keys = EnvKeyStore::fromEnvironment(error);
        if (!stack->m_keys)
            return nullptr;
    } else {
        stack->m_keys = std::make_unique<SqlKeyStore>(stack->m_database.get());
    }
    stack->m_rateLimiter = std::make_unique<RateLimiter>(stack->m_runtime.get());
    stack->m_loginGuard = std::make_unique<LoginGuard>(stack->m_runtime.get());

    Gatekeeper::Services services;
    services.keys = stack->m_keys.get();
    services.rateLimiter = stack->m_rateLimiter.get();
    services.loginGuard = stack->m_loginGuard.get();
    AuditTrail *trail = stack->m_audit.get();
    services.audit = [trail](const AuditEvent &event) { trail->append(event); };
    stack->m_gatekeeper = std::make_unique<Gatekeeper>(services, level);
    return stack;
}

SecurityStack::~SecurityStack() = default;

void SecurityStack::auditServerEvent(
        const char *event, const QString &source, const QString &detail)
{
    AuditEvent e;
    e.event = QLatin1String(event);
    e.source = source;
    e.action = QStringLiteral("serve");
    e.result = QStringLiteral("ok");
    e.reason = detail;
    m_audit->append(e);
}
