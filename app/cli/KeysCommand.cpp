#include "KeysCommand.h"

#include "AuditTrail.h"
#include "EnvKeyStore.h"
#include "KeyAdministration.h"
#include "KeyExport.h"
#include "KeyText.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"
#include "StateDirectory.h"
#include "UntrustedText.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace {

constexpr int MAX_RATE_LIMIT = 1000000;

// A table cell: "-" for nothing, and nothing that could take over the terminal.
QString printable(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : UntrustedText::printable(text);
}

QString when(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

std::unique_ptr<StateDatabase> openDatabase()
{
    QString error;
    std::unique_ptr<StateDatabase> database =
            StateDatabase::open(StateDirectory::path(), StateDatabase::Durability::Normal, &error);
    if (!database)
        Command::printError(error);
    return database;
}

// Servers started with HOMEWARDEN_API_KEYS read their keys from it, not from homewarden.db.
void noteEnvironmentKeys()
{
    if (EnvKeyStore::isConfigured()) {
        Command::printError(QCoreApplication::translate("KeysCommand",
                "Note: HOMEWARDEN_API_KEYS is set, so servers started with it use the keys it "
                "lists, not those in homewarden.db."));
    }
}

// The settings of a key, which `keys generate` sets and `keys update` changes: one set of
// options for both. Update also takes "never", "default" and "none" to undo a setting.
// `keys --help` prints usage(), so the options carry no descriptions of their own.
struct KeySettingOptions
{
    const QCommandLineOption name{QStringLiteral("name"), QString(), QStringLiteral("NAME")};
    const QCommandLineOption expires{QStringLiteral("expires"), QString(), QStringLiteral("DAYS")};
    const QCommandLineOption ip{QStringLiteral("ip"), QString(), QStringLiteral("CIDR")};
    const QCommandLineOption devices{QStringLiteral("devices"), QString(), QStringLiteral("IDS")};
    const QCommandLineOption permissions{
            QStringLiteral("permissions"), QString(), QStringLiteral("PERMISSIONS")};
    const QCommandLineOption rateLimit{
            QStringLiteral("rate-limit"), QString(), QStringLiteral("N")};

    QList<QCommandLineOption> all() const
    {
        return {name, expires, ip, devices, permissions, rateLimit};
    }
};

} // namespace

// Opened in this order, and each after the one before it, as the members are declared.
struct KeysCommand::Administration
{
    explicit Administration(
            std::unique_ptr<AuditTrail> auditTrail, std::unique_ptr<StateDatabase> stateDatabase)
        : trail(std::move(auditTrail))
        , database(std::move(stateDatabase))
    { }

    std::unique_ptr<AuditTrail> trail;
    std::unique_ptr<StateDatabase> database;
    SqlKeyStore store{database.get()};
    KeyAdministration keys{&store, trail.get(), QStringLiteral("cli")};
};

std::unique_ptr<KeysCommand::Administration> KeysCommand::openAdministration()
{
    // A change to the keys that the audit trail cannot record is not made at all: the trail
    // is opened first.
    std::unique_ptr<AuditTrail> trail = openAuditTrail();
    if (!trail)
        return nullptr;
    std::unique_ptr<StateDatabase> database = openDatabase();
    if (!database)
        return nullptr;
    return std::make_unique<Administration>(std::move(trail), std::move(database));
}

QString KeysCommand::summary() const
{
    return tr("Manage API keys: generate, list, show, revoke, update, export, import.");
}

