#include "HomeAssistantMapping.h"

#include "DeviceAction.h"
#include "HomeAssistantRegistry.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace {

QString attr(const char *name)
{
    return QLatin1String(name);
}

QString typeOf(const QString &domain)
{
    if (domain == QLatin1String("alarm_control_panel"))
        return QStringLiteral("alarm");
    if (domain == QLatin1String("input_boolean"))
        return QStringLiteral("switch");
    return domain;
}

// Home Assistant's turn_on/turn_off/toggle for domains whose entities are simply on or off.
bool switchable(const QString &domain)
{
    static const QStringList domains{QStringLiteral("light"), QStringLiteral("switch"),
            QStringLiteral("fan"), QStringLiteral("input_boolean"), QStringLiteral("group"),
            QStringLiteral("remote"), QStringLiteral("media_player"), QStringLiteral("automation")};
    return domains.contains(domain);
}

} // namespace

bool HomeAssistantMapping::isValidEntityId(const QString &entityId)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z_]+\\.[a-z0-9_]+$"));
    return pattern.match(entityId).hasMatch();
}

bool HomeAssistantMapping::isSecurityDomain(const QString &domain)
{
    return domain == QLatin1String("lock") || domain == QLatin1String("alarm_control_panel");
}

Device HomeAssistantMapping::toDevice(
        const QJsonObject &state, const HomeAssistantRegistry &registry)
{
    const QString entityId = state.value(attr("entity_id")).toString();
    const QString domain = entityId.section(QLatin1Char('.'), 0, 0);
    const QJsonObject attributes = state.value(attr("attributes")).toObject();

    Device device;
    device.id = QStringLiteral("ha:") + entityId;
    device.backend = QStringLiteral("ha");
    device.type = typeOf(domain);
    device.name = registry.entityName(entityId);
    if (device.name.isEmpty())
        device.name = attributes.value(attr("friendly_name")).toString(entityId);
    device.room = registry.areaName(registry.areaOf(entityId));
    device.state = state.value(attr("state")).toString();
    device.summary = summaryOf(domain, device.state, attributes);
    device.actions = actionsOf(domain, attributes);
    const QString deviceClass = attributes.value(attr("device_class")).toString();
    device.security = isSecurityDomain(domain)
            || (domain == QLatin1String("cover")
                    && (deviceClass == QLatin1String("garage")
                            || deviceClass == QLatin1String("door")
                            || deviceClass == QLatin1String("gate")));
    device.attributes = attributes;
    device.lastChanged =
            QDateTime::fromString(state.value(attr("last_changed")).toString(), Qt::ISODateWithMs);
    return device;
}

QStringList HomeAssistantMapping::actionsOf(const QString &domain, const QJsonObject &attributes)
{
    QStringList actions;
    if (switchable(domain))
        actions << QStringLiteral("on") << QStringLiteral("off") << QStringLiteral("toggle");
    if (domain == QLatin1String("light")) {
        actions << QStringLiteral("brightness");
    } else if (domain == QLatin1String("cover")) {
        actions << QStringLiteral("open") << QStringLiteral("close") << QStringLiteral("stop")
                << QStringLiteral("position");
    } else if (domain == QLatin1String("climate")) {
        actions << QStringLiteral("on") << QStringLiteral("off")
                << QStringLiteral("set_temperature") << QStringLiteral("set_mode");
    } else if (domain == QLatin1String("lock")) {
        actions << QStringLiteral("lock") << QStringLiteral("unlock");
    } else if (domain == QLatin1String("alarm_control_panel")) {
        actions << QStringLiteral("arm") << QStringLiteral("disarm");
    } else if (domain == QLatin1String("media_player")) {
        actions << QStringLiteral("play") << QStringLiteral("pause") << QStringLiteral("volume");
    } else if (domain == QLatin1String("scene") || domain == QLatin1String("script")) {
        actions << QStringLiteral("activate");
    }
    Q_UNUSED(attributes)
    return actions;
}

