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
    // Where a key stands now, in the order a check refuses it.
    enum class Status { Active, Revoked, Inactive, Expired };

    // The longest expiry a person may choose, in days (a hundred years: "practically never"
    // is what "never" is for).
    static constexpr int MAX_EXPIRY_DAYS = 36500;

    QString id; // the public part of the key text, "hwk_operator_007"
    int seq = 0;
    QString name;
    Role role = Role::Monitor;
    QByteArray secretHash; // KeyText::hashSecret(); never the secret
    QString createdBy; // "cli", "tray", "admin-api:<key id>", "import"
    QDateTime createdAt; // UTC
    QDateTime expiresAt; // UTC; invalid = never expires
    bool active = true; // false when deactivated (keys update --active false) or revoked
    QDateTime revokedAt; // set by revoke; a revoked key never comes back
    QStringList ipAllow; // CIDR ("192.168.1.0/24", "::1/128"); empty = any address
    QStringList devices; // device ids; for the device role the only ones it may touch
    QStringList permissions; // custom role: exactly these, e.g. "ha:read", "loxone:control"
    int rateLimit = 0; // calls per minute; 0 = the role's default
    QDateTime lastUsedAt;
    qint64 useCount = 0;
    QString lastIp;

    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && now >= expiresAt; }
    bool isRevoked() const { return revokedAt.isValid(); }
    Status status(const QDateTime &now) const;
    int effectiveRateLimit() const
    {
        return rateLimit > 0 ? rateLimit : Roles::defaultRateLimit(role);
    }

    // The fields of the export form, in the order a person reads them (TOML keeps it).
    static const QStringList &exportFields();

    // The export form (keys export, HOMEWARDEN_API_KEYS): the hash in hex, never a secret.
    QJsonObject toJson() const;
    // Returns nullopt and sets *error (naming the field) for a malformed entry. Checks
    // validateSettings() too, so that no import can bring in a key `keys generate` would refuse.
    static std::optional<ApiKey> fromJson(const QJsonObject &json, QString *error = nullptr);

    // What a person chooses for a key: name, IP allow-list, devices, permissions, rate limit,
    // and what the role needs (a device key lists devices, a custom key permissions). false
    // and *error, starting with the field's name ("ip_allow: ..."), for the first problem.
    bool validateSettings(QString *error = nullptr) const;

    // `ha:<entity_id>` or `loxone:<uuid>[/<subcontrol>]` (DESIGN.md, "MCP surface").
    static bool isValidDeviceId(const QString &deviceId);
    // ha:read, ha:control, ha:security, loxone:read, loxone:control, loxone:security.
    static QStringList permissionNames();

    // A list as a person types it ("10.0.0.0/8, ::1/128"): split at commas, items trimmed,
    // empty items dropped. Used for allow-lists, devices and permissions alike.
    static QStringList splitList(const QString &text);
};
