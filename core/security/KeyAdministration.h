#pragma once

#include "SqlKeyStore.h"

#include <QString>

#include <optional>

class AuditTrail;

// Changes the keys and records each change in the audit trail (key.created, key.updated,
// key.revoked), so that the command line, the tray and any later front end audit alike and
// differ only in the source they name. Callers open the trail before they build this: a
// change that the trail could not record is never made.
class KeyAdministration
{
public:
    // store and trail must outlive this object. source: "cli", "tray", ...
    KeyAdministration(SqlKeyStore *store, AuditTrail *trail, const QString &source);

    SqlKeyStore *store() const { return m_store; }

    // Creates the key (spec.createdBy defaults to the source) and returns its text, the one
    // time it exists outside the caller. nullopt and *error as SqlKeyStore::create().
    std::optional<QString> generate(SqlKeyStore::NewKey spec, QString *error = nullptr);
    // The event names the fields changed. false and *error as SqlKeyStore::update().
    bool update(
            const QString &id, const SqlKeyStore::KeyChanges &changes, QString *error = nullptr);
    bool revoke(const QString &id, QString *error = nullptr);
    // One key.created per imported key. nullopt and *error as SqlKeyStore::importKeys().
    std::optional<SqlKeyStore::ImportSummary> importKeys(const QList<ApiKey> &keys,
            SqlKeyStore::ExistingKeys existing, QString *error = nullptr);

private:
    void audit(const char *event, const QString &keyId, const QString &action,
            const QString &reason = QString()) const;

    SqlKeyStore *m_store;
    AuditTrail *m_trail;
    QString m_source;
};
