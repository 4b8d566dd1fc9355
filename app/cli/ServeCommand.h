#pragma once

#include "Command.h"

// homewarden serve: the Streamable HTTP server, headless.
class ServeCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)

public:
    QString name() const override { return QStringLiteral("serve"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};
