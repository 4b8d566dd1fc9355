#pragma once

#include "Command.h"

#include <QDateTime>

#include <memory>
#include <optional>

class QCommandLineParser;
struct ApiKey;

// homewarden keys: generate, list, show, revoke, update, export and import API keys in the
// shared homewarden.db. A new key's text is printed once, alone on stdout; nothing else ever
// shows a secret, because nothing else has one.
class KeysCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(KeysCommand)

public:
    QString name() const override { return QStringLiteral("keys"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    // The trail, the database, the store and the administration that audits each change:
    // what the verbs that change keys work with.
    struct Administration;
    // null after printing why, when the audit trail or the database cannot be opened.
    static std::unique_ptr<Administration> openAdministration();

    static QString usage();

    int generate(const QStringList &arguments);
    int list(const QStringList &arguments);
    int show(const QStringList &arguments);
    int revoke(const QStringList &arguments);
    int update(const QStringList &arguments);
    int exportKeys(const QStringList &arguments);
    int importKeys(const QStringList &arguments);

    // Parses a verb's arguments; on failure prints one sentence and returns false.
    static bool parse(
            QCommandLineParser *parser, const QString &verb, const QStringList &arguments);
    // --expires DAYS (or "never" where allowed) and --rate-limit N (or "default"): false
    // after printing what the option takes.
    static bool readExpiry(
            const QString &days, const QDateTime &now, bool allowNever, QDateTime *expiry);
    static bool readRateLimit(const QString &value, bool allowDefault, int *limit);
    static QString status(const ApiKey &key, const QDateTime &now);
    static QString describe(const ApiKey &key, const QDateTime &now);
};
