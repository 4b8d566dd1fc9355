#include "TrayState.h"

#include <QLocale>

namespace {

// The engaging party as a person reads it; an admin's key id stays as it is.
QString who(const QString &by)
{
    if (by == QLatin1String("tray"))
        return TrayState::tr("the tray");
    if (by == QLatin1String("cli"))
        return TrayState::tr("the command line");
    if (by.isEmpty())
        return TrayState::tr("an unknown person");
    return by;
}

QString headlineOf(TrayState::Look look, const TrayState &state, const ServerState &server,
        const QList<BackendStatus> &backends)
{
    switch (look) {
    case TrayState::Look::EmergencyStop: {
        QStringList names;
        for (const KillStop &stop : state.stops()) {
            if (stop.unreadable) {
                return TrayState::tr("Emergency stop: AI access to the house is stopped, since "
                                     "the kill-switch state cannot be read.");
            }
            if (stop.scope == KillScope::All)
                return TrayState::tr("Emergency stop: AI access to the house is stopped.");
            names.append(TrayState::scopeName(stop.scope));
        }
        return TrayState::tr("Emergency stop: AI access to %1 is stopped.")
                .arg(QLocale().createSeparatedList(names));
    }
    case TrayState::Look::ServerStopped:
        return server.problem.isEmpty()
                ? TrayState::tr("The server is not running.")
                : TrayState::tr("The server is not running: %1").arg(server.problem);
    case TrayState::Look::Degraded: {
        if (backends.isEmpty())
            return TrayState::tr("Serving, but no backend is set up yet.");
        QStringList names;
        for (const BackendStatus &backend : backends) {
            if (!backend.connected)
                names.append(backend.name);
        }
        return TrayState::tr("Serving, but not connected to %1.")
                .arg(QLocale().createSeparatedList(names));
    }
    case TrayState::Look::Serving:
        break;
    }
    return TrayState::tr("Serving; every backend is connected.");
}

} // namespace

TrayState TrayState::compute(const QList<KillStop> &stops, const QList<BackendStatus> &backends,
        const ServerState &server)
{
    TrayState state;
    state.m_stops = stops;

    bool allConnected = !backends.isEmpty();
    for (const BackendStatus &backend : backends) {
        BackendLine line;
        line.id = backend.id;
        line.detail = backend.detail;
        line.connected = backend.connected;
        const std::optional<KillScope> scope = KillScopes::forBackend(backend.id);
        if (state.isStopped(scope.value_or(KillScope::All)))
            line.text = tr("%1: stopped").arg(backend.name);
        else if (backend.connected)
            line.text = tr("%1: connected").arg(backend.name);
        else
            line.text = tr("%1: not connected").arg(backend.name);
        state.m_backendLines.append(line);
        allConnected = allConnected && backend.connected;
    }

    if (!stops.isEmpty())
        state.m_look = Look::EmergencyStop;
    else if (!server.serving)
        state.m_look = Look::ServerStopped;
    else if (!allConnected)
        state.m_look = Look::Degraded;
    else
        state.m_look = Look::Serving;

    if (server.serving)
        state.m_serverLine = tr("Serving MCP at %1").arg(server.url);
    else if (server.problem.isEmpty())
        state.m_serverLine = tr("Server stopped");
    else
        state.m_serverLine = tr("Server stopped: %1").arg(server.problem);
    state.m_headline = headlineOf(state.m_look, state, server, backends);
    return state;
}

QString TrayState::scopeName(KillScope scope)
{
    switch (scope) {
    case KillScope::HomeAssistant:
        return tr("Home Assistant");
    case KillScope::Loxone:
        return tr("Loxone");
    case KillScope::All:
        break;
    }
    return tr("Everything");
}

QString TrayState::describeStop(const KillStop &stop)
{
    if (stop.unreadable) {
        return tr("Everything: stopped, since the kill-switch state cannot be read (%1)")
                .arg(stop.reason);
    }
    const QString when = stop.since.isValid()
            ? QLocale().toString(stop.since.toLocalTime(), QLocale::ShortFormat)
            : tr("an unknown time");
    if (stop.reason.isEmpty())
        return tr("%1: stopped by %2 on %3").arg(scopeName(stop.scope), who(stop.by), when);
    return tr("%1: stopped by %2 on %3 — %4")
            .arg(scopeName(stop.scope), who(stop.by), when, stop.reason);
}

QString TrayState::stopLine(const KillStop &stop)
{
    if (stop.unreadable)
        return tr("Everything: stopped, since the kill-switch state cannot be read");
    return tr("%1: stopped by %2").arg(scopeName(stop.scope), who(stop.by));
}

QString TrayState::iconPath() const
{
    switch (m_look) {
    case Look::Serving:
        return QStringLiteral(":/icons/tray-serving.svg");
    case Look::Degraded:
        return QStringLiteral(":/icons/tray-degraded.svg");
    case Look::ServerStopped:
        return QStringLiteral(":/icons/tray-offline.svg");
    case Look::EmergencyStop:
        break;
    }
    return QStringLiteral(":/icons/tray-stopped.svg");
}

QString TrayState::toolTip() const
{
    QStringList lines{QStringLiteral("HomeWarden"), m_headline, m_serverLine};
    for (const KillStop &stop : m_stops)
        lines.append(describeStop(stop));
    for (const BackendLine &line : m_backendLines)
        lines.append(line.text);
    return lines.join(QLatin1Char('\n'));
}

bool TrayState::isStopped(KillScope scope) const
{
    for (const KillStop &stop : m_stops) {
        if (stop.unreadable || stop.scope == KillScope::All || stop.scope == scope)
            return true;
    }
    return false;
}