QString KeysCommand::usage()
{
    return tr("Usage: homewarden keys COMMAND [ARGS]\n\n"
              "  generate --role R --name N [--expires DAYS] [--ip CIDR,..] [--devices ID,..]\n"
              "           [--permissions P,..] [--rate-limit N]\n"
              "                      create a key; its text is printed once, alone on stdout\n"
              "  list [--active] [--format table|json]\n"
              "                      list the keys (--active: only those usable now)\n"
              "  show ID [--format text|json]\n"
              "                      show one key\n"
              "  revoke ID           revoke a key for good\n"
              "  update ID [--name N] [--expires DAYS|never] [--ip CIDR,..|none]\n"
              "           [--devices ID,..|none] [--permissions P,..|none]\n"
              "           [--rate-limit N|default] [--active true|false]\n"
              "                      change a key\n"
              "  export [--format json|toml] [--output FILE]\n"
              "                      write every key, hashes only (FILE is made private to you)\n"
              "  import FILE [--skip-existing]\n"
              "                      add the keys of an export (JSON or TOML)\n\n"
              "Roles: admin, operator, monitor (or viewer), device (needs --devices), custom "
              "(needs --permissions).\n"
              "Permissions: %1.\n"
              "Device ids: ha:<entity_id> such as ha:light.kitchen, or loxone:<uuid>.\n")
            .arg(ApiKey::permissionNames().join(QStringLiteral(", ")));
}

int KeysCommand::run(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        Command::printError(
                tr("keys needs a command such as generate or list; run 'homewarden keys "
                   "--help' for the list."));
        return UsageError;
    }
    const QString verb = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")
            || verb == QLatin1String("help")) {
        Command::printOut(usage());
        return Success;
    }
    if (verb == QLatin1String("generate"))
        return generate(rest);
    if (verb == QLatin1String("list"))
        return list(rest);
    if (verb == QLatin1String("show"))
        return show(rest);
    if (verb == QLatin1String("revoke"))
        return revoke(rest);
    if (verb == QLatin1String("update"))
        return update(rest);
    if (verb == QLatin1String("export"))
        return exportKeys(rest);
    if (verb == QLatin1String("import"))
        return importKeys(rest);
    Command::printError(
            tr("Unknown keys command '%1'; run 'homewarden keys --help' for the list.").arg(verb));
    return UsageError;
}

