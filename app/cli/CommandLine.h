#pragma once

#include "Command.h"

#include <memory>
#include <vector>

// The headless front of `homewarden`: --help, --version and the verbs.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    CommandLine();
    ~CommandLine();

    // arguments: the whole argv, program name first.
    int run(const QStringList &arguments);

    QString helpText() const;

private:
    Command *find(const QString &name) const;

    std::vector<std::unique_ptr<Command>> m_commands;
};
