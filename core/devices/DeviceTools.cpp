#include "DeviceTools.h"

#include "BackendReply.h"
#include "BackendSettings.h"
#include "DeviceDirectory.h"
#include "HomeAssistantDevices.h"
#include "LoxoneDevices.h"
#include "LoxoneUuid.h"
#include "ToolInvocation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QPointer>

#include <algorithm>
#include <memory>

namespace {

constexpr int DEFAULT_LIMIT = 200;
constexpr int MAX_LIMIT = 5000;

QJsonObject typed(const char *type, const QString &description = {})
{
    QJsonObject schema{{QStringLiteral("type"), QLatin1String(type)}};
    if (!description.isEmpty())
        schema.insert(QStringLiteral("description"), description);
    return schema;
}

QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required = {})
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject backendFilterSchema()
{
    QJsonObject schema = typed("string", DeviceTools::tr("Only this backend's devices."));
    schema.insert(
            QStringLiteral("enum"), QJsonArray{QStringLiteral("ha"), QStringLiteral("loxone")});
    return schema;
}

QJsonObject deviceIdSchema()
{
    QJsonObject schema = typed("string",
            DeviceTools::tr("A device id as list_devices gives it: ha:<entity_id> (e.g. "
                            "ha:light.kitchen) or loxone:<uuid> (e.g. "
                            "loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e)."));
    schema.insert(QStringLiteral("pattern"), DeviceTools::deviceIdPattern());
    return schema;
}

AccessRequest::Backend backendNamed(const QString &name)
{
    return AccessRequest::backendOf(name + QLatin1Char(':'));
}

// The lists' optional "backend" filter names the backend the gate checks; without it the
// gate checks a read across backends.
void accessOfBackendFilter(const QJsonObject &arguments, AccessRequest *request)
{
    request->backend = backendNamed(arguments.value(QLatin1String("backend")).toString());
}

// What one call may reach: the backends it asked for, minus those the caller may not read
// and those a kill switch stopped (whose sentences go to `stopped`).
struct Reach
{
    QList<DeviceBackend *> backends;
    QStringList stopped;
};

Reach reachOf(const DeviceDirectory *directory, const DeviceScope &scope, const QString &backend)
{
    Reach reach;
    for (DeviceBackend *candidate : directory->backends()) {
        if (!backend.isEmpty() && candidate->id() != backend)
            continue;
        if (!scope.allowsBackend(candidate->kind()))
            continue;
        const QString refusal = candidate->refusal();
        if (refusal.isEmpty())
            reach.backends.append(candidate);
        else
            reach.stopped.append(refusal);
    }
    return reach;
}

// When nothing is in reach, finishes the invocation saying why (the stops, else that no
// readable backend is set up) and returns true.
bool finishUnreachable(const Reach &reach, ToolInvocation *invocation)
{
    if (!reach.backends.isEmpty())
        return false;
    invocation->finish(ToolResult::failure(!reach.stopped.isEmpty()
                    ? reach.stopped.join(QLatin1Char(' '))
                    : DeviceTools::tr("No backend this key may read is connected to HomeWarden; "
                                      "a person can set up Home Assistant or Loxone in its "
                                      "settings.")));
    return true;
}

// Calls done(unavailable) once every backend is ready or has failed; unavailable holds the
// sentences of those that failed, in order.
void whenReady(const QList<DeviceBackend *> &backends, ToolInvocation *invocation,
        const std::function<void(const QStringList &unavailable)> &done)
{
    struct Wait
    {
        int left = 0;
        QStringList unavailable;
    };
    auto wait = std::make_shared<Wait>();
    wait->left = int(backends.size());
    if (backends.isEmpty()) {
        done({});
        return;
    }
    for (DeviceBackend *backend : backends) {
        BackendReply *reply = backend->whenReady();
        QObject::connect(reply, &BackendReply::finished, reply, &QObject::deleteLater);
        QObject::connect(reply, &BackendReply::finished, invocation, [reply, wait, done] {
            if (!reply->isOk())
                wait->unavailable.append(reply->errorString());
            if (--wait->left == 0)
                done(wait->unavailable);
        });
    }
}

