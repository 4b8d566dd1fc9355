#pragma once

#include "KeyStore.h"
#include "RowCache.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

class Clock;
class StateDatabase;

// The keys in homewarden.db, shared by every HomeWarden process. find() keeps the keys it
// read while nothing has changed the keys table since (RowCache, on a count that triggers
// keep), so a revocation by any process or connection still counts at the next find().
// Writes that allocate or check ids run inside BEGIN IMMEDIATE, so two processes creating
// keys at once never collide.
class SqlKeyStore : public KeyStore
{
public:
    // What `keys generate` asks for; the store adds the id, the secret and the dates.
    struct NewKey
    {
        QString name;
        Role role = Role::Monitor;
        QString createdBy; // "cli", "tray", "admin-api:<key id>"
        QDateTime expiresAt; // invalid = never expires
        QStringList ipAllow;
        QStringList devices;
        QStringList permissions;
        int rateLimit = 0; // 0 = the role's default
    };

    // What `keys update` may change; an unset field stays as it is.
    struct KeyChanges
    {
        std::optional<QString> name;
        std::optional<QDateTime> expiresAt; // an invalid QDateTime: never expires
        std::optional<QStringList> ipAllow;
        std::optional<QStringList> devices;
        std::optional<QStringList> permissions;
        std::optional<int> rateLimit; // 0 = the role's default
        std::optional<bool> active;

        bool isEmpty() const;
        void applyTo(ApiKey *key) const;
        // The stored names of the fields set ("name", "expires_at", ...), in column order:
        // what the key.updated event says was changed.
        QStringList fieldNames() const;
    };

    // When an imported key's id is already in the store.
    enum class ExistingKeys { Refuse, Skip };

    struct ImportSummary
    {
        QStringList imported;
        QStringList skipped;
    };

    // database must outlive the store and is used from the thread that opened it.
    explicit SqlKeyStore(StateDatabase *database, const Clock *clock = nullptr);

    std::optional<ApiKey> find(const QString &id, QString *error = nullptr) const override;
    QList<ApiKey> list(QString *error = nullptr) const override;
    bool isReadOnly() const override { return false; }
    bool recordUses(const QString &id, const QDateTime &when, const QString &source, qint64 uses,
            QString *error = nullptr) override;
    using KeyStore::recordUse;

    // Checks a request for a new key without touching the database (a usage error for the CLI).
    static bool validate(const NewKey &spec, const QDateTime &now, QString *error = nullptr);

    // Stores a new key and returns its full text: the only time the secret exists outside the
    // caller's memory. nullopt and *error when the spec is invalid or the database fails.
    std::optional<QString> create(const NewKey &spec, QString *error = nullptr);
    // false and *error for an unknown id, a revoked key, invalid changes or a database failure.
    bool update(const QString &id, const KeyChanges &changes, QString *error = nullptr);
    // Deactivates the key for good (active = 0, revoked_at = now); the row stays for the audit.
    bool revoke(const QString &id, QString *error = nullptr);
    // Adds exported keys (hashes only) in one transaction: all or none. A key whose id exists
    // is an error naming it unless existing is Skip; a key whose number another id already
    // holds is always an error.
    std::optional<ImportSummary> importKeys(
            const QList<ApiKey> &keys, ExistingKeys existing, QString *error = nullptr);

private:
    QDateTime now() const;

    static constexpr qsizetype CACHED_KEYS = 256;

    StateDatabase *m_database;
    const Clock *m_clock;
    mutable RowCache<ApiKey> m_cache;
};
