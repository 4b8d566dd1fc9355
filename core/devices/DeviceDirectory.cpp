#include "DeviceDirectory.h"

#include "HomeAssistantDevices.h"

void DeviceDirectory::add(DeviceBackend *backend)
{
    m_backends.append(backend);
}

QList<DeviceBackend *> DeviceDirectory::backends() const
{
    QList<DeviceBackend *> list;
    for (const QPointer<DeviceBackend> &backend : m_backends) {
        if (backend)
            list.append(backend);
    }
    return list;
}

DeviceBackend *DeviceDirectory::backend(AccessRequest::Backend kind) const
{
    for (DeviceBackend *candidate : backends()) {
        if (candidate->kind() == kind)
            return candidate;
    }
    return nullptr;
}

DeviceBackend *DeviceDirectory::backendOf(const QString &deviceId) const
{
    return backend(AccessRequest::backendOf(deviceId));
}

bool DeviceDirectory::isSecurityDevice(const QString &deviceId) const
{
    if (DeviceBackend *owner = backendOf(deviceId))
        return owner->isSecurityDevice(deviceId);
    switch (AccessRequest::backendOf(deviceId)) {
    case AccessRequest::Backend::HomeAssistant:
        return HomeAssistantDevices::couldBeSecurityDevice(deviceId.mid(3));
    case AccessRequest::Backend::Loxone:
        return true;
    case AccessRequest::Backend::None:
        break;
    }
    return false;
}

QList<BackendStatus> DeviceDirectory::statuses() const
{
    QList<BackendStatus> list;
    for (DeviceBackend *backend : backends())
        list.append(backend->status());
    return list;
}
