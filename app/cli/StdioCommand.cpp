#include "StdioCommand.h"

#include "AuditEvent.h"
#include "ClosedGate.h"
#include "Gatekeeper.h"
#include "KeychainSecretStore.h"
#include "McpSession.h"
#include "SecretNames.h"
#include "SecurityStack.h"
#include "ServerTools.h"
#include "StateDirectory.h"
#include "StdioTransport.h"

#include <csignal>
#include <cstdio>

namespace {

constexpr char KEY_VARIABLE[] = "HOMEWARDEN_API_KEY";
constexpr char CLIENT_OPTION[] = "--client";

// The key `homewarden secrets set client:NAME` stored; empty, with *error, when the keychain
// cannot give it.
QString keyOfClient(const QString &client, QString *error)
{
    KeychainSecretStore keychain;
    const SecretJob::Result result = keychain.readAndWait(SecretNames::client(client));
    if (!result.isOk())
        *error = result.errorString;
    return result.value;
}

} // namespace

QString StdioCommand::summary() const
{
    return tr("Serve MCP over stdin/stdout for one AI client (headless); the key comes from "
              "HOMEWARDEN_API_KEY, or with --client NAME from the keychain.");
}

bool StdioCommand::parseArguments(const QStringList &arguments, QString *client)
{
    const QString prefix = QLatin1String(CLIENT_OPTION) + QLatin1Char('=');
    bool clientGiven = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String(CLIENT_OPTION) && i + 1 < arguments.size()) {
            *client = arguments.at(++i);
        } else if (argument.startsWith(prefix)) {
            *client = argument.mid(prefix.size());
        } else if (argument == QLatin1String(CLIENT_OPTION)) {
            printDiagnostic(
                    tr("--client needs the name the client's key was stored under, e.g. --client "
                       "claude."));
            return false;
        } else {
            printDiagnostic(tr("Unexpected argument '%1' after --stdio.").arg(argument));
            return false;
        }
        clientGiven = true;
    }
    QString error;
    if (clientGiven && !SecretNames::isValid(SecretNames::client(*client), &error)) {
        printDiagnostic(error);
        return false;
    }
    return true;
}

int StdioCommand::run(const QStringList &arguments)
{
    QString client;
    if (!parseArguments(arguments, &client))
        return UsageError;
    // A client that goes away must end this process through EOF or EPIPE, never SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    QString error;
    const std::optional<SecurityLevel> level =
            SecurityLevels::configured(StateDirectory::path(), &error);
    if (!level) {
        printDiagnostic(error);
        return UsageError;
    }
    printDiagnostic(tr("security level %1: %2")
                            .arg(SecurityLevels::name(*level), SecurityLevels::summary(*level)));

    // Without its security services the server still speaks MCP, so that the client can show
    // the person why every call is refused.
    const std::unique_ptr<SecurityStack> security =
            SecurityStack::open(StateDirectory::path(), *level, &error);
    std::unique_ptr<ClosedGate> closedGate;
    ToolGate *gate = nullptr;
    Caller caller{{}, {}, QStringLiteral("stdio"), QStringLiteral("stdio"), {}};
    if (security) {
        gate = security->gatekeeper();
        if (client.isEmpty()) {
            const QString key = qEnvironmentVariable(KEY_VARIABLE);
            caller = security->gatekeeper()->authenticate(key, caller.source, caller.transport);
            if (!caller.isAuthenticated()) {
                caller.refusal = key.isEmpty()
                        ? tr("No API key was given: set %1 to a key from 'homewarden keys "
                             "generate'.")
                                  .arg(QLatin1String(KEY_VARIABLE))
                        : tr("The key in %1 was refused: %2")
                                  .arg(QLatin1String(KEY_VARIABLE), caller.refusal);
                printDiagnostic(caller.refusal);
            }
        } else {
            if (qEnvironmentVariableIsSet(KEY_VARIABLE)) {
                printDiagnostic(
                        tr("%1 is ignored: with --client the key comes from the keychain entry "
                           "client:%2.")
                                .arg(QLatin1String(KEY_VARIABLE), client));
            }
            // Only --client touches the keychain: it costs D-Bus round trips, and --stdio
            // starts with every session of an MCP client.
            QString keychainError;
            const QString key = keyOfClient(client, &keychainError);
            // Without the client's key nobody is let in, not even the development level's
            // keyless caller: --client asked for that key.
            if (keychainError.isEmpty())
                caller = security->gatekeeper()->authenticate(key, caller.source, caller.transport);
            if (!caller.isAuthenticated()) {
                caller.refusal = !keychainError.isEmpty()
                        ? keychainError
                        : tr("The key stored for client '%1' was refused: %2")
                                  .arg(client, caller.refusal);
                printDiagnostic(caller.refusal);
            }
        }
        security->auditServerEvent(AuditEvent::SERVER_STARTED, QStringLiteral("stdio"));
    } else {
        caller.refusal =
                tr("HomeWarden cannot check keys, so every call is refused: %1").arg(error);
        printDiagnostic(caller.refusal);
        closedGate = std::make_unique<ClosedGate>(caller.refusal);
        gate = closedGate.get();
    }

    const std::unique_ptr<ServerTools> tools =
            ServerTools::create(StateDirectory::path(), security.get(), nullptr, &error);
    if (!tools) {
        printDiagnostic(error);
        return Failure;
    }
    // Only a caller who may use the house makes it worth connecting to the house.
    if (caller.isAuthenticated())
        tools->start();

    McpSession session(tools->registry(), gate, caller);
    StdioTransport transport(&session);
    QObject::connect(
            &transport, &StdioTransport::closed, qApp, [] { QCoreApplication::exit(0); },
            Qt::QueuedConnection);
    transport.start();
    const int exitCode = QCoreApplication::exec();
    if (security)
        security->auditServerEvent(AuditEvent::SERVER_STOPPED, QStringLiteral("stdio"));
    return exitCode;
}
