#include "ServerTools.h"

#include "AuditTrail.h"
#include "BackendHub.h"
#include "DeviceTools.h"
#include "Gatekeeper.h"
#include "KillSwitch.h"
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
    tools->m_killSwitch = std::make_unique<KillSwitch>(stateDirectory, services.audit);
    KillSwitch *killSwitch = tools->m_killSwitch.get();
    services.stopOf = [killSwitch](const QString &backend) {
        const std::optional<KillStop> stop = killSwitch->stopFor(backend);
        return stop ? stop->sentence() : QString();
    };
    tools->m_hub = std::make_unique<BackendHub>(settings, services);
    QObject::connect(killSwitch, &KillSwitch::changed, tools->m_hub.get(), &BackendHub::applyStops);
    const DeviceDirectory *directory = tools->m_hub->directory();
    if (security)
        security->gatekeeper()->setSecurityDeviceClassifier([directory](const QString &deviceId) {
            return directory->isSecurityDevice(deviceId);
        });

    ServerTools *self = tools.get();
    QList<ToolDefinition> definitions{SystemStatusTool::definition(
            tools->m_startedAt, [self] { return self->backendStatuses(); },
            [self] { return self->stops(); })};
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

QList<BackendStatus> ServerTools::backendStatuses() const
{
    return m_hub->directory()->statuses();
}

QList<StopStatus> ServerTools::stops() const
{
    QList<StopStatus> list;
    const QList<KillStop> engaged = m_killSwitch->engagedStops();
    for (const KillStop &stop : engaged)
        list.append(
                {KillScopes::name(stop.scope), stop.by, stop.since, stop.reason, stop.sentence()});
    return list;
}
