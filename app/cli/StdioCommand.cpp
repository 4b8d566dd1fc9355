#include "StdioCommand.h"

#include "AuditEvent.h"
#include "AuditTrail.h"
#include "ClosedGate.h"
#include "Gatekeeper.h"
#include "McpSession.h"
#include "SecurityStack.h"
#include "StateDirectory.h"
#include "StdioTransport.h"
#include "SystemStatusTool.h"
#include "ToolRegistry.h"

#include <QElapsedTimer>

#include <csignal>
#include <cstdio>

namespace {

constexpr char KEY_VARIABLE[] = "HOMEWARDEN_API_KEY";

void say(const QString &line)
{
    std::fprintf(stderr, "homewarden: %s\n", qPrintable(line));
}

void auditServer(AuditTrail *trail, const char *event)
{
    AuditEvent e;
    e.event = QLatin1String(event);
    e.source = QStringLiteral("stdio");
    e.action = QStringLiteral("serve");
    e.result = QStringLiteral("ok");
    trail->append(e);
}

} // namespace

QString StdioCommand::summary() const
{
    return tr("Serve MCP over stdin/stdout for one AI client (headless); the key comes from "
              "HOMEWARDEN_API_KEY.");
}

int StdioCommand::run(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        say(tr("Unexpected argument '%1' after --stdio.").arg(arguments.first()));
        return UsageError;
    }
    QElapsedTimer startedAt;
    startedAt.start();

    // A client that goes away must end this process through EOF or EPIPE, never SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    QString error;
    const std::optional<SecurityLevel> level = SecurityLevels::fromEnvironment(&error);
    if (!level) {
        say(error);
        return UsageError;
    }
    say(tr("security level %1").arg(SecurityLevels::name(*level)));

    ToolRegistry tools;
    if (!tools.add(SystemStatusTool::definition(startedAt), &error)) {
        say(error);
        return Failure;
    }

    // Without its security services the server still speaks MCP, so that the client can show
    // the person why every call is refused.
    const std::unique_ptr<SecurityStack> security =
            SecurityStack::open(StateDirectory::path(), *level, &error);
    std::unique_ptr<ClosedGate> closedGate;
    ToolGate *gate = nullptr;
    Caller caller{{}, {}, QStringLiteral("stdio"), QStringLiteral("stdio"), {}};
    if (security) {
        gate = security->gatekeeper();
        const QString key = qEnvironmentVariable(KEY_VARIABLE);
        caller = security->gatekeeper()->authenticate(key, caller.source, caller.transport);
        if (!caller.isAuthenticated()) {
            caller.refusal = key.isEmpty()
                    ? tr("No API key was given: set %1 to a key from 'homewarden keys generate'.")
                              .arg(QLatin1String(KEY_VARIABLE))
                    : tr("The key in %1 was refused: %2")
                              .arg(QLatin1String(KEY_VARIABLE), caller.refusal);
            say(caller.refusal);
        }
        auditServer(security->auditTrail(), AuditEvent::SERVER_STARTED);
    } else {
        caller.refusal =
                tr("HomeWarden cannot check keys, so every call is refused: %1").arg(error);
        say(caller.refusal);
        closedGate = std::make_unique<ClosedGate>(caller.refusal);
        gate = closedGate.get();
    }

    McpSession session(&tools, gate, caller);
    StdioTransport transport(&session);
    QObject::connect(
            &transport, &StdioTransport::closed, qApp, [] { QCoreApplication::exit(0); },
            Qt::QueuedConnection);
    transport.start();
    const int exitCode = QCoreApplication::exec();
    if (security)
        auditServer(security->auditTrail(), AuditEvent::SERVER_STOPPED);
    return exitCode;
}
