#pragma once

#include "SetupChoices.h"

#include <QCoreApplication>
#include <QStringList>

class AuditTrail;
class SecretStore;

// Writes what the setup wizard gathered, in an order that never leaves a backend configured
// without its secret: the secrets to the keychain, homewarden.ini through ConfigChange (one
// config.changed per changed key, source "wizard"), Claude Desktop's registration, and the
// autostart entry (audited as config.changed too). Stops at the first failure, saying what
// went wrong and what had been done before.
class SetupCommit
{
    Q_DECLARE_TR_FUNCTIONS(SetupCommit)

public:
    static constexpr char SOURCE[] = "wizard";

    struct Outcome
    {
        bool ok = false;
        QString error; // one sentence when !ok
        QStringList done; // one sentence per step that was carried out
        QString backupPath; // of Claude Desktop's configuration, when one was made
        QStringList changedKeys; // of homewarden.ini
    };

    SetupCommit(const QString &stateDirectory, AuditTrail *audit, SecretStore *secrets);

    // Blocking: waits on the keychain with a local event loop.
    Outcome apply(const SetupChoices &choices);

private:
    bool storeSecrets(const SetupChoices &choices, Outcome *outcome);
    bool writeSettings(const SetupChoices &choices, Outcome *outcome);
    bool registerClient(const SetupChoices &choices, Outcome *outcome);
    bool setAutostart(const SetupChoices &choices, Outcome *outcome);

    QString m_stateDirectory;
    AuditTrail *m_audit;
    SecretStore *m_secrets;
};
