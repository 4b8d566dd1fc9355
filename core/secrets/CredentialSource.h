#pragma once

#include "SecretJob.h"
#include "SecurityLevel.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

class SecretStore;

// Where the backends' credentials come from, by the security level's rules. development
// takes HOMEWARDEN_HA_TOKEN / HOMEWARDEN_LOXONE_PASSWORD when set, else the keychain.
// staging and production take the keychain only, and refuse to run with such a variable set
// rather than silently ignore it: a secret in the environment is readable by every process
// that inherits it and ends up in crash reports and service files.
class CredentialSource
{
    Q_DECLARE_TR_FUNCTIONS(CredentialSource)

public:
    enum class Credential { HomeAssistantToken, LoxonePassword };

    // environment: where the variables are looked up; tests pass their own.
    CredentialSource(SecurityLevel level, SecretStore *store,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // The credential, as a job that finishes from the event loop: its value, or
    // Error::Refused (a variable set at staging/production), or the keychain's error.
    SecretJob *resolve(Credential credential) const;

    // Without touching the keychain: false and *error (the refusal) when a credential's
    // variable is set at a level that refuses it, so that a server can refuse to start.
    bool checkEnvironment(QString *error = nullptr) const;

    static QString variableName(Credential credential); // HOMEWARDEN_HA_TOKEN, ...
    static QString secretName(Credential credential); // ha-token, ...

private:
    // The refusal for credential's variable, or an empty string when it may be used or is unset.
    QString refusal(Credential credential) const;

    SecurityLevel m_level;
    SecretStore *m_store;
    QProcessEnvironment m_environment;
};
