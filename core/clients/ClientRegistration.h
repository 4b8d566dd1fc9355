#pragma once

#include "SqlKeyStore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class AuditTrail;
class KeyAdministration;
class SecretStore;

// Registers HomeWarden with Claude Desktop, for the setup wizard and `homewarden register`:
// a key of the chosen role, kept in the OS keychain as client:claude-desktop, and the
// mcpServers.homewarden entry that starts `homewarden --stdio --client claude-desktop`. The
// configuration never holds the key. Each step that fails undoes the ones before it, so the
// person is left with the old set-up or the new one, never half of each, and never with a
// key nobody holds: re-registering revokes the key the keychain held before.
//
// Audited: key.created / key.revoked (KeyAdministration) and one config.changed whose target
// is the configuration's path.
class ClientRegistration
{
    Q_DECLARE_TR_FUNCTIONS(ClientRegistration)

public:
    struct Request
    {
        QString role = QStringLiteral("operator"); // admin|operator|monitor|device|custom
        QStringList devices; // optional device ids (role device needs them)
        QStringList permissions; // role custom needs them
        QString configPath; // empty: ClaudeDesktopConfig::defaultPath()
        QString executable; // empty: AutostartEntry::defaultExecutable()
    };
    struct Outcome
    {
        bool ok = false;
        QString error; // one sentence when !ok
        QString keyId; // the new key (register) or the revoked one (unregister)
        QString configPath;
        QString backupPath; // empty when there was no file before (or nothing was changed)
        QString revokedKeyId; // register: the key the keychain held before, now revoked
        QStringList warnings; // sentences about what worked only in part

        // Marks the outcome failed with sentence, what was done so far kept.
        Outcome failed(const QString &sentence)
        {
            ok = false;
            error = sentence;
            return *this;
        }
    };

    // secrets (the OS keychain store) and audit must outlive this object. source names who
    // registers in the audit trail: "wizard" or "cli".
    ClientRegistration(const QString &stateDirectory, SecretStore *secrets, AuditTrail *audit,
            const QString &source);

    // Whether request can make a key (a known role, devices for role device, ...): what
    // registerClaudeDesktop() checks before anything changes. false and *error otherwise.
    static bool validate(const Request &request, QString *error = nullptr);

    // Blocking: waits on the keychain with a local event loop (fine for the command line and a
    // wizard page).
    Outcome registerClaudeDesktop(const Request &request);
    Outcome unregisterClaudeDesktop(const QString &configPath = QString());

private:
    static SqlKeyStore::NewKey newKey(const Request &request);
    // The key id stored for Claude Desktop, an empty string when there is none; false and
    // *error when the keychain cannot be asked.
    bool storedKeyId(QString *keyId, QString *secret, QString *error) const;
    // Revokes keyId when the store knows it and it is still usable; a sentence otherwise.
    static QString revokeQuietly(KeyAdministration *administration, const QString &keyId);
    static QString notRevoked(const QString &keyId, const QString &error);
    void auditConfigChange(const QString &action, const QString &keyId, const QString &path,
            const QString &reason) const;

    QString m_stateDirectory;
    SecretStore *m_secrets;
    AuditTrail *m_audit;
    QString m_source;
};
