#pragma once

#include "Command.h"

#include "KillSwitch.h"

class QCommandLineParser;

// homewarden stop [ha|loxone|all] [--reason TEXT] and homewarden resume [ha|loxone|all]
// [--yes]: the kill switch from a shell. One class for both verbs (registered once per verb):
// they share the scope argument, the state and the audit trail.
class StopCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StopCommand)

public:
    enum class Verb { Stop, Resume };

    explicit StopCommand(Verb verb);

    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;

    // For the person at the terminal (translated, unlike KillStop::sentence(), which is
    // written for AI clients): "Home Assistant", "Loxone", "the house".
    static QString scopeText(KillScope scope);
    // "AI access to Home Assistant stopped since 2026-11-27 10:00 UTC by cli (reason: ...)".
    static QString describe(const KillStop &stop);

private:
    QString usage() const;
    int stop(const QCommandLineParser &parser, KillScope scope);
    int resume(const QCommandLineParser &parser, KillScope scope);
    // Asks on stderr and reads the answer from stdin; true for y or yes.
    static bool confirm(const QString &question);

    Verb m_verb;
};
