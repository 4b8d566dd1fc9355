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
