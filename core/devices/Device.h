#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// One thing in the house as every tool sees it, whichever backend it lives in.
struct Device
{
    QString id; // "ha:light.kitchen", "loxone:0f86...-..."
    QString backend; // "ha" or "loxone"
    QString name;
    QString room; // the room's name; empty when the backend assigns none
    QString type; // light, switch, cover, climate, lock, alarm, sensor, ...
    QString state; // the backend's raw state ("on", "21.5", "armed_away")
    QString summary; // a few words for people: "on, 80 % brightness"
    QStringList actions; // what control_device accepts for it
    bool security = false; // a lock, alarm, door or garage opener
    QJsonObject attributes; // the backend's details, for get_device_state
    QDateTime lastChanged;

    // The list_devices entry; with details, the get_device_state answer.
    QJsonObject toJson(bool withDetails = false) const;
    // "ha:light.kitchen — Kitchen Light (Kitchen): on, 80 % brightness"
    QString describe() const;
    // The JSON Schema of toJson(withDetails).
    static QJsonObject schema(bool withDetails = false);
    // A share as summaries write it: "45 %".
    static QString percentText(double value);
};

struct Room
{
    QString id;
    QString name;
    QString backend;
    int deviceCount = 0;
};
