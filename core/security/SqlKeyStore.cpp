#include "SqlKeyStore.h"

#include "Clock.h"
#include "KeyText.h"
#include "StateDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

constexpr int SECRET_HASH_SIZE = 32; // SHA-256

const QString &columns()
{
    static const QString list = QStringLiteral(
            "id, seq, name, role, secret_hash, created_by, created_at, expires_at, active, "
            "revoked_at, ip_allow, devices, permissions, rate_limit, last_used_at, use_count, "
            "last_ip");
    return list;
}

QVariant msOrNull(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

QDateTime dateOf(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString listToText(const QStringList &list)
{
    return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

std::optional<QStringList> listFromText(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &item : document.array()) {
        if (!item.isString())
            return std::nullopt;
        list.append(item.toString());
    }
    return list;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString databaseFailure(const QSqlQuery &query)
{
    return QStringLiteral("The key database cannot be used (%1).").arg(query.lastError().text());
}

// Reads the row the query stands on. A row that cannot be read makes the key unusable rather
// than half-read: a lost allow-list would otherwise widen what the key may do.
std::optional<ApiKey> keyFromRow(const QSqlQuery &query, QString *error)
{
    ApiKey key;
    key.id = query.value(0).toString();
    key.seq = query.value(1).toInt();
    key.name = query.value(2).toString();
    const std::optional<Role> role = Roles::fromName(query.value(3).toString());
    const auto damaged = [&](const char *field) {
        fail(error,
                QStringLiteral("Key %1 in the database is damaged (%2 cannot be read); revoke it "
                               "and create a new one.")
                        .arg(key.id, QLatin1String(field)));
        return std::nullopt;
    };
    if (!role)
        return damaged("role");
    key.role = *role;
    key.secretHash = query.value(4).toByteArray();
    if (key.secretHash.size() != SECRET_HASH_SIZE)
        return damaged("secret_hash");
    key.createdBy = query.value(5).toString();
    key.createdAt = dateOf(query.value(6));
    key.expiresAt = dateOf(query.value(7));
    key.active = query.value(8).toInt() != 0;
    key.revokedAt = dateOf(query.value(9));
    const std::optional<QStringList> ipAllow = listFromText(query.value(10).toString());
    if (!ipAllow)
        return damaged("ip_allow");
    key.ipAllow = *ipAllow;
    const std::optional<QStringList> devices = listFromText(query.value(11).toString());
    if (!devices)
        return damaged("devices");
    key.devices = *devices;
    const std::optional<QStringList> permissions = listFromText(query.value(12).toString());
    if (!permissions)
        return damaged("permissions");
    key.permissions = *permissions;
    key.rateLimit = query.value(13).isNull() ? 0 : query.value(13).toInt();
    key.lastUsedAt = dateOf(query.value(14));
    key.useCount = query.value(15).toLongLong();
    key.lastIp = query.value(16).toString();
    return key;
}

std::optional<ApiKey> findIn(const QSqlDatabase &db, const QString &id, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1 FROM keys WHERE id = ?").arg(columns()));
    query.addBindValue(id);
    if (!query.exec()) {
        fail(error, databaseFailure(query));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return keyFromRow(query, error);
}

bool insertKey(const QSqlDatabase &db, const ApiKey &key, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO keys (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?, ?)")
                          .arg(columns()));
    query.addBindValue(key.id);
    query.addBindValue(key.seq);
    query.addBindValue(key.name);
    query.addBindValue(Roles::name(key.role));
    query.addBindValue(key.secretHash);
    query.addBindValue(key.createdBy);
    query.addBindValue(key.createdAt.toMSecsSinceEpoch());
    query.addBindValue(msOrNull(key.expiresAt));
    query.addBindValue(key.active ? 1 : 0);
    query.addBindValue(msOrNull(key.revokedAt));
    query.addBindValue(listToText(key.ipAllow));
    query.addBindValue(listToText(key.devices));
    query.addBindValue(listToText(key.permissions));
    query.addBindValue(
            key.rateLimit > 0 ? QVariant(key.rateLimit) : QVariant(QMetaType::fromType<int>()));
    query.addBindValue(msOrNull(key.lastUsedAt));
    query.addBindValue(key.useCount);
    query.addBindValue(
            key.lastIp.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(key.lastIp));
    if (!query.exec())
        return fail(error, databaseFailure(query));
    return true;
}

QString noSuchKey(const QString &id)
{
    return QStringLiteral("There is no key %1; 'homewarden keys list' shows the keys.").arg(id);
}

// BEGIN IMMEDIATE takes the write lock at once, so that what is read inside (the highest
// number, whether an id exists) still holds at COMMIT. Rolls back unless committed.
class WriteTransaction
{
public:
    explicit WriteTransaction(StateDatabase *database)
        : m_db(database->connection())
    { }
    ~WriteTransaction()
    {
        if (m_open)
            execSql(m_db, QStringLiteral("ROLLBACK"), nullptr);
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    const QSqlDatabase &db() const { return m_db; }

    bool begin(QString *error)
    {
        QString detail;
        m_open = execSql(m_db, QStringLiteral("BEGIN IMMEDIATE"), &detail);
        if (!m_open)
            fail(error,
                    QStringLiteral("The key database is busy or cannot be written (%1).")
                            .arg(detail));
        return m_open;
    }
    bool commit(QString *error)
    {
        QString detail;
        if (!execSql(m_db, QStringLiteral("COMMIT"), &detail))
            return fail(
                    error, QStringLiteral("The key database cannot be written (%1).").arg(detail));
        m_open = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

bool SqlKeyStore::KeyChanges::isEmpty() const
{
    return !name && !expiresAt && !ipAllow && !devices && !permissions && !rateLimit && !active;
}

void SqlKeyStore::KeyChanges::applyTo(ApiKey *key) const
{
    if (name)
        key->name = *name;
    if (expiresAt)
        key->expiresAt = expiresAt->isValid() ? expiresAt->toUTC() : QDateTime();
    if (ipAllow)
        key->ipAllow = *ipAllow;
    if (devices)
        key->devices = *devices;
    if (permissions)
        key->permissions = *permissions;
    if (rateLimit)
        key->rateLimit = *rateLimit;
    if (active)
        key->active = *active;
}

QStringList SqlKeyStore::KeyChanges::fieldNames() const
{
    QStringList names;
    const auto note = [&names](bool isSet, const char *field) {
        if (isSet)
            names.append(QLatin1String(field));
    };
    note(name.has_value(), "name");
    note(expiresAt.has_value(), "expires_at");
    note(ipAllow.has_value(), "ip_allow");
    note(devices.has_value(), "devices");
    note(permissions.has_value(), "permissions");
    note(rateLimit.has_value(), "rate_limit");
    note(active.has_value(), "active");
    return names;
}

SqlKeyStore::SqlKeyStore(StateDatabase *database, const Clock *clock)
    : m_database(database)
    , m_clock(clock ? clock : &systemClock())
    , m_cache(database, QStringLiteral("keys"), CACHED_KEYS)
{ }

QDateTime SqlKeyStore::now() const
{
    return m_clock->now().toUTC();
}

std::optional<ApiKey> SqlKeyStore::find(const QString &id, QString *error) const
{
    // Every request asks for its key, so a revocation elsewhere counts at once: the cache
    // answers only while nothing has changed the keys since.
    if (const ApiKey *cached = m_cache.find(id))
        return *cached;
    QSqlQuery &query =
            m_database->prepared(QStringLiteral("SELECT %1 FROM keys WHERE id = ?").arg(columns()));
    query.bindValue(0, id);
    if (!query.exec()) {
        fail(error, databaseFailure(query));
        return std::nullopt;
    }
    std::optional<ApiKey> key;
    if (query.next())
        key = keyFromRow(query, error);
    query.finish();
    // Only keys that exist: made-up ids must not push real ones out.
    if (key)
        m_cache.insert(id, *key);
    return key;
}

QList<ApiKey> SqlKeyStore::list(QString *error) const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT %1 FROM keys ORDER BY seq").arg(columns()))) {
        fail(error, databaseFailure(query));
        return {};
    }
    QList<ApiKey> keys;
    while (query.next()) {
        std::optional<ApiKey> key = keyFromRow(query, error);
        if (!key)
            return {};
        keys.append(*key);
    }
    return keys;
}

bool SqlKeyStore::recordUses(const QString &id, const QDateTime &when, const QString &source,
        qint64 uses, QString *error)
{
    QSqlQuery &query =
            m_database->prepared(QStringLiteral("UPDATE keys SET last_used_at = ?, use_count = "
                                                "use_count + ?, last_ip = ? WHERE id = ?"));
    query.bindValue(0, when.toMSecsSinceEpoch());
    query.bindValue(1, uses);
    query.bindValue(2, source);
    query.bindValue(3, id);
    const bool ok = query.exec();
    const int affected = query.numRowsAffected();
    const QString failure = ok ? QString() : databaseFailure(query);
    query.finish();
    if (!ok)
        return fail(error, failure);
    if (affected < 1)
        return fail(error, noSuchKey(id));
    return true;
}

bool SqlKeyStore::validate(const NewKey &spec, const QDateTime &now, QString *error)
{
    ApiKey draft;
    draft.name = spec.name;
    draft.role = spec.role;
    draft.ipAllow = spec.ipAllow;
    draft.devices = spec.devices;
    draft.permissions = spec.permissions;
    draft.rateLimit = spec.rateLimit;
    if (!draft.validateSettings(error))
        return false;
    if (spec.expiresAt.isValid() && spec.expiresAt <= now)
        return fail(error, QStringLiteral("expires_at must lie in the future."));
    return true;
}

std::optional<QString> SqlKeyStore::create(const NewKey &spec, QString *error)
{
    const QDateTime createdAt = now();
    if (!validate(spec, createdAt, error))
        return std::nullopt;

    WriteTransaction transaction(m_database);
    const QSqlDatabase &db = transaction.db();
    if (!transaction.begin(error))
        return std::nullopt;

    int seq = 0;
    {
        // Numbers are never reused: revoked keys keep their rows, so MAX only grows.
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM keys"))
                || !query.next()) {
            fail(error, databaseFailure(query));
            return std::nullopt;
        }
        seq = query.value(0).toInt();
    }

    const KeyText::Parts parts = KeyText::generate(spec.role, seq);
    ApiKey key;
    key.id = parts.id;
    key.seq = seq;
    key.name = spec.name;
    key.role = spec.role;
    key.secretHash = KeyText::hashSecret(parts.id, parts.secret);
    key.createdBy = spec.createdBy;
    key.createdAt = createdAt;
    key.expiresAt = spec.expiresAt.isValid() ? spec.expiresAt.toUTC() : QDateTime();
    key.ipAllow = spec.ipAllow;
    key.devices = spec.devices;
    key.permissions = spec.permissions;
    key.rateLimit = spec.rateLimit;
    if (!insertKey(db, key, error) || !transaction.commit(error))
        return std::nullopt;
    return KeyText::compose(parts);
}

bool SqlKeyStore::update(const QString &id, const KeyChanges &changes, QString *error)
{
    if (changes.isEmpty())
        return fail(error, QStringLiteral("Nothing to change for key %1.").arg(id));
    WriteTransaction transaction(m_database);
    const QSqlDatabase &db = transaction.db();
    if (!transaction.begin(error))
        return false;
    QString findError;
    std::optional<ApiKey> key = findIn(db, id, &findError);
    if (!key)
        return fail(error, findError.isEmpty() ? noSuchKey(id) : findError);
    if (key->isRevoked())
        return fail(error,
                QStringLiteral("Key %1 was revoked on %2 and cannot be changed; create a new key.")
                        .arg(id, key->revokedAt.toString(Qt::ISODate)));
    changes.applyTo(&*key);
    if (!key->validateSettings(error))
        return false;

    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE keys SET name = ?, expires_at = ?, ip_allow = ?, "
                                 "devices = ?, permissions = ?, rate_limit = ?, active = ? "
                                 "WHERE id = ?"));
    query.addBindValue(key->name);
    query.addBindValue(msOrNull(key->expiresAt));
    query.addBindValue(listToText(key->ipAllow));
    query.addBindValue(listToText(key->devices));
    query.addBindValue(listToText(key->permissions));
    query.addBindValue(
            key->rateLimit > 0 ? QVariant(key->rateLimit) : QVariant(QMetaType::fromType<int>()));
    query.addBindValue(key->active ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec())
        return fail(error, databaseFailure(query));
    return transaction.commit(error);
}

bool SqlKeyStore::revoke(const QString &id, QString *error)
{
    WriteTransaction transaction(m_database);
    const QSqlDatabase &db = transaction.db();
    if (!transaction.begin(error))
        return false;
    // Reads only what it needs: a key whose row is damaged must still be revocable.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT revoked_at FROM keys WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail(error, databaseFailure(query));
    if (!query.next())
        return fail(error, noSuchKey(id));
    const QDateTime revokedAt = dateOf(query.value(0));
    query.finish();
    if (revokedAt.isValid())
        return fail(error,
                QStringLiteral("Key %1 was already revoked on %2.")
                        .arg(id, revokedAt.toString(Qt::ISODate)));

    query.prepare(QStringLiteral("UPDATE keys SET active = 0, revoked_at = ? WHERE id = ?"));
    query.addBindValue(now().toMSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec())
        return fail(error, databaseFailure(query));
    return transaction.commit(error);
}

std::optional<SqlKeyStore::ImportSummary> SqlKeyStore::importKeys(
        const QList<ApiKey> &keys, ExistingKeys existing, QString *error)
{
    WriteTransaction transaction(m_database);
    const QSqlDatabase &db = transaction.db();
    if (!transaction.begin(error))
        return std::nullopt;

    const QDateTime importedAt = now();
    ImportSummary summary;
    QSet<QString> seenIds;
    QSet<int> seenSeqs;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        ApiKey key = keys.at(i);
        const auto refuse = [&](const QString &reason) {
            fail(error,
                    QStringLiteral("Key %1 (entry %2) cannot be imported: %3")
                            .arg(key.id)
                            .arg(i + 1)
                            .arg(reason));
            return std::nullopt;
        };
        QString reason;
        if (key.secretHash.size() != SECRET_HASH_SIZE)
            return refuse(QStringLiteral("secret_hash must be a SHA-256 hash."));
        if (!key.validateSettings(&reason))
            return refuse(reason);
        if (seenIds.contains(key.id) || seenSeqs.contains(key.seq))
            return refuse(QStringLiteral("the file holds it, or its number, twice."));
        seenIds.insert(key.id);
        seenSeqs.insert(key.seq);

        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id FROM keys WHERE id = ? OR seq = ?"));
        query.addBindValue(key.id);
        query.addBindValue(key.seq);
        if (!query.exec()) {
            fail(error, databaseFailure(query));
            return std::nullopt;
        }
        bool idExists = false;
        QString seqHolder;
        while (query.next()) {
            const QString holder = query.value(0).toString();
            if (holder == key.id)
                idExists = true;
            else
                seqHolder = holder;
        }
        query.finish();
        if (!seqHolder.isEmpty())
            return refuse(QStringLiteral("its number %1 belongs to key %2 here.")
                                  .arg(key.seq)
                                  .arg(seqHolder));
        if (idExists) {
            if (existing == ExistingKeys::Skip) {
                summary.skipped.append(key.id);
                continue;
            }
            return refuse(QStringLiteral("a key with that id exists already."));
        }
        if (!key.createdAt.isValid())
            key.createdAt = importedAt;
        if (key.isRevoked())
            key.active = false;
        if (!insertKey(db, key, error))
            return std::nullopt;
        summary.imported.append(key.id);
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return summary;
}
