#pragma once

#include "SecretStore.h"

#include <QHash>

// Secrets in a hash, for tests only: nothing of it survives the process. A test can make a
// name fail the way a keychain would (setFailure) to check what the caller makes of it.
class MemorySecretStore : public SecretStore
{
public:
    SecretJob *read(const QString &name) override;
    SecretJob *write(const QString &name, const QString &value) override;
    SecretJob *remove(const QString &name) override;

    // Every later call for name fails with error (and its usual sentence) until cleared with
    // SecretJob::Error::None.
    void setFailure(const QString &name, SecretJob::Error error);
    bool contains(const QString &name) const { return m_values.contains(name); }
    int count() const { return int(m_values.size()); }

private:
    // Makes the job; sets *failed when it has failed already (bad name, injected failure).
    SecretJob *start(SecretJob::Operation operation, const QString &name, bool *failed);

    QHash<QString, QString> m_values;
    QHash<QString, SecretJob::Error> m_failures;
};
