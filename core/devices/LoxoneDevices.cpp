#include "LoxoneDevices.h"

#include "BackendReply.h"
#include "LoxoneClient.h"
#include "LoxoneCommandGrammar.h"
#include "LoxoneMapping.h"

#include <QHash>
#include <QTimer>

LoxoneDevices::LoxoneDevices(LoxoneClient *client, QObject *parent)
    : DeviceBackend(parent)
    , m_client(client)
{
    connect(m_client, &LoxoneClient::structureLoaded, this, [this] {
        m_devices.clear();
        m_devicesComplete = false;
    });
    connect(m_client, &LoxoneClient::stateChanged, this, &LoxoneDevices::refresh);
}

const QMap<QString, Device> &LoxoneDevices::cachedDevices() const
{
    if (!m_devicesComplete) {
        m_devices.clear();
        const LoxoneStructure &structure = m_client->structure();
        for (const LoxoneControl &control : structure.controls()) {
            m_devices.insert(LoxoneMapping::deviceId(control.uuid),
                    LoxoneMapping::toDevice(control, structure, m_client->states()));
            for (const LoxoneControl &subControl : control.subControls)
                m_devices.insert(LoxoneMapping::deviceId(subControl.uuid),
                        LoxoneMapping::toDevice(subControl, structure, m_client->states()));
        }
        m_devicesComplete = true;
    }
    return m_devices;
}

void LoxoneDevices::refresh(const QString &stateUuid)
{
    if (!m_devicesComplete)
        return; // the next cachedDevices() builds everything afresh
    const LoxoneStructure &structure = m_client->structure();
    const QList<LoxoneStateRef> users = structure.stateUsers(stateUuid);
    for (const LoxoneStateRef &user : users) {
        if (const LoxoneControl *control = structure.findControl(user.controlUuid))
            m_devices.insert(LoxoneMapping::deviceId(control->uuid),
                    LoxoneMapping::toDevice(*control, structure, m_client->states()));
    }
}

BackendReply *LoxoneDevices::whenReady()
{
    const QString stop = refusal();
    if (!stop.isEmpty())
        return BackendReply::failure(stop, this);
    const bool connected = m_client->isConnected() && m_client->hasStructure();
    // A client that failed keeps retrying on its own; callers hear why now, not after a wait.
    if (!connected && !m_client->lastError().isEmpty())
        return BackendReply::failure(
                tr("Loxone is not connected: %1").arg(m_client->lastError()), this);
    auto *ready = new BackendReply(this);
    if (connected) {
        QTimer::singleShot(0, ready, [ready] { ready->succeed({}); });
        return ready;
    }
    const auto timeout = m_client->requestTimeout();
    ready->setTimeout(int(timeout.count()),
            tr("The Loxone Miniserver at %1 did not connect within %2 s; check that it is "
               "running and reachable.")
                    .arg(m_client->server())
                    .arg(double(timeout.count()) / 1000.0));
    connect(m_client, &LoxoneClient::connectedChanged, ready, [ready](bool connected) {
        if (connected)
            ready->succeed({});
    });
    connect(m_client, &LoxoneClient::errorOccurred, ready, [ready](const QString &sentence) {
        ready->fail(tr("Loxone is not connected: %1").arg(sentence));
    });
    return ready;
}

QList<Device> LoxoneDevices::devices() const
{
    return cachedDevices().values();
}

std::optional<Device> LoxoneDevices::device(const QString &deviceId) const
{
    const QMap<QString, Device> &devices = cachedDevices();
    const auto it = devices.constFind(deviceId);
    if (it == devices.cend())
        return std::nullopt;
    return *it;
}

QList<Room> LoxoneDevices::rooms() const
{
    QHash<QString, int> counts;
    const QMap<QString, Device> &devices = cachedDevices();
    for (const Device &device : devices)
        ++counts[device.room];
    QList<Room> list;
    const QMap<QString, LoxoneRoom> &rooms = m_client->structure().rooms();
    for (const LoxoneRoom &room : rooms)
        list.append({LoxoneMapping::deviceId(room.uuid), room.name, id(), counts.value(room.name)});
    return list;
}

bool LoxoneDevices::isSecurityDevice(const QString &deviceId) const
{
    if (const std::optional<Device> known = device(deviceId))
        return known->security;
    return true;
}

BackendReply *LoxoneDevices::control(
        const Device &device, const QString &action, const QJsonValue &value)
{
    QString error;
    const std::optional<QString> command = LoxoneMapping::commandFor(device, action, value, &error);
    if (!command)
        return BackendReply::failure(error, this);
    return m_client->sendCommand(localId(device.id), *command);
}

BackendReply *LoxoneDevices::sendCommand(const QString &deviceOrUuid, const QString &command)
{
    const QString controlId =
            deviceOrUuid.startsWith(id() + QLatin1Char(':')) ? localId(deviceOrUuid) : deviceOrUuid;
    const LoxoneControl *control = m_client->structure().findControl(controlId);
    if (!control)
        return BackendReply::failure(tr("The Loxone Miniserver has no control %1; list_devices "
                                        "shows the devices there are.")
                                             .arg(controlId),
                this);
    QString error;
    const std::optional<QString> checked =
            LoxoneCommandGrammar::check(control->type, command, &error);
    if (!checked)
        return BackendReply::failure(error, this);
    return m_client->sendCommand(controlId, *checked);
}

BackendStatus LoxoneDevices::status() const
{
    const LoxoneStructure &structure = m_client->structure();
    BackendStatus status;
    status.id = id();
    status.name = displayName();
    status.connected = m_client->isConnected();
    status.url = m_client->server();
    status.version = structure.msInfo().swVersion;
    status.deviceCount = structure.controlCount() + structure.subControlCount();
    status.connectedSince = m_client->connectedSince();
    status.lastError = m_client->lastError();
    const QString stop = refusal();
    status.detail = !stop.isEmpty() ? stop
            : status.connected
            ? tr("Loxone Miniserver \"%1\", %n controls, connected since %2.", nullptr,
                    status.deviceCount)
                      .arg(structure.msInfo().msName, status.connectedSince.toString(Qt::ISODate))
            : status.lastError.isEmpty() ? tr("Connecting to %1.").arg(status.url)
                                         : status.lastError;
    return status;
}
