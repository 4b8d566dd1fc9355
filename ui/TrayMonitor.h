#pragma once

#include "TrayState.h"

#include <QObject>
#include <QPointer>

#include <functional>

class BackendHub;
class KillSwitch;

// Keeps the tray's TrayState current: it re-reads the kill switch whenever any process changes
// it (KillSwitch::changed, within milliseconds), and the backends whenever one connects, drops
// or fails. Nothing polls.
class TrayMonitor : public QObject
{
    Q_OBJECT

public:
    using BackendsProvider = std::function<QList<BackendStatus>()>;

    // killSwitch must outlive the monitor; backends may be empty (no backends).
    TrayMonitor(KillSwitch *killSwitch, BackendsProvider backends, QObject *parent = nullptr);

    const TrayState &state() const { return m_state; }
    void setServer(const ServerState &server);
    // Refreshes whenever a backend of hub connects, disconnects or reports an error, also
    // after the hub replaced its backends.
    void watchBackends(const BackendHub *hub);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void stateChanged();
    // A stop that was not engaged at the previous refresh, from whichever process.
    void stopEngaged(const KillStop &stop);

private:
    void watchClients(const BackendHub *hub);

    QPointer<KillSwitch> m_killSwitch;
    BackendsProvider m_backends;
    ServerState m_server;
    TrayState m_state;
};
