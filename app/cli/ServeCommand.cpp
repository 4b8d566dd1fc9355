#include "ServeCommand.h"

#include "SecurityStack.h"
#include "ServerHost.h"
#include "ServerTools.h"
#include "StateDirectory.h"
#include "TlsFiles.h"
#include "UnixSignals.h"

#include <QCommandLineParser>

namespace {

constexpr quint16 DEFAULT_PORT = 3001;

} // namespace

QString ServeCommand::summary() const
{
    return tr("Serve MCP over Streamable HTTP at /mcp (default http://127.0.0.1:3001/mcp).");
}

int ServeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption hostOption(QStringLiteral("host"),
            tr("Address to listen on (default 127.0.0.1)."), QStringLiteral("H"),
            QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"), tr("Port (default 3001)."),
            QStringLiteral("P"), QString::number(DEFAULT_PORT));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"),
            tr("PEM certificate (chain) for HTTPS."), QStringLiteral("F"));
    const QCommandLineOption keyOption(
            QStringLiteral("tls-key"), tr("PEM private key for HTTPS."), QStringLiteral("F"));
    const QCommandLineOption originOption(QStringLiteral("allow-origin"),
            tr("A web origin allowed to call (repeatable)."), QStringLiteral("ORIGIN"));
    parser.addOptions({hostOption, portOption, certOption, keyOption, originOption});
    if (!parser.parse(QStringList{QStringLiteral("homewarden serve")} + arguments)) {
        printDiagnostic(parser.errorText());
        return UsageError;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printDiagnostic(tr("Unexpected argument '%1' after serve.")
                                .arg(parser.positionalArguments().first()));
        return UsageError;
    }
    const QHostAddress address(parser.value(hostOption));
    if (address.isNull()) {
        printDiagnostic(
                tr("'%1' is not an IP address to listen on.").arg(parser.value(hostOption)));
        return UsageError;
    }
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        printDiagnostic(tr("'%1' is not a port number.").arg(parser.value(portOption)));
        return UsageError;
    }
    if (parser.isSet(certOption) != parser.isSet(keyOption)) {
        printDiagnostic(tr("HTTPS needs both --tls-cert and --tls-key."));
        return UsageError;
    }

    QString error;
    const std::optional<SecurityLevel> level =
            SecurityLevels::configured(StateDirectory::path(), &error);
    if (!level) {
        printDiagnostic(error);
        return UsageError;
    }
    const bool tls = parser.isSet(certOption);
    if (ServerHost::needsTls(*level, address, tls)) {
        printDiagnostic(
                tr("At the production security level HomeWarden listens beyond this computer (%1) "
                   "only over HTTPS: add --tls-cert and --tls-key, or listen on 127.0.0.1.")
                        .arg(address.toString()));
        return UsageError;
    }

    ServerHost::Options hostOptions;
    hostOptions.source = QStringLiteral("serve");
    hostOptions.extraOrigins = parser.values(originOption);
    hostOptions.server.address = address;
    hostOptions.server.port = quint16(port);
    if (tls) {
        hostOptions.server.tls =
                TlsFiles::load(parser.value(certOption), parser.value(keyOption), &error);
        if (!hostOptions.server.tls) {
            printDiagnostic(error);
            return Failure;
        }
    }

    const std::unique_ptr<SecurityStack> security =
            SecurityStack::open(StateDirectory::path(), *level, &error);
    if (!security) {
        // Unlike a stdio client, nobody would see a refusal per call: refuse to start.
        printDiagnostic(tr("HomeWarden cannot check keys, so it does not serve: %1").arg(error));
        return Failure;
    }

    const std::unique_ptr<ServerTools> tools =
            ServerTools::create(StateDirectory::path(), security.get(), nullptr, &error);
    if (!tools) {
        printDiagnostic(error);
        return Failure;
    }

    ServerHost host(security.get(), tools.get());
    if (!host.start(hostOptions, &error)) {
        printDiagnostic(error);
        return Failure;
    }
    tools->start();
    UnixSignals signals;
    printDiagnostic(tr("serving MCP at %1 (security level %2)")
                            .arg(host.url(), SecurityLevels::name(*level)));
    const int exitCode = QCoreApplication::exec();
    host.stop();
    return exitCode;
}
