#include "ApiKey.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

#include <QSet>

#include <cmath>
#include <limits>

namespace {

constexpr int MAX_NAME_LENGTH = 100;
constexpr int MAX_RATE_LIMIT = 1000000;
constexpr int SECRET_HASH_SIZE = 32; // SHA-256

QJsonValue dateToJson(const QDateTime &when)
{
    if (!when.isValid())
        return QJsonValue::Null;
    const QDateTime utc = when.toUTC();
    // Milliseconds only when there are some: exact round trips, tidy files for people.
    return utc.time().msec() == 0 ? utc.toString(Qt::ISODate) : utc.toString(Qt::ISODateWithMs);
}

QJsonArray listToJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// Reads the export form field by field; the first bad field ends it with a sentence naming it.
class Reader
{
public:
    Reader(const QJsonObject &json, QString *error)
        : m_json(json)
        , m_error(error)
    { }

    bool failed() const { return m_failed; }

    bool fail(const QString &field, const QString &what)
    {
        if (!m_failed && m_error)
            *m_error = QStringLiteral("%1 %2").arg(field, what);
        m_failed = true;
        return false;
    }

    bool has(const char *field) const
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        return !value.isUndefined() && !value.isNull();
    }

    QString string(const char *field, bool required)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(QLatin1String(field), QStringLiteral("is missing."));
            return {};
        }
        if (!value.isString()) {
            fail(QLatin1String(field), QStringLiteral("must be a string."));
            return {};
        }
        return value.toString();
    }

    std::optional<qint64> integer(const char *field, qint64 minimum, qint64 maximum)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const double number = value.toDouble();
        if (!value.isDouble() || std::floor(number) != number || number < double(minimum)
                || number > double(maximum)) {
            fail(QLatin1String(field),
                    QStringLiteral("must be a whole number from %1 to %2.")
                            .arg(minimum)
                            .arg(maximum));
            return std::nullopt;
        }
        return qint64(number);
    }

    QDateTime date(const char *field)
    {
        if (!has(field))
            return {};
        // An empty string is not "never": a date that cannot be read must not lift an expiry.
        const QString text = string(field, false);
        const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        // Without Z or an offset the time would be read in the local zone of whoever imports.
        if (!when.isValid() || when.timeSpec() == Qt::LocalTime) {
            fail(QLatin1String(field),
                    QStringLiteral("must be an ISO 8601 date and time with a zone, such as "
                                   "2030-01-31T12:00:00Z."));
            return {};
        }
        return when.toUTC();
    }

    QStringList list(const char *field)
    {
        const QJsonValue value = m_json.value(QLatin1String(field));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            fail(QLatin1String(field), QStringLiteral("must be an array of strings."));
            return {};
        }
        QStringList result;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString()) {
                fail(QLatin1String(field), QStringLiteral("must be an array of strings."));
                return {};
            }
            result.append(item.toString());
        }
        return result;
    }

private:
    QJsonObject m_json;
    QString *m_error;
    bool m_failed = false;
};

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(
            QStringLiteral("^hwk_(admin|operator|monitor|viewer|device|custom)_([0-9]{3,})\\z"));
    return pattern;
}

bool isValidAddressRange(const QString &entry)
{
    if (entry != entry.trimmed() || entry.isEmpty())
        return false;
    if (!QHostAddress::parseSubnet(entry).first.isNull())
        return true;
    // A bare address is a range of one (IpAllowList reads it the same way).
    return !QHostAddress(entry).isNull();
}

} // namespace

ApiKey::Status ApiKey::status(const QDateTime &now) const
{
    if (isRevoked())
        return Status::Revoked;
    if (!active)
        return Status::Inactive;
    if (isExpired(now))
        return Status::Expired;
    return Status::Active;
}

QStringList ApiKey::splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','))) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items.append(trimmed);
    }
    return items;
}