// Finds the device a call names, on a ready backend, and hands it to use(); otherwise
// finishes the invocation with the reason it cannot.
void withDevice(const DeviceDirectory *directory, ToolInvocation *invocation,
        const QString &deviceId,
        const std::function<void(DeviceBackend *backend, const Device &device)> &use)
{
    DeviceBackend *backend = directory->backendOf(deviceId);
    if (!backend) {
        const bool loxone = AccessRequest::backendOf(deviceId) == AccessRequest::Backend::Loxone;
        invocation->finish(ToolResult::failure(
                DeviceTools::tr("%1 is not connected to HomeWarden, so %2 cannot be reached; a "
                                "person can set it up in HomeWarden's settings.")
                        .arg(loxone ? QStringLiteral("Loxone") : QStringLiteral("Home Assistant"),
                                deviceId)));
        return;
    }
    const QString refusal = backend->refusal();
    if (!refusal.isEmpty()) {
        invocation->finish(ToolResult::failure(refusal));
        return;
    }
    const QPointer<DeviceBackend> guarded(backend);
    whenReady({backend}, invocation,
            [guarded, invocation, deviceId, use](const QStringList &unavailable) {
                if (!guarded)
                    return invocation->finish(ToolResult::failure(
                            DeviceTools::tr("The backend went away during the call.")));
                if (!unavailable.isEmpty())
                    return invocation->finish(ToolResult::failure(unavailable.first()));
                const std::optional<Device> device = guarded->device(deviceId);
                if (!device)
                    return invocation->finish(ToolResult::failure(
                            DeviceTools::tr("There is no device %1; list_devices shows the "
                                            "devices there are.")
                                    .arg(deviceId)));
                use(guarded, *device);
            });
}

// Sends a backend request and finishes the invocation with what done() makes of the answer.
void finishWith(BackendReply *reply, ToolInvocation *invocation,
        const std::function<ToolResult(const QJsonValue &result)> &done)
{
    QObject::connect(reply, &BackendReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &BackendReply::finished, invocation, [reply, invocation, done] {
        if (!reply->isOk())
            return invocation->finish(ToolResult::failure(reply->errorString()));
        invocation->finish(done(reply->result()));
    });
}

QString fingerprintOf(const QJsonObject &arguments)
{
    QByteArray filters;
    for (const char *name : {"backend", "room", "type", "query"})
        filters += arguments.value(QLatin1String(name)).toString().toUtf8() + '\x1f';
    return QString::fromLatin1(
            QCryptographicHash::hash(filters, QCryptographicHash::Sha1).toHex().left(8));
}

