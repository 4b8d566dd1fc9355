#include "MemorySecretStore.h"

#include "SecretNames.h"

SecretJob *MemorySecretStore::read(const QString &name)
{
    bool failed = false;
    SecretJob *job = start(SecretJob::Operation::Read, name, &failed);
    if (failed)
        return job;
    const auto found = m_values.constFind(name);
    if (found == m_values.constEnd())
        job->finishWithError(
                SecretJob::Error::NotFound, errorSentence(SecretJob::Error::NotFound, name));
    else
        job->finishWithValue(found.value());
    return job;
}

SecretJob *MemorySecretStore::write(const QString &name, const QString &value)
{
    bool failed = false;
    SecretJob *job = start(SecretJob::Operation::Write, name, &failed);
    if (failed)
        return job;
    m_values.insert(name, value);
    job->finishWithSuccess();
    return job;
}

SecretJob *MemorySecretStore::remove(const QString &name)
{
    bool failed = false;
    SecretJob *job = start(SecretJob::Operation::Remove, name, &failed);
    if (failed)
        return job;
    if (m_values.remove(name) == 0)
        job->finishWithError(
                SecretJob::Error::NotFound, errorSentence(SecretJob::Error::NotFound, name));
    else
        job->finishWithSuccess();
    return job;
}

void MemorySecretStore::setFailure(const QString &name, SecretJob::Error error)
{
    if (error == SecretJob::Error::None)
        m_failures.remove(name);
    else
        m_failures.insert(name, error);
}

SecretJob *MemorySecretStore::start(
        SecretJob::Operation operation, const QString &name, bool *failed)
{
    auto *job = new SecretJob(operation, name);
    QString error;
    if (!SecretNames::isValid(name, &error)) {
        job->finishWithError(SecretJob::Error::InvalidName, error);
        *failed = true;
    } else if (const SecretJob::Error injected = m_failures.value(name, SecretJob::Error::None);
               injected != SecretJob::Error::None) {
        job->finishWithError(injected, errorSentence(injected, name, QStringLiteral("injected")));
        *failed = true;
    }
    return job;
}