QJsonObject ApiKey::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("seq"), seq);
    json.insert(QStringLiteral("name"), name);
    json.insert(QStringLiteral("role"), Roles::name(role));
    json.insert(QStringLiteral("secret_hash"), QString::fromLatin1(secretHash.toHex()));
    json.insert(QStringLiteral("created_by"), createdBy);
    json.insert(QStringLiteral("created_at"), dateToJson(createdAt));
    json.insert(QStringLiteral("expires_at"), dateToJson(expiresAt));
    json.insert(QStringLiteral("active"), active);
    json.insert(QStringLiteral("revoked_at"), dateToJson(revokedAt));
    json.insert(QStringLiteral("ip_allow"), listToJson(ipAllow));
    json.insert(QStringLiteral("devices"), listToJson(devices));
    json.insert(QStringLiteral("permissions"), listToJson(permissions));
    json.insert(QStringLiteral("rate_limit"), rateLimit > 0 ? QJsonValue(rateLimit) : QJsonValue());
    json.insert(QStringLiteral("last_used_at"), dateToJson(lastUsedAt));
    json.insert(QStringLiteral("use_count"), useCount);
    json.insert(QStringLiteral("last_ip"), lastIp.isEmpty() ? QJsonValue() : QJsonValue(lastIp));
    return json;
}

