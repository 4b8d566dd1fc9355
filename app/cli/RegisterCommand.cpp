#include "RegisterCommand.h"

#include "ApiKey.h"
#include "AuditTrail.h"
#include "AutostartEntry.h"
#include "ClaudeDesktopConfig.h"
#include "ClientRegistration.h"
#include "ClientSnippets.h"
#include "KeychainSecretStore.h"
#include "ServerSettings.h"
#include "StateDirectory.h"

#include <QCommandLineParser>
#include <QDir>

namespace {

const QString &cliSource()
{
    static const QString source = QStringLiteral("cli");
    return source;
}

} // namespace

RegisterCommand::RegisterCommand(Verb verb)
    : m_verb(verb)
{ }

QString RegisterCommand::name() const
{
    return m_verb == Verb::Register ? QStringLiteral("register") : QStringLiteral("unregister");
}

QString RegisterCommand::summary() const
{
    return m_verb == Verb::Register
            ? tr("Connect Claude Desktop: a key in the keychain and an entry in its "
                 "configuration.")
            : tr("Disconnect Claude Desktop: remove the entry, revoke and delete its key.");
}

QString RegisterCommand::usage() const
{
    if (m_verb == Verb::Unregister) {
        return tr("Usage: homewarden unregister claude-desktop [--config PATH]\n\n"
                  "Removes the homewarden entry from Claude Desktop's configuration (keeping a "
                  "backup\n"
                  "beside it), revokes its key and deletes it from the keychain.\n\n"
                  "  --config PATH   the configuration file (default: %1)\n")
                .arg(QDir::toNativeSeparators(ClaudeDesktopConfig::defaultPath()));
    }
    return tr("Usage: homewarden register claude-desktop [--role R] [--devices ID,..] "
              "[--config PATH]\n"
              "       homewarden register --print-snippets\n\n"
              "Makes a key for Claude Desktop, stores it in the OS keychain as "
              "client:claude-desktop\n"
              "and adds an mcpServers.homewarden entry that starts 'homewarden --stdio "
              "--client\n"
              "claude-desktop' to its configuration (the key is never written there). Other "
              "servers\n"
              "in the file stay as they are, and a backup of it is kept beside it. Registering "
              "again\n"
              "replaces the entry and revokes the previous key.\n\n"
              "  --role R          admin, operator (default), monitor, device or custom\n"
              "  --devices ID,..   the devices the key may reach (role device needs them)\n"
              "  --permissions P,..  the permissions of role custom: %1\n"
              "  --config PATH     the configuration file (default: %2)\n"
              "  --print-snippets  print what connects Claude Code, VS Code, Cursor and remote "
              "clients\n")
            .arg(ApiKey::permissionNames().join(QStringLiteral(", ")),
                    QDir::toNativeSeparators(ClaudeDesktopConfig::defaultPath()));
}

int RegisterCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption configOption(
            QStringLiteral("config"), tr("The configuration file."), tr("PATH"));
    parser.addOption(configOption);
    parser.addOption(QCommandLineOption(
            {QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")));
    if (m_verb == Verb::Register) {
        parser.addOptions({
                QCommandLineOption(QStringLiteral("role"), tr("The role."), tr("ROLE"),
                        QStringLiteral("operator")),
                QCommandLineOption(QStringLiteral("devices"), tr("Device ids."), tr("IDS")),
                QCommandLineOption(
                        QStringLiteral("permissions"), tr("Permissions."), tr("PERMISSIONS")),
                QCommandLineOption(QStringLiteral("print-snippets"), tr("Print snippets.")),
        });
    }
    // QCommandLineParser wants the program first; it is never shown.
    if (!parser.parse(QStringList{QStringLiteral("homewarden")} + arguments)) {
        Command::printError(
                tr("%1 Run 'homewarden %2 --help' for the usage.").arg(parser.errorText(), name()));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (m_verb == Verb::Register && parser.isSet(QStringLiteral("print-snippets"))) {
        if (!positional.isEmpty()) {
            Command::printError(tr("register --print-snippets takes no client name."));
            return UsageError;
        }
        return printSnippets();
    }
    const QString client = QLatin1String(ClaudeDesktopConfig::CLIENT_NAME);
    if (positional.size() != 1 || positional.first() != client) {
        Command::printError(positional.isEmpty()
                        ? tr("%1 needs the client: 'homewarden %1 claude-desktop'.").arg(name())
                        : tr("HomeWarden can %1 claude-desktop only, not '%2'; 'homewarden "
                             "register --print-snippets' shows how to connect other clients.")
                                  .arg(name(), positional.first()));
        return UsageError;
    }
    return m_verb == Verb::Register ? registerClient(parser) : unregisterClient(parser);
}

int RegisterCommand::registerClient(const QCommandLineParser &parser)
{
    ClientRegistration::Request request;
    request.role = parser.value(QStringLiteral("role"));
    request.devices = ApiKey::splitList(parser.value(QStringLiteral("devices")));
    request.permissions = ApiKey::splitList(parser.value(QStringLiteral("permissions")));
    request.configPath = parser.value(QStringLiteral("config"));
    QString error;
    if (!ClientRegistration::validate(request, &error)) {
        Command::printError(error);
        return UsageError;
    }

    const std::unique_ptr<AuditTrail> trail = openAuditTrail();
    if (!trail)
        return Failure;
    KeychainSecretStore keychain;
    ClientRegistration registration(StateDirectory::path(), &keychain, trail.get(), cliSource());
    const ClientRegistration::Outcome outcome = registration.registerClaudeDesktop(request);
    if (!outcome.ok) {
        Command::printError(outcome.error);
        return Failure;
    }
    for (const QString &warning : outcome.warnings)
        Command::printError(warning);

    QString text =
            tr("Registered HomeWarden in Claude Desktop's configuration %1 with the new "
               "%2 key %3, kept in the keychain as client:claude-desktop (never in the "
               "file).\n")
                    .arg(QDir::toNativeSeparators(outcome.configPath), request.role, outcome.keyId);
    if (!outcome.backupPath.isEmpty()) {
        text += tr("The previous file is kept as %1.\n")
                        .arg(QDir::toNativeSeparators(outcome.backupPath));
    }
    if (!outcome.revokedKeyId.isEmpty())
        text += tr("The previous key %1 is revoked.\n").arg(outcome.revokedKeyId);
    text += tr("Restart Claude Desktop to pick up the change.\n");
    Command::printOut(text);
    return Success;
}

int RegisterCommand::unregisterClient(const QCommandLineParser &parser)
{
    const std::unique_ptr<AuditTrail> trail = openAuditTrail();
    if (!trail)
        return Failure;
    KeychainSecretStore keychain;
    ClientRegistration registration(StateDirectory::path(), &keychain, trail.get(), cliSource());
    const ClientRegistration::Outcome outcome =
            registration.unregisterClaudeDesktop(parser.value(QStringLiteral("config")));
    if (!outcome.ok) {
        Command::printError(outcome.error);
        return Failure;
    }
    for (const QString &warning : outcome.warnings)
        Command::printError(warning);

    QString text;
    if (!outcome.backupPath.isEmpty()) {
        text += tr("Removed HomeWarden from Claude Desktop's configuration %1; the previous file "
                   "is kept as %2.\n")
                        .arg(QDir::toNativeSeparators(outcome.configPath),
                                QDir::toNativeSeparators(outcome.backupPath));
    }
    if (!outcome.keyId.isEmpty())
        text += tr("Key %1 is revoked and deleted from the keychain.\n").arg(outcome.keyId);
    text += tr("Restart Claude Desktop to pick up the change.\n");
    Command::printOut(text);
    return Success;
}

int RegisterCommand::printSnippets()
{
    const QString executable = AutostartEntry::defaultExecutable();
    const ServerSettings settings = ServerSettings::load(StateDirectory::path());
    QString text;
    for (const ClientSnippets::Snippet &snippet : ClientSnippets::all(executable, settings))
        text += QStringLiteral("== %1 ==\n%2\n%3\n\n")
                        .arg(snippet.title, snippet.text, snippet.note);
    Command::printOut(text);
    return Success;
}
