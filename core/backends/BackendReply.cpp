#include "BackendReply.h"

#include <QTimer>

BackendReply::BackendReply(QObject *parent)
    : QObject(parent)
{ }

BackendReply *BackendReply::failure(const QString &sentence, QObject *parent)
{
    auto *reply = new BackendReply(parent);
    QTimer::singleShot(0, reply, [reply, sentence] { reply->fail(sentence); });
    return reply;
}

void BackendReply::setTimeout(int ms, const QString &timeoutSentence)
{
    if (!m_timeout) {
        m_timeout = new QTimer(this);
        m_timeout->setSingleShot(true);
    }
    m_timeout->disconnect();
    connect(m_timeout, &QTimer::timeout, this, [this, timeoutSentence] { abort(timeoutSentence); });
    m_timeout->start(ms);
}

void BackendReply::succeed(const QJsonValue &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    if (m_timeout)
        m_timeout->stop();
    Q_EMIT finished();
}

void BackendReply::fail(const QString &sentence)
{
    if (m_finished)
        return;
    m_finished = true;
    // An error without words would read as success.
    m_error = sentence.isEmpty() ? QStringLiteral("The backend request failed.") : sentence;
    if (m_timeout)
        m_timeout->stop();
    Q_EMIT finished();
}

void BackendReply::abort(const QString &sentence)
{
    if (m_finished)
        return;
    fail(sentence);
    Q_EMIT aborted();
}
