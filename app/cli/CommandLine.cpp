#include "CommandLine.h"

#include "AuditCommand.h"
#include "HomeWardenVersion.h"
#include "KeysCommand.h"
#include "RegisterCommand.h"
#include "SecretsCommand.h"
#include "ServeCommand.h"
#include "StatusCommand.h"
#include "StdioCommand.h"
#include "StopCommand.h"

#include <QTextStream>

#include <cstdio>

CommandLine::CommandLine()
{
    m_commands.push_back(std::make_unique<StdioCommand>());
    m_commands.push_back(std::make_unique<ServeCommand>());
    m_commands.push_back(std::make_unique<StatusCommand>());
    m_commands.push_back(std::make_unique<StopCommand>(StopCommand::Verb::Stop));
    m_commands.push_back(std::make_unique<StopCommand>(StopCommand::Verb::Resume));
    m_commands.push_back(std::make_unique<KeysCommand>());
    m_commands.push_back(std::make_unique<AuditCommand>());
    m_commands.push_back(std::make_unique<SecretsCommand>());
    m_commands.push_back(std::make_unique<RegisterCommand>(RegisterCommand::Verb::Register));
    m_commands.push_back(std::make_unique<RegisterCommand>(RegisterCommand::Verb::Unregister));
}

CommandLine::~CommandLine() = default;

int CommandLine::run(const QStringList &arguments)
{
    const QStringList rest = arguments.mid(1);
    if (rest.isEmpty() || rest.first() == QLatin1String("--help")
            || rest.first() == QLatin1String("-h") || rest.first() == QLatin1String("help")) {
        QTextStream(stdout) << helpText();
        return Command::Success;
    }
    if (rest.first() == QLatin1String("--version") || rest.first() == QLatin1String("-v")) {
        QTextStream(stdout) << HOMEWARDEN_NAME << ' ' << HOMEWARDEN_VERSION << '\n';
        return Command::Success;
    }
    if (Command *command = find(rest.first()))
        return command->run(rest.mid(1));

    std::fprintf(stderr, "%s\n",
            qPrintable(tr("Unknown command '%1'; run 'homewarden --help' for the list.")
                               .arg(rest.first())));
    return Command::UsageError;
}

QString CommandLine::helpText() const
{
    QString text = tr("HomeWarden %1 — the guarded gate between AI assistants and your home.\n\n"
                      "Usage:\n"
                      "  homewarden                 start the tray application\n"
                      "  homewarden COMMAND [ARGS]  run one command without a display\n\n"
                      "Commands:\n")
                           .arg(QStringLiteral(HOMEWARDEN_VERSION));
    for (const auto &command : m_commands)
        text += QStringLiteral("  %1%2\n").arg(command->name(), -27).arg(command->summary());
    text += tr("\nOptions:\n"
               "  -h, --help                 show this help\n"
               "  -v, --version              show the version\n\n"
               "Environment:\n"
               "  HOMEWARDEN_HOME            the state directory shared by every process\n"
               "  HOMEWARDEN_API_KEY         the key of a --stdio client\n"
               "  HOMEWARDEN_API_KEYS        keys as exported (JSON), instead of the database\n"
               "  HOMEWARDEN_SECURITY_LEVEL  development, staging or production (default)\n\n"
               "Exit codes: 0 ok, 1 runtime failure, 2 usage error.\n");
    return text;
}

Command *CommandLine::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}