// Cursors carry the offset and the filters they belong to, so that a cursor reused with
// other filters is refused instead of silently skipping devices.
QString makeCursor(qsizetype offset, const QString &fingerprint)
{
    return QString::fromLatin1(
            QStringLiteral("%1:%2")
                    .arg(offset)
                    .arg(fingerprint)
                    .toLatin1()
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> parseCursor(const QString &cursor, const QString &fingerprint)
{
    const QString text = QString::fromLatin1(QByteArray::fromBase64(
            cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QStringList parts = text.split(QLatin1Char(':'));
    bool ok = false;
    const qsizetype offset = parts.value(0).toLongLong(&ok);
    if (parts.size() != 2 || !ok || offset < 0 || parts.at(1) != fingerprint)
        return std::nullopt;
    return offset;
}

bool matches(const Device &device, const QJsonObject &arguments)
{
    const QString room = arguments.value(QLatin1String("room")).toString();
    if (!room.isEmpty() && device.room.compare(room, Qt::CaseInsensitive) != 0)
        return false;
    const QString type = arguments.value(QLatin1String("type")).toString();
    if (!type.isEmpty() && device.type != type)
        return false;
    const QString query = arguments.value(QLatin1String("query")).toString();
    return query.isEmpty() || device.name.contains(query, Qt::CaseInsensitive)
            || device.id.contains(query, Qt::CaseInsensitive);
}

QJsonArray unavailableJson(const QStringList &sentences)
{
    return QJsonArray::fromStringList(sentences);
}

} // namespace

QString DeviceTools::deviceIdPattern()
{
    return QStringLiteral("^(ha:[a-z_]+\\.[a-z0-9_]+|loxone:") + loxoneIdPattern()
            + QStringLiteral(")$");
}

QString DeviceTools::loxoneIdPattern()
{
    return QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{16}"
                          "(/[A-Za-z0-9_-]+)?");
}

DeviceToolOptions DeviceToolOptions::defaults()
{
    return {BackendSettings::defaultHomeAssistantDomains()};
}

QList<ToolDefinition> DeviceTools::definitions(
        const DeviceDirectory *directory, const Options &options)
{
    return {listDevices(directory), getDeviceState(directory), listRooms(directory),
            controlDevice(directory), haCallService(directory, options),
            loxoneSendCommand(directory)};
}

ToolDefinition DeviceTools::listDevices(const DeviceDirectory *directory)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("list_devices");
    tool.title = tr("List devices");
    tool.description =
            tr("Lists the devices of the house (lights, switches, covers, climate, locks, "
               "alarms, sensors, media players, scenes, ...) with id, name, room, type, state and "
               "the actions control_device accepts. Filter by backend, room, type or a text "
               "query; results come in pages (limit, default %1) and always say the total; pass "
               "next_cursor back as cursor for the next page.")
                    .arg(DEFAULT_LIMIT);
    QJsonObject limit = typed("integer", tr("Devices per page."));
    limit.insert(QStringLiteral("minimum"), 1);
    limit.insert(QStringLiteral("maximum"), MAX_LIMIT);
    tool.inputSchema = objectSchema({
            {QStringLiteral("backend"), backendFilterSchema()},
            {QStringLiteral("room"), typed("string", tr("A room's name, as list_rooms gives it."))},
            {QStringLiteral("type"),
                    typed("string",
                            tr("A device type: light, switch, cover, climate, lock, "
                               "alarm, sensor, binary_sensor, media_player, scene, fan, "
                               "..."))},
            {QStringLiteral("query"), typed("string", tr("Text in the device's name or id."))},
            {QStringLiteral("limit"), limit},
            {QStringLiteral("cursor"), typed("string", tr("next_cursor of the previous page."))},
    });
    tool.outputSchema = objectSchema(
            {
                    {QStringLiteral("devices"), arrayOf(Device::schema())},
                    {QStringLiteral("total"), typed("integer")},
                    {QStringLiteral("next_cursor"), typed("string")},
                    {QStringLiteral("unavailable"), arrayOf(typed("string"))},
            },
            {QStringLiteral("devices"), QStringLiteral("total")});
    tool.annotations.readOnly = true;
    tool.annotations.idempotent = true;
    tool.refineAccess = &accessOfBackendFilter;
    tool.handler = [directory](ToolInvocation *invocation) {
        const QJsonObject arguments = invocation->arguments();
        const QString fingerprint = fingerprintOf(arguments);
        qsizetype offset = 0;
        if (arguments.contains(QLatin1String("cursor"))) {
            const std::optional<qsizetype> parsed =
                    parseCursor(arguments.value(QLatin1String("cursor")).toString(), fingerprint);
            if (!parsed)
                return invocation->finish(ToolResult::failure(
                        tr("The cursor does not belong to this listing; repeat the same filters "
                           "with it, or start again without a cursor.")));
            offset = *parsed;
        }
        const int limit = arguments.value(QLatin1String("limit")).toInt(DEFAULT_LIMIT);
        const Reach reach = reachOf(directory, invocation->scope(),
                arguments.value(QLatin1String("backend")).toString());
        if (finishUnreachable(reach, invocation))
            return;
        whenReady(reach.backends, invocation,
                [reach, invocation, arguments, offset, limit, fingerprint](
                        const QStringList &unavailable) {
                    QList<Device> devices;
                    for (DeviceBackend *backend : reach.backends) {
                        QList<Device> all = backend->devices();
                        for (Device &device : all) {
                            if (invocation->scope().allows(device.id) && matches(device, arguments))
                                devices.append(std::move(device));
                        }
                    }
                    const QStringList problems = reach.stopped + unavailable;
                    if (devices.isEmpty() && problems.size() > 0
                            && unavailable.size() == reach.backends.size())
                        return invocation->finish(
                                ToolResult::failure(problems.join(QLatin1Char(' '))));
                    std::sort(devices.begin(), devices.end(),
                            [](const Device &a, const Device &b) { return a.id < b.id; });

                    QJsonArray page;
                    const qsizetype end = qMin(devices.size(), offset + limit);
                    QStringList lines;
                    for (qsizetype i = offset; i < end; ++i) {
                        page.append(devices.at(i).toJson());
                        lines.append(QStringLiteral("- ") + devices.at(i).describe());
                    }
                    QJsonObject structured{{QStringLiteral("devices"), page},
                            {QStringLiteral("total"), devices.size()}};
                    QString text = devices.isEmpty()
                            ? tr("No device matches.")
                            : tr("Devices %1–%2 of %3:")
                                      .arg(qMin(offset + 1, devices.size()))
                                      .arg(end)
                                      .arg(devices.size());
                    if (end < devices.size()) {
                        const QString cursor = makeCursor(end, fingerprint);
                        structured.insert(QStringLiteral("next_cursor"), cursor);
                        lines.append(tr("More: call again with cursor \"%1\".").arg(cursor));
                    }
                    if (!problems.isEmpty()) {
                        structured.insert(QStringLiteral("unavailable"), unavailableJson(problems));
                        lines.append(problems);
                    }
                    if (!lines.isEmpty())
                        text += QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
                    invocation->finish(ToolResult::success(text, structured));
                });
    };
    return tool;
}

ToolDefinition DeviceTools::getDeviceState(const DeviceDirectory *directory)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("get_device_state");
    tool.title = tr("Device state");
    tool.description = tr("Shows one device's current state with all its attributes, its room, "
                          "and the actions control_device accepts for it.");
    tool.inputSchema = objectSchema(
            {{QStringLiteral("device_id"), deviceIdSchema()}}, {QStringLiteral("device_id")});
    tool.outputSchema = Device::schema(true);
    tool.annotations.readOnly = true;
    tool.annotations.idempotent = true;
    tool.access = AccessRequest::Kind::Read;
    tool.targetArgument = QStringLiteral("device_id");
    tool.handler = [directory](ToolInvocation *invocation) {
        const QString deviceId =
                invocation->arguments().value(QLatin1String("device_id")).toString();
        withDevice(directory, invocation, deviceId,
                [invocation](DeviceBackend *, const Device &device) {
                    invocation->finish(ToolResult::success(device.describe(), device.toJson(true)));
                });
    };
    return tool;
}

