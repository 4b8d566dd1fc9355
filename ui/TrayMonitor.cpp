#include "TrayMonitor.h"

#include "BackendHub.h"
#include "HomeAssistantClient.h"
#include "LoxoneClient.h"

#include <algorithm>

namespace {

bool sameStop(const KillStop &a, const KillStop &b)
{
    return a.scope == b.scope && a.since == b.since && a.unreadable == b.unreadable;
}

} // namespace

TrayMonitor::TrayMonitor(KillSwitch *killSwitch, BackendsProvider backends, QObject *parent)
    : QObject(parent)
    , m_killSwitch(killSwitch)
    , m_backends(std::move(backends))
{
    connect(killSwitch, &KillSwitch::changed, this, &TrayMonitor::refresh);
    refresh();
}

void TrayMonitor::setServer(const ServerState &server)
{
    m_server = server;
    refresh();
}

void TrayMonitor::watchBackends(const BackendHub *hub)
{
    connect(hub, &BackendHub::backendsReplaced, this, [this, hub] {
        watchClients(hub);
        refresh();
    });
    watchClients(hub);
}

void TrayMonitor::watchClients(const BackendHub *hub)
{
    if (HomeAssistantClient *client = hub->homeAssistant()) {
        connect(client, &HomeAssistantClient::readyChanged, this, &TrayMonitor::refresh);
        connect(client, &HomeAssistantClient::errorOccurred, this, &TrayMonitor::refresh);
    }
    if (LoxoneClient *client = hub->loxone()) {
        connect(client, &LoxoneClient::connectedChanged, this, &TrayMonitor::refresh);
        connect(client, &LoxoneClient::errorOccurred, this, &TrayMonitor::refresh);
    }
}

void TrayMonitor::refresh()
{
    const QList<KillStop> stops = m_killSwitch ? m_killSwitch->engagedStops() : QList<KillStop>();
    const QList<BackendStatus> backends = m_backends ? m_backends() : QList<BackendStatus>();
    const TrayState previous = m_state;
    m_state = TrayState::compute(stops, backends, m_server);
    for (const KillStop &stop : stops) {
        const bool known = std::any_of(previous.stops().cbegin(), previous.stops().cend(),
                [&stop](const KillStop &old) { return sameStop(old, stop); });
        if (!known)
            Q_EMIT stopEngaged(stop);
    }
    Q_EMIT stateChanged();
}
