#include "SecretsCommand.h"

#include "KeyText.h"
#include "KeychainBackend.h"
#include "KeychainSecretStore.h"
#include "SecretNames.h"

#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace {

// Tokens and keys are far shorter; more than this is a wrong file piped in.
constexpr qsizetype MAX_SECRET_BYTES = 64 * 1024;

#ifdef Q_OS_UNIX
// Turns off the terminal's echo for as long as it lives, so that a typed secret is not shown.
class NoEcho
{
public:
    NoEcho()
    {
        m_active = tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    ~NoEcho()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    NoEcho(const NoEcho &) = delete;
    NoEcho &operator=(const NoEcho &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};
#endif

// Reads stdin until a newline (terminal) or the end, at most MAX_SECRET_BYTES + 1 bytes.
QByteArray readInput(bool oneLine)
{
    QByteArray input;
    char buffer[4096];
    while (input.size() <= MAX_SECRET_BYTES) {
        if (oneLine) {
            if (!std::fgets(buffer, sizeof buffer, stdin))
                break;
            input += buffer;
            if (input.endsWith('\n'))
                break;
        } else {
            const size_t read = std::fread(buffer, 1, sizeof buffer, stdin);
            if (read == 0)
                break;
            input.append(buffer, qsizetype(read));
        }
    }
    return input;
}

} // namespace

QString SecretsCommand::summary() const
{
    return tr("Store or delete a secret in the OS keychain (value on stdin), or test the "
              "keychain.");
}

QString SecretsCommand::usage()
{
    return tr("Usage: homewarden secrets COMMAND [ARGS]\n\n"
              "  set NAME      store a secret in the OS keychain; the value is read from stdin\n"
              "                (typed without echo on a terminal), never from the command line\n"
              "  delete NAME   delete a secret from the keychain\n"
              "  test          write, read back and delete a probe entry, and name the keychain\n"
              "                backend in use\n\n"
              "Names:\n"
              "  ha-token          the Home Assistant access token\n"
              "  loxone-password   the Loxone Miniserver password\n"
              "  client:NAME       the API key of an MCP client that starts\n"
              "                    'homewarden --stdio --client NAME'\n\n"
              "Example:\n"
              "  homewarden keys generate --role operator --name claude \\\n"
              "      | homewarden secrets set client:claude\n");
}

int SecretsCommand::run(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        Command::printError(
                tr("secrets needs a command: set, delete or test; run 'homewarden secrets "
                   "--help' for the usage."));
        return UsageError;
    }
    const QString verb = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")
            || verb == QLatin1String("help")) {
        Command::printOut(usage());
        return Success;
    }
    if (verb == QLatin1String("set"))
        return set(rest);
    if (verb == QLatin1String("delete"))
        return remove(rest);
    if (verb == QLatin1String("test"))
        return test(rest);
    Command::printError(
            tr("Unknown secrets command '%1'; run 'homewarden secrets --help' for the list.")
                    .arg(verb));
    return UsageError;
}

int SecretsCommand::set(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        Command::printError(
                tr("secrets set needs a name: ha-token, loxone-password or client:NAME."));
        return UsageError;
    }
    const QString name = arguments.first();
    if (arguments.size() > 1) {
        // The value may be what follows; it must not be echoed back either.
        Command::printError(
                tr("secrets set takes only a name: the secret is read from stdin, never from "
                   "the command line, where other users and the shell history can see it."));
        return UsageError;
    }
    QString error;
    if (!SecretNames::isValid(name, &error)) {
        Command::printError(error);
        return UsageError;
    }
    const std::optional<QString> value = readSecret(name);
    if (!value)
        return UsageError;
    if (!SecretNames::clientOf(name).isEmpty() && !KeyText::parse(*value)) {
        Command::printError(tr("What was read is not a HomeWarden API key: pipe in the output of "
                               "'homewarden keys generate'."));
        return UsageError;
    }

    KeychainSecretStore store;
    const SecretJob::Result result = store.writeAndWait(name, *value);
    if (!result.isOk()) {
        Command::printError(result.errorString);
        return Failure;
    }
    const QString client = SecretNames::clientOf(name);
    Command::printOut(
            (client.isEmpty() ? tr("Stored '%1' in the keychain.").arg(name)
                              : tr("Stored '%1' in the keychain; start the client's server with "
                                   "'homewarden --stdio --client %2'.")
                                        .arg(name, client))
            + QLatin1Char('\n'));
    return Success;
}

