#include "LoxoneMapping.h"

#include "DeviceAction.h"
#include "LoxoneCommandGrammar.h"
#include "LoxoneStateCache.h"
#include "LoxoneStructure.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace {

constexpr double MIN_TEMPERATURE = 5;
constexpr double MAX_TEMPERATURE = 40;
// A LightControllerV2's mood ids for "all off"; the others are the house's own.
constexpr int MOOD_OFF = 778;

QString key(const char *name)
{
    return QLatin1String(name);
}

bool is(const QString &type, std::initializer_list<const char *> types)
{
    for (const char *each : types) {
        if (type == QLatin1String(each))
            return true;
    }
    return false;
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

std::optional<double> valueOf(const QJsonObject &states, const char *name)
{
    const QJsonValue value = states.value(key(name));
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QString onOff(const std::optional<double> &value)
{
    if (!value)
        return QStringLiteral("unknown");
    return *value > 0 ? QStringLiteral("on") : QStringLiteral("off");
}

// A value in the control's own format ("%.1f W", "%.0f%%"): the first printf number is
// replaced, "%%" becomes "%". Formats Loxone writes otherwise show the plain number.
QString formatted(const QString &format, double value)
{
    static const QRegularExpression placeholder(QStringLiteral("%(?:\\.([0-9]))?([fdi])"));
    const QRegularExpressionMatch match = placeholder.match(format);
    if (format.isEmpty() || !match.hasMatch())
        return number(value);
    const int precision = match.captured(2) == QLatin1String("f")
            ? (match.captured(1).isEmpty() ? 6 : match.captured(1).toInt())
            : 0;
    QString text = format;
    text.replace(
            match.capturedStart(), match.capturedLength(), QString::number(value, 'f', precision));
    return text.replace(QStringLiteral("%%"), QStringLiteral("%"));
}

struct Scene
{
    int id = 0;
    QString name;
};

// A LightController's sceneList (1="Reading",2="TV") or a LightControllerV2's moodList
// ([{"name": "Reading", "id": 1, ...}]), whichever the states hold.
QList<Scene> scenesOf(const QJsonObject &states)
{
    QList<Scene> scenes;
    const QString moodList = states.value(key("moodList")).toString();
    if (!moodList.isEmpty()) {
        const QJsonArray moods = QJsonDocument::fromJson(moodList.toUtf8()).array();
        for (const QJsonValue &mood : moods) {
            const QJsonObject object = mood.toObject();
            scenes.append({object.value(key("id")).toInt(), object.value(key("name")).toString()});
        }
        return scenes;
    }
    const QStringList entries =
            states.value(key("sceneList")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        bool ok = false;
        const int id = entry.section(QLatin1Char('='), 0, 0).trimmed().toInt(&ok);
        if (ok)
            scenes.append({id, entry.section(QLatin1Char('='), 1).remove(QLatin1Char('"'))});
    }
    return scenes;
}

QString sceneName(const QList<Scene> &scenes, int id)
{
    for (const Scene &scene : scenes) {
        if (scene.id == id && !scene.name.isEmpty())
            return QStringLiteral("scene %1 (%2)").arg(id).arg(scene.name);
    }
    return QStringLiteral("scene %1").arg(id);
}

QString temperatureSummary(const QJsonObject &states)
{
    const std::optional<double> actual = valueOf(states, "tempActual");
    const std::optional<double> target = valueOf(states, "tempTarget");
    QStringList parts;
    if (actual)
        parts << QStringLiteral("%1 °C now").arg(number(*actual));
    if (target)
        parts << QStringLiteral("set to %1 °C").arg(number(*target));
    return parts.isEmpty() ? QStringLiteral("unknown") : parts.join(QStringLiteral(", "));
}

} // namespace

QString LoxoneMapping::deviceId(const QString &controlId)
{
    return QStringLiteral("loxone:") + controlId;
}

QString LoxoneMapping::typeOf(const QString &controlType)
{
    if (is(controlType, {"Switch", "Pushbutton"}))
        return QStringLiteral("switch");
    if (is(controlType,
                {"Dimmer", "EIBDimmer", "LightController", "LightControllerV2", "Colorpicker",
                        "ColorPickerV2", "CentralLightController"}))
        return QStringLiteral("light");
    if (is(controlType, {"Jalousie", "Gate"}))
        return QStringLiteral("cover");
    if (is(controlType, {"IRoomController", "IRoomControllerV2"}))
        return QStringLiteral("climate");
    if (is(controlType, {"Alarm", "SmokeAlarm"}))
        return QStringLiteral("alarm");
    if (is(controlType, {"AudioZone", "AudioZoneV2"}))
        return QStringLiteral("media_player");
    if (is(controlType, {"Intercom", "IntercomV2"}))
        return QStringLiteral("intercom");
    if (is(controlType, {"InfoOnlyDigital", "PresenceDetector"}))
        return QStringLiteral("binary_sensor");
    if (is(controlType,
                {"InfoOnlyAnalog", "InfoOnlyText", "TextState", "Meter", "Tracker", "IRCDaytimer",
                        "IRCV2Daytimer", "Daytimer"}))
        return QStringLiteral("sensor");
    return QStringLiteral("other");
}

bool LoxoneMapping::isSecurityControl(
        const LoxoneControl &control, const LoxoneStructure &structure)
{
    // A smoke alarm counts too: silencing one is not for a key without loxone:security.
    auto secures = [](const LoxoneControl &each) {
        return each.isSecured
                || is(each.type,
                        {"Alarm", "SmokeAlarm", "Intercom", "IntercomV2", "Gate", "CentralGate",
                                "NfcCodeTouch"});
    };
    if (secures(control))
        return true;
    const LoxoneControl *parent =
            control.parentUuid.isEmpty() ? nullptr : structure.findControl(control.parentUuid);
    return parent && secures(*parent);
}

QJsonObject LoxoneMapping::liveStates(const LoxoneControl &control, const LoxoneStateCache &states)
{
    QJsonObject live;
    for (auto it = control.states.constBegin(); it != control.states.constEnd(); ++it) {
        if (const std::optional<double> value = states.value(it.value()))
            live.insert(it.key(), *value);
        else if (const std::optional<QString> text = states.text(it.value()))
            live.insert(it.key(), *text);
    }
    return live;
}

Device LoxoneMapping::toDevice(const LoxoneControl &control, const LoxoneStructure &structure,
        const LoxoneStateCache &states)
{
    Device device;
    device.id = deviceId(control.uuid);
    device.backend = QStringLiteral("loxone");
    device.type = typeOf(control.type);
    device.name = control.name;
    const LoxoneControl *parent =
            control.parentUuid.isEmpty() ? nullptr : structure.findControl(control.parentUuid);
    // A subcontrol's own name ("Dimmer", "sensors") says little without its parent's.
    if (parent)
        device.name = parent->name + QStringLiteral(" / ") + control.name;
    device.room = structure.rooms().value(control.roomUuid).name;
    device.actions = actionsOf(control.type);
    device.security = isSecurityControl(control, structure);

    const QJsonObject live = liveStates(control, states);
    QJsonObject attributes{{QStringLiteral("control_type"), control.type},
            {QStringLiteral("uuid"), control.uuid}, {QStringLiteral("states"), live},
            {QStringLiteral("details"), control.details},
            {QStringLiteral("secured"), control.isSecured}};
    if (parent)
        attributes.insert(QStringLiteral("parent"), control.parentUuid);
    const QString category = structure.categories().value(control.categoryUuid).name;
    if (!category.isEmpty())
        attributes.insert(QStringLiteral("category"), category);
    device.attributes = attributes;
    describe(control.type, live, control.details, &device);
    return device;
}

QStringList LoxoneMapping::actionsOf(const QString &controlType)
{
    if (controlType == QLatin1String("Switch"))
        return {QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("toggle")};
    if (controlType == QLatin1String("Pushbutton"))
        return {QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("activate")};
    if (is(controlType, {"Dimmer", "EIBDimmer", "Colorpicker", "ColorPickerV2"}))
        return {QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("brightness")};
    if (controlType == QLatin1String("LightController"))
        return {QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("activate")};
    if (controlType == QLatin1String("LightControllerV2"))
        return {QStringLiteral("off"), QStringLiteral("activate")};
    if (controlType == QLatin1String("Jalousie"))
        return {QStringLiteral("open"), QStringLiteral("close"), QStringLiteral("stop"),
                QStringLiteral("position"), QStringLiteral("shade")};
    if (controlType == QLatin1String("Gate"))
        return {QStringLiteral("open"), QStringLiteral("close"), QStringLiteral("stop")};
    if (is(controlType, {"IRoomController", "IRoomControllerV2"}))
        return {QStringLiteral("set_temperature")};
    if (controlType == QLatin1String("Alarm"))
        return {QStringLiteral("arm"), QStringLiteral("disarm")};
    if (is(controlType, {"AudioZone", "AudioZoneV2"}))
        return {QStringLiteral("play"), QStringLiteral("pause"), QStringLiteral("volume")};
    return {};
}

void LoxoneMapping::describe(const QString &controlType, const QJsonObject &states,
        const QJsonObject &details, Device *device)
{
    QString state = QStringLiteral("unknown");
    QString summary;
    if (is(controlType, {"Switch", "Pushbutton", "Intercom", "IntercomV2", "PresenceDetector"})) {
        state = onOff(valueOf(states, "active"));
    } else if (is(controlType, {"Dimmer", "EIBDimmer"})) {
        const std::optional<double> level = valueOf(states, "position");
        state = onOff(level);
        if (level && *level > 0)
            summary = state + QStringLiteral(", ") + Device::percentText(*level)
                    + QStringLiteral(" brightness");
    } else if (controlType == QLatin1String("LightController")) {
        const QList<Scene> scenes = scenesOf(states);
        if (const std::optional<double> scene = valueOf(states, "activeScene")) {
            state = onOff(scene);
            summary = *scene > 0 ? state + QStringLiteral(", ") + sceneName(scenes, int(*scene))
                                 : state;
        } else {
            state = onOff(valueOf(states, "active"));
        }
    } else if (controlType == QLatin1String("LightControllerV2")) {
        const QJsonArray active =
                QJsonDocument::fromJson(states.value(key("activeMoods")).toString().toUtf8())
                        .array();
        if (!active.isEmpty()) {
            const bool off = active.size() == 1 && active.first().toInt() == MOOD_OFF;
            state = off ? QStringLiteral("off") : QStringLiteral("on");
            QStringList names;
            const QList<Scene> scenes = scenesOf(states);
            for (const QJsonValue &mood : active)
                names << sceneName(scenes, mood.toInt());
            summary = off ? state : state + QStringLiteral(", ") + names.join(QStringLiteral(", "));
        }
    } else if (is(controlType, {"Colorpicker", "ColorPickerV2"})) {
        const QString color = states.value(key("color")).toString();
        if (!color.isEmpty()) {
            static const QRegularExpression dark(
                    QStringLiteral("^(hsv\\([^,]*,[^,]*,\\s*0\\)|temp\\(\\s*0,.*)$"));
            state = dark.match(color).hasMatch() ? QStringLiteral("off") : QStringLiteral("on");
            summary = state + QStringLiteral(", ") + color;
        }
    } else if (controlType == QLatin1String("Jalousie")) {
        if (const std::optional<double> position = valueOf(states, "position")) {
            const double open = percentOpen(*position);
            state = valueOf(states, "up").value_or(0) > 0     ? QStringLiteral("opening")
                    : valueOf(states, "down").value_or(0) > 0 ? QStringLiteral("closing")
                    : std::lround(open) == 0                  ? QStringLiteral("closed")
                                                              : QStringLiteral("open");
            summary = state + QStringLiteral(", ") + Device::percentText(open)
                    + QStringLiteral(" open");
        }
    } else if (controlType == QLatin1String("Gate")) {
        // A gate's position counts the other way round: 1 is fully open.
        if (const std::optional<double> position = valueOf(states, "position")) {
            const double moving = valueOf(states, "active").value_or(0);
            state = moving > 0       ? QStringLiteral("opening")
                    : moving < 0     ? QStringLiteral("closing")
                    : *position <= 0 ? QStringLiteral("closed")
                                     : QStringLiteral("open");
            summary = state + QStringLiteral(", ") + Device::percentText(*position * 100)
                    + QStringLiteral(" open");
        }
    } else if (is(controlType, {"IRoomController", "IRoomControllerV2"})) {
        if (const std::optional<double> actual = valueOf(states, "tempActual"))
            state = number(*actual);
        summary = temperatureSummary(states);
    } else if (controlType == QLatin1String("Alarm")) {
        const std::optional<double> armed = valueOf(states, "armed");
        if (valueOf(states, "level").value_or(0) > 0)
            state = QStringLiteral("triggered");
        else if (armed)
            state = *armed > 0 ? QStringLiteral("armed") : QStringLiteral("disarmed");
    } else if (controlType == QLatin1String("SmokeAlarm")) {
        if (const std::optional<double> level = valueOf(states, "level"))
            state = *level > 0 ? QStringLiteral("alarm") : QStringLiteral("ok");
    } else if (is(controlType, {"AudioZone", "AudioZoneV2"})) {
        // AudioZoneV2 reports playState (2 playing, 1 paused, 0 stopped, -1 off).
        const std::optional<double> playing = valueOf(states, "playing");
        const std::optional<double> playState = valueOf(states, "playState");
        if (playing)
            state = *playing > 0 ? QStringLiteral("playing") : QStringLiteral("paused");
        else if (playState)
            state = *playState >= 2   ? QStringLiteral("playing")
                    : *playState >= 1 ? QStringLiteral("paused")
                    : *playState >= 0 ? QStringLiteral("idle")
                                      : QStringLiteral("off");
        if (const std::optional<double> volume = valueOf(states, "volume"))
            summary = state + QStringLiteral(", volume ") + Device::percentText(*volume);
    } else if (controlType == QLatin1String("InfoOnlyDigital")) {
        state = onOff(valueOf(states, "active"));
        // The texts the house gave the two states ("Open", "Closed"), when it gave some.
        const QString text = details.value(key("text")).toObject().value(state).toString();
        if (!text.isEmpty())
            summary = text;
    } else if (const std::optional<double> value = valueOf(states, "value")) {
        state = number(*value);
        summary = formatted(details.value(key("format")).toString(), *value);
    } else if (valueOf(states, "active")) {
        state = onOff(valueOf(states, "active"));
    }
    device->state = state;
    device->summary = summary.isEmpty() ? state : summary;
}

double LoxoneMapping::percentOpen(double position)
{
    return (1.0 - qBound(0.0, position, 1.0)) * 100.0;
}

double LoxoneMapping::manualPositionFor(double percentOpen)
{
    return 100.0 - percentOpen;
}

std::optional<QString> LoxoneMapping::commandFor(
        const Device &device, const QString &action, const QJsonValue &value, QString *error)
{
    if (!DeviceAction::check(device, action, value, error))
        return std::nullopt;
    auto refuse = [error](const QString &sentence) {
        *error = sentence;
        return std::nullopt;
    };
    const QString type = device.attributes.value(key("control_type")).toString();
    const QJsonObject states = device.attributes.value(key("states")).toObject();
    const double amount = value.toDouble();
    auto inRange = [&](double low, double high, const QString &unit) -> bool {
        if (amount >= low && amount <= high)
            return true;
        *error = DeviceAction::outOfRange(action, low, high, unit, amount);
        return false;
    };

    QString command;
    if (is(type, {"Dimmer", "EIBDimmer"})) {
        // The dimmer's own range when it reports one; 0 is always off.
        const double low = valueOf(states, "min").value_or(0);
        const double high = valueOf(states, "max").value_or(100);
        const bool known = high > low;
        if (action == QLatin1String("on"))
            command = number(known ? high : 100);
        else if (action == QLatin1String("off"))
            command = QStringLiteral("0");
        else if (amount != 0 && !inRange(known ? low : 0, known ? high : 100, QStringLiteral(" %")))
            return std::nullopt;
        else
            command = number(amount);
    } else if (is(type, {"Colorpicker", "ColorPickerV2"})) {
        const QString current = states.value(key("color")).toString();
        if (action == QLatin1String("brightness") && !inRange(0, 100, QStringLiteral(" %")))
            return std::nullopt;
        command = colorCommand(current,
                action == QLatin1String("on")            ? 100
                        : action == QLatin1String("off") ? 0
                                                         : amount);
    } else if (is(type, {"LightController", "LightControllerV2"})) {
        const bool v2 = type == QLatin1String("LightControllerV2");
        if (action == QLatin1String("activate")) {
            const std::optional<QString> scene = sceneCommand(device, value, error);
            if (!scene)
                return std::nullopt;
            command = *scene;
        } else if (action == QLatin1String("off")) {
            command = v2 ? QStringLiteral("changeTo/%1").arg(MOOD_OFF) : QStringLiteral("off");
        } else {
            command = action;
        }
    } else if (type == QLatin1String("Switch")) {
        command = action == QLatin1String("toggle") ? QStringLiteral("pulse") : action;
    } else if (type == QLatin1String("Pushbutton")) {
        command = action == QLatin1String("activate") ? QStringLiteral("pulse") : action;
    } else if (type == QLatin1String("Jalousie")) {
        if (action == QLatin1String("open"))
            command = QStringLiteral("FullUp");
        else if (action == QLatin1String("close"))
            command = QStringLiteral("FullDown");
        else if (action == QLatin1String("position")) {
            if (!inRange(0, 100, QStringLiteral(" %")))
                return std::nullopt;
            command = QStringLiteral("manualPosition/") + number(manualPositionFor(amount));
        } else
            command = action; // stop, shade
    } else if (type == QLatin1String("Gate")) {
        command = action; // open, close, stop
    } else if (is(type, {"IRoomController", "IRoomControllerV2"})) {
        if (!inRange(MIN_TEMPERATURE, MAX_TEMPERATURE, QStringLiteral(" °C")))
            return std::nullopt;
        // The comfort temperature: what the room is heated to while it is in use.
        command = type == QLatin1String("IRoomControllerV2")
                ? QStringLiteral("setComfortTemperature/") + number(amount)
                : QStringLiteral("settemp/1/") + number(amount);
    } else if (type == QLatin1String("Alarm")) {
        const QString mode = DeviceAction::hasValue(value) ? value.toString() : QString();
        if (action == QLatin1String("disarm"))
            command = QStringLiteral("off");
        else if (mode.isEmpty() || mode == QLatin1String("away"))
            command = QStringLiteral("on");
        else if (mode == QLatin1String("delayed"))
            command = QStringLiteral("delayedon");
        else
            return refuse(tr("A Loxone alarm arms at once (away) or after its delay (delayed), "
                             "not '%1'.")
                                  .arg(mode));
    } else if (is(type, {"AudioZone", "AudioZoneV2"})) {
        if (action == QLatin1String("volume")) {
            if (!inRange(0, 100, QStringLiteral(" %")))
                return std::nullopt;
            command = QStringLiteral("volume/") + QString::number(std::lround(amount));
        } else {
            command = action; // play, pause
        }
    } else {
        return refuse(tr("HomeWarden cannot control a Loxone %1.").arg(type));
    }
    return LoxoneCommandGrammar::check(type, command, error);
}

std::optional<QString> LoxoneMapping::sceneCommand(
        const Device &device, const QJsonValue &value, QString *error)
{
    const bool v2 = device.attributes.value(key("control_type")).toString()
            == QLatin1String("LightControllerV2");
    const QList<Scene> scenes = scenesOf(device.attributes.value(key("states")).toObject());
    std::optional<int> id;
    if (value.isDouble()) {
        id = value.toInt();
    } else if (value.isString()) {
        bool ok = false;
        const int parsed = value.toString().toInt(&ok);
        if (ok)
            id = parsed;
        for (const Scene &scene : scenes) {
            if (!id && scene.name.compare(value.toString(), Qt::CaseInsensitive) == 0)
                id = scene.id;
        }
    }
    if (!id) {
        QStringList names;
        for (const Scene &scene : scenes)
            names << QStringLiteral("%1 (%2)").arg(scene.name).arg(scene.id);
        *error = names.isEmpty()
                ? tr("'activate' needs the scene for %1: its number.").arg(device.id)
                : tr("'activate' needs the scene for %1, by name or number: %2.")
                          .arg(device.id, names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return v2 ? QStringLiteral("changeTo/%1").arg(*id) : QString::number(*id);
}

QString LoxoneMapping::colorCommand(const QString &current, double level)
{
    // The colour stays; only its brightness changes.
    static const QRegularExpression hsv(QStringLiteral("^hsv\\(([0-9.]+),([0-9.]+),[0-9.]+\\)$"));
    static const QRegularExpression temperature(QStringLiteral("^temp\\([0-9.]+,([0-9]+)\\)$"));
    const QString plain = QString(current).remove(QLatin1Char(' '));
    if (const QRegularExpressionMatch match = temperature.match(plain); match.hasMatch())
        return QStringLiteral("temp(%1,%2)").arg(number(level), match.captured(1));
    const QRegularExpressionMatch match = hsv.match(plain);
    const QString hue = match.hasMatch() ? match.captured(1) : QStringLiteral("0");
    const QString saturation = match.hasMatch() ? match.captured(2) : QStringLiteral("0");
    return QStringLiteral("hsv(%1,%2,%3)").arg(hue, saturation, number(level));
}
