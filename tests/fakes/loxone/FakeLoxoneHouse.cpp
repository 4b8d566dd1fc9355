#include "FakeLoxoneHouse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

// States a Miniserver reports as text (the others are numbers), by name.
bool isTextStateName(const QString &name)
{
    static const QSet<QString> names{QStringLiteral("color"), QStringLiteral("favorites"),
            QStringLiteral("sceneList"), QStringLiteral("moodList"), QStringLiteral("activeMoods"),
            QStringLiteral("sensors"), QStringLiteral("entries"),
            QStringLiteral("entriesAndDefaultValue"), QStringLiteral("modeList"),
            QStringLiteral("overrideEntries"), QStringLiteral("startTime"), QStringLiteral("text"),
            QStringLiteral("textAndIcon"), QStringLiteral("history")};
    return names.contains(name);
}

std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace

bool FakeLoxoneHouse::load(const QByteArray &structureJson, QString *error)
{
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(structureJson, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty()) {
        if (error)
            *error = QStringLiteral("the structure file is not a JSON object: %1")
                             .arg(parseError.errorString());
        return false;
    }
    m_structureJson = structureJson;
    m_lastModified = root.value(QLatin1String("lastModified")).toString();
    m_controls.clear();
    m_textStates.clear();
    m_values.clear();
    m_texts.clear();

    const auto addControl = [this](const QString &id, const QJsonObject &json) {
        Control control;
        control.type = json.value(QLatin1String("type")).toString();
        const QJsonObject states = json.value(QLatin1String("states")).toObject();
        for (auto it = states.constBegin(); it != states.constEnd(); ++it) {
            QStringList uuids;
            if (it.value().isArray()) {
                const QJsonArray list = it.value().toArray();
                for (qsizetype i = 0; i < list.size(); ++i) {
                    const QString uuid = list.at(i).toString().toLower();
                    control.states.insert(
                            it.key() + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'),
                            uuid);
                    uuids.append(uuid);
                }
            } else {
                const QString uuid = it.value().toString().toLower();
                control.states.insert(it.key(), uuid);
                uuids.append(uuid);
            }
            for (const QString &uuid : uuids) {
                if (isTextStateName(it.key())) {
                    m_textStates.insert(uuid);
                    m_texts.insert(uuid, QString());
                } else {
                    m_values.insert(uuid, 0);
                }
            }
        }
        m_controls.insert(id, control);
    };

    const QJsonObject controls = root.value(QLatin1String("controls")).toObject();
    for (auto it = controls.constBegin(); it != controls.constEnd(); ++it) {
        const QJsonObject json = it.value().toObject();
        addControl(it.key(), json);
        const QJsonObject subControls = json.value(QLatin1String("subControls")).toObject();
        for (auto sub = subControls.constBegin(); sub != subControls.constEnd(); ++sub)
            addControl(sub.key(), sub.value().toObject());
    }
    // A uuid that is a text state anywhere is one everywhere.
    for (const QString &uuid : std::as_const(m_textStates))
        m_values.remove(uuid);
    return true;
}

