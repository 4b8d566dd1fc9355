#pragma once

#include "SecretStore.h"

namespace QKeychain {
class Job;
}

// The OS keychain through QtKeychain, under the service "HomeWarden": Secret Service
// (GNOME Keyring, KWallet, KeePassXC) on Linux, the Keychain on macOS, the Credential Store
// on Windows. Never falls back to a plain-text file: without a keychain a call fails with a
// sentence saying what to do (see KeychainBackend).
class KeychainSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    static QString service();

    SecretJob *read(const QString &name) override;
    SecretJob *write(const QString &name, const QString &value) override;
    SecretJob *remove(const QString &name) override;

private:
    // A job that cannot start (bad name, no usable event loop) fails at once; false then.
    static bool canStart(SecretJob *job);
    static void prepare(QKeychain::Job *keychainJob, const QString &name);
    static void deleteEntry(SecretJob *job);
    // Turns QtKeychain's failure into one of ours, asking the session bus what is wrong.
    static void fail(SecretJob *job, const QKeychain::Job *keychainJob);
};
