#pragma once

#include "DeviceBackend.h"

#include <QMap>

#include <functional>

class LoxoneClient;

// The Loxone Miniserver as a device backend: its controls and subcontrols as devices, its
// structure file's rooms as rooms, control_device's actions as commands (LoxoneMapping), and
// loxone_send_command's raw commands checked against the control type's grammar.
class LoxoneDevices : public DeviceBackend
{
    Q_OBJECT

public:
    // client: owned by the caller, outlives this object.
    explicit LoxoneDevices(LoxoneClient *client, QObject *parent = nullptr);

    LoxoneClient *client() const { return m_client; }
    void setRefusalSource(const std::function<QString()> &refusal) { m_refusal = refusal; }

    AccessRequest::Backend kind() const override { return AccessRequest::Backend::Loxone; }
    QString id() const override { return QStringLiteral("loxone"); }
    QString displayName() const override { return QStringLiteral("Loxone"); }
    QString refusal() const override { return m_refusal ? m_refusal() : QString(); }
    BackendReply *whenReady() override;
    QList<Device> devices() const override;
    std::optional<Device> device(const QString &deviceId) const override;
    QList<Room> rooms() const override;
    // A control the structure file does not name (yet) counts as one: fail closed.
    bool isSecurityDevice(const QString &deviceId) const override;
    BackendReply *control(
            const Device &device, const QString &action, const QJsonValue &value) override;
    BackendStatus status() const override;

    // loxone_send_command: command, checked against the grammar of the control's type, to
    // the control named by a device id (loxone:<uuid>) or its plain uuid.
    BackendReply *sendCommand(const QString &deviceOrUuid, const QString &command);

private:
    // The structure's controls as devices, built once per structure file and kept current
    // control by control as their states change.
    const QMap<QString, Device> &cachedDevices() const;
    void refresh(const QString &stateUuid);

    LoxoneClient *m_client;
    std::function<QString()> m_refusal;
    mutable QMap<QString, Device> m_devices; // by id, so lists come out sorted
    mutable bool m_devicesComplete = false;
};