bool KeysCommand::parse(
        QCommandLineParser *parser, const QString &verb, const QStringList &arguments)
{
    parser->addOption(QCommandLineOption(
            {QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")));
    // QCommandLineParser wants the program first; it is never shown.
    if (!parser->parse(QStringList{QStringLiteral("homewarden")} + arguments)) {
        Command::printError(tr("%1 Run 'homewarden keys --help' for the usage of keys %2.")
                                    .arg(parser->errorText(), verb));
        return false;
    }
    return true;
}

bool KeysCommand::readExpiry(
        const QString &days, const QDateTime &now, bool allowNever, QDateTime *expiry)
{
    if (allowNever && days == QLatin1String("never")) {
        *expiry = QDateTime();
        return true;
    }
    bool isNumber = false;
    const int count = days.toInt(&isNumber);
    if (isNumber && count >= 1 && count <= ApiKey::MAX_EXPIRY_DAYS) {
        *expiry = now.addDays(count);
        return true;
    }
    Command::printError(allowNever ? tr("--expires takes a number of days from 1 to %1, or never.")
                                             .arg(ApiKey::MAX_EXPIRY_DAYS)
                                   : tr("--expires takes a number of days from 1 to %1.")
                                             .arg(ApiKey::MAX_EXPIRY_DAYS));
    return false;
}

bool KeysCommand::readRateLimit(const QString &value, bool allowDefault, int *limit)
{
    if (allowDefault && value == QLatin1String("default")) {
        *limit = 0;
        return true;
    }
    bool isNumber = false;
    const int number = value.toInt(&isNumber);
    if (isNumber && number >= 1 && number <= MAX_RATE_LIMIT) {
        *limit = number;
        return true;
    }
    Command::printError(allowDefault
                    ? tr("--rate-limit takes a number of calls per minute from 1 to %1, or "
                         "default.")
                              .arg(MAX_RATE_LIMIT)
                    : tr("--rate-limit takes a number of calls per minute from 1 to %1.")
                              .arg(MAX_RATE_LIMIT));
    return false;
}

QString KeysCommand::status(const ApiKey &key, const QDateTime &now)
{
    switch (key.status(now)) {
    case ApiKey::Status::Revoked:
        return tr("revoked");
    case ApiKey::Status::Inactive:
        return tr("inactive");
    case ApiKey::Status::Expired:
        return tr("expired");
    case ApiKey::Status::Active:
        break;
    }
    return tr("active");
}

QString KeysCommand::describe(const ApiKey &key, const QDateTime &now)
{
    const QString none = tr("none");
    const auto listOr = [&none](const QStringList &items) {
        return items.isEmpty() ? none : printable(items.join(QStringLiteral(", ")));
    };
    QString text;
    text += tr("Id:            %1\n").arg(key.id);
    text += tr("Name:          %1\n").arg(printable(key.name));
    text += tr("Role:          %1\n").arg(Roles::name(key.role));
    text += tr("Status:        %1\n").arg(status(key, now));
    text += tr("Created:       %1 by %2\n").arg(when(key.createdAt), printable(key.createdBy));
    text += tr("Expires:       %1\n")
                    .arg(key.expiresAt.isValid() ? when(key.expiresAt) : tr("never"));
    if (key.isRevoked())
        text += tr("Revoked:       %1\n").arg(when(key.revokedAt));
    text += tr("IP allow-list: %1\n")
                    .arg(key.ipAllow.isEmpty() ? tr("any address") : listOr(key.ipAllow));
    text += tr("Devices:       %1\n").arg(listOr(key.devices));
    if (key.role == Role::Custom)
        text += tr("Permissions:   %1\n").arg(listOr(key.permissions));
    text += tr("Rate limit:    %1 calls per minute%2\n")
                    .arg(key.effectiveRateLimit())
                    .arg(key.rateLimit > 0 ? QString() : tr(" (the role's default)"));
    text += tr("Last used:     %1%2\n")
                    .arg(when(key.lastUsedAt),
                            key.lastIp.isEmpty() ? QString()
                                                 : tr(" from %1").arg(printable(key.lastIp)));
    text += tr("Uses:          %1\n").arg(key.useCount);
    return text;
}

int KeysCommand::generate(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption roleOption(QStringLiteral("role"), tr("The role."), tr("ROLE"));
    const KeySettingOptions settings;
    parser.addOption(roleOption);
    parser.addOptions(settings.all());
    if (!parse(&parser, QStringLiteral("generate"), arguments))
        return UsageError;
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        Command::printError(tr("Unexpected argument '%1' after keys generate.")
                                    .arg(parser.positionalArguments().first()));
        return UsageError;
    }
    if (!parser.isSet(roleOption) || !parser.isSet(settings.name)) {
        Command::printError(
                tr("keys generate needs --role and --name, e.g. keys generate --role operator "
                   "--name \"Claude Desktop\"."));
        return UsageError;
    }

    SqlKeyStore::NewKey spec;
    const std::optional<Role> role = Roles::fromName(parser.value(roleOption));
    if (!role) {
        Command::printError(
                tr("'%1' is not a role; choose admin, operator, monitor (or viewer), device or "
                   "custom.")
                        .arg(parser.value(roleOption)));
        return UsageError;
    }
    spec.role = *role;
    spec.name = parser.value(settings.name);
    spec.createdBy = QStringLiteral("cli");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(settings.expires)
            && !readExpiry(parser.value(settings.expires), now, false, &spec.expiresAt))
        return UsageError;
    spec.ipAllow = ApiKey::splitList(parser.value(settings.ip));
    spec.devices = ApiKey::splitList(parser.value(settings.devices));
    spec.permissions = ApiKey::splitList(parser.value(settings.permissions));
    if (parser.isSet(settings.rateLimit)
            && !readRateLimit(parser.value(settings.rateLimit), false, &spec.rateLimit))
        return UsageError;
    QString error;
    if (!SqlKeyStore::validate(spec, now, &error)) {
        Command::printError(tr("The key cannot be created: %1").arg(error));
        return UsageError;
    }

    const std::unique_ptr<Administration> admin = openAdministration();
    if (!admin)
        return Failure;
    const std::optional<QString> keyText = admin->keys.generate(spec, &error);
    if (!keyText) {
        Command::printError(tr("The key cannot be created: %1").arg(error));
        return Failure;
    }
    const QString id = KeyText::parse(*keyText)->id;
    flushAudit(admin->trail.get());

    // The key alone on stdout, so that `KEY=$(homewarden keys generate ...)` takes just it.
    Command::printOut(*keyText + QLatin1Char('\n'));
    Command::printError(
            tr("Store this key now: it is shown only once and cannot be recovered (only a "
               "hash of it is kept). Its id is %1; revoke it with 'homewarden keys revoke %1'.")
                    .arg(id));
    noteEnvironmentKeys();
    return Success;
}

int KeysCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption activeOption(QStringLiteral("active"), tr("Only usable keys."));
    const QCommandLineOption formatOption(
            QStringLiteral("format"), tr("table or json."), tr("FORMAT"), QStringLiteral("table"));
    parser.addOptions({activeOption, formatOption});
    if (!parse(&parser, QStringLiteral("list"), arguments))
        return UsageError;
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        Command::printError(tr("Unexpected argument '%1' after keys list.")
                                    .arg(parser.positionalArguments().first()));
        return UsageError;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("table") && format != QLatin1String("json")) {
        Command::printError(tr("--format takes table or json, not '%1'.").arg(format));
        return UsageError;
    }

    const std::unique_ptr<StateDatabase> database = openDatabase();
    if (!database)
        return Failure;
    const SqlKeyStore store(database.get());
    QString error;
    QList<ApiKey> keys = store.list(&error);
    if (!error.isEmpty()) {
        Command::printError(error);
        return Failure;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(activeOption)) {
        keys.removeIf(
                [&now](const ApiKey &key) { return key.status(now) != ApiKey::Status::Active; });
    }

    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const ApiKey &key : keys)
            array.append(key.toJson());
        Command::printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return Success;
    }
    if (keys.isEmpty()) {
        Command::printOut(
                tr("No keys yet; create one with 'homewarden keys generate --role R --name N'.")
                + QLatin1Char('\n'));
        return Success;
    }
    const QStringList header{tr("ID"), tr("ROLE"), tr("STATUS"), tr("EXPIRES"), tr("LAST USED"),
            tr("USES"), tr("NAME")};
    QList<QStringList> rows{header};
    for (const ApiKey &key : keys) {
        rows.append({key.id, Roles::name(key.role), status(key, now),
                key.expiresAt.isValid() ? when(key.expiresAt) : tr("never"), when(key.lastUsedAt),
                QString::number(key.useCount), printable(key.name)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = qMax(widths[column], row.at(column).size());
    }
    QString table;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const bool last = column == row.size() - 1;
            line += last ? row.at(column) : row.at(column).leftJustified(widths[column] + 2);
        }
        table += line + QLatin1Char('\n');
    }
    Command::printOut(table);
    return Success;
}

