#pragma once

#include "DeviceDirectory.h"
#include "TestGate.h"
#include "ToolRegistry.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <functional>

// What the device-tool tests serve: one backend's devices in a directory, the device tools
// and get_system_status over it, behind the real gate (TestGate), and a kill switch that the
// test engages by setting stop (the backend's client and devices ask stopSource()).
class ServedDevices
{
public:
    // Puts backend in the directory and the tools in the registry; false and *error when a
    // tool cannot be registered.
    bool serve(DeviceBackend *backend, QString *error);

    TestGate &gate() { return m_gate; }
    const DeviceDirectory &directory() const { return m_directory; }
    // What the kill switch says now; empty while released.
    std::function<QString()> stopSource() const
    {
        return [this] { return stop; };
    }

    // One tools/call in a new MCP session of caller: the result object.
    QJsonObject call(const Caller &caller, const QString &tool, const QJsonObject &arguments);

    QString stop;

private:
    TestGate m_gate;
    DeviceDirectory m_directory;
    ToolRegistry m_tools;
    QElapsedTimer m_startedAt;
};
