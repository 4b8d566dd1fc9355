#include "ServerTools.h"

#include "AuditTrail.h"
#include "BackendHub.h"
#include "DeviceTools.h"
#include "Gatekeeper.h"
#include "SecurityStack.h"
#include "SystemStatusTool.h"

std::unique_ptr<ServerTools> ServerTools::create(const QString &stateDirectory,
        SecurityStack *security, SecretStore *secrets, QString *error)
{
    std::unique_ptr<ServerTools> tools(new ServerTools);
    tools->m_startedAt.start();

    const BackendSettings settings = BackendSettings::load(stateDirectory);
    for (const QString &problem : settings.problems)
        qWarning("%s", qPrintable(problem));
    BackendHub::Services services;
    services.secrets = secrets;
    if (security) {
        services.level = security->level();
        AuditTrail *trail = security->auditTrail();
        services.audit = [trail](const AuditEvent &event) { trail->append(event); };
    }
    tools->m_hub = std::make_unique<BackendHub>(settings, services);
    const DeviceDirectory *directory = tools->m_hub->directory();
    if (security)
        security->gatekeeper()->setSecurityDeviceClassifier([directory](const QString &deviceId) {
            return directory->isSecurityDevice(deviceId);
        });

    QList<ToolDefinition> definitions{SystemStatusTool::definition(
            tools->m_startedAt, [directory] { return directory->statuses(); })};
    DeviceToolOptions options;
    options.homeAssistantDomains = settings.homeAssistantDomains;
    definitions += DeviceTools::definitions(directory, options);
    for (const ToolDefinition &definition : std::as_const(definitions)) {
        if (!tools->m_registry.add(definition, error))
            return nullptr;
    }
    return tools;
}

ServerTools::~ServerTools() = default;

void ServerTools::start()
{
    m_hub->start();
}
