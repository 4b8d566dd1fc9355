#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// The commands loxone_send_command lets through to a control, per Loxone control type: a
// fixed set of words ("FullUp") and forms with numeric arguments and their ranges
// ("manualPosition/<0–100>"). Anything else is refused, and so is every command to a type
// HomeWarden does not know: a command that is not understood is not sent. Pure; no I/O.
//
// Sources: the commands the openHAB Loxone binding and PyLoxone send per type (Switch,
// Pushbutton, Dimmer, Jalousie, LightController(V2), IRoomController(V2), Alarm, AudioZone,
// Gate) and Loxone's structure file documentation; ranges where Loxone names none are
// HomeWarden's own bounds (temperatures 5–40 °C).
class LoxoneCommandGrammar
{
    Q_DECLARE_TR_FUNCTIONS(LoxoneCommandGrammar)

public:
    struct Argument
    {
        double minimum = 0;
        double maximum = 0;
        bool integer = false;
    };
    // A command shape: text with %1, %2, ... where numbers go ("manualPosition/%1").
    struct Form
    {
        QString pattern;
        QList<Argument> arguments;
    };

    // The forms a control type takes; empty for read-only and unknown types.
    static QList<Form> formsOf(const QString &controlType);
    // Whether HomeWarden knows the type at all (read-only types included).
    static bool knowsType(const QString &controlType);

    // command as the Miniserver gets it (words in Loxone's spelling, numbers plain), or
    // std::nullopt and *error: one sentence saying what the type accepts instead.
    static std::optional<QString> check(
            const QString &controlType, const QString &command, QString *error);

    // What the type accepts, for people: "on, off, pulse" or "manualPosition/<0–100>".
    static QString describe(const QString &controlType);
    static QString describe(const Form &form);
};
