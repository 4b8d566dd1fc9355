#include "TestGate.h"

#include "LoginGuard.h"
#include "RateLimiter.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"

TestGate::TestGate(SecurityLevel level)
{
    QString error;
    m_db = StateDatabase::open(m_dir.path(), StateDatabase::Durability::Normal, &error);
    m_runtime = StateDatabase::openRuntime(m_dir.path(), &error);
    if (!m_db || !m_runtime) {
        qWarning("TestGate: %s", qPrintable(error));
        return;
    }
    m_keys = std::make_unique<SqlKeyStore>(m_db.get());
    m_limiter = std::make_unique<RateLimiter>(m_runtime.get());
    m_loginGuard = std::make_unique<LoginGuard>(m_runtime.get());
    Gatekeeper::Services services;
    services.keys = m_keys.get();
    services.rateLimiter = m_limiter.get();
    services.loginGuard = m_loginGuard.get();
    m_gate = std::make_unique<Gatekeeper>(services, level);
}

TestGate::~TestGate() = default;

Caller TestGate::login(Role role, const QStringList &devices, const QStringList &permissions)
{
    SqlKeyStore::NewKey spec;
    spec.name = Roles::name(role);
    spec.role = role;
    spec.createdBy = QStringLiteral("test");
    spec.devices = devices;
    spec.permissions = permissions;
    QString error;
    const std::optional<QString> key = m_keys->create(spec, &error);
    if (!key)
        qWarning("TestGate: %s", qPrintable(error));
    return m_gate->authenticate(
            key.value_or(QString()), QStringLiteral("stdio"), QStringLiteral("stdio"));
}
