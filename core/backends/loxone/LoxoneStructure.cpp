#include "LoxoneStructure.h"

#include "LoxoneUuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

QString string(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).toString();
}

// "states" maps names to one uuid or, for a few control types, to a list of uuids.
QMap<QString, QString> statesOf(const QJsonObject &json)
{
    QMap<QString, QString> states;
    const QJsonObject object = json.value(QLatin1String("states")).toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isString()) {
            states.insert(it.key(), it.value().toString());
        } else if (it.value().isArray()) {
            const QJsonArray list = it.value().toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (list.at(i).isString())
                    states.insert(
                            it.key() + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'),
                            list.at(i).toString());
            }
        }
    }
    return states;
}

} // namespace

std::optional<LoxoneStructure> LoxoneStructure::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = tr("The Loxone structure file is not a JSON object (%1); check that the "
                        "Loxone URL points to a Miniserver.")
                             .arg(parseError.error != QJsonParseError::NoError
                                             ? parseError.errorString()
                                             : tr("it is a list or a plain value"));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (!root.value(QLatin1String("msInfo")).isObject()
            || !root.value(QLatin1String("controls")).isObject()) {
        if (error)
            *error = tr("The Loxone structure file lacks \"msInfo\" or \"controls\"; check "
                        "that the Loxone URL points to a Miniserver.");
        return std::nullopt;
    }

    LoxoneStructure structure;
    structure.m_lastModified = string(root, QLatin1String("lastModified"));

    const QJsonObject msInfo = root.value(QLatin1String("msInfo")).toObject();
    structure.m_msInfo = {string(msInfo, QLatin1String("serialNr")),
            string(msInfo, QLatin1String("msName")), string(msInfo, QLatin1String("projectName")),
            string(msInfo, QLatin1String("swVersion"))};

    const QJsonObject rooms = root.value(QLatin1String("rooms")).toObject();
    for (auto it = rooms.constBegin(); it != rooms.constEnd(); ++it) {
        const QJsonObject room = it.value().toObject();
        structure.m_rooms.insert(it.key(), {it.key(), string(room, QLatin1String("name"))});
    }
    const QJsonObject categories = root.value(QLatin1String("cats")).toObject();
    for (auto it = categories.constBegin(); it != categories.constEnd(); ++it) {
        const QJsonObject category = it.value().toObject();
        structure.m_categories.insert(it.key(),
                {it.key(), string(category, QLatin1String("name")),
                        string(category, QLatin1String("type"))});
    }

    const QJsonObject controls = root.value(QLatin1String("controls")).toObject();
    for (auto it = controls.constBegin(); it != controls.constEnd(); ++it) {
        if (!LoxoneUuid::isValid(it.key())) {
            structure.m_warnings.append(
                    tr("Skipped the control \"%1\": its id is not a Loxone uuid.").arg(it.key()));
            continue;
        }
        const QJsonObject json = it.value().toObject();
        LoxoneControl control;
        control.uuid = it.key();
        control.name = string(json, QLatin1String("name"));
        control.type = string(json, QLatin1String("type"));
        control.roomUuid = string(json, QLatin1String("room"));
        control.categoryUuid = string(json, QLatin1String("cat"));
        control.isSecured = json.value(QLatin1String("isSecured")).toBool();
        control.states = statesOf(json);
        control.details = json.value(QLatin1String("details")).toObject();

        const QJsonObject subControls = json.value(QLatin1String("subControls")).toObject();
        for (auto sub = subControls.constBegin(); sub != subControls.constEnd(); ++sub) {
            if (!LoxoneUuid::isValid(sub.key())) {
                structure.m_warnings.append(
                        tr("Skipped the subcontrol \"%1\" of \"%2\": its id is not a Loxone "
                           "uuid.")
                                .arg(sub.key(), control.name));
                continue;
            }
            const QJsonObject subJson = sub.value().toObject();
            LoxoneControl subControl;
            subControl.uuid = sub.key();
            subControl.name = string(subJson, QLatin1String("name"));
            subControl.type = string(subJson, QLatin1String("type"));
            subControl.roomUuid = control.roomUuid;
            subControl.categoryUuid = control.categoryUuid;
            subControl.parentUuid = control.uuid;
            subControl.isSecured = subJson.value(QLatin1String("isSecured")).toBool();
            subControl.states = statesOf(subJson);
            subControl.details = subJson.value(QLatin1String("details")).toObject();
            control.subControls.append(subControl);
            structure.m_parentOf.insert(subControl.uuid, control.uuid);
            ++structure.m_subControlCount;
        }
        structure.index(control);
        structure.m_controls.insert(control.uuid, control);
    }
    return structure;
}

void LoxoneStructure::index(const LoxoneControl &control)
{
    for (auto it = control.states.constBegin(); it != control.states.constEnd(); ++it)
        m_stateUsers[it.value().toLower()].append({control.uuid, it.key()});
    for (const LoxoneControl &subControl : control.subControls)
        index(subControl);
}

const LoxoneControl *LoxoneStructure::findControl(const QString &id) const
{
    const auto top = m_controls.constFind(id);
    if (top != m_controls.constEnd())
        return &top.value();
    const auto parent = m_controls.constFind(m_parentOf.value(id));
    if (parent == m_controls.constEnd())
        return nullptr;
    for (const LoxoneControl &subControl : parent->subControls) {
        if (subControl.uuid == id)
            return &subControl;
    }
    return nullptr;
}

QList<LoxoneStateRef> LoxoneStructure::stateUsers(const QString &stateUuid) const
{
    return m_stateUsers.value(stateUuid.toLower());
}
