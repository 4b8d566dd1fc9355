#include "AuditTrail.h"

#include "AuditChain.h"
#include "StateDatabase.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

// One write transaction at most; a bigger queue is committed in several. It bounds how long
// other processes wait for the write lock (a kill-switch change, a key revocation).
constexpr qsizetype MAX_BATCH = 4096;
// Queue capacity (in events) kept for reuse between batches.
constexpr qsizetype MAX_KEPT_CAPACITY = 16384;
// Failed commits before writeFailed. A locked database has already waited its busy timeout
// in each attempt; a full disk fails fast, hence the growing pause between attempts.
constexpr int ATTEMPTS_BEFORE_REPORT = 4;
constexpr int FIRST_RETRY_DELAY_MS = 100;
constexpr int MAX_RETRY_DELAY_MS = 2000;
constexpr int DESTRUCTOR_FLUSH_MS = 5000;

const QString &insertStatement()
{
    static const QString statement = QStringLiteral(
            "INSERT INTO audit (seq, ts, event, key_id, source, action, target, result, reason, "
            "params, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return statement;
}

// SQLite converts what it is given to UTF-8 itself; text that is not valid UTF-16 (a lone
// surrogate from a client) would come out differently from our toUtf8() and break the
// chain. Both therefore see the same, repaired text.
QString storable(const QString &text)
{
    if (text.isValidUtf16())
        return text;
    return QString::fromUtf8(text.toUtf8());
}

} // namespace

std::unique_ptr<AuditTrail> AuditTrail::open(const QString &stateDirectory, QString *error)
{
    std::unique_ptr<AuditTrail> trail(new AuditTrail);
    // The connection belongs to the thread that opens it, so the writer opens its own.
    trail->m_thread.reset(QThread::create(&AuditTrail::runWriter, trail.get(), stateDirectory));
    trail->m_thread->setObjectName(QStringLiteral("AuditTrail"));
    trail->m_thread->start();

    QMutexLocker lock(&trail->m_mutex);
    while (!trail->m_started)
        trail->m_progress.wait(&trail->m_mutex);
    if (!trail->m_openError.isEmpty()) {
        if (error)
            *error = trail->m_openError;
        return nullptr;
    }
    return trail;
}

AuditTrail::AuditTrail() = default;

AuditTrail::~AuditTrail()
{
    flush(DESTRUCTOR_FLUSH_MS);
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wakeWriter.wakeAll();
    }
    m_thread->wait();
}

void AuditTrail::append(const AuditEvent &event)
{
    AuditEvent stamped = event;
    if (!stamped.timestamp.isValid())
        stamped.timestamp = QDateTime::currentDateTimeUtc();
    if (!m_recordParameters.load(std::memory_order_relaxed))
        stamped.params = QJsonObject();

    QMutexLocker lock(&m_mutex);
    m_queue.append(std::move(stamped));
    ++m_appended;
    m_wakeWriter.wakeOne();
}

bool AuditTrail::flush(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    const qint64 target = m_appended;
    while (m_committed < target) {
        if (!m_progress.wait(&m_mutex, deadline))
            return m_committed >= target;
    }
    return true;
}

void AuditTrail::setRecordParameters(bool record)
{
    m_recordParameters.store(record, std::memory_order_relaxed);
}

bool AuditTrail::recordsParameters() const
{
    return m_recordParameters.load(std::memory_order_relaxed);
}

qint64 AuditTrail::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_appended - m_committed;
}

void AuditTrail::runWriter(const QString &stateDirectory)
{
    QString error;
    // Full: a committed audit event must survive a power cut.
    std::unique_ptr<StateDatabase> database =
            StateDatabase::open(stateDirectory, StateDatabase::Durability::Full, &error);
    {
        QMutexLocker lock(&m_mutex);
        m_started = true;
        if (!database)
            m_openError = error.isEmpty() ? tr("The audit trail cannot be opened.") : error;
        m_progress.wakeAll();
    }
    if (!database)
        return;

    AuditChain chain;
    // Taken from the queue but not committed yet: backlog[done..]. Emptied lists go back to
    // the queue with their capacity, so that append() rarely allocates.
    QList<AuditEvent> backlog;
    QList<AuditEvent> spare;
    qsizetype done = 0;
    int failures = 0;
    for (;;) {
        if (done == backlog.size()) {
            recycle(&backlog);
            done = 0;
        }
        {
            QMutexLocker lock(&m_mutex);
            while (done == backlog.size() && m_queue.isEmpty() && !m_stopping)
                m_wakeWriter.wait(&m_mutex);
            if (done == backlog.size() && m_queue.isEmpty())
                break;
            // A swap, whatever the queue's length: append() never waits for more than that.
            (backlog.isEmpty() ? backlog : spare).swap(m_queue);
        }
        if (!spare.isEmpty()) {
            backlog.append(std::move(spare));
            recycle(&spare);
        }

        // Group commit: everything taken so far in one transaction, up to MAX_BATCH.
        const qsizetype count = qMin(MAX_BATCH, backlog.size() - done);
        QString reason;
        if (commitBatch(database.get(), std::span(backlog.constData() + done, size_t(count)),
                    &chain, &reason)) {
            done += count;
            {
                QMutexLocker lock(&m_mutex);
                m_committed += count;
                m_progress.wakeAll();
            }
            if (failures >= ATTEMPTS_BEFORE_REPORT)
                qInfo("The audit trail is written again.");
            failures = 0;
            continue;
        }

        ++failures;
        if (failures == ATTEMPTS_BEFORE_REPORT) {
            const QString message = tr("The audit trail cannot be written (%1); %2 events wait "
                                       "and will be retried.")
                                            .arg(reason)
                                            .arg(pendingCount());
            qWarning("%s", qPrintable(message));
            Q_EMIT writeFailed(message);
        }
        if (!waitBeforeRetry(failures)) {
            QMutexLocker lock(&m_mutex);
            qWarning("%s",
                    qPrintable(tr("%1 audit events could not be written and are lost (%2).")
                                       .arg(m_appended - m_committed)
                                       .arg(reason)));
            m_queue.clear();
            m_progress.wakeAll();
            break;
        }
    }
}