int KeysCommand::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(
            QStringLiteral("format"), tr("text or json."), tr("FORMAT"), QStringLiteral("text"));
    parser.addOption(formatOption);
    if (!parse(&parser, QStringLiteral("show"), arguments))
        return UsageError;
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    if (parser.positionalArguments().size() != 1) {
        Command::printError(tr("keys show takes one key id, e.g. keys show hwk_operator_001."));
        return UsageError;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        Command::printError(tr("--format takes text or json, not '%1'.").arg(format));
        return UsageError;
    }
    const QString id = parser.positionalArguments().first();

    const std::unique_ptr<StateDatabase> database = openDatabase();
    if (!database)
        return Failure;
    const SqlKeyStore store(database.get());
    QString error;
    const std::optional<ApiKey> key = store.find(id, &error);
    if (!key) {
        Command::printError(error.isEmpty()
                        ? tr("There is no key %1; 'homewarden keys list' shows the keys.").arg(id)
                        : error);
        return Failure;
    }
    if (format == QLatin1String("json"))
        Command::printOut(
                QString::fromUtf8(QJsonDocument(key->toJson()).toJson(QJsonDocument::Indented)));
    else
        Command::printOut(describe(*key, QDateTime::currentDateTimeUtc()));
    return Success;
}

int KeysCommand::revoke(const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parse(&parser, QStringLiteral("revoke"), arguments))
        return UsageError;
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    if (parser.positionalArguments().size() != 1) {
        Command::printError(tr("keys revoke takes one key id, e.g. keys revoke hwk_operator_001."));
        return UsageError;
    }
    const QString id = parser.positionalArguments().first();

    const std::unique_ptr<Administration> admin = openAdministration();
    if (!admin)
        return Failure;
    QString error;
    if (!admin->keys.revoke(id, &error)) {
        Command::printError(error);
        return Failure;
    }
    flushAudit(admin->trail.get());
    Command::printOut(
            tr("Key %1 is revoked; every HomeWarden process refuses it from now on.").arg(id)
            + QLatin1Char('\n'));
    return Success;
}

