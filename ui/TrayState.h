#pragma once

#include "KillSwitch.h"
#include "SystemStatusTool.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// Whether this process serves MCP over HTTP, and if not, why.
struct ServerState
{
    bool serving = false;
    QString url; // while serving
    QString problem; // one sentence while not serving
};

// What the tray shows at one moment, computed from the kill switch, the backends and the
// server alone, so that every rule of the icon and its words is testable without a display.
class TrayState
{
    Q_DECLARE_TR_FUNCTIONS(TrayState)

public:
    // In order of precedence: a stop outranks a stopped server, which outranks a backend
    // that is not connected.
    enum class Look { Serving, Degraded, ServerStopped, EmergencyStop };

    struct BackendLine
    {
        QString id; // "ha", "loxone"
        QString text; // "Home Assistant: connected"
        QString detail; // the backend's own sentence
        bool connected = false;
    };

    static TrayState compute(const QList<KillStop> &stops, const QList<BackendStatus> &backends,
            const ServerState &server);

    // "Home Assistant", "Loxone", "Everything", in the person's language.
    static QString scopeName(KillScope scope);
    // "Everything: stopped by the command line on 3/4/25 14:02 — lights flicker".
    static QString describeStop(const KillStop &stop);
    // "Everything: stopped by the command line": short enough for a menu line.
    static QString stopLine(const KillStop &stop);

    Look look() const { return m_look; }
    // The resource of the icon for look().
    QString iconPath() const;
    // One sentence for the state as a whole.
    QString headline() const { return m_headline; }
    // The headline, then the server, each stop and each backend, one per line.
    QString toolTip() const;
    QString serverLine() const { return m_serverLine; }
    const QList<BackendLine> &backendLines() const { return m_backendLines; }
    const QList<KillStop> &stops() const { return m_stops; }
    // True when scope is stopped by its own stop or by "all" (or the state is unreadable).
    bool isStopped(KillScope scope) const;

private:
    Look m_look = Look::ServerStopped;
    QString m_headline;
    QString m_serverLine;
    QList<BackendLine> m_backendLines;
    QList<KillStop> m_stops;
};
