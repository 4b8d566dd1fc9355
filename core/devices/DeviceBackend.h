#pragma once

#include "AccessRequest.h"
#include "Device.h"
#include "SystemStatusTool.h"

#include <QJsonValue>
#include <QList>
#include <QObject>

#include <optional>

class BackendReply;

// One backend (Home Assistant, Loxone) seen through the unified device model. The tools talk
// to this interface only; each backend maps its own world onto it.
class DeviceBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual AccessRequest::Backend kind() const = 0;
    virtual QString id() const = 0; // "ha", "loxone": the prefix of its device ids
    virtual QString displayName() const = 0; // "Home Assistant"

    // Why no request may reach the backend now (a kill switch), else an empty string.
    virtual QString refusal() const = 0;
    // Finishes once devices() is current, or fails with why it cannot be.
    virtual BackendReply *whenReady() = 0;

    virtual QList<Device> devices() const = 0;
    virtual std::optional<Device> device(const QString &deviceId) const = 0;
    virtual QList<Room> rooms() const = 0;
    // Answers from what the backend knows; a device it does not know yet counts as a
    // security device when its kind could be one (fail closed).
    virtual bool isSecurityDevice(const QString &deviceId) const = 0;

    // Checks action and value against the device, then asks the backend to do it. A refusal
    // (unknown action, value out of range) fails the reply with one sentence.
    virtual BackendReply *control(
            const Device &device, const QString &action, const QJsonValue &value) = 0;

    virtual BackendStatus status() const = 0;

    // The id without its backend prefix ("light.kitchen" for "ha:light.kitchen").
    QString localId(const QString &deviceId) const { return deviceId.mid(id().size() + 1); }
};
