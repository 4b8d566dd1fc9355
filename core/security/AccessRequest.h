#pragma once

#include <QString>
#include <QStringList>

// What a call wants to do, in the terms permissions are written in ("ha:control", ...).
struct AccessRequest
{
    enum class Kind {
        Status, // about HomeWarden itself (get_system_status): any valid key
        Read, // read a backend
        Control, // change something in the house
        Admin, // manage keys, release a stop: admin only
    };
    enum class Backend { None, HomeAssistant, Loxone };

    Kind kind = Kind::Read;
    Backend backend = Backend::None;
    QString target; // a device id, empty when the call names none
    bool securityDevice = false; // a lock, alarm, door or garage opener

    // The backend a device id belongs to ("ha:..." / "loxone:...").
    static Backend backendOf(const QString &deviceId);
    // "ha", "loxone" or "" — the prefix of a permission string.
    static QString backendName(Backend backend);
};

// What one caller may see of the house: the backends its key may read, narrowed by the key's
// device list. Tools that answer with many devices (list_devices, list_rooms) filter by it,
// since the gate cannot check a call that names no device.
struct DeviceScope
{
    bool homeAssistant = true;
    bool loxone = true;
    QStringList devices; // empty: every device of a readable backend

    static DeviceScope everything() { return {}; }
    bool allowsBackend(AccessRequest::Backend backend) const;
    bool allows(const QString &deviceId) const;
};
