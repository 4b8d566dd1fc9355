#pragma once

#include "AccessRequest.h"
#include "ApiKey.h"

#include <QHostAddress>

// An answer of the gate: allowed, or refused with one sentence saying why and what would allow it.
struct Decision
{
    bool allowed = false;
    QString reason;

    static Decision allow() { return {true, {}}; }
    static Decision deny(const QString &reason) { return {false, reason}; }
};

// "May key K do action A on target T from address X now?" — the one place that answers it.
// Pure: no I/O, so every transport and every process gets the same answer for the same facts.
class Authorizer
{
public:
    // Is the key usable at all: not revoked, active, not expired, used from an allowed address.
    static Decision checkKey(const ApiKey &key, const QHostAddress &from, const QDateTime &now);

    // checkKey, then the role's permissions, the key's device list and the security rule.
    static Decision authorize(const ApiKey &key, const AccessRequest &request,
            const QHostAddress &from, const QDateTime &now);

    // What the key may do, as permission strings ("ha:read", ..., "admin").
    static QStringList effectivePermissions(const ApiKey &key);

    // The devices the key may see: backends it may read, narrowed by its device list.
    static DeviceScope scopeOf(const ApiKey &key);
};