ToolDefinition DeviceTools::listRooms(const DeviceDirectory *directory)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("list_rooms");
    tool.title = tr("List rooms");
    tool.description = tr("Lists the rooms (Home Assistant areas, Loxone rooms) and how many "
                          "devices each holds; use a room's name as list_devices' room filter.");
    tool.inputSchema = objectSchema({{QStringLiteral("backend"), backendFilterSchema()}});
    const QJsonObject room = objectSchema(
            {
                    {QStringLiteral("id"), typed("string")},
                    {QStringLiteral("name"), typed("string")},
                    {QStringLiteral("backend"), typed("string")},
                    {QStringLiteral("device_count"), typed("integer")},
            },
            {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("backend"),
                    QStringLiteral("device_count")});
    tool.outputSchema = objectSchema(
            {
                    {QStringLiteral("rooms"), arrayOf(room)},
                    {QStringLiteral("total"), typed("integer")},
                    {QStringLiteral("unavailable"), arrayOf(typed("string"))},
            },
            {QStringLiteral("rooms"), QStringLiteral("total")});
    tool.annotations.readOnly = true;
    tool.annotations.idempotent = true;
    tool.refineAccess = &accessOfBackendFilter;
    tool.handler = [directory](ToolInvocation *invocation) {
        const Reach reach = reachOf(directory, invocation->scope(),
                invocation->arguments().value(QLatin1String("backend")).toString());
        if (finishUnreachable(reach, invocation))
            return;
        whenReady(reach.backends, invocation, [reach, invocation](const QStringList &unavailable) {
            const DeviceScope &scope = invocation->scope();
            QJsonArray rooms;
            QStringList lines;
            for (DeviceBackend *backend : reach.backends) {
                QHash<QString, int> counts;
                const QList<Device> devices = backend->devices();
                for (const Device &device : devices) {
                    if (scope.allows(device.id))
                        ++counts[device.room];
                }
                const QList<Room> backendRooms = backend->rooms();
                for (const Room &room : backendRooms) {
                    const int count = counts.value(room.name);
                    // A key limited to some devices learns nothing of rooms it has none in.
                    if (!scope.devices.isEmpty() && count == 0)
                        continue;
                    rooms.append(QJsonObject{{QStringLiteral("id"), room.id},
                            {QStringLiteral("name"), room.name},
                            {QStringLiteral("backend"), room.backend},
                            {QStringLiteral("device_count"), count}});
                    lines.append(tr("- %1 (%2): %n device(s)", nullptr, count)
                                         .arg(room.name, backend->displayName()));
                }
            }
            const QStringList problems = reach.stopped + unavailable;
            QJsonObject structured{
                    {QStringLiteral("rooms"), rooms}, {QStringLiteral("total"), rooms.size()}};
            if (!problems.isEmpty()) {
                structured.insert(QStringLiteral("unavailable"), unavailableJson(problems));
                lines.append(problems);
            }
            const QString heading = rooms.isEmpty() ? tr("No rooms are defined.")
                                                    : tr("%n room(s):", nullptr, int(rooms.size()));
            invocation->finish(ToolResult::success(
                    (QStringList{heading} + lines).join(QLatin1Char('\n')), structured));
        });
    };
    return tool;
}

