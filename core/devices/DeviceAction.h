#pragma once

#include "Device.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

// control_device's actions, checked alike for every backend before the backend maps them:
// the device must list the action, and the value must have the shape the action takes. The
// backends' mappings then check what only they know (ranges, modes, scenes).
class DeviceAction
{
    Q_DECLARE_TR_FUNCTIONS(DeviceAction)

public:
    // brightness, position, volume and set_temperature take a number.
    static bool takesNumber(const QString &action);
    static bool hasValue(const QJsonValue &value)
    {
        return !value.isUndefined() && !value.isNull();
    }

    // Whether device can do action with value; false and *error (one sentence: why, and what
    // would work) when not.
    static bool check(
            const Device &device, const QString &action, const QJsonValue &value, QString *error);

    // The sentence for a number outside low..high (unit as it follows a number: " %", " °C").
    static QString outOfRange(
            const QString &action, double low, double high, const QString &unit, double number);
};
