#include "KeychainSecretStore.h"

#include "KeychainBackend.h"
#include "SecretNames.h"

#include <qt6keychain/keychain.h>

namespace {

constexpr char SERVICE[] = "HomeWarden";

} // namespace

QString KeychainSecretStore::service()
{
    return QLatin1String(SERVICE);
}

SecretJob *KeychainSecretStore::read(const QString &name)
{
    auto *job = new SecretJob(SecretJob::Operation::Read, name);
    if (!canStart(job))
        return job;
    // A child of our job, which deletes itself, and with it this, once it has finished.
    auto *reader = new QKeychain::ReadPasswordJob(service(), job);
    prepare(reader, name);
    QObject::connect(reader, &QKeychain::Job::finished, job, [job, reader] {
        if (reader->error() == QKeychain::NoError)
            job->finishWithValue(reader->textData());
        else
            fail(job, reader);
    });
    reader->start();
    return job;
}

SecretJob *KeychainSecretStore::write(const QString &name, const QString &value)
{
    auto *job = new SecretJob(SecretJob::Operation::Write, name);
    if (!canStart(job))
        return job;
    auto *writer = new QKeychain::WritePasswordJob(service(), job);
    prepare(writer, name);
    writer->setTextData(value);
    QObject::connect(writer, &QKeychain::Job::finished, job, [job, writer] {
        if (writer->error() == QKeychain::NoError)
            job->finishWithSuccess();
        else
            fail(job, writer);
    });
    writer->start();
    return job;
}

SecretJob *KeychainSecretStore::remove(const QString &name)
{
    auto *job = new SecretJob(SecretJob::Operation::Remove, name);
    if (!canStart(job))
        return job;
    // Secret Service reports success for deleting what is not there, and for deleting from a
    // locked keyring, which deletes nothing. Reading first tells both apart from a deletion.
    auto *reader = new QKeychain::ReadPasswordJob(service(), job);
    prepare(reader, name);
    QObject::connect(reader, &QKeychain::Job::finished, job, [job, reader] {
        if (reader->error() == QKeychain::NoError)
            deleteEntry(job);
        else
            fail(job, reader);
    });
    reader->start();
    return job;
}

bool KeychainSecretStore::canStart(SecretJob *job)
{
    QString error;
    if (!SecretNames::isValid(job->name(), &error)) {
        job->finishWithError(SecretJob::Error::InvalidName, error);
        return false;
    }
    error = KeychainBackend::eventLoopProblem();
    if (!error.isEmpty()) {
        job->finishWithError(SecretJob::Error::Other, error);
        return false;
    }
    return true;
}

void KeychainSecretStore::prepare(QKeychain::Job *keychainJob, const QString &name)
{
    keychainJob->setAutoDelete(false);
    // QtKeychain would otherwise write the secret to a QSettings file when no keychain is
    // there. It is off by default; it stays off whatever the default becomes.
    keychainJob->setInsecureFallback(false);
    keychainJob->setKey(name);
}

void KeychainSecretStore::deleteEntry(SecretJob *job)
{
    auto *deleter = new QKeychain::DeletePasswordJob(service(), job);
    prepare(deleter, job->name());
    QObject::connect(deleter, &QKeychain::Job::finished, job, [job, deleter] {
        if (deleter->error() == QKeychain::NoError)
            job->finishWithSuccess();
        else
            fail(job, deleter);
    });
    deleter->start();
}

void KeychainSecretStore::fail(SecretJob *job, const QKeychain::Job *keychainJob)
{
    SecretJob::Error error = KeychainBackend::diagnose();
    if (error == SecretJob::Error::None) {
        switch (keychainJob->error()) {
        case QKeychain::EntryNotFound:
            error = SecretJob::Error::NotFound;
            break;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            error = SecretJob::Error::AccessDenied;
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            error = SecretJob::Error::NoSecretService;
            break;
        case QKeychain::NoError:
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::OtherError:
            error = SecretJob::Error::Other;
            break;
        }
    }
    job->finishWithError(
            error, errorSentence(error, job->name(), keychainJob->errorString().trimmed()));
}
