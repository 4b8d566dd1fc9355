#pragma once

#include <QCoreApplication>
#include <QStringList>

// One verb of the command line. Verbs run headless (QCoreApplication) and answer with the
// process exit code.
class Command
{
public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    virtual ~Command() = default;

    virtual QString name() const = 0;
    // One line for --help.
    virtual QString summary() const = 0;
    // arguments: what follows the verb on the command line.
    virtual int run(const QStringList &arguments) = 0;
};
