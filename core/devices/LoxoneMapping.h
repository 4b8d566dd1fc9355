#pragma once

#include "Device.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

class LoxoneStateCache;
class LoxoneStructure;
struct LoxoneControl;

// How a Miniserver's controls become devices and how control_device's actions become Loxone
// commands. Pure functions of their inputs, so that every rule is tested on its own.
//
// Device ids are "loxone:" + the id the structure file keys the control by: a uuid, or for a
// subcontrol either a uuid of its own or "<parent uuid>/<suffix>". A device's attributes
// carry the Loxone control type, its states' live values and its details; commandFor()
// reads them from there.
class LoxoneMapping
{
    Q_DECLARE_TR_FUNCTIONS(LoxoneMapping)

public:
    static QString deviceId(const QString &controlId);

    // The unified type of a Loxone control type: Jalousie → cover, Dimmer → light, ...;
    // "other" for a type HomeWarden does not know.
    static QString typeOf(const QString &controlType);
    // Alarms, intercoms, gates, anything with a visualisation password, and whatever sits
    // inside one of them (an intercom's door opener).
    static bool isSecurityControl(const LoxoneControl &control, const LoxoneStructure &structure);

    // control (top level or a subcontrol of structure) as a device, with its live states.
    static Device toDevice(const LoxoneControl &control, const LoxoneStructure &structure,
            const LoxoneStateCache &states);

    // A Jalousie's position state counts from 0 (fully up, open) to 1 (fully down, closed);
    // the tools count percent open. manualPosition takes percent down.
    static double percentOpen(double position);
    static double manualPositionFor(double percentOpen);

    // The command that does action (with value) on device; std::nullopt and *error (one
    // sentence: why, and what would work) when the device cannot do it or the value is wrong.
    // Every command it makes passes LoxoneCommandGrammar as well.
    static std::optional<QString> commandFor(
            const Device &device, const QString &action, const QJsonValue &value, QString *error);

private:
    static QJsonObject liveStates(const LoxoneControl &control, const LoxoneStateCache &states);
    static QStringList actionsOf(const QString &controlType);
    // Fills device's state and summary from the live states.
    static void describe(const QString &controlType, const QJsonObject &states,
            const QJsonObject &details, Device *device);
    static std::optional<QString> sceneCommand(
            const Device &device, const QJsonValue &value, QString *error);
    static QString colorCommand(const QString &current, double level);
};
