#include "StdioCommand.h"

#include "McpSession.h"
#include "StdioTransport.h"
#include "SystemStatusTool.h"
#include "ToolRegistry.h"

#include <QElapsedTimer>

#include <csignal>
#include <cstdio>

QString StdioCommand::summary() const
{
    return tr("Serve MCP over stdin/stdout for one AI client (headless).");
}

int StdioCommand::run(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                qPrintable(tr("Unexpected argument '%1' after --stdio.").arg(arguments.first())));
        return UsageError;
    }
    QElapsedTimer startedAt;
    startedAt.start();

    // A client that goes away must end this process through EOF or EPIPE, never SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    ToolRegistry tools;
    QString error;
    if (!tools.add(SystemStatusTool::definition(startedAt), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return Failure;
    }

    McpSession session(&tools, QStringLiteral("stdio"));
    StdioTransport transport(&session);
    QObject::connect(
            &transport, &StdioTransport::closed, qApp, [] { QCoreApplication::exit(0); },
            Qt::QueuedConnection);
    transport.start();
    return QCoreApplication::exec();
}