int KeysCommand::update(const QStringList &arguments)
{
    QCommandLineParser parser;
    const KeySettingOptions settings;
    const QCommandLineOption activeOption(
            QStringLiteral("active"), tr("true or false."), tr("BOOL"));
    parser.addOptions(settings.all());
    parser.addOption(activeOption);
    if (!parse(&parser, QStringLiteral("update"), arguments))
        return UsageError;
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    if (parser.positionalArguments().size() != 1) {
        Command::printError(tr("keys update takes one key id and the changes, e.g. keys update "
                               "hwk_operator_001 --active false."));
        return UsageError;
    }
    const QString id = parser.positionalArguments().first();

    SqlKeyStore::KeyChanges changes;
    // "none" (or an empty value) empties a list.
    const auto listValue = [&parser](const QCommandLineOption &option) {
        const QString value = parser.value(option);
        return value == QLatin1String("none") ? QStringList() : ApiKey::splitList(value);
    };
    if (parser.isSet(settings.name))
        changes.name = parser.value(settings.name);
    if (parser.isSet(settings.expires)) {
        QDateTime expiry;
        if (!readExpiry(
                    parser.value(settings.expires), QDateTime::currentDateTimeUtc(), true, &expiry))
            return UsageError;
        changes.expiresAt = expiry;
    }
    if (parser.isSet(settings.ip))
        changes.ipAllow = listValue(settings.ip);
    if (parser.isSet(settings.devices))
        changes.devices = listValue(settings.devices);
    if (parser.isSet(settings.permissions))
        changes.permissions = listValue(settings.permissions);
    if (parser.isSet(settings.rateLimit)) {
        int limit = 0;
        if (!readRateLimit(parser.value(settings.rateLimit), true, &limit))
            return UsageError;
        changes.rateLimit = limit;
    }
    if (parser.isSet(activeOption)) {
        const QString value = parser.value(activeOption);
        if (value != QLatin1String("true") && value != QLatin1String("false")) {
            Command::printError(tr("--active takes true or false, not '%1'.").arg(value));
            return UsageError;
        }
        changes.active = value == QLatin1String("true");
    }
    if (changes.isEmpty()) {
        Command::printError(
                tr("keys update needs at least one change, such as --name or --active false."));
        return UsageError;
    }

    const std::unique_ptr<Administration> admin = openAdministration();
    if (!admin)
        return Failure;
    QString error;
    std::optional<ApiKey> key = admin->store.find(id, &error);
    if (!key) {
        Command::printError(error.isEmpty()
                        ? tr("There is no key %1; 'homewarden keys list' shows the keys.").arg(id)
                        : error);
        return Failure;
    }
    // Invalid values are the caller's mistake, told as such before the store is asked.
    if (!key->isRevoked()) {
        changes.applyTo(&*key);
        if (!key->validateSettings(&error)) {
            Command::printError(tr("Key %1 cannot be changed: %2").arg(id, error));
            return UsageError;
        }
    }
    if (!admin->keys.update(id, changes, &error)) {
        Command::printError(error);
        return Failure;
    }
    flushAudit(admin->trail.get());
    const QString what = changes.fieldNames().join(QStringLiteral(", "));
    Command::printOut(tr("Key %1 is updated (%2).").arg(id, what) + QLatin1Char('\n'));
    return Success;
}

