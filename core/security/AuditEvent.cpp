#include "AuditEvent.h"

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

const QStringList &AuditEvent::names()
{
    static const QStringList all{QLatin1String(AUTH_SUCCESS), QLatin1String(AUTH_FAILURE),
            QLatin1String(AUTHZ_DENIED), QLatin1String(RATE_LIMIT_EXCEEDED),
            QLatin1String(TOOL_CALL), QLatin1String(KEY_CREATED), QLatin1String(KEY_UPDATED),
            QLatin1String(KEY_REVOKED), QLatin1String(KILLSWITCH_ENGAGED),
            QLatin1String(KILLSWITCH_RELEASED), QLatin1String(BACKEND_ERROR),
            QLatin1String(CONFIG_CHANGED), QLatin1String(SERVER_STARTED),
            QLatin1String(SERVER_STOPPED), QLatin1String(AUDIT_PRUNED)};
    return all;
}

const QStringList &AuditEvent::failureResults()
{
    static const QStringList failures{QStringLiteral("denied"), QStringLiteral("error")};
    return failures;
}

QJsonObject AuditRecord::toJson() const
{
    QJsonObject line{
            {QStringLiteral("seq"), seq},
            {QStringLiteral("time"), event.timestamp.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("event"), event.event},
            {QStringLiteral("key_id"), textOrNull(event.keyId)},
            {QStringLiteral("source"), textOrNull(event.source)},
            {QStringLiteral("action"), textOrNull(event.action)},
            {QStringLiteral("target"), textOrNull(event.target)},
            {QStringLiteral("result"), textOrNull(event.result)},
            {QStringLiteral("reason"), textOrNull(event.reason)},
            {QStringLiteral("hash"), QString::fromLatin1(hash.toHex())},
    };
    if (!event.params.isEmpty())
        line.insert(QStringLiteral("params"), event.params);
    return line;
}
