#include "AccessRequest.h"

AccessRequest::Backend AccessRequest::backendOf(const QString &deviceId)
{
    if (deviceId.startsWith(QLatin1String("ha:")))
        return Backend::HomeAssistant;
    if (deviceId.startsWith(QLatin1String("loxone:")))
        return Backend::Loxone;
    return Backend::None;
}

QString AccessRequest::backendName(Backend backend)
{
    switch (backend) {
    case Backend::HomeAssistant:
        return QStringLiteral("ha");
    case Backend::Loxone:
        return QStringLiteral("loxone");
    case Backend::None:
        break;
    }
    return {};
}

bool DeviceScope::allowsBackend(AccessRequest::Backend backend) const
{
    switch (backend) {
    case AccessRequest::Backend::HomeAssistant:
        return homeAssistant;
    case AccessRequest::Backend::Loxone:
        return loxone;
    case AccessRequest::Backend::None:
        break;
    }
    return false;
}

bool DeviceScope::allows(const QString &deviceId) const
{
    return allowsBackend(AccessRequest::backendOf(deviceId))
            && (devices.isEmpty() || devices.contains(deviceId));
}