int SecretsCommand::remove(const QStringList &arguments)
{
    if (arguments.size() != 1) {
        Command::printError(
                tr("secrets delete needs exactly one name: ha-token, loxone-password or "
                   "client:NAME."));
        return UsageError;
    }
    const QString name = arguments.first();
    QString error;
    if (!SecretNames::isValid(name, &error)) {
        Command::printError(error);
        return UsageError;
    }
    KeychainSecretStore store;
    const SecretJob::Result result = store.removeAndWait(name);
    if (!result.isOk()) {
        Command::printError(result.error == SecretJob::Error::NotFound
                        ? tr("There is no secret '%1' in the keychain; nothing was deleted.")
                                  .arg(name)
                        : result.errorString);
        return Failure;
    }
    Command::printOut(tr("Deleted '%1' from the keychain.").arg(name) + QLatin1Char('\n'));
    return Success;
}

int SecretsCommand::test(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        Command::printError(
                tr("Unexpected argument '%1' after secrets test.").arg(arguments.first()));
        return UsageError;
    }
    // A client entry nobody uses, so that the probe never touches a real secret.
    const QString probe = SecretNames::client(
            QStringLiteral("probe-%1")
                    .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0')));
    const QString value = QString::number(QRandomGenerator::system()->generate64(), 36);

    KeychainSecretStore store;
    SecretJob::Result result = store.writeAndWait(probe, value);
    if (result.isOk()) {
        result = store.readAndWait(probe);
        if (result.isOk() && result.value != value) {
            result = {SecretJob::Error::Other,
                    tr("The keychain gave back something other than what was stored: check "
                       "your keychain service."),
                    {}};
        }
        // The probe goes even when the read failed; a failed deletion counts only when
        // everything else worked.
        const SecretJob::Result removed = store.removeAndWait(probe);
        if (result.isOk() && !removed.isOk())
            result = removed;
    }
    if (!result.isOk()) {
        Command::printError(result.errorString);
        return Failure;
    }
    Command::printOut(tr("Keychain works: a probe entry was written, read back and deleted.\n"
                         "Backend: %1\n")
                              .arg(KeychainBackend::describe()));
    return Success;
}

std::optional<QString> SecretsCommand::readSecret(const QString &name)
{
    QByteArray input;
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "%s",
                qPrintable(tr("Enter the secret for '%1' (it is not shown), then press Enter: ")
                                   .arg(name)));
        std::fflush(stderr);
        {
            const NoEcho quiet;
            input = readInput(true);
        }
        std::fprintf(stderr, "\n");
    } else {
        input = readInput(false);
    }
#else
    input = readInput(false);
#endif
    if (input.size() > MAX_SECRET_BYTES) {
        Command::printError(
                tr("The input is longer than %1 KiB, which no secret HomeWarden stores is: "
                   "pipe in only the secret.")
                        .arg(MAX_SECRET_BYTES / 1024));
        return std::nullopt;
    }
    // `echo` and a typed line end with one newline that is not part of the secret.
    if (input.endsWith("\r\n"))
        input.chop(2);
    else if (input.endsWith('\n'))
        input.chop(1);
    if (input.isEmpty()) {
        Command::printError(tr("Nothing was read from stdin: pipe the secret in, for example "
                               "'homewarden secrets set %1 < file', or type it when asked.")
                                    .arg(name));
        return std::nullopt;
    }
    return QString::fromUtf8(input);
}