QString HomeAssistantMapping::summaryOf(
        const QString &domain, const QString &state, const QJsonObject &attributes)
{
    QString summary = state;
    if (domain == QLatin1String("light") && state == QLatin1String("on")
            && attributes.contains(attr("brightness"))) {
        summary += QStringLiteral(", ")
                + Device::percentText(
                        attributes.value(attr("brightness")).toDouble() * 100.0 / 255.0)
                + QStringLiteral(" brightness");
    } else if (domain == QLatin1String("cover") && attributes.contains(attr("current_position"))) {
        summary += QStringLiteral(", ")
                + Device::percentText(attributes.value(attr("current_position")).toDouble())
                + QStringLiteral(" open");
    } else if (domain == QLatin1String("climate")) {
        if (attributes.contains(attr("current_temperature")))
            summary += QStringLiteral(", %1 °C now")
                               .arg(attributes.value(attr("current_temperature")).toDouble());
        if (attributes.contains(attr("temperature")))
            summary += QStringLiteral(", set to %1 °C")
                               .arg(attributes.value(attr("temperature")).toDouble());
    } else if (domain == QLatin1String("media_player")
            && attributes.contains(attr("volume_level"))) {
        summary += QStringLiteral(", volume ")
                + Device::percentText(attributes.value(attr("volume_level")).toDouble() * 100.0);
    } else if (attributes.contains(attr("unit_of_measurement"))) {
        summary += QLatin1Char(' ') + attributes.value(attr("unit_of_measurement")).toString();
    }
    return summary;
}