ToolDefinition DeviceTools::controlDevice(const DeviceDirectory *directory)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("control_device");
    tool.title = tr("Control a device");
    tool.description =
            tr("Makes a device do something: on, off, toggle, brightness (value 0–100), open, "
               "close, stop, position (value 0–100, percent open), shade, set_temperature (value "
               "in °C), set_mode (value: a mode name), lock, unlock, arm (value: away, home, night "
               "or vacation; a Loxone alarm takes away or delayed), disarm, activate (value: the "
               "scene, where a device has several), play, pause, volume (value 0–100). Each "
               "device lists the actions it accepts. Locks, alarms, doors and garage openers "
               "need a key with the security permission.");
    QJsonObject action = typed("string");
    action.insert(QStringLiteral("enum"),
            QJsonArray{QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("toggle"),
                    QStringLiteral("brightness"), QStringLiteral("open"), QStringLiteral("close"),
                    QStringLiteral("stop"), QStringLiteral("position"), QStringLiteral("shade"),
                    QStringLiteral("set_temperature"), QStringLiteral("set_mode"),
                    QStringLiteral("lock"), QStringLiteral("unlock"), QStringLiteral("arm"),
                    QStringLiteral("disarm"), QStringLiteral("activate"), QStringLiteral("play"),
                    QStringLiteral("pause"), QStringLiteral("volume")});
    tool.inputSchema = objectSchema(
            {
                    {QStringLiteral("device_id"), deviceIdSchema()},
                    {QStringLiteral("action"), action},
                    {QStringLiteral("value"),
                            QJsonObject{{QStringLiteral("type"),
                                                QJsonArray{QStringLiteral("number"),
                                                        QStringLiteral("string")}},
                                    {QStringLiteral("description"),
                                            tr("A number (brightness, position, volume, "
                                               "temperature) or a text (set_mode, arm, "
                                               "activate).")}}},
            },
            {QStringLiteral("device_id"), QStringLiteral("action")});
    tool.outputSchema = objectSchema(
            {
                    {QStringLiteral("device_id"), typed("string")},
                    {QStringLiteral("action"), typed("string")},
                    {QStringLiteral("device"), Device::schema()},
            },
            {QStringLiteral("device_id"), QStringLiteral("action"), QStringLiteral("device")});
    tool.annotations.destructive = true;
    tool.access = AccessRequest::Kind::Control;
    tool.targetArgument = QStringLiteral("device_id");
    tool.handler = [directory](ToolInvocation *invocation) {
        const QJsonObject arguments = invocation->arguments();
        const QString deviceId = arguments.value(QLatin1String("device_id")).toString();
        const QString action = arguments.value(QLatin1String("action")).toString();
        const QJsonValue value = arguments.value(QLatin1String("value"));
        withDevice(directory, invocation, deviceId,
                [invocation, action, value](DeviceBackend *backend, const Device &device) {
                    const QPointer<DeviceBackend> guarded(backend);
                    finishWith(backend->control(device, action, value), invocation,
                            [guarded, device, action](const QJsonValue &) {
                                const Device now = guarded
                                        ? guarded->device(device.id).value_or(device)
                                        : device;
                                return ToolResult::success(
                                        tr("Done (%1): %2").arg(action, now.describe()),
                                        {{QStringLiteral("device_id"), device.id},
                                                {QStringLiteral("action"), action},
                                                {QStringLiteral("device"), now.toJson()}});
                            });
                });
    };
    return tool;
}

