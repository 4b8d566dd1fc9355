#include "AuditLog.h"

#include "AuditChain.h"
#include "StateDatabase.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>
#include <QThreadPool>
#include <QVariantList>

#include <atomic>
#include <limits>
#include <memory>
#include <optional>
#include <utility>

namespace {

enum Column { Seq, Ts, Event, KeyId, Source, Action, Target, Result, Reason, Params, Hash };

AuditRecord recordAt(const QSqlQuery &query)
{
    AuditRecord record;
    record.seq = query.value(Seq).toLongLong();
    AuditEvent &event = record.event;
    event.timestamp = QDateTime::fromMSecsSinceEpoch(query.value(Ts).toLongLong(), Qt::UTC);
    event.event = query.value(Event).toString();
    event.keyId = query.value(KeyId).toString();
    event.source = query.value(Source).toString();
    event.action = query.value(Action).toString();
    event.target = query.value(Target).toString();
    event.result = query.value(Result).toString();
    event.reason = query.value(Reason).toString();
    const QString params = query.value(Params).toString();
    if (!params.isEmpty())
        event.params = QJsonDocument::fromJson(params.toUtf8()).object();
    record.hash = query.value(Hash).toByteArray();
    return record;
}

// Ends the transaction of verify() or prune() however it returns: rolled back unless committed.
class ScopedTransaction
{
public:
    explicit ScopedTransaction(const QSqlDatabase &db)
        : m_db(db)
    { }
    ~ScopedTransaction()
    {
        if (m_begun)
            execSql(m_db, QStringLiteral("ROLLBACK"), nullptr);
    }
    // "BEGIN" for a snapshot to read; "BEGIN IMMEDIATE" to write.
    bool begin(const QString &statement, QString *error)
    {
        return m_begun = execSql(m_db, statement, error);
    }
    bool commit(QString *error)
    {
        if (!execSql(m_db, QStringLiteral("COMMIT"), error))
            return false;
        m_begun = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_begun = false;
};

// Rows hashed as one unit of work: enough that handing it over costs nothing, few enough
// that a bad row early in a long trail is reported soon.
constexpr qsizetype CHUNK_ROWS = 4096;
constexpr qsizetype TYPICAL_ROW_BYTES = 160;

// Consecutive rows, serialized by verify() and hashed on a pool thread.
struct Chunk
{
    void start(qint64 seq, const QByteArray &previous)
    {
        firstSeq = seq;
        previousHash = previous;
        canonical.reserve(CHUNK_ROWS * TYPICAL_ROW_BYTES);
        ends.reserve(CHUNK_ROWS);
        storedHashes.reserve(CHUNK_ROWS);
    }
    void add(const QByteArray &storedHash)
    {
        ends.append(canonical.size());
        storedHashes.append(storedHash);
    }
    bool isFull() const { return ends.size() >= CHUNK_ROWS; }

    qint64 firstSeq = 0;
    QByteArray previousHash; // the stored hash of the row before firstSeq
    QByteArray canonical; // the rows' canonical forms, back to back
    QList<qsizetype> ends; // where each row's form ends in canonical
    QList<QByteArray> storedHashes;
};

// Hashes chunks on a thread pool and keeps the lowest seq whose stored hash is wrong. Each
// row is checked against the stored hash of the row before it, so chunks are independent.
class ChunkChecker
{
public:
    ChunkChecker()
        : m_freeSlots(2 * hashingThreads())
    {
        m_pool.setMaxThreadCount(hashingThreads());
    }
    // The tasks use the members below; none may outlive them.
    ~ChunkChecker() { m_pool.waitForDone(); }

    // Blocks while enough chunks wait, so that memory stays bounded.
    void submit(Chunk &&chunk)
    {
        m_freeSlots.acquire();
        auto shared = std::make_shared<const Chunk>(std::move(chunk));
        m_pool.start([this, shared] {
            if (const qint64 bad = firstChangedRow(*shared))
                lowerFirstBad(bad);
            m_freeSlots.release();
        });
    }

    bool hasFailed() const { return m_firstBad.load() != NONE; }

    // 0 when every row submitted is intact.
    qint64 waitForFirstChangedRow()
    {
        m_pool.waitForDone();
        const qint64 bad = m_firstBad.load();
        return bad == NONE ? 0 : bad;
    }

private:
    static constexpr qint64 NONE = std::numeric_limits<qint64>::max();

    // The reading thread keeps one core busy.
    static int hashingThreads() { return qMax(1, QThread::idealThreadCount() - 1); }

    static qint64 firstChangedRow(const Chunk &chunk)
    {
        AuditChain chain;
        QByteArrayView previous = chunk.previousHash;
        qsizetype begin = 0;
        for (qsizetype i = 0; i < chunk.ends.size(); ++i) {
            const qsizetype end = chunk.ends.at(i);
            const QByteArrayView row(chunk.canonical.constData() + begin, end - begin);
            if (chain.hash(previous, row) != chunk.storedHashes.at(i))
                return chunk.firstSeq + i;
            previous = chunk.storedHashes.at(i);
            begin = end;
        }
        return 0;
    }

