#include "ServedDevices.h"

#include "DeviceTools.h"
#include "McpTestClient.h"
#include "SystemStatusTool.h"

bool ServedDevices::serve(DeviceBackend *backend, QString *error)
{
    m_directory.add(backend);
    m_gate.gate()->setSecurityDeviceClassifier(
            [this](const QString &deviceId) { return m_directory.isSecurityDevice(deviceId); });
    m_startedAt.start();
    QList<ToolDefinition> definitions = DeviceTools::definitions(&m_directory);
    definitions.append(
            SystemStatusTool::definition(m_startedAt, [this] { return m_directory.statuses(); }));
    for (const ToolDefinition &definition : std::as_const(definitions)) {
        if (!m_tools.add(definition, error))
            return false;
    }
    return true;
}

QJsonObject ServedDevices::call(
        const Caller &caller, const QString &tool, const QJsonObject &arguments)
{
    return McpTestClient::callInNewSession(&m_tools, m_gate.gate(), caller, tool, arguments);
}
