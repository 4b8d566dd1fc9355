#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// The house behind the fake Miniserver: the controls of a structure file and the values of
// their states, which commands change roughly as a Miniserver would. Every state starts at 0
// (or "" for the text states), as after a restart.
//
// Effects (anything else is accepted and changes nothing):
//   Switch, Pushbutton      on / off / pulse (toggles)          → active 1 / 0
//   Dimmer, EIBDimmer       on / off / <0..100>                  → position
//   Jalousie                FullUp / FullDown / manualPosition/<0..100> / stop / up / down
//                           → position 0..1, where 1 is fully down (manualPosition counts the
//                           same way: 100 = down); up/down set the up/down states, stop clears them
//   IRoomControllerV2       setComfortTemperature/<t>, setComfortTemperatureCool/<t>,
//                           setOperatingMode/<n>, setManualTemperature/<t> (→ tempTarget)
//   IRoomController         mode/<n>, settemp/<index>/<t> (→ temperatures[index])
//   LightController(V2)     on / off / changeTo/<n> / <n>         → activeScene (9: all on), active
//   Alarm                   on / delayedon / off / quit           → armed 1 / 1 / 0, level 0
//   SmokeAlarm              quit / mute                           → level 0 / acousticAlarm 0
//   AudioZone               play / pause / stop / volume/<n>      → playing, volume
//   Colorpicker             hsv(h,s,v) / temp(b,k)                → color (text)
class FakeLoxoneHouse
{
public:
    bool load(const QByteArray &structureJson, QString *error = nullptr);
    QByteArray structureJson() const { return m_structureJson; }
    QString lastModified() const { return m_lastModified; }

    bool hasControl(const QString &id) const { return m_controls.contains(id); }
    int controlCount() const { return int(m_controls.size()); } // subcontrols included

    // nullopt for a control that does not exist; otherwise the state uuids it changed.
    std::optional<QStringList> apply(const QString &controlId, const QString &command);

    // State uuids are compared lower case.
    bool isTextState(const QString &stateUuid) const;
    void setValue(const QString &stateUuid, double value);
    void setText(const QString &stateUuid, const QString &text);
    std::optional<double> value(const QString &stateUuid) const;
    std::optional<QString> text(const QString &stateUuid) const;
    // The state uuid of a control's state, or an empty string.
    QString stateUuid(const QString &controlId, const QString &stateName) const;

    QList<QPair<QString, double>> values(const QStringList &stateUuids) const;
    QList<QPair<QString, QString>> texts(const QStringList &stateUuids) const;
    QStringList allStates() const;

private:
    struct Control
    {
        QString type;
        QHash<QString, QString> states; // name → lower-case uuid
    };

    // Sets name's state of control to value; appends its uuid to changed if it changed.
    void set(const Control &control, const QString &name, double value, QStringList *changed);
    void setText(
            const Control &control, const QString &name, const QString &text, QStringList *changed);
    double get(const Control &control, const QString &name) const;

    QByteArray m_structureJson;
    QString m_lastModified;
    QHash<QString, Control> m_controls; // controls and subcontrols by id
    QSet<QString> m_textStates; // lower-case uuids of the states that carry text
    QHash<QString, double> m_values;
    QHash<QString, QString> m_texts;
};
