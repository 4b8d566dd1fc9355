#pragma once

#include "SecretJob.h"

#include <QCoreApplication>
#include <QString>

// Where HomeWarden keeps its secrets: the OS keychain (KeychainSecretStore), or memory in
// tests (MemorySecretStore). Asynchronous: each call returns a job that finishes from the
// event loop (see SecretJob). Entry names are those of SecretNames; a store refuses others.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    // Long enough for a person to answer the keychain's unlock prompt.
    static constexpr int DEFAULT_TIMEOUT_MS = 60000;

    virtual ~SecretStore() = default;

    virtual SecretJob *read(const QString &name) = 0;
    // Replaces what is stored under name.
    virtual SecretJob *write(const QString &name, const QString &value) = 0;
    // A name with nothing stored finishes with Error::NotFound.
    virtual SecretJob *remove(const QString &name) = 0;

    // For the command line: runs a local event loop until job finishes, or fails it with
    // Error::Timeout after timeoutMs. A job that times out keeps running and deletes itself
    // when it ends.
    static SecretJob::Result wait(SecretJob *job, int timeoutMs = DEFAULT_TIMEOUT_MS);
    SecretJob::Result readAndWait(const QString &name, int timeoutMs = DEFAULT_TIMEOUT_MS);
    SecretJob::Result writeAndWait(
            const QString &name, const QString &value, int timeoutMs = DEFAULT_TIMEOUT_MS);
    SecretJob::Result removeAndWait(const QString &name, int timeoutMs = DEFAULT_TIMEOUT_MS);

    // The one sentence for an error, the same whichever store met it. detail is the keychain's
    // own text, shown for Error::Other only.
    static QString errorSentence(
            SecretJob::Error error, const QString &name, const QString &detail = QString());
};
