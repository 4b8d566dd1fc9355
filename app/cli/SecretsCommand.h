#pragma once

#include "Command.h"

#include <optional>

// homewarden secrets: store and delete the secrets HomeWarden keeps in the OS keychain
// (ha-token, loxone-password, client:NAME), and check that the keychain works. A secret is
// read from stdin, never from the command line, where every user's `ps` and the shell
// history would see it; no command prints one.
class SecretsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SecretsCommand)

public:
    QString name() const override { return QStringLiteral("secrets"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    static QString usage();

    int set(const QStringList &arguments);
    int remove(const QStringList &arguments);
    int test(const QStringList &arguments);

    // The secret from stdin: without echo and up to the end of the line on a terminal, else
    // everything up to end of input. nullopt (with the sentence printed) when it is empty or
    // too long.
    static std::optional<QString> readSecret(const QString &name);
};