std::optional<ApiKey> ApiKey::fromJson(const QJsonObject &json, QString *error)
{
    // An unknown field is most likely a typo ("expire_at") that would otherwise be dropped
    // without a word, leaving a key that never expires.
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!ApiKey::exportFields().contains(it.key())) {
            if (error)
                *error = QStringLiteral("%1 is not a field of a key (known: %2).")
                                 .arg(it.key(), ApiKey::exportFields().join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }

    Reader reader(json, error);
    ApiKey key;
    key.id = reader.string("id", true);
    if (reader.failed())
        return std::nullopt;
    const QRegularExpressionMatch idMatch = idPattern().match(key.id);
    if (!idMatch.hasMatch()) {
        reader.fail(QStringLiteral("id"),
                QStringLiteral("must read hwk_<role>_<number>, such as hwk_operator_007."));
        return std::nullopt;
    }
    bool seqFits = false;
    const int idSeq = idMatch.captured(2).toInt(&seqFits);
    if (!seqFits || idSeq < 1) {
        reader.fail(QStringLiteral("id"), QStringLiteral("must carry a number from 1 upwards."));
        return std::nullopt;
    }
    key.seq = idSeq;
    if (const std::optional<qint64> seq =
                    reader.integer("seq", 1, std::numeric_limits<int>::max())) {
        if (*seq != idSeq) {
            reader.fail(QStringLiteral("seq"),
                    QStringLiteral("must be %1, the number in the id.").arg(idSeq));
            return std::nullopt;
        }
    }

    key.name = reader.string("name", true);
    const QString roleName = reader.string("role", true);
    if (reader.failed())
        return std::nullopt;
    const std::optional<Role> role = Roles::fromName(roleName);
    if (!role) {
        reader.fail(QStringLiteral("role"),
                QStringLiteral("must be one of %1.")
                        .arg(Roles::names().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (Roles::fromName(idMatch.captured(1)) != role) {
        reader.fail(QStringLiteral("role"),
                QStringLiteral("must be the role named in the id (%1).").arg(idMatch.captured(1)));
        return std::nullopt;
    }
    key.role = *role;

    const QString hashHex = reader.string("secret_hash", true);
    if (reader.failed())
        return std::nullopt;
    static const QRegularExpression hexPattern(QStringLiteral("^[0-9a-fA-F]{64}\\z"));
    if (!hexPattern.match(hashHex).hasMatch()) {
        reader.fail(QStringLiteral("secret_hash"),
                QStringLiteral("must be %1 hexadecimal digits (a SHA-256 hash).")
                        .arg(SECRET_HASH_SIZE * 2));
        return std::nullopt;
    }
    key.secretHash = QByteArray::fromHex(hashHex.toLatin1());

    key.createdBy = reader.string("created_by", false);
    if (key.createdBy.isEmpty())
        key.createdBy = QStringLiteral("import");
    key.createdAt = reader.date("created_at");
    key.expiresAt = reader.date("expires_at");
    if (reader.has("active") && !json.value(QLatin1String("active")).isBool())
        reader.fail(QStringLiteral("active"), QStringLiteral("must be true or false."));
    key.active = json.value(QLatin1String("active")).toBool(true);
    key.revokedAt = reader.date("revoked_at");
    key.ipAllow = reader.list("ip_allow");
    key.devices = reader.list("devices");
    key.permissions = reader.list("permissions");
    key.rateLimit = int(reader.integer("rate_limit", 0, MAX_RATE_LIMIT).value_or(0));
    key.lastUsedAt = reader.date("last_used_at");
    key.useCount =
            reader.integer("use_count", 0, std::numeric_limits<qint64>::max() / 2).value_or(0);
    key.lastIp = reader.string("last_ip", false);
    if (reader.failed())
        return std::nullopt;
    if (!key.validateSettings(error))
        return std::nullopt;
    return key;
}

bool ApiKey::validateSettings(QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };

    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return fail(QStringLiteral("name must not be empty."));
    if (name.size() > MAX_NAME_LENGTH)
        return fail(
                QStringLiteral("name must be at most %1 characters long.").arg(MAX_NAME_LENGTH));
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return fail(QStringLiteral("name must not contain control characters."));
    }

    for (const QString &entry : ipAllow) {
        if (!isValidAddressRange(entry))
            return fail(QStringLiteral("ip_allow: '%1' is not an IPv4 or IPv6 address or CIDR "
                                       "range (such as 192.168.1.0/24 or fd00::/8).")
                                .arg(entry));
    }
    if (ipAllow.size() != QSet<QString>(ipAllow.cbegin(), ipAllow.cend()).size())
        return fail(QStringLiteral("ip_allow lists a range twice."));

    for (const QString &device : devices) {
        if (!isValidDeviceId(device))
            return fail(QStringLiteral("devices: '%1' is not a device id (ha:<entity_id> such as "
                                       "ha:light.kitchen, or loxone:<uuid>).")
                                .arg(device));
    }
    if (devices.size() != QSet<QString>(devices.cbegin(), devices.cend()).size())
        return fail(QStringLiteral("devices lists a device twice."));
    if (role == Role::Device && devices.isEmpty())
        return fail(QStringLiteral("devices: a device key must list at least one device."));

    for (const QString &permission : permissions) {
        if (!permissionNames().contains(permission))
            return fail(QStringLiteral("permissions: '%1' is not a permission (known: %2).")
                                .arg(permission, permissionNames().join(QStringLiteral(", "))));
    }
    if (permissions.size() != QSet<QString>(permissions.cbegin(), permissions.cend()).size())
        return fail(QStringLiteral("permissions lists a permission twice."));
    if (role == Role::Custom && permissions.isEmpty())
        return fail(QStringLiteral("permissions: a custom key must list at least one "
                                   "permission."));
    // Only a custom key is ruled by its list; on any other role it would be ignored, and a
    // person reading it would believe it narrows the key.
    if (role != Role::Custom && !permissions.isEmpty())
        return fail(QStringLiteral("permissions: only a custom key lists permissions; a %1 key "
                                   "has those of its role.")
                            .arg(Roles::name(role)));

    if (rateLimit < 0 || rateLimit > MAX_RATE_LIMIT)
        return fail(QStringLiteral("rate_limit must be from 1 to %1 calls per minute.")
                            .arg(MAX_RATE_LIMIT));
    return true;
}

bool ApiKey::isValidDeviceId(const QString &deviceId)
{
    static const QRegularExpression pattern(
            QStringLiteral("^(?:ha:[a-z_]+\\.[a-z0-9_]+"
                           "|loxone:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{16}"
                           "(?:/[A-Za-z0-9_.-]+)?)\\z"));
    return pattern.match(deviceId).hasMatch();
}

QStringList ApiKey::permissionNames()
{
    return {QStringLiteral("ha:read"), QStringLiteral("ha:control"), QStringLiteral("ha:security"),
            QStringLiteral("loxone:read"), QStringLiteral("loxone:control"),
            QStringLiteral("loxone:security")};
}

const QStringList &ApiKey::exportFields()
{
    static const QStringList names{QStringLiteral("id"), QStringLiteral("seq"),
            QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("secret_hash"),
            QStringLiteral("created_by"), QStringLiteral("created_at"),
            QStringLiteral("expires_at"), QStringLiteral("active"), QStringLiteral("revoked_at"),
            QStringLiteral("ip_allow"), QStringLiteral("devices"), QStringLiteral("permissions"),
            QStringLiteral("rate_limit"), QStringLiteral("last_used_at"),
            QStringLiteral("use_count"), QStringLiteral("last_ip")};
    return names;
}