std::optional<HomeAssistantMapping::ServiceCall> HomeAssistantMapping::serviceFor(
        const Device &device, const QString &action, const QJsonValue &value, QString *error)
{
    auto refuse = [error](const QString &sentence) {
        *error = sentence;
        return std::nullopt;
    };
    if (!DeviceAction::check(device, action, value, error))
        return std::nullopt;
    // A scene or script is simply run: it has nothing to choose.
    if (action == QLatin1String("activate") && DeviceAction::hasValue(value))
        return refuse(tr("'activate' takes no value for %1.").arg(device.id));
    const bool hasValue = DeviceAction::hasValue(value);
    const double number = value.toDouble();
    auto inRange = [&](double low, double high, const QString &unit) -> bool {
        if (number >= low && number <= high)
            return true;
        *error = DeviceAction::outOfRange(action, low, high, unit, number);
        return false;
    };

    const QString entityDomain = device.id.mid(3).section(QLatin1Char('.'), 0, 0);
    // group has no turn_on of its own: Home Assistant's generic service switches its members.
    const QString domain =
            entityDomain == QLatin1String("group") ? QStringLiteral("homeassistant") : entityDomain;
    if (action == QLatin1String("on"))
        return ServiceCall{domain, QStringLiteral("turn_on"), {}};
    if (action == QLatin1String("off"))
        return ServiceCall{domain, QStringLiteral("turn_off"), {}};
    if (action == QLatin1String("toggle"))
        return ServiceCall{domain, QStringLiteral("toggle"), {}};
    if (action == QLatin1String("brightness")) {
        if (!inRange(0, 100, QStringLiteral(" %")))
            return std::nullopt;
        return ServiceCall{domain, QStringLiteral("turn_on"),
                {{QStringLiteral("brightness_pct"), qint64(std::lround(number))}}};
    }
    if (action == QLatin1String("open"))
        return ServiceCall{domain, QStringLiteral("open_cover"), {}};
    if (action == QLatin1String("close"))
        return ServiceCall{domain, QStringLiteral("close_cover"), {}};
    if (action == QLatin1String("stop"))
        return ServiceCall{domain, QStringLiteral("stop_cover"), {}};
    if (action == QLatin1String("position")) {
        if (!inRange(0, 100, QStringLiteral(" %")))
            return std::nullopt;
        return ServiceCall{domain, QStringLiteral("set_cover_position"),
                {{QStringLiteral("position"), qint64(std::lround(number))}}};
    }
    if (action == QLatin1String("set_temperature")) {
        // The tool speaks °C; a Home Assistant that measures in °F gets (and limits) °F.
        const bool fahrenheit = device.attributes.value(attr("unit_of_measurement")).toString()
                == QStringLiteral("°F");
        auto toCelsius = [fahrenheit](double t) { return fahrenheit ? (t - 32) * 5 / 9 : t; };
        const double low =
                toCelsius(device.attributes.value(attr("min_temp")).toDouble(fahrenheit ? 45 : 7));
        const double high =
                toCelsius(device.attributes.value(attr("max_temp")).toDouble(fahrenheit ? 95 : 35));
        if (!inRange(std::round(low * 10) / 10, std::round(high * 10) / 10, QStringLiteral(" °C")))
            return std::nullopt;
        const double target = fahrenheit ? std::round((number * 9 / 5 + 32) * 10) / 10 : number;
        return ServiceCall{domain, QStringLiteral("set_temperature"),
                {{QStringLiteral("temperature"), target}}};
    }
    if (action == QLatin1String("set_mode")) {
        // hvac_modes since Home Assistant 0.96; operation_list before (the fixture's era).
        QJsonArray modes = device.attributes.value(attr("hvac_modes")).toArray();
        if (modes.isEmpty())
            modes = device.attributes.value(attr("operation_list")).toArray();
        const QString mode = value.toString();
        if (!modes.isEmpty() && !modes.contains(QJsonValue(mode))) {
            QStringList names;
            for (const QJsonValue &each : std::as_const(modes))
                names << each.toString();
            return refuse(tr("%1 has no mode '%2'; its modes are: %3.")
                                  .arg(device.id, mode, names.join(QStringLiteral(", "))));
        }
        return ServiceCall{
                domain, QStringLiteral("set_hvac_mode"), {{QStringLiteral("hvac_mode"), mode}}};
    }
    if (action == QLatin1String("lock") || action == QLatin1String("unlock"))
        return ServiceCall{domain, action, {}};
    if (action == QLatin1String("arm") || action == QLatin1String("disarm")) {
        // A panel that wants a code is left to people: HomeWarden passes no alarm code from
        // an AI client.
        if (!device.attributes.value(attr("code_format")).isNull()
                && device.attributes.contains(attr("code_format")))
            return refuse(tr("%1 needs a code to %2, and HomeWarden does not pass alarm codes "
                             "from AI clients; use the alarm panel or the Home Assistant app.")
                                  .arg(device.id, action));
        if (action == QLatin1String("disarm"))
            return ServiceCall{domain, QStringLiteral("alarm_disarm"), {}};
        const QString mode = hasValue ? value.toString() : QStringLiteral("away");
        static const QStringList modes{QStringLiteral("away"), QStringLiteral("home"),
                QStringLiteral("night"), QStringLiteral("vacation")};
        if (!modes.contains(mode))
            return refuse(tr("'arm' takes away, home, night or vacation, not '%1'.").arg(mode));
        return ServiceCall{domain, QStringLiteral("alarm_arm_") + mode, {}};
    }
    if (action == QLatin1String("activate"))
        return ServiceCall{domain, QStringLiteral("turn_on"), {}};
    if (action == QLatin1String("play"))
        return ServiceCall{domain, QStringLiteral("media_play"), {}};
    if (action == QLatin1String("pause"))
        return ServiceCall{domain, QStringLiteral("media_pause"), {}};
    if (action == QLatin1String("volume")) {
        if (!inRange(0, 100, QStringLiteral(" %")))
            return std::nullopt;
        return ServiceCall{domain, QStringLiteral("volume_set"),
                {{QStringLiteral("volume_level"), number / 100.0}}};
    }
    return refuse(tr("'%1' is not an action HomeWarden knows.").arg(action));
}
