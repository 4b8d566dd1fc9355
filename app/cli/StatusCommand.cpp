#include "StatusCommand.h"

#include "HomeWardenVersion.h"
#include "ProtocolRevision.h"
#include "SecurityLevel.h"
#include "StateDirectory.h"

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
    if (const std::optional<SecurityLevel> level = SecurityLevels::fromEnvironment(&error)) {
        out << tr("Security level: %1 (%2)")
                        .arg(SecurityLevels::name(*level), SecurityLevels::summary(*level))
            << '\n';
    } else {
        out << tr("Security level: invalid (%1)").arg(error) << '\n';
    }
    out << tr("Backends: none configured yet") << '\n';
    return Success;
}
