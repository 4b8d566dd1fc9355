#include "SecretJob.h"

#include <QMetaObject>

SecretJob::SecretJob(Operation operation, const QString &name, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_name(name)
{ }

void SecretJob::finishWithValue(const QString &value)
{
    finish(Result{Error::None, {}, value});
}

void SecretJob::finishWithSuccess()
{
    finish(Result{});
}

void SecretJob::finishWithError(Error error, const QString &errorString)
{
    finish(Result{error, errorString, {}});
}

void SecretJob::finish(const Result &result)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_result = result;
    // Queued even when the outcome is known at once (a memory store, a refused name), so that
    // every caller sees the same order: the call returns, then finished() arrives.
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_finished = true;
                Q_EMIT finished(this);
                deleteLater();
            },
            Qt::QueuedConnection);
}
