#pragma once

#include <QObject>
#include <QString>

// One read, write or removal of a secret. It always finishes from the event loop, never
// before the store's read()/write()/remove() returned, so connecting to finished() right
// after the call is never too late. It emits finished() once and then deletes itself.
class SecretJob : public QObject
{
    Q_OBJECT

public:
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)

    // What went wrong, in the terms of what a person can do about it.
    enum class Error {
        None,
        NotFound, // no entry of that name
        InvalidName, // not a name HomeWarden stores
        NoSessionBus, // Linux: no D-Bus session bus to reach the keychain over
        NoSecretService, // nothing provides a keychain
        NoDefaultCollection, // Secret Service without a default collection to write into
        Locked, // locked, and unlocking was dismissed or could not be asked for
        AccessDenied, // the keychain refused this program
        Timeout, // no answer in time (a prompt nobody answered, a stuck daemon)
        Refused, // the security level forbids this source of a secret
        Other, // anything else; the sentence carries the keychain's own text
    };
    Q_ENUM(Error)

    struct Result
    {
        Error error = Error::None;
        QString errorString; // one sentence: what happened and what to do; empty when ok
        QString value; // what a read found

        bool isOk() const { return error == Error::None; }
    };

    SecretJob(Operation operation, const QString &name, QObject *parent = nullptr);

    Operation operation() const { return m_operation; }
    QString name() const { return m_name; }
    bool isFinished() const { return m_finished; }
    // Valid once finished() was emitted.
    const Result &result() const { return m_result; }

    // For SecretStore implementations: record the outcome; finished() follows from the event
    // loop. Only the first call counts.
    void finishWithValue(const QString &value);
    void finishWithSuccess();
    void finishWithError(Error error, const QString &errorString);

Q_SIGNALS:
    void finished(SecretJob *job);

private:
    void finish(const Result &result);

    Operation m_operation;
    QString m_name;
    Result m_result;
    bool m_finishing = false;
    bool m_finished = false;
};
