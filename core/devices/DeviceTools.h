#pragma once

#include "ToolRegistry.h"

#include <QCoreApplication>
#include <QStringList>

class DeviceDirectory;

struct DeviceToolOptions
{
    // Domains ha_call_service may call; security domains also need ha:security.
    QStringList homeAssistantDomains;

    static DeviceToolOptions defaults();
};

// The MCP tools over the unified device model (DESIGN.md, "MCP surface"): list_devices,
// get_device_state, list_rooms, control_device, ha_call_service and loxone_send_command.
// The gate has admitted every call before a handler runs; the handlers add what only the
// device model knows (which devices a caller may see, whether a device exists, what it can
// do) and refuse every backend a kill switch has stopped.
class DeviceTools
{
    Q_DECLARE_TR_FUNCTIONS(DeviceTools)

public:
    using Options = DeviceToolOptions;

    // directory must outlive the tools.
    static QList<ToolDefinition> definitions(
            const DeviceDirectory *directory, const Options &options = Options::defaults());

    static ToolDefinition listDevices(const DeviceDirectory *directory);
    static ToolDefinition getDeviceState(const DeviceDirectory *directory);
    static ToolDefinition listRooms(const DeviceDirectory *directory);
    static ToolDefinition controlDevice(const DeviceDirectory *directory);
    static ToolDefinition haCallService(const DeviceDirectory *directory, const Options &options);
    static ToolDefinition loxoneSendCommand(const DeviceDirectory *directory);

    // The device_id pattern of every schema: ha:<entity_id> or loxone:<uuid>[/<sub>].
    static QString deviceIdPattern();
    // A Loxone control's id without anchors or prefix: <uuid>[/<sub>].
    static QString loxoneIdPattern();
};
