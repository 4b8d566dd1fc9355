#pragma once

#include "DeviceBackend.h"
#include "HomeAssistantMapping.h"

#include <QMap>

class HomeAssistantClient;

// Home Assistant as a device backend: its cached entities as devices, its areas as rooms,
// control_device's actions as service calls (HomeAssistantMapping).
class HomeAssistantDevices : public DeviceBackend
{
    Q_OBJECT

public:
    // client: owned by the caller, outlives this object.
    explicit HomeAssistantDevices(HomeAssistantClient *client, QObject *parent = nullptr);

    // Without the entity's attributes: lock, alarm and cover (a garage or door, maybe).
    static bool couldBeSecurityDevice(const QString &entityId);

    HomeAssistantClient *client() const { return m_client; }
    void setRefusalSource(const std::function<QString()> &refusal) { m_refusal = refusal; }

    AccessRequest::Backend kind() const override { return AccessRequest::Backend::HomeAssistant; }
    QString id() const override { return QStringLiteral("ha"); }
    QString displayName() const override { return QStringLiteral("Home Assistant"); }
    QString refusal() const override { return m_refusal ? m_refusal() : QString(); }
    BackendReply *whenReady() override;
    QList<Device> devices() const override;
    std::optional<Device> device(const QString &deviceId) const override;
    QList<Room> rooms() const override;
    bool isSecurityDevice(const QString &deviceId) const override;
    BackendReply *control(
            const Device &device, const QString &action, const QJsonValue &value) override;
    BackendStatus status() const override;

    // ha_call_service: any allowed service; the caller checked domain and entity.
    BackendReply *callService(const QString &domain, const QString &service,
            const QJsonObject &data, const QString &entityId);

private:
    // The cache as devices, built once per (re)sync and kept current entity by entity, so
    // that a list of a thousand devices costs no thousand conversions per call.
    const QMap<QString, Device> &cachedDevices() const;

    HomeAssistantClient *m_client;
    std::function<QString()> m_refusal;
    mutable QMap<QString, Device> m_devices; // by id, so lists come out sorted
    mutable bool m_devicesComplete = false;
};
