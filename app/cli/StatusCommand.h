#pragma once

#include "Command.h"

// homewarden status: what this installation is and where it keeps its state.
class StatusCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)

public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};
