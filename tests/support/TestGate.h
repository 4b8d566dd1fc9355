#pragma once

#include "Gatekeeper.h"
#include "Role.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class LoginGuard;
class RateLimiter;
class SqlKeyStore;
class StateDatabase;

// The real gate over a state directory of its own, for tests that drive the MCP engine with
// real keys: keys are made as `homewarden keys generate` makes them and every call passes
// the same Gatekeeper the product uses.
class TestGate
{
public:
    explicit TestGate(SecurityLevel level = SecurityLevel::Production);
    ~TestGate();

    bool isValid() const { return m_gate != nullptr; }
    Gatekeeper *gate() const { return m_gate.get(); }
    SqlKeyStore *keys() const { return m_keys.get(); }
    QString directory() const { return m_dir.path(); }

    // A new key of role (with its device list and, for custom keys, permissions), presented
    // over stdio; the caller is unauthenticated (with the reason) when it cannot be made.
    Caller login(Role role, const QStringList &devices = {}, const QStringList &permissions = {});

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StateDatabase> m_db;
    std::unique_ptr<StateDatabase> m_runtime;
    std::unique_ptr<SqlKeyStore> m_keys;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<LoginGuard> m_loginGuard;
    std::unique_ptr<Gatekeeper> m_gate;
};
