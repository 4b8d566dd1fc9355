#pragma once

#include "Command.h"

// homewarden --stdio: MCP over stdin/stdout until stdin ends.
class StdioCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StdioCommand)

public:
    QString name() const override { return QStringLiteral("--stdio"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    // Accepts `--client NAME` (or --client=NAME) and nothing else; prints why not otherwise.
    static bool parseArguments(const QStringList &arguments, QString *client);
};
