#include "DeviceAction.h"

bool DeviceAction::takesNumber(const QString &action)
{
    return action == QLatin1String("brightness") || action == QLatin1String("position")
            || action == QLatin1String("volume") || action == QLatin1String("set_temperature");
}

bool DeviceAction::check(
        const Device &device, const QString &action, const QJsonValue &value, QString *error)
{
    auto refuse = [error](const QString &sentence) {
        *error = sentence;
        return false;
    };
    if (!device.actions.contains(action)) {
        if (device.actions.isEmpty())
            return refuse(tr("%1 (%2) is a %3 and cannot be controlled; it can only be read.")
                                  .arg(device.id, device.name, device.type));
        return refuse(tr("%1 (%2) cannot do '%3'; it can do: %4.")
                              .arg(device.id, device.name, action,
                                      device.actions.join(QStringLiteral(", "))));
    }
    if (takesNumber(action)) {
        if (!value.isDouble())
            return refuse(tr("'%1' needs a number as value.").arg(action));
    } else if (action == QLatin1String("set_mode")) {
        if (!value.isString())
            return refuse(tr("'set_mode' needs the mode as a text value."));
    } else if (action == QLatin1String("arm")) {
        if (hasValue(value) && !value.isString())
            return refuse(tr("'arm' takes an optional mode as text, such as away."));
    } else if (action == QLatin1String("activate")) {
        // What to activate: a scene's name or number, where the device has several.
        if (hasValue(value) && !value.isString() && !value.isDouble())
            return refuse(tr("'activate' takes an optional scene as text or number."));
    } else if (hasValue(value)) {
        return refuse(tr("'%1' takes no value.").arg(action));
    }
    return true;
}

QString DeviceAction::outOfRange(
        const QString &action, double low, double high, const QString &unit, double number)
{
    return tr("The value for '%1' must be between %2 and %3%4; %5 is not.")
            .arg(action)
            .arg(low)
            .arg(high)
            .arg(unit)
            .arg(number);
}