ToolDefinition DeviceTools::haCallService(const DeviceDirectory *directory, const Options &options)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("ha_call_service");
    tool.title = tr("Call a Home Assistant service");
    tool.description =
            tr("Calls a Home Assistant service (domain.service) on one entity, for what "
               "control_device does not cover. Allowed domains: %1. lock and "
               "alarm_control_panel need a key with the ha:security permission. Name the entity "
               "with entity_id; data carries the service's other fields and may not name "
               "targets.")
                    .arg(options.homeAssistantDomains.join(QStringLiteral(", ")));
    QJsonObject domain = typed("string", tr("The service's domain, e.g. light."));
    domain.insert(QStringLiteral("pattern"), QStringLiteral("^[a-z_]+$"));
    QJsonObject service = typed("string", tr("The service, e.g. turn_on."));
    service.insert(QStringLiteral("pattern"), QStringLiteral("^[a-z0-9_]+$"));
    QJsonObject entity = typed("string", tr("An entity id such as light.kitchen."));
    entity.insert(QStringLiteral("pattern"), QStringLiteral("^[a-z_]+\\.[a-z0-9_]+$"));
    tool.inputSchema = objectSchema(
            {
                    {QStringLiteral("domain"), domain},
                    {QStringLiteral("service"), service},
                    {QStringLiteral("entity_id"), entity},
                    {QStringLiteral("data"), typed("object", tr("The service's fields."))},
            },
            {QStringLiteral("domain"), QStringLiteral("service")});
    tool.outputSchema = objectSchema(
            {
                    {QStringLiteral("domain"), typed("string")},
                    {QStringLiteral("service"), typed("string")},
                    {QStringLiteral("entity_id"), typed("string")},
                    {QStringLiteral("device"), Device::schema()},
            },
            {QStringLiteral("domain"), QStringLiteral("service")});
    tool.annotations.destructive = true;
    tool.annotations.openWorld = true;
    tool.access = AccessRequest::Kind::Control;
    tool.refineAccess = [](const QJsonObject &arguments, AccessRequest *request) {
        request->backend = AccessRequest::Backend::HomeAssistant;
        const QString entityId = arguments.value(QLatin1String("entity_id")).toString();
        if (!entityId.isEmpty())
            request->target = QStringLiteral("ha:") + entityId;
        request->securityDevice = HomeAssistantMapping::isSecurityDomain(
                arguments.value(QLatin1String("domain")).toString());
    };
    const QStringList allowed = options.homeAssistantDomains;
    tool.handler = [directory, allowed](ToolInvocation *invocation) {
        const QJsonObject arguments = invocation->arguments();
        const QString domain = arguments.value(QLatin1String("domain")).toString();
        const QString service = arguments.value(QLatin1String("service")).toString();
        const QString entityId = arguments.value(QLatin1String("entity_id")).toString();
        const QJsonObject data = arguments.value(QLatin1String("data")).toObject();
        if (!allowed.contains(domain))
            return invocation->finish(ToolResult::failure(
                    tr("The domain '%1' is not on HomeWarden's list for ha_call_service (%2); a "
                       "person can add it in the settings.")
                            .arg(domain, allowed.join(QStringLiteral(", ")))));
        // Targets hidden in data would pass by every device check.
        for (const char *field : {"entity_id", "device_id", "area_id", "floor_id", "label_id"}) {
            if (data.contains(QLatin1String(field)))
                return invocation->finish(ToolResult::failure(
                        tr("data may not contain '%1'; name the one entity with the entity_id "
                           "argument.")
                                .arg(QLatin1String(field))));
        }
        auto call = [invocation, domain, service, data](
                            DeviceBackend *backend, const Device *device) {
            auto *homeAssistant = qobject_cast<HomeAssistantDevices *>(backend);
            const QString entityId = device ? backend->localId(device->id) : QString();
            const QPointer<DeviceBackend> guarded(backend);
            const std::optional<Device> before =
                    device ? std::optional<Device>(*device) : std::nullopt;
            finishWith(homeAssistant->callService(domain, service, data, entityId), invocation,
                    [guarded, before, domain, service, entityId](const QJsonValue &) {
                        QJsonObject structured{{QStringLiteral("domain"), domain},
                                {QStringLiteral("service"), service}};
                        QString text = tr("Called %1.%2").arg(domain, service);
                        if (before) {
                            const Device now = guarded
                                    ? guarded->device(before->id).value_or(*before)
                                    : *before;
                            structured.insert(QStringLiteral("entity_id"), entityId);
                            structured.insert(QStringLiteral("device"), now.toJson());
                            text += QStringLiteral(": ") + now.describe();
                        }
                        return ToolResult::success(text, structured);
                    });
        };
        if (!entityId.isEmpty()) {
            withDevice(directory, invocation, QStringLiteral("ha:") + entityId,
                    [call](DeviceBackend *backend, const Device &device) {
                        call(backend, &device);
                    });
            return;
        }
        DeviceBackend *backend = directory->backend(AccessRequest::Backend::HomeAssistant);
        if (!backend)
            return invocation->finish(ToolResult::failure(
                    tr("Home Assistant is not connected to HomeWarden; a person can set it up "
                       "in HomeWarden's settings.")));
        const QString refusal = backend->refusal();
        if (!refusal.isEmpty())
            return invocation->finish(ToolResult::failure(refusal));
        call(backend, nullptr);
    };
    return tool;
}

