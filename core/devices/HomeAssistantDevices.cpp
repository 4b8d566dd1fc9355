#include "HomeAssistantDevices.h"

#include "BackendReply.h"
#include "HomeAssistantClient.h"

#include <QHash>
#include <QMap>

HomeAssistantDevices::HomeAssistantDevices(HomeAssistantClient *client, QObject *parent)
    : DeviceBackend(parent)
    , m_client(client)
{
    connect(m_client, &HomeAssistantClient::statesReset, this, [this] {
        m_devices.clear();
        m_devicesComplete = false;
    });
    connect(m_client, &HomeAssistantClient::stateChanged, this, [this](const QString &entityId) {
        const QString deviceId = QStringLiteral("ha:") + entityId;
        const auto state = m_client->states().constFind(entityId);
        if (state == m_client->states().cend())
            m_devices.remove(deviceId);
        else if (m_devicesComplete)
            m_devices.insert(
                    deviceId, HomeAssistantMapping::toDevice(*state, m_client->registry()));
    });
}

const QMap<QString, Device> &HomeAssistantDevices::cachedDevices() const
{
    if (!m_devicesComplete) {
        m_devices.clear();
        const QHash<QString, QJsonObject> &states = m_client->states();
        for (const QJsonObject &state : states) {
            Device device = HomeAssistantMapping::toDevice(state, m_client->registry());
            m_devices.insert(device.id, std::move(device));
        }
        m_devicesComplete = true;
    }
    return m_devices;
}

bool HomeAssistantDevices::couldBeSecurityDevice(const QString &entityId)
{
    const QString domain = entityId.section(QLatin1Char('.'), 0, 0);
    return HomeAssistantMapping::isSecurityDomain(domain) || domain == QLatin1String("cover");
}

BackendReply *HomeAssistantDevices::whenReady()
{
    return m_client->waitUntilReady();
}

QList<Device> HomeAssistantDevices::devices() const
{
    return cachedDevices().values();
}

std::optional<Device> HomeAssistantDevices::device(const QString &deviceId) const
{
    const QMap<QString, Device> &devices = cachedDevices();
    const auto it = devices.constFind(deviceId);
    if (it == devices.cend())
        return std::nullopt;
    return *it;
}

QList<Room> HomeAssistantDevices::rooms() const
{
    QHash<QString, int> counts;
    for (auto it = m_client->states().cbegin(); it != m_client->states().cend(); ++it)
        ++counts[m_client->registry().areaOf(it.key())];
    QList<Room> list;
    const QHash<QString, QString> &areas = m_client->registry().areaNames();
    for (auto it = areas.cbegin(); it != areas.cend(); ++it)
        list.append({QStringLiteral("ha:") + it.key(), it.value(), id(), counts.value(it.key())});
    return list;
}

bool HomeAssistantDevices::isSecurityDevice(const QString &deviceId) const
{
    if (const std::optional<Device> known = device(deviceId))
        return known->security;
    return couldBeSecurityDevice(localId(deviceId));
}

BackendReply *HomeAssistantDevices::control(
        const Device &device, const QString &action, const QJsonValue &value)
{
    QString error;
    const std::optional<HomeAssistantMapping::ServiceCall> call =
            HomeAssistantMapping::serviceFor(device, action, value, &error);
    if (!call)
        return BackendReply::failure(error, this);
    return m_client->callService(call->domain, call->service, call->data, {localId(device.id)});
}

BackendReply *HomeAssistantDevices::callService(const QString &domain, const QString &service,
        const QJsonObject &data, const QString &entityId)
{
    return m_client->callService(
            domain, service, data, entityId.isEmpty() ? QStringList() : QStringList{entityId});
}

BackendStatus HomeAssistantDevices::status() const
{
    const HomeAssistantClient::Status client = m_client->status();
    BackendStatus status;
    status.id = id();
    status.name = displayName();
    status.connected = client.connected;
    status.url = m_client->baseUrl().toDisplayString();
    status.version = client.version;
    status.deviceCount = client.entityCount;
    status.connectedSince = client.connectedSince;
    status.lastError = client.lastError;
    const QString stop = refusal();
    status.detail = !stop.isEmpty() ? stop
            : client.connected
            ? tr("Home Assistant %1, %n entities, connected since %2.", nullptr, client.entityCount)
                      .arg(client.version, client.connectedSince.toString(Qt::ISODate))
            : client.lastError.isEmpty() ? tr("Connecting to %1.").arg(status.url)
                                         : client.lastError;
    return status;
}
