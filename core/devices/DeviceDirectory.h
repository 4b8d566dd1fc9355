#pragma once

#include "DeviceBackend.h"

#include <QList>
#include <QPointer>

// The backends this HomeWarden serves, by kind. Tools ask it which backend owns a device;
// the gate asks it whether a device is a security device.
class DeviceDirectory
{
public:
    void add(DeviceBackend *backend);
    void clear() { m_backends.clear(); }

    QList<DeviceBackend *> backends() const;
    DeviceBackend *backend(AccessRequest::Backend kind) const;
    DeviceBackend *backendOf(const QString &deviceId) const;

    // What the backend says; for a backend that is not configured, the kind of the id
    // decides (Home Assistant's lock, alarm and cover domains; every Loxone control with a
    // secured flag is unknown, so true).
    bool isSecurityDevice(const QString &deviceId) const;
    QList<BackendStatus> statuses() const;

private:
    QList<QPointer<DeviceBackend>> m_backends;
};
