#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The parts of a Miniserver's structure file (/data/LoxAPP3.json) that HomeWarden uses, as
// plain values. The mapping to the unified device model reads these; nothing here knows MCP.

struct LoxoneMsInfo
{
    QString serialNr;
    QString msName;
    QString projectName;
    QString swVersion;
};

struct LoxoneRoom
{
    QString uuid;
    QString name;
};

struct LoxoneCategory
{
    QString uuid;
    QString name;
    QString type; // "lights", "shading", "undefined", ...
};

struct LoxoneControl
{
    // The key in "controls" / "subControls", which is also its uuidAction: the id that
    // /jdev/sps/io/<id>/<command> takes. A subcontrol's is either a uuid of its own or
    // "<parent uuid>/<suffix>" (.../AI1, .../sensors): the fixtures have both.
    QString uuid;
    QString name;
    QString type; // "Jalousie", "Switch", "IRoomControllerV2", ...
    // A subcontrol names no room or category of its own; it takes its parent's.
    QString roomUuid;
    QString categoryUuid;
    QString parentUuid; // set on subcontrols only
    bool isSecured = false; // commands need the visualisation password
    // State name → state uuid. A state that is a list of uuids (an IRoomController's
    // "temperatures") appears once per entry as "name[0]", "name[1]", ...
    QMap<QString, QString> states;
    QJsonObject details;
    QList<LoxoneControl> subControls;
};

// Where a state uuid is used: one uuid may serve several controls (an Alarm's "sensors" and
// its Tracker subcontrol's "entries" share one).
struct LoxoneStateRef
{
    QString controlUuid;
    QString stateName;
};

class LoxoneStructure
{
    Q_DECLARE_TR_FUNCTIONS(LoxoneStructure)

public:
    // nullopt and *error (one sentence) when json is not a structure file at all. Controls
    // whose id is not a Loxone uuid are left out and named in warnings(): their ids would
    // end up in request paths.
    static std::optional<LoxoneStructure> parse(const QByteArray &json, QString *error = nullptr);

    QString lastModified() const { return m_lastModified; } // "2017-11-22 18:41:01"
    const LoxoneMsInfo &msInfo() const { return m_msInfo; }
    const QMap<QString, LoxoneRoom> &rooms() const { return m_rooms; } // by uuid
    const QMap<QString, LoxoneCategory> &categories() const { return m_categories; } // by uuid
    // The top-level controls by uuid; subcontrols sit inside their parent.
    const QMap<QString, LoxoneControl> &controls() const { return m_controls; }
    int controlCount() const { return int(m_controls.size()); }
    int subControlCount() const { return m_subControlCount; }

    // A control or subcontrol by its id, or nullptr. The pointer lives as long as this object.
    const LoxoneControl *findControl(const QString &id) const;
    // The controls that use a state uuid (compared without regard to case).
    QList<LoxoneStateRef> stateUsers(const QString &stateUuid) const;
    // Every state uuid of every control, lower case, each once.
    QStringList stateUuids() const { return m_stateUsers.keys(); }

    QStringList warnings() const { return m_warnings; }

private:
    void index(const LoxoneControl &control);

    QString m_lastModified;
    LoxoneMsInfo m_msInfo;
    QMap<QString, LoxoneRoom> m_rooms;
    QMap<QString, LoxoneCategory> m_categories;
    QMap<QString, LoxoneControl> m_controls;
    QMap<QString, QString> m_parentOf; // subcontrol id → parent uuid
    QMap<QString, QList<LoxoneStateRef>> m_stateUsers; // lower-case state uuid → users
    int m_subControlCount = 0;
    QStringList m_warnings;
};