void AuditTrail::recycle(QList<AuditEvent> *list)
{
    // clear() keeps the capacity; after a burst, hand the memory back instead.
    if (list->capacity() > MAX_KEPT_CAPACITY)
        *list = QList<AuditEvent>();
    else
        list->clear();
}

bool AuditTrail::waitBeforeRetry(int failures)
{
    QMutexLocker lock(&m_mutex);
    // Closing down, after the destructor's flush() has given the writer its time: give up
    // rather than hold the process.
    if (m_stopping)
        return false;
    const int delay = qMin(FIRST_RETRY_DELAY_MS << qMin(failures - 1, 5), MAX_RETRY_DELAY_MS);
    // New events wake the writer too; they must not shorten the pause.
    const QDeadlineTimer deadline(delay);
    while (!m_stopping && !deadline.hasExpired())
        m_wakeWriter.wait(&m_mutex, deadline);
    return true;
}

bool AuditTrail::commitBatch(StateDatabase *database, std::span<const AuditEvent> batch,
        AuditChain *chain, QString *error)
{
    // The statements stay prepared: under load the writer commits small batches often, and
    // parsing them each time was a good part of its work.
    const QSqlDatabase db = database->connection();
    // IMMEDIATE takes the write lock before the chain's end is read: no other process can
    // append between that read and this commit.
    if (!execSql(db, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    const auto rollBack = [&](QSqlQuery &failed) {
        *error = failed.lastError().text();
        failed.finish();
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    };

    qint64 lastSeq = 0;
    qint64 rowCount = 0;
    QByteArray previous = AuditChain::genesisHash();
    // Rows added behind the anchor's back must not make every later write fail on a taken
    // seq: write after them. verify() still reports the break they caused.
    QSqlQuery &anchor = database->prepared(
            QStringLiteral("SELECT last_seq, row_count, last_hash, (SELECT max(seq) FROM audit) "
                           "FROM audit_anchor WHERE id = 1"));
    if (!anchor.exec())
        return rollBack(anchor);
    if (anchor.next()) {
        lastSeq = qMax(anchor.value(0).toLongLong(), anchor.value(3).toLongLong());
        rowCount = anchor.value(1).toLongLong();
        previous = anchor.value(2).toByteArray();
    } else {
        QSqlQuery &highest = database->prepared(QStringLiteral("SELECT max(seq) FROM audit"));
        if (!highest.exec())
            return rollBack(highest);
        if (highest.next())
            lastSeq = highest.value(0).toLongLong();
        highest.finish();
    }
    anchor.finish();

    QSqlQuery &insert = database->prepared(insertStatement());
    const QVariant null(QMetaType::fromType<QString>());
    QByteArray canonical;
    for (const AuditEvent &event : batch) {
        const qint64 seq = ++lastSeq;
        const qint64 ts = event.timestamp.toMSecsSinceEpoch();
        const QString params = event.params.isEmpty()
                ? QString()
                : QString::fromUtf8(QJsonDocument(event.params).toJson(QJsonDocument::Compact));
        const QString texts[AuditChain::TEXT_FIELDS] = {event.event, event.keyId, event.source,
                event.action, event.target, event.result, event.reason, params};

        canonical.truncate(0);
        AuditChain::beginRow(&canonical, seq, ts);
        insert.bindValue(0, seq);
        insert.bindValue(1, ts);
        for (int i = 0; i < AuditChain::TEXT_FIELDS; ++i) {
            const QString text = storable(texts[i]);
            // The event column may not be NULL: an unnamed event is stored as ''.
            if (text.isEmpty() && i != 0) {
                AuditChain::addNull(&canonical);
                insert.bindValue(2 + i, null);
            } else {
                AuditChain::addText(&canonical, text.toUtf8());
                insert.bindValue(2 + i, text.isNull() ? QStringLiteral("") : text);
            }
        }
        previous = chain->hash(previous, canonical).toByteArray();
        insert.bindValue(10, previous);
        if (!insert.exec())
            return rollBack(insert);
    }
    insert.finish();

    QSqlQuery &moveAnchor = database->prepared(QStringLiteral(
            "INSERT INTO audit_anchor (id, last_seq, row_count, last_hash) VALUES (1, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET last_seq = excluded.last_seq, "
            "row_count = excluded.row_count, last_hash = excluded.last_hash"));
    moveAnchor.bindValue(0, lastSeq);
    moveAnchor.bindValue(1, rowCount + qint64(batch.size()));
    moveAnchor.bindValue(2, previous);
    if (!moveAnchor.exec())
        return rollBack(moveAnchor);
    moveAnchor.finish();

    if (!execSql(db, QStringLiteral("COMMIT"), error)) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    }
    return true;
}