    void lowerFirstBad(qint64 seq)
    {
        qint64 current = m_firstBad.load();
        while (seq < current && !m_firstBad.compare_exchange_weak(current, seq)) { }
    }

    QThreadPool m_pool;
    QSemaphore m_freeSlots;
    std::atomic<qint64> m_firstBad{NONE};
};

} // namespace

std::unique_ptr<AuditLog> AuditLog::open(const QString &stateDirectory, QString *error)
{
    std::unique_ptr<StateDatabase> database =
            StateDatabase::open(stateDirectory, StateDatabase::Durability::Normal, error);
    if (!database)
        return nullptr;
    return std::unique_ptr<AuditLog>(new AuditLog(std::move(database)));
}

AuditLog::AuditLog(std::unique_ptr<StateDatabase> database)
    : m_database(std::move(database))
{ }

AuditLog::~AuditLog() = default;

QList<AuditRecord> AuditLog::query(const Filter &filter, QString *error) const
{
    QStringList conditions;
    QVariantList values;
    if (!filter.event.isEmpty()) {
        conditions << QStringLiteral("event = ?");
        values << filter.event;
    }
    if (!filter.keyId.isEmpty()) {
        conditions << QStringLiteral("key_id = ?");
        values << filter.keyId;
    }
    if (!filter.results.isEmpty()) {
        QStringList marks;
        for (const QString &result : filter.results) {
            marks << QStringLiteral("?");
            values << result;
        }
        conditions << QStringLiteral("result IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (!filter.text.isEmpty()) {
        // LIKE with our own escape character, so that % and _ typed by a person match
        // themselves. A scan, newest first, that stops at the LIMIT.
        QString pattern = filter.text;
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                .replace(QLatin1Char('%'), QLatin1String("\\%"))
                .replace(QLatin1Char('_'), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        QStringList matches;
        for (const char *column :
                {"event", "key_id", "source", "action", "target", "result", "reason"}) {
            matches << QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            values << pattern;
        }
        conditions << QLatin1Char('(') + matches.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (filter.since.isValid()) {
        conditions << QStringLiteral("ts >= ?");
        values << filter.since.toMSecsSinceEpoch();
    }
    if (filter.beforeSeq > 0) {
        conditions << QStringLiteral("seq < ?");
        values << filter.beforeSeq;
    }
    if (filter.afterSeq > 0) {
        conditions << QStringLiteral("seq > ?");
        values << filter.afterSeq;
    }
    QString statement = QStringLiteral("SELECT seq, ts, event, key_id, source, action, target, "
                                       "result, reason, params, hash FROM audit");
    if (!conditions.isEmpty())
        statement += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    statement += QStringLiteral(" ORDER BY seq DESC");
    if (filter.limit > 0) {
        statement += QStringLiteral(" LIMIT ?");
        values << filter.limit;
    }

    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    QList<AuditRecord> records;
    if (query.prepare(statement)) {
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (query.exec()) {
            while (query.next())
                records.append(recordAt(query));
            if (!query.lastError().isValid())
                return records;
        }
    }
    if (error)
        *error = tr("The audit trail cannot be read (%1).").arg(query.lastError().text());
    return {};
}

qint64 AuditLog::count(QString *error) const
{
    QSqlQuery query(m_database->connection());
    if (query.exec(QStringLiteral("SELECT count(*) FROM audit")) && query.next())
        return query.value(0).toLongLong();
    if (error)
        *error = tr("The audit trail cannot be read (%1).").arg(query.lastError().text());
    return -1;
}

qint64 AuditLog::lastSeq(QString *error) const
{
    QSqlQuery &query =
            m_database->prepared(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit"));
    qint64 seq = -1;
    if (query.exec() && query.next())
        seq = query.value(0).toLongLong();
    else if (error)
        *error = tr("The audit trail cannot be read (%1).").arg(query.lastError().text());
    query.finish();
    return seq;
}

qint64 AuditLog::writeJsonLines(const Filter &filter, QIODevice *out, QString *error) const
{
    constexpr int PAGE_ROWS = 10000;
    Filter page = filter;
    qint64 written = 0;
    for (;;) {
        const qint64 wanted = filter.limit > 0 ? filter.limit - written : PAGE_ROWS;
        page.limit = int(qMin<qint64>(wanted, PAGE_ROWS));
        if (page.limit <= 0)
            return written;
        QString readError;
        const QList<AuditRecord> records = query(page, &readError);
        if (!readError.isEmpty()) {
            if (error)
                *error = readError;
            return -1;
        }
        for (const AuditRecord &record : records) {
            const QByteArray line =
                    QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact) + '\n';
            if (out->write(line) != line.size()) {
                if (error)
                    *error = tr("The audit trail cannot be written out (%1).")
                                     .arg(out->errorString());
                return -1;
            }
        }
        written += records.size();
        if (records.size() < page.limit)
            return written;
        page.beforeSeq = records.constLast().seq;
    }
}

AuditLog::Verification AuditLog::verify() const
{
    Verification result;
    const auto broken = [&result](qint64 firstBadSeq, qint64 rowsChecked, const QString &reason) {
        result.ok = false;
        result.rowsChecked = rowsChecked;
        result.firstBadSeq = firstBadSeq;
        result.reason = reason;
        return result;
    };
    const auto unreadable = [&broken](const QString &detail) {
        return broken(0, 0, tr("The audit trail cannot be read (%1).").arg(detail));
    };

    const QSqlDatabase db = m_database->connection();
    // One snapshot for the anchor and every row: a writer committing meanwhile changes both.
    ScopedTransaction transaction(db);
    QString detail;
    if (!transaction.begin(QStringLiteral("BEGIN"), &detail))
        return unreadable(detail);

    QSqlQuery anchor(db);
    if (!anchor.exec(QStringLiteral("SELECT last_seq, row_count, last_hash, first_seq, base_hash "
                                    "FROM audit_anchor WHERE id = 1")))
        return unreadable(anchor.lastError().text());
    const bool hasAnchor = anchor.next();
    const qint64 anchorLastSeq = hasAnchor ? anchor.value(0).toLongLong() : 0;
    const qint64 anchorRowCount = hasAnchor ? anchor.value(1).toLongLong() : 0;
    const QByteArray anchorHash = hasAnchor ? anchor.value(2).toByteArray() : QByteArray();
    // Where the trail starts after retention pruned older rows, and the hash its first row
    // follows.
    const qint64 firstSeq = hasAnchor ? qMax<qint64>(1, anchor.value(3).toLongLong()) : 1;
    const QByteArray baseHash = hasAnchor && !anchor.value(4).isNull()
            ? anchor.value(4).toByteArray()
            : AuditChain::genesisHash();
    anchor.finish();

    // The text columns as stored bytes (CAST AS BLOB): exactly what the writer hashed, with
    // no UTF-16 round trip per field.
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral(
                "SELECT seq, ts, CAST(event AS BLOB), CAST(key_id AS BLOB), CAST(source AS BLOB), "
                "CAST(action AS BLOB), CAST(target AS BLOB), CAST(result AS BLOB), "
                "CAST(reason AS BLOB), CAST(params AS BLOB), hash FROM audit ORDER BY seq")))
        return unreadable(rows.lastError().text());

    // This thread reads and serializes; pool threads hash. Reading alone costs about as
    // much as hashing, so a million rows take half the time they would on one core.
    ChunkChecker checker;
    Chunk chunk;
    QByteArray lastHash = baseHash;
    qint64 expected = firstSeq;
    std::optional<qint64> gapAt; // the first missing row, or a row that comes before row 1
    QString gapReason;
    bool readToTheEnd = false;
    for (;;) {
        if (!rows.next()) {
            readToTheEnd = true;
            break;
        }
        const qint64 seq = rows.value(Seq).toLongLong();
        if (seq != expected) {
            gapAt = seq < expected ? seq : expected;
            gapReason = describeGap(expected, seq, firstSeq);
            break;
        }
        if (chunk.ends.isEmpty())
            chunk.start(seq, lastHash);
        AuditChain::beginRow(&chunk.canonical, seq, rows.value(Ts).toLongLong());
        for (int column = Event; column <= Params; ++column) {
            const QVariant value = rows.value(column);
            if (value.isNull())
                AuditChain::addNull(&chunk.canonical);
            else
                AuditChain::addText(&chunk.canonical, value.toByteArray());
        }
        lastHash = rows.value(Hash).toByteArray();
        chunk.add(lastHash);
        expected = seq + 1;
        if (chunk.isFull()) {
            checker.submit(std::exchange(chunk, Chunk()));
            // A changed row is found: no later row can be the first bad one.
            if (checker.hasFailed())
                break;
        }
    }
    if (!chunk.ends.isEmpty())
        checker.submit(std::exchange(chunk, Chunk()));
    const qint64 changedAt = checker.waitForFirstChangedRow();
    if (changedAt > 0 && (!gapAt || changedAt < *gapAt)) {
        if (hasAnchor && changedAt > anchorLastSeq)
            return broken(changedAt, changedAt - 1, addedReason(changedAt, anchorLastSeq));
        return broken(changedAt, changedAt - 1,
                tr("Row %1 was changed after it was written.").arg(changedAt));
    }
    if (gapAt)
        return broken(*gapAt, qMax<qint64>(0, *gapAt - 1), gapReason);
    if (!readToTheEnd || rows.lastError().isValid())
        return unreadable(rows.lastError().text());

    const qint64 last = expected - 1;
    const qint64 held = last - firstSeq + 1;
    if (!hasAnchor) {
        return broken(0, last,
                tr("The anchor of the audit trail was deleted, so rows cut off its end would "
                   "go unnoticed."));
    }
    if (anchorLastSeq > last) {
        return broken(last + 1, last,
                held == 0 ? tr("The trail is empty but its anchor says %1 rows ending at row "
                               "%2: rows were cut off the end.")
                                    .arg(anchorRowCount)
                                    .arg(anchorLastSeq)
                          : tr("The trail ends at row %1 but its anchor says %2 rows ending at "
                               "row %3: rows were cut off the end.")
                                    .arg(last)
                                    .arg(anchorRowCount)
                                    .arg(anchorLastSeq));
    }
    if (anchorLastSeq < last) {
        return broken(
                anchorLastSeq + 1, anchorLastSeq, addedReason(anchorLastSeq + 1, anchorLastSeq));
    }
    if (anchorHash != lastHash) {
        return broken(last, last,
                last == 0 ? tr("The anchor of the empty trail was changed.")
                          : tr("The anchor does not match row %1, the last one: the anchor or "
                               "that row was changed after it was written.")
                                    .arg(last));
    }
    if (anchorRowCount != held) {
        return broken(0, last,
                tr("The anchor says the trail holds %1 rows but it holds %2: the anchor was "
                   "changed.")
                        .arg(anchorRowCount)
                        .arg(held));
    }
    result.ok = true;
    result.rowsChecked = held;
    return result;
}

qint64 AuditLog::prune(const QDateTime &olderThan, QString *error)
{
    const QSqlDatabase db = m_database->connection();
    const auto failed = [error](const QSqlQuery &query) {
        if (error)
            *error = tr("Old audit events cannot be deleted (%1).").arg(query.lastError().text());
        return qint64(-1);
    };
    // Immediate: the writer appends meanwhile in other processes, and the anchor's count must
    // not lose their rows.
    ScopedTransaction transaction(db);
    QString detail;
    if (!transaction.begin(QStringLiteral("BEGIN IMMEDIATE"), &detail)) {
        if (error)
            *error = tr("Old audit events cannot be deleted (%1).").arg(detail);
        return -1;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT seq, hash FROM audit WHERE ts < ? AND seq < "
                                 "(SELECT max(seq) FROM audit) ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(olderThan.toMSecsSinceEpoch());
    if (!query.exec())
        return failed(query);
    if (!query.next())
        return 0;
    const qint64 lastPruned = query.value(0).toLongLong();
    const QByteArray baseHash = query.value(1).toByteArray();
    query.finish();

    if (!query.prepare(QStringLiteral("DELETE FROM audit WHERE seq <= ?")))
        return failed(query);
    query.addBindValue(lastPruned);
    if (!query.exec())
        return failed(query);
    const qint64 pruned = query.numRowsAffected();
    if (!query.prepare(QStringLiteral("UPDATE audit_anchor SET first_seq = ?, base_hash = ?, "
                                      "row_count = row_count - ? WHERE id = 1")))
        return failed(query);
    query.addBindValue(lastPruned + 1);
    query.addBindValue(baseHash);
    query.addBindValue(pruned);
    if (!query.exec())
        return failed(query);
    if (!transaction.commit(&detail)) {
        if (error)
            *error = tr("Old audit events cannot be deleted (%1).").arg(detail);
        return -1;
    }
    return pruned;
}

QString AuditLog::describeGap(qint64 expected, qint64 seq, qint64 firstSeq)
{
    if (seq < expected)
        return tr("Row %1 does not belong in the trail: it comes before row %2.")
                .arg(seq)
                .arg(firstSeq);
    if (expected == 1) {
        return seq == 2 ? tr("Row 1 is missing (the trail starts at row 2).")
                        : tr("Rows 1 to %1 are missing (the trail starts at row %2).")
                                  .arg(seq - 1)
                                  .arg(seq);
    }
    return seq == expected + 1 ? tr("Row %1 is missing (the chain jumps from %2 to %3).")
                                         .arg(expected)
                                         .arg(expected - 1)
                                         .arg(seq)
                               : tr("Rows %1 to %2 are missing (the chain jumps from %3 to %4).")
                                         .arg(expected)
                                         .arg(seq - 1)
                                         .arg(expected - 1)
                                         .arg(seq);
}

QString AuditLog::addedReason(qint64 seq, qint64 anchorLastSeq)
{
    return tr("Row %1 was added behind HomeWarden's back: the trail's anchor says it ends at "
              "row %2.")
            .arg(seq)
            .arg(anchorLastSeq);
}
