#include "TrayServer.h"

#include "AuditRetention.h"
#include "BackendHub.h"
#include "SecurityStack.h"
#include "ServerHost.h"
#include "ServerSettings.h"
#include "ServerTools.h"
#include "TlsFiles.h"

std::unique_ptr<TrayServer> TrayServer::open(const QString &stateDirectory, QString *error)
{
    std::unique_ptr<TrayServer> tray(new TrayServer);
    tray->m_stateDirectory = stateDirectory;
    QString problem;
    const std::optional<SecurityLevel> level = SecurityLevels::configured(stateDirectory, &problem);
    if (level)
        tray->m_security = SecurityStack::open(stateDirectory, *level, &problem);
    if (!tray->m_security) {
        // The kill switch and the status still work; only serving needs the keys.
        tray->m_serverState.problem =
                tr("HomeWarden cannot check keys, so it does not serve: %1").arg(problem);
    }
    tray->m_tools = ServerTools::create(stateDirectory, tray->m_security.get(), nullptr, error);
    if (!tray->m_tools)
        return nullptr;
    return tray;
}

TrayServer::~TrayServer() = default;

void TrayServer::start()
{
    listen();
    m_tools->start();
    if (m_security) {
        m_retention = std::make_unique<AuditRetention>(m_stateDirectory, m_security->auditTrail());
        m_retention->start();
    }
}

void TrayServer::restartServer()
{
    listen();
}

void TrayServer::reloadBackends()
{
    const BackendSettings settings = BackendSettings::load(m_stateDirectory);
    for (const QString &problem : settings.problems)
        qWarning("%s", qPrintable(problem));
    m_tools->hub()->reconfigure(settings);
}

void TrayServer::listen()
{
    if (!m_security)
        return; // m_serverState says why since open()
    const ServerSettings settings = ServerSettings::load(m_stateDirectory);
    for (const QString &problem : settings.problems)
        qWarning("%s", qPrintable(problem));
    if (!m_host)
        m_host = std::make_unique<ServerHost>(m_security.get(), m_tools.get());
    m_host->stop();
    if (!settings.enabled) {
        m_serverState = {false, QString(),
                settings.problems.isEmpty() ? tr("The HTTP server is turned off in Settings.")
                                            : settings.problems.constFirst()};
        return;
    }
    ServerHost::Options options;
    options.source = QStringLiteral("tray");
    options.server.address = settings.address;
    options.server.port = settings.port;
    options.extraOrigins = settings.allowedOrigins;
    QString problem;
    if (settings.wantsTls()) {
        // Files named but unusable: no fallback to plain HTTP.
        options.server.tls = TlsFiles::load(settings.tlsCertificate, settings.tlsKey, &problem);
        if (!options.server.tls) {
            m_serverState = {false, QString(), problem};
            return;
        }
    }
    if (m_host->start(options, &problem))
        m_serverState = {true, m_host->url(), QString()};
    else
        m_serverState = {false, QString(), problem};
}

KillSwitch *TrayServer::killSwitch() const
{
    return m_tools->killSwitch();
}

BackendHub *TrayServer::hub() const
{
    return m_tools->hub();
}
