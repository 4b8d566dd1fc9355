#include "ServerHost.h"

#include "AdminApi.h"
#include "AuditEvent.h"
#include "McpHttpService.h"
#include "SecurityStack.h"
#include "ServerTools.h"

#include <csignal>

namespace {

QString endpointUrl(const HttpServer::Options &options, quint16 port)
{
    const QHostAddress &address = options.address;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
            : address.toString();
    return QStringLiteral("%1://%2:%3/mcp")
            .arg(options.tls ? QStringLiteral("https") : QStringLiteral("http"), host)
            .arg(port);
}

} // namespace

ServerHost::ServerHost(SecurityStack *security, ServerTools *tools, QObject *parent)
    : QObject(parent)
    , m_security(security)
    , m_tools(tools)
{ }

ServerHost::~ServerHost()
{
    stop();
}

bool ServerHost::needsTls(SecurityLevel level, const QHostAddress &address, bool tls)
{
    return level == SecurityLevel::Production && !tls && !address.isLoopback();
}

QString ServerHost::needsTlsReason(const QHostAddress &address)
{
    return tr("At the production security level HomeWarden listens beyond this computer (%1) "
              "only over HTTPS: give it a certificate and key, or listen on 127.0.0.1.")
            .arg(address.toString());
}

bool ServerHost::start(const Options &options, QString *error)
{
    stop();
    if (needsTls(m_security->level(), options.server.address, options.server.tls.has_value())) {
        if (error)
            *error = needsTlsReason(options.server.address);
        return false;
    }
    // A client that leaves mid-answer must not kill the process that guards the house.
    std::signal(SIGPIPE, SIG_IGN);
    auto server = std::make_unique<HttpServer>();
    if (!server->listen(options.server, error))
        return false;
    m_server = std::move(server);
    m_service = std::make_unique<McpHttpService>(m_server.get(), m_tools->registry(),
            m_security->gatekeeper(),
            McpHttpService::defaultOptions(options.server.address, m_server->serverPort(),
                    options.server.tls.has_value(), options.extraOrigins));
    ServerTools *tools = m_tools;
    m_service->setStatusProviders(
            [tools] { return tools->backendStatuses(); }, [tools] { return tools->stops(); });
    KillSwitch *killSwitch = m_tools->killSwitch();
    m_service->addRoute(AdminApi::KILL_SWITCH_PATH,
            [killSwitch](const HttpRequest &request, const Caller &caller) {
                return AdminApi::killSwitch(killSwitch, request, caller);
            });
    m_source = options.source;
    m_url = endpointUrl(options.server, m_server->serverPort());
    m_security->auditServerEvent(AuditEvent::SERVER_STARTED, m_source, m_url);
    return true;
}

void ServerHost::stop()
{
    if (!m_server)
        return;
    m_service.reset();
    m_server.reset();
    m_security->auditServerEvent(AuditEvent::SERVER_STOPPED, m_source, m_url);
    m_url.clear();
}