int KeysCommand::exportKeys(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(
            QStringLiteral("format"), tr("json or toml."), tr("FORMAT"));
    const QCommandLineOption outputOption(
            QStringLiteral("output"), tr("The file to write."), tr("FILE"));
    parser.addOptions({formatOption, outputOption});
    if (!parse(&parser, QStringLiteral("export"), arguments))
        return UsageError;
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        Command::printError(
                tr("Unexpected argument '%1' after keys export; the file goes after --output.")
                        .arg(parser.positionalArguments().first()));
        return UsageError;
    }
    const QString output = parser.value(outputOption);
    const bool toStdout = output.isEmpty() || output == QLatin1String("-");
    KeyExport::Format format = KeyExport::Format::Json;
    if (parser.isSet(formatOption)) {
        const std::optional<KeyExport::Format> named =
                KeyExport::formatFromName(parser.value(formatOption));
        if (!named) {
            Command::printError(
                    tr("--format takes json or toml, not '%1'.").arg(parser.value(formatOption)));
            return UsageError;
        }
        format = *named;
    } else if (!toStdout) {
        format = KeyExport::formatFromName(QFileInfo(output).suffix().toLower())
                         .value_or(KeyExport::Format::Json);
    }

    const std::unique_ptr<StateDatabase> database = openDatabase();
    if (!database)
        return Failure;
    const SqlKeyStore store(database.get());
    QString error;
    const QList<ApiKey> keys = store.list(&error);
    if (!error.isEmpty()) {
        Command::printError(error);
        return Failure;
    }
    if (toStdout) {
        Command::printOut(QString::fromUtf8(KeyExport::write(keys, format)));
        return Success;
    }
    if (!KeyExport::writeFile(output, keys, format, &error)) {
        Command::printError(error);
        return Failure;
    }
    Command::printOut(
            tr("Wrote %n key(s) to %1 (hashes only, no secrets).", nullptr, int(keys.size()))
                    .arg(output)
            + QLatin1Char('\n'));
    return Success;
}

int KeysCommand::importKeys(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption skipOption(
            QStringLiteral("skip-existing"), tr("Keep keys whose id exists."));
    parser.addOption(skipOption);
    if (!parse(&parser, QStringLiteral("import"), arguments))
        return UsageError;
    if (parser.isSet(QStringLiteral("help"))) {
        Command::printOut(usage());
        return Success;
    }
    if (parser.positionalArguments().size() != 1) {
        Command::printError(tr("keys import takes one file, e.g. keys import keys.json."));
        return UsageError;
    }
    const QString path = parser.positionalArguments().first();

    QString error;
    const std::optional<QList<ApiKey>> keys = KeyExport::readFile(path, &error);
    if (!keys) {
        Command::printError(error);
        return Failure;
    }
    const std::unique_ptr<Administration> admin = openAdministration();
    if (!admin)
        return Failure;
    const SqlKeyStore::ExistingKeys existing = parser.isSet(skipOption)
            ? SqlKeyStore::ExistingKeys::Skip
            : SqlKeyStore::ExistingKeys::Refuse;
    const std::optional<SqlKeyStore::ImportSummary> summary =
            admin->keys.importKeys(*keys, existing, &error);
    if (!summary) {
        Command::printError(
                tr("%1 Nothing was imported; --skip-existing keeps the keys that exist and "
                   "imports the rest.")
                        .arg(error));
        return Failure;
    }
    flushAudit(admin->trail.get());

    QString message = tr("Imported %n key(s)", nullptr, int(summary->imported.size()));
    if (!summary->skipped.isEmpty()) {
        message += tr("; kept %n existing key(s): %1", nullptr, int(summary->skipped.size()))
                           .arg(summary->skipped.join(QStringLiteral(", ")));
    }
    Command::printOut(message + QStringLiteral(".\n"));
    noteEnvironmentKeys();
    return Success;
}
