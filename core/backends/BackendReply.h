#pragma once

#include <QJsonValue>
#include <QObject>
#include <QString>

class QTimer;

// The answer to one request to a backend, delivered later: a JSON result or one sentence
// saying what went wrong. Every reply finishes exactly once — with the backend's answer, a
// timeout, or abort() — so that nobody waits for a backend that hangs. Whoever receives a
// reply deletes it (deleteLater) after finished().
class BackendReply : public QObject
{
    Q_OBJECT

public:
    explicit BackendReply(QObject *parent = nullptr);

    // A reply that fails with sentence once control returns to the event loop, so that the
    // receiver can connect to finished() first.
    static BackendReply *failure(const QString &sentence, QObject *parent);

    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && m_error.isEmpty(); }
    QJsonValue result() const { return m_result; }
    QString errorString() const { return m_error; }

    // Fails the reply with timeoutSentence unless it finished within ms.
    void setTimeout(int ms, const QString &timeoutSentence);

    void succeed(const QJsonValue &result);
    void fail(const QString &sentence);
    // fail(), and tells the owner (aborted()) to drop the work behind the reply.
    void abort(const QString &sentence);

Q_SIGNALS:
    void finished();
    void aborted();

private:
    bool m_finished = false;
    QJsonValue m_result;
    QString m_error;
    QTimer *m_timeout = nullptr;
};