std::optional<QStringList> FakeLoxoneHouse::apply(const QString &controlId, const QString &command)
{
    const auto found = m_controls.constFind(controlId);
    if (found == m_controls.constEnd())
        return std::nullopt;
    const Control &control = found.value();
    const QStringList parts = command.split(QLatin1Char('/'));
    const QString verb = parts.value(0);
    const std::optional<double> argument = number(parts.value(1));
    QStringList changed;

    if (control.type == QLatin1String("Switch") || control.type == QLatin1String("Pushbutton")) {
        if (verb == QLatin1String("on"))
            set(control, QStringLiteral("active"), 1, &changed);
        else if (verb == QLatin1String("off"))
            set(control, QStringLiteral("active"), 0, &changed);
        else if (verb == QLatin1String("pulse"))
            set(control, QStringLiteral("active"),
                    get(control, QStringLiteral("active")) > 0 ? 0 : 1, &changed);
    } else if (control.type == QLatin1String("Dimmer")
            || control.type == QLatin1String("EIBDimmer")) {
        if (verb == QLatin1String("on"))
            set(control, QStringLiteral("position"), 100, &changed);
        else if (verb == QLatin1String("off"))
            set(control, QStringLiteral("position"), 0, &changed);
        else if (const auto level = number(verb))
            set(control, QStringLiteral("position"), qBound(0.0, *level, 100.0), &changed);
    } else if (control.type == QLatin1String("Jalousie")) {
        if (verb == QLatin1String("FullUp")) {
            set(control, QStringLiteral("position"), 0, &changed);
            set(control, QStringLiteral("up"), 0, &changed);
            set(control, QStringLiteral("down"), 0, &changed);
        } else if (verb == QLatin1String("FullDown")) {
            set(control, QStringLiteral("position"), 1, &changed);
            set(control, QStringLiteral("up"), 0, &changed);
            set(control, QStringLiteral("down"), 0, &changed);
        } else if (verb == QLatin1String("manualPosition") && argument) {
            set(control, QStringLiteral("position"), qBound(0.0, *argument, 100.0) / 100.0,
                    &changed);
        } else if (verb == QLatin1String("stop")) {
            set(control, QStringLiteral("up"), 0, &changed);
            set(control, QStringLiteral("down"), 0, &changed);
        } else if (verb == QLatin1String("up") || verb == QLatin1String("down")) {
            set(control, verb, 1, &changed);
        }
    } else if (control.type == QLatin1String("IRoomControllerV2")) {
        if (verb == QLatin1String("setComfortTemperature") && argument) {
            set(control, QStringLiteral("comfortTemperature"), *argument, &changed);
            set(control, QStringLiteral("tempTarget"), *argument, &changed);
        } else if (verb == QLatin1String("setComfortTemperatureCool") && argument) {
            set(control, QStringLiteral("comfortTemperatureCool"), *argument, &changed);
        } else if (verb == QLatin1String("setManualTemperature") && argument) {
            set(control, QStringLiteral("tempTarget"), *argument, &changed);
        } else if (verb == QLatin1String("setOperatingMode") && argument) {
            set(control, QStringLiteral("operatingMode"), *argument, &changed);
        }
    } else if (control.type == QLatin1String("IRoomController")) {
        if (verb == QLatin1String("mode") && argument)
            set(control, QStringLiteral("mode"), *argument, &changed);
        else if (verb == QLatin1String("settemp") && argument && number(parts.value(2)))
            set(control, QStringLiteral("temperatures[%1]").arg(int(*argument)),
                    *number(parts.value(2)), &changed);
    } else if (control.type == QLatin1String("LightController")
            || control.type == QLatin1String("LightControllerV2")) {
        std::optional<double> scene;
        if (verb == QLatin1String("on"))
            scene = 9;
        else if (verb == QLatin1String("off"))
            scene = 0;
        else if (verb == QLatin1String("changeTo"))
            scene = argument;
        else
            scene = number(verb);
        if (scene) {
            set(control, QStringLiteral("activeScene"), *scene, &changed);
            set(control, QStringLiteral("active"), *scene > 0 ? 1 : 0, &changed);
        }
    } else if (control.type == QLatin1String("Alarm")) {
        if (verb == QLatin1String("on") || verb == QLatin1String("delayedon")) {
            set(control, QStringLiteral("armed"), 1, &changed);
        } else if (verb == QLatin1String("off")) {
            set(control, QStringLiteral("armed"), 0, &changed);
            set(control, QStringLiteral("level"), 0, &changed);
        } else if (verb == QLatin1String("quit")) {
            set(control, QStringLiteral("level"), 0, &changed);
        }
    } else if (control.type == QLatin1String("SmokeAlarm")) {
        if (verb == QLatin1String("quit"))
            set(control, QStringLiteral("level"), 0, &changed);
        else if (verb == QLatin1String("mute"))
            set(control, QStringLiteral("acousticAlarm"), 0, &changed);
    } else if (control.type == QLatin1String("AudioZone")) {
        if (verb == QLatin1String("play"))
            set(control, QStringLiteral("playing"), 1, &changed);
        else if (verb == QLatin1String("pause") || verb == QLatin1String("stop"))
            set(control, QStringLiteral("playing"), 0, &changed);
        else if (verb == QLatin1String("volume") && argument)
            set(control, QStringLiteral("volume"), qBound(0.0, *argument, 100.0), &changed);
    } else if (control.type == QLatin1String("Colorpicker")) {
        static const QRegularExpression color(QStringLiteral("^(hsv|temp)\\([0-9., ]+\\)$"));
        if (color.match(command).hasMatch())
            setText(control, QStringLiteral("color"), command, &changed);
    }
    return changed;
}

bool FakeLoxoneHouse::isTextState(const QString &stateUuid) const
{
    return m_textStates.contains(stateUuid.toLower());
}

void FakeLoxoneHouse::setValue(const QString &stateUuid, double value)
{
    m_values.insert(stateUuid.toLower(), value);
}

void FakeLoxoneHouse::setText(const QString &stateUuid, const QString &text)
{
    m_textStates.insert(stateUuid.toLower());
    m_texts.insert(stateUuid.toLower(), text);
}

std::optional<double> FakeLoxoneHouse::value(const QString &stateUuid) const
{
    const auto it = m_values.constFind(stateUuid.toLower());
    return it == m_values.constEnd() ? std::nullopt : std::optional<double>(it.value());
}

std::optional<QString> FakeLoxoneHouse::text(const QString &stateUuid) const
{
    const auto it = m_texts.constFind(stateUuid.toLower());
    return it == m_texts.constEnd() ? std::nullopt : std::optional<QString>(it.value());
}

QString FakeLoxoneHouse::stateUuid(const QString &controlId, const QString &stateName) const
{
    return m_controls.value(controlId).states.value(stateName);
}

QList<QPair<QString, double>> FakeLoxoneHouse::values(const QStringList &stateUuids) const
{
    QList<QPair<QString, double>> result;
    for (const QString &uuid : stateUuids) {
        const auto it = m_values.constFind(uuid.toLower());
        if (it != m_values.constEnd())
            result.append({it.key(), it.value()});
    }
    return result;
}

QList<QPair<QString, QString>> FakeLoxoneHouse::texts(const QStringList &stateUuids) const
{
    QList<QPair<QString, QString>> result;
    for (const QString &uuid : stateUuids) {
        const auto it = m_texts.constFind(uuid.toLower());
        if (it != m_texts.constEnd())
            result.append({it.key(), it.value()});
    }
    return result;
}

QStringList FakeLoxoneHouse::allStates() const
{
    return m_values.keys() + m_texts.keys();
}

void FakeLoxoneHouse::set(
        const Control &control, const QString &name, double value, QStringList *changed)
{
    const QString uuid = control.states.value(name);
    if (uuid.isEmpty() || m_textStates.contains(uuid) || m_values.value(uuid) == value)
        return;
    m_values.insert(uuid, value);
    changed->append(uuid);
}

void FakeLoxoneHouse::setText(
        const Control &control, const QString &name, const QString &text, QStringList *changed)
{
    const QString uuid = control.states.value(name);
    if (uuid.isEmpty() || m_texts.value(uuid) == text)
        return;
    m_textStates.insert(uuid);
    m_texts.insert(uuid, text);
    changed->append(uuid);
}

double FakeLoxoneHouse::get(const Control &control, const QString &name) const
{
    return m_values.value(control.states.value(name));
}
