#pragma once

#include "Command.h"

class QCommandLineParser;

// homewarden register claude-desktop [--role R] [--devices ID,..] [--config PATH] and
// homewarden unregister claude-desktop [--config PATH]: what the setup wizard's "AI client"
// page does, from a shell (ClientRegistration). `register --print-snippets` prints the text
// that connects other clients. One class for both verbs, registered once per verb.
class RegisterCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(RegisterCommand)

public:
    enum class Verb { Register, Unregister };

    explicit RegisterCommand(Verb verb);

    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    QString usage() const;
    int registerClient(const QCommandLineParser &parser);
    int unregisterClient(const QCommandLineParser &parser);
    static int printSnippets();

    Verb m_verb;
};
