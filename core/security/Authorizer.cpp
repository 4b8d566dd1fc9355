#include "Authorizer.h"

#include "IpAllowList.h"

namespace {

QString backendTitle(AccessRequest::Backend backend)
{
    switch (backend) {
    case AccessRequest::Backend::HomeAssistant:
        return QStringLiteral("Home Assistant");
    case AccessRequest::Backend::Loxone:
        return QStringLiteral("Loxone");
    case AccessRequest::Backend::None:
        break;
    }
    return QStringLiteral("any backend");
}

QString describeKey(const ApiKey &key)
{
    return QStringLiteral("Key %1 (%2)").arg(key.id, Roles::name(key.role));
}

QString permissionFor(AccessRequest::Backend backend, const char *verb)
{
    return AccessRequest::backendName(backend) + QLatin1Char(':') + QLatin1String(verb);
}

} // namespace

QStringList Authorizer::effectivePermissions(const ApiKey &key)
{
    switch (key.role) {
    case Role::Admin:
        return {QStringLiteral("ha:read"), QStringLiteral("ha:control"),
                QStringLiteral("ha:security"), QStringLiteral("loxone:read"),
                QStringLiteral("loxone:control"), QStringLiteral("loxone:security"),
                QStringLiteral("admin")};
    case Role::Operator:
    case Role::Device:
        return {QStringLiteral("ha:read"), QStringLiteral("ha:control"),
                QStringLiteral("loxone:read"), QStringLiteral("loxone:control")};
    case Role::Monitor:
        return {QStringLiteral("ha:read"), QStringLiteral("loxone:read")};
    case Role::Custom:
        return key.permissions;
    }
    return {};
}

Decision Authorizer::checkKey(const ApiKey &key, const QHostAddress &from, const QDateTime &now)
{
    if (key.isRevoked())
        return Decision::deny(
                QStringLiteral("Key %1 was revoked on %2; ask an admin for a new key.")
                        .arg(key.id, key.revokedAt.toString(Qt::ISODate)));
    if (!key.active)
        return Decision::deny(QStringLiteral("Key %1 is deactivated; an admin can turn it back on "
                                             "with 'homewarden keys update %1 --active true'.")
                                      .arg(key.id));
    if (key.isExpired(now))
        return Decision::deny(QStringLiteral("Key %1 expired on %2; ask an admin for a new key.")
                                      .arg(key.id, key.expiresAt.toString(Qt::ISODate)));
    IpAllowList allowList;
    if (!IpAllowList::parse(key.ipAllow, &allowList))
        return Decision::deny(QStringLiteral("Key %1 has an IP allow-list that cannot be read, so "
                                             "it is refused; an admin must correct it.")
                                      .arg(key.id));
    if (!allowList.allows(from))
        return Decision::deny(
                QStringLiteral("Key %1 may not be used from %2; its IP allow-list is "
                               "%3.")
                        .arg(key.id, from.toString(), key.ipAllow.join(QStringLiteral(", "))));
    return Decision::allow();
}

Decision Authorizer::authorize(const ApiKey &key, const AccessRequest &request,
        const QHostAddress &from, const QDateTime &now)
{
    const Decision usable = checkKey(key, from, now);
    if (!usable.allowed)
        return usable;

    const QStringList permissions = effectivePermissions(key);
    using Kind = AccessRequest::Kind;
    switch (request.kind) {
    case Kind::Status:
        return Decision::allow();
    case Kind::Admin:
        if (permissions.contains(QLatin1String("admin")))
            return Decision::allow();
        return Decision::deny(
                QStringLiteral("%1 may not manage HomeWarden; that needs an admin key.")
                        .arg(describeKey(key)));
    case Kind::Read:
    case Kind::Control:
        break;
    }

    const bool control = request.kind == Kind::Control;
    const AccessRequest::Backend backend = request.backend != AccessRequest::Backend::None
            ? request.backend
            : AccessRequest::backendOf(request.target);
    if (backend == AccessRequest::Backend::None) {
        // A read across backends (list_devices without a filter) is allowed when the key may
        // read any of them; the tool then shows only what scopeOf() lets it see. A control
        // request that names no backend cannot be checked, so it is refused.
        if (!control) {
            const DeviceScope scope = scopeOf(key);
            if (scope.homeAssistant || scope.loxone)
                return Decision::allow();
            return Decision::deny(QStringLiteral("%1 may not read any backend; that needs the "
                                                 "ha:read or loxone:read permission.")
                                          .arg(describeKey(key)));
        }
        return Decision::deny(QStringLiteral("The request names no backend, so it is refused."));
    }
    const QString needed = permissionFor(backend, control ? "control" : "read");
    if (!permissions.contains(needed))
        return Decision::deny(
                QStringLiteral("%1 may not %2 %3; that needs the %4 permission.")
                        .arg(describeKey(key),
                                control ? QStringLiteral("control") : QStringLiteral("read"),
                                backendTitle(backend), needed));

    // A device list narrows every role; for the device role it is the whole world.
    const bool restricted = key.role == Role::Device || !key.devices.isEmpty();
    if (restricted && !request.target.isEmpty() && !key.devices.contains(request.target))
        return Decision::deny(
                QStringLiteral("%1 may only use its own devices, and %2 is not one of "
                               "them.")
                        .arg(describeKey(key), request.target));
    if (restricted && control && request.target.isEmpty())
        return Decision::deny(QStringLiteral("%1 may only control the devices it lists, and this "
                                             "request names none.")
                                      .arg(describeKey(key)));

    if (control && request.securityDevice) {
        const QString security = permissionFor(backend, "security");
        if (!permissions.contains(security))
            return Decision::deny(QStringLiteral("%1 may not control the security device %2; that "
                                                 "needs a key with the %3 permission.")
                                          .arg(describeKey(key), request.target, security));
    }
    return Decision::allow();
}

DeviceScope Authorizer::scopeOf(const ApiKey &key)
{
    const QStringList permissions = effectivePermissions(key);
    DeviceScope scope;
    scope.homeAssistant = permissions.contains(QLatin1String("ha:read"));
    scope.loxone = permissions.contains(QLatin1String("loxone:read"));
    scope.devices = key.devices;
    return scope;
}
