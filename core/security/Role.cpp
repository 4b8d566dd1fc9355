#include "Role.h"

namespace Roles {

QString name(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Monitor:
        return QStringLiteral("monitor");
    case Role::Device:
        return QStringLiteral("device");
    case Role::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<Role> fromName(const QString &name)
{
    for (Role role : {Role::Admin, Role::Operator, Role::Monitor, Role::Device, Role::Custom}) {
        if (Roles::name(role) == name)
            return role;
    }
    if (name == QLatin1String("viewer"))
        return Role::Monitor;
    return std::nullopt;
}

QStringList names()
{
    return {QStringLiteral("admin"), QStringLiteral("operator"), QStringLiteral("monitor"),
            QStringLiteral("device"), QStringLiteral("custom")};
}

int defaultRateLimit(Role role)
{
    switch (role) {
    case Role::Admin:
        return 1000;
    case Role::Operator:
    case Role::Device:
    case Role::Custom:
        return 100;
    case Role::Monitor:
        return 10;
    }
    return 10;
}

} // namespace Roles
