#pragma once

#include "Role.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// One API key as stored: everything but the secret, of which only a hash is kept.
struct ApiKey
{
    QString id; // the public part of the key text, "hwk_operator_007"
    int seq = 0;
    QString name;
    Role role = Role::Monitor;
    QByteArray secretHash; // KeyText::hashSecret(); never the secret
    QString createdBy; // "cli", "tray", "admin-api:<key id>", "import"
    QDateTime createdAt; // UTC
    QDateTime expiresAt; // UTC; invalid = never expires
    bool active = true; // false once revoked or deactivated
    QStringList ipAllow; // CIDR ("192.168.1.0/24", "::1/128"); empty = any address
    QStringList devices; // device ids; for the device role the only ones it may touch
    QStringList permissions; // custom role: exactly these, e.g. "ha:read", "loxone:control"
    int rateLimit = 0; // calls per minute; 0 = the role's default
    QDateTime lastUsedAt;
    qint64 useCount = 0;
    QString lastIp;

    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && now >= expiresAt; }
    int effectiveRateLimit() const
    {
        return rateLimit > 0 ? rateLimit : Roles::defaultRateLimit(role);
    }

    // The export form (keys export, HOMEWARDEN_API_KEYS): the hash in hex, never a secret.
    QJsonObject toJson() const;
    // Returns nullopt and sets *error (naming the field) for a malformed entry.
    static std::optional<ApiKey> fromJson(const QJsonObject &json, QString *error = nullptr);
};
