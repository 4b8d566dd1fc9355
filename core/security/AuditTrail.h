#pragma once

#include "AuditEvent.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <span>

class StateDatabase;

class QThread;
class AuditChain;

// Writes the audit trail (DESIGN.md, "Audit trail"). append() only queues the event, so a
// request never waits for the disk; a thread of its own commits the queue in batches, with a
// full fsync, to homewarden.db. Every batch reads the chain's end inside its write
// transaction, so several processes appending at once still build one valid chain.
class AuditTrail : public QObject
{
    Q_OBJECT

public:
    // Opens (and creates) homewarden.db in stateDirectory and starts the writer. Returns null
    // and sets *error to one sentence when the database cannot be opened.
    static std::unique_ptr<AuditTrail> open(
            const QString &stateDirectory, QString *error = nullptr);
    // Flushes, then stops the writer. Events that still cannot be written are named in a
    // warning, never dropped silently.
    ~AuditTrail() override;

    // Thread-safe; returns at once. Stamps the time when event.timestamp is invalid and leaves
    // the parameters out unless recordsParameters().
    void append(const AuditEvent &event);

    // Waits until everything appended before this call is committed. False on timeout.
    bool flush(int timeoutMs = 5000);

    // Tool-call parameters can hold personal data: they are stored only when enabled.
    void setRecordParameters(bool record);
    bool recordsParameters() const;

    // Events appended but not committed yet; it keeps growing while writes fail.
    qint64 pendingCount() const;

Q_SIGNALS:
    // A batch could not be committed after several attempts (emitted from the writer thread).
    // The events stay queued and the writer keeps trying.
    void writeFailed(const QString &reason);

private:
    AuditTrail();

    void runWriter(const QString &stateDirectory);
    bool commitBatch(StateDatabase *database, std::span<const AuditEvent> batch, AuditChain *chain,
            QString *error);
    bool waitBeforeRetry(int failures);
    static void recycle(QList<AuditEvent> *list);

    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_recordParameters{false};

    mutable QMutex m_mutex;
    QWaitCondition m_wakeWriter; // new events, or time to stop
    QWaitCondition m_progress; // a batch was committed, or the writer started or ended
    QList<AuditEvent> m_queue;
    qint64 m_appended = 0;
    qint64 m_committed = 0;
    bool m_stopping = false;
    bool m_started = false;
    QString m_openError;
};
