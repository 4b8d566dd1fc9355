#pragma once

#include "SystemStatusTool.h"
#include "ToolRegistry.h"

#include <QElapsedTimer>
#include <QString>

#include <memory>

class BackendHub;
class KillSwitch;
class SecurityStack;
class SecretStore;

// What one serving process offers its MCP clients, built the same way for --stdio, serve and
// the tray: the backends from the settings, the device tools over them and get_system_status,
// with the gatekeeper told which devices are security devices, and the kill switch of the state
// directory in front of every backend request.
class ServerTools
{
public:
    // security: may be null (the server then refuses every call, but still lists its tools).
    // secrets: where backend credentials come from; null for the OS keychain.
    static std::unique_ptr<ServerTools> create(const QString &stateDirectory,
            SecurityStack *security, SecretStore *secrets, QString *error);
    ~ServerTools();

    ToolRegistry *registry() { return &m_registry; }
    BackendHub *hub() const { return m_hub.get(); }
    KillSwitch *killSwitch() const { return m_killSwitch.get(); }

    // What get_system_status and /metrics report: each backend's connection, and the
    // kill-switch stops engaged now.
    QList<BackendStatus> backendStatuses() const;
    QList<StopStatus> stops() const;

    // Connects to the backends; returns at once.
    void start();

private:
    ServerTools() = default;

    QElapsedTimer m_startedAt;
    ToolRegistry m_registry;
    std::unique_ptr<KillSwitch> m_killSwitch;
    std::unique_ptr<BackendHub> m_hub;
};
