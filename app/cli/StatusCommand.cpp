#include "StatusCommand.h"

#include "BackendSettings.h"
#include "HomeWardenVersion.h"
#include "ProtocolRevision.h"
#include "SecurityLevel.h"
#include "StateDirectory.h"
#include "StopCommand.h"

#include <QTextStream>

#include <cstdio>

QString StatusCommand::summary() const
{
    return tr("Show the version, the state directory and what is configured.");
}

int StatusCommand::run(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                qPrintable(tr("Unexpected argument '%1' after status.").arg(arguments.first())));
        return UsageError;
    }
    QTextStream out(stdout);
    out << tr("HomeWarden %1").arg(QStringLiteral(HOMEWARDEN_VERSION)) << '\n';
    out << tr("State directory: %1%2")
                    .arg(StateDirectory::path(),
                            StateDirectory::isOverridden() ? tr(" (from HOMEWARDEN_HOME)")
                                                           : QString())
        << '\n';
    out << tr("MCP protocol revisions: %1")
                    .arg(ProtocolRevision::supported().join(QStringLiteral(", ")))
        << '\n';
    out << tr("Transports: stdio (homewarden --stdio)") << '\n';
    QString error;
    if (const std::optional<SecurityLevel> level =
                    SecurityLevels::configured(StateDirectory::path(), &error)) {
        out << tr("Security level: %1 (%2)")
                        .arg(SecurityLevels::name(*level), SecurityLevels::summary(*level))
            << '\n';
    } else {
        out << tr("Security level: invalid (%1)").arg(error) << '\n';
    }
    const BackendSettings backends = BackendSettings::load(StateDirectory::path());
    if (backends.homeAssistantUrl.isEmpty() && backends.loxoneUrl.isEmpty())
        out << tr("Backends: none configured yet") << '\n';
    if (!backends.homeAssistantUrl.isEmpty())
        out << tr("Home Assistant: %1").arg(backends.homeAssistantUrl.toDisplayString()) << '\n';
    if (!backends.loxoneUrl.isEmpty())
        out << tr("Loxone: %1 (user %2)")
                        .arg(backends.loxoneUrl.toDisplayString(), backends.loxoneUser)
            << '\n';
    for (const QString &problem : backends.problems)
        out << problem << '\n';
    KillSwitch killSwitch(StateDirectory::path(), {});
    const QList<KillStop> stops = killSwitch.engagedStops();
    if (stops.isEmpty())
        out << tr("Kill switch: released") << '\n';
    for (const KillStop &stop : stops)
        out << tr("Kill switch: %1").arg(StopCommand::describe(stop)) << '\n';
    return Success;
}
