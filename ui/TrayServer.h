#pragma once

#include "TrayState.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class AuditRetention;
class BackendHub;
class KillSwitch;
class SecurityStack;
class ServerHost;
class ServerTools;

// What the tray process serves: the security stack and the tools of the state directory, the
// backends, and the MCP server over HTTP where homewarden.ini's [server] says (ServerHost, as
// `homewarden serve`; HTTPS with its TLS files; not at all when it is off). The tray runs even when the server cannot: then serverState() says why,
// and the kill switch still works.
class TrayServer
{
    Q_DECLARE_TR_FUNCTIONS(TrayServer)

public:
    // null and *error when the tools cannot be built at all (nothing to show then).
    static std::unique_ptr<TrayServer> open(const QString &stateDirectory, QString *error);
    ~TrayServer();

    // Connects the backends and starts listening; returns at once.
    void start();
    // Reads [server] of homewarden.ini again and listens as it says now (or stops serving when
    // it is off): what the settings window asks for after saving.
    void restartServer();
    // Reads the backends' settings again and reconnects with them (and with credentials read
    // afresh from the keychain): what the setup wizard asks for when it is run from the tray.
    void reloadBackends();

    const ServerState &serverState() const { return m_serverState; }
    KillSwitch *killSwitch() const;
    BackendHub *hub() const;

private:
    TrayServer() = default;
    void listen();

    QString m_stateDirectory;
    ServerState m_serverState;
    std::unique_ptr<SecurityStack> m_security;
    std::unique_ptr<AuditRetention> m_retention; // [audit] retention_days, through m_security
    std::unique_ptr<ServerTools> m_tools;
    std::unique_ptr<ServerHost> m_host; // destroyed first: it audits through m_security
};