ToolDefinition DeviceTools::loxoneSendCommand(const DeviceDirectory *directory)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("loxone_send_command");
    tool.title = tr("Send a Loxone command");
    tool.description =
            tr("Sends one command to a Loxone control, for what control_device does not cover: "
               "FullUp, shade or manualPosition/40 (percent down) to a Jalousie, pulse to a "
               "Switch, changeTo/<mood> to a LightControllerV2, ... Name the control by its "
               "uuid, plain or as a device id (loxone:<uuid>). The command must be one the "
               "control's type takes; a refusal lists them. Alarms, intercoms, gates and "
               "secured controls need a key with the loxone:security permission.");
    QJsonObject uuid = typed("string",
            tr("The control's uuid (0f869a3f-0155-8b3f-ffff403fb0c34b9e, a subcontrol's may "
               "end in /<suffix>), plain or as a device id with loxone: before it."));
    uuid.insert(QStringLiteral("pattern"),
            QStringLiteral("^(loxone:)?") + loxoneIdPattern() + QStringLiteral("$"));
    QJsonObject command = typed("string", tr("The command, e.g. FullUp or manualPosition/40."));
    command.insert(QStringLiteral("minLength"), 1);
    command.insert(QStringLiteral("maxLength"), 256);
    tool.inputSchema =
            objectSchema({{QStringLiteral("uuid"), uuid}, {QStringLiteral("command"), command}},
                    {QStringLiteral("uuid"), QStringLiteral("command")});
    tool.outputSchema = objectSchema(
            {
                    {QStringLiteral("uuid"), typed("string")},
                    {QStringLiteral("device_id"), typed("string")},
                    {QStringLiteral("command"), typed("string")},
                    {QStringLiteral("value"), typed("string", tr("What the Miniserver answered."))},
                    {QStringLiteral("device"), Device::schema()},
            },
            {QStringLiteral("uuid"), QStringLiteral("device_id"), QStringLiteral("command"),
                    QStringLiteral("value"), QStringLiteral("device")});
    tool.annotations.destructive = true;
    tool.access = AccessRequest::Kind::Control;
    // The gate checks the device, whichever way the caller spelled it.
    tool.refineAccess = [](const QJsonObject &arguments, AccessRequest *request) {
        request->backend = AccessRequest::Backend::Loxone;
        const QString uuid = arguments.value(QLatin1String("uuid")).toString();
        request->target = AccessRequest::backendOf(uuid) == AccessRequest::Backend::Loxone
                ? uuid
                : QStringLiteral("loxone:") + uuid;
    };
    tool.handler = [directory](ToolInvocation *invocation) {
        const QJsonObject arguments = invocation->arguments();
        QString uuid = arguments.value(QLatin1String("uuid")).toString();
        if (AccessRequest::backendOf(uuid) == AccessRequest::Backend::Loxone)
            uuid = uuid.section(QLatin1Char(':'), 1);
        if (!LoxoneUuid::isValid(uuid))
            return invocation->finish(ToolResult::failure(
                    tr("'%1' is not a Loxone uuid (8-4-4-16 hex digits, a subcontrol's with "
                       "/<suffix>); list_devices shows the ids there are.")
                            .arg(uuid.left(80))));
        const QString command = arguments.value(QLatin1String("command")).toString();
        withDevice(directory, invocation, QStringLiteral("loxone:") + uuid,
                [invocation, uuid, command](DeviceBackend *backend, const Device &device) {
                    auto *loxone = qobject_cast<LoxoneDevices *>(backend);
                    const QPointer<DeviceBackend> guarded(backend);
                    finishWith(loxone->sendCommand(device.id, command), invocation,
                            [guarded, device, uuid, command](const QJsonValue &result) {
                                const Device now = guarded
                                        ? guarded->device(device.id).value_or(device)
                                        : device;
                                const QString value = result.toString();
                                return ToolResult::success(
                                        tr("Sent %1 to %2 (the Miniserver answered %3).")
                                                .arg(command, now.describe(), value),
                                        {{QStringLiteral("uuid"), uuid},
                                                {QStringLiteral("device_id"), device.id},
                                                {QStringLiteral("command"), command},
                                                {QStringLiteral("value"), value},
                                                {QStringLiteral("device"), now.toJson()}});
                            });
                });
    };
    return tool;
}
