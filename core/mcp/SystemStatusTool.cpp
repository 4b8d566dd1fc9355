#include "SystemStatusTool.h"

#include "HomeWardenVersion.h"
#include "ToolInvocation.h"

#include <QJsonArray>

namespace {

QJsonObject stringSchema()
{
    return {{QStringLiteral("type"), QStringLiteral("string")}};
}

QJsonObject objectSchema(const QJsonObject &properties)
{
    QJsonObject schema{
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("additionalProperties"), false},
    };
    if (!properties.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(properties.keys()));
    return schema;
}

// id, name, connected and detail always; the rest when known.
QJsonObject backendSchema()
{
    QJsonObject schema = objectSchema({
            {QStringLiteral("id"), stringSchema()},
            {QStringLiteral("name"), stringSchema()},
            {QStringLiteral("connected"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}},
            {QStringLiteral("detail"), stringSchema()},
    });
    QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    properties.insert(QStringLiteral("url"), stringSchema());
    properties.insert(QStringLiteral("version"), stringSchema());
    properties.insert(QStringLiteral("device_count"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                    {QStringLiteral("minimum"), 0}});
    properties.insert(QStringLiteral("connected_since"), stringSchema());
    properties.insert(QStringLiteral("last_error"), stringSchema());
    schema.insert(QStringLiteral("properties"), properties);
    return schema;
}

QJsonObject backendJson(const BackendStatus &backend)
{
    QJsonObject json{
            {QStringLiteral("id"), backend.id},
            {QStringLiteral("name"), backend.name},
            {QStringLiteral("connected"), backend.connected},
            {QStringLiteral("detail"), backend.detail},
            {QStringLiteral("device_count"), backend.deviceCount},
    };
    if (!backend.url.isEmpty())
        json.insert(QStringLiteral("url"), backend.url);
    if (!backend.version.isEmpty())
        json.insert(QStringLiteral("version"), backend.version);
    if (backend.connectedSince.isValid())
        json.insert(
                QStringLiteral("connected_since"), backend.connectedSince.toString(Qt::ISODate));
    if (!backend.lastError.isEmpty())
        json.insert(QStringLiteral("last_error"), backend.lastError);
    return json;
}

QJsonObject killSwitchSchema()
{
    return objectSchema({
            {QStringLiteral("engaged"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}},
            {QStringLiteral("stops"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                            {QStringLiteral("items"),
                                    objectSchema({
                                            {QStringLiteral("scope"), stringSchema()},
                                            {QStringLiteral("by"), stringSchema()},
                                            {QStringLiteral("since"), stringSchema()},
                                            {QStringLiteral("reason"), stringSchema()},
                                            {QStringLiteral("sentence"), stringSchema()},
                                    })}}},
    });
}

QJsonObject killSwitchJson(const QList<StopStatus> &stops)
{
    QJsonArray array;
    for (const StopStatus &stop : stops) {
        array.append(QJsonObject{{QStringLiteral("scope"), stop.scope},
                {QStringLiteral("by"), stop.by},
                {QStringLiteral("since"), stop.since.toString(Qt::ISODate)},
                {QStringLiteral("reason"), stop.reason},
                {QStringLiteral("sentence"), stop.sentence}});
    }
    return {{QStringLiteral("engaged"), !stops.isEmpty()}, {QStringLiteral("stops"), array}};
}

QString describe(const QJsonObject &status, const QList<BackendStatus> &backends,
        const QList<StopStatus> &stops)
{
    QString text = QStringLiteral("HomeWarden %1, up %2 s, serving over %3.")
                           .arg(status.value(QLatin1String("version")).toString())
                           .arg(status.value(QLatin1String("uptime_seconds")).toInteger())
                           .arg(status.value(QLatin1String("transport")).toString());
    for (const StopStatus &stop : stops)
        text += QLatin1Char(' ') + stop.sentence;
    if (backends.isEmpty())
        return text + QStringLiteral(" No backends are configured yet.");
    for (const BackendStatus &backend : backends) {
        text += QStringLiteral(" %1: %2 — %3")
                        .arg(backend.name,
                                backend.connected ? QStringLiteral("connected")
                                                  : QStringLiteral("not connected"),
                                backend.detail);
    }
    return text;
}

} // namespace

QJsonObject SystemStatusTool::outputSchema()
{
    return objectSchema({
            {QStringLiteral("version"), stringSchema()},
            {QStringLiteral("uptime_seconds"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                            {QStringLiteral("minimum"), 0}}},
            {QStringLiteral("transport"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                            {QStringLiteral("enum"),
                                    QJsonArray{QStringLiteral("stdio"),
                                            QStringLiteral("streamable-http")}}}},
            {QStringLiteral("caller"),
                    objectSchema({
                            {QStringLiteral("key_id"), stringSchema()},
                            {QStringLiteral("role"), stringSchema()},
                    })},
            {QStringLiteral("backends"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                            {QStringLiteral("items"), backendSchema()}}},
            {QStringLiteral("kill_switch"), killSwitchSchema()},
    });
}

ToolDefinition SystemStatusTool::definition(const QElapsedTimer &startedAt,
        const BackendsProvider &backendsProvider, const StopsProvider &stopsProvider)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("get_system_status");
    tool.title = QStringLiteral("System status");
    tool.description = QStringLiteral(
            "Shows HomeWarden's version, uptime, the transport of this session, the caller's key "
            "and role, and the state of each configured backend (Home Assistant, Loxone). Takes "
            "no arguments.");
    tool.inputSchema = objectSchema({});
    tool.outputSchema = outputSchema();
    tool.annotations.readOnly = true;
    tool.access = AccessRequest::Kind::Status;
    tool.annotations.idempotent = true;
    tool.handler = [startedAt, backendsProvider, stopsProvider](ToolInvocation *invocation) {
        const QList<BackendStatus> backends =
                backendsProvider ? backendsProvider() : QList<BackendStatus>();
        const QList<StopStatus> stops = stopsProvider ? stopsProvider() : QList<StopStatus>();
        QJsonArray backendArray;
        for (const BackendStatus &backend : backends)
            backendArray.append(backendJson(backend));
        const QJsonObject status{
                {QStringLiteral("version"), QStringLiteral(HOMEWARDEN_VERSION)},
                {QStringLiteral("uptime_seconds"), startedAt.elapsed() / 1000},
                {QStringLiteral("transport"), invocation->transport()},
                {QStringLiteral("caller"),
                        QJsonObject{{QStringLiteral("key_id"), invocation->caller().keyId},
                                {QStringLiteral("role"), invocation->caller().role}}},
                {QStringLiteral("backends"), backendArray},
                {QStringLiteral("kill_switch"), killSwitchJson(stops)},
        };
        invocation->finish(ToolResult::success(describe(status, backends, stops), status));
    };
    return tool;
}
