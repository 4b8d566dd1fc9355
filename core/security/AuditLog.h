#pragma once

#include "AuditEvent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

class QIODevice;
class StateDatabase;

// Reads and verifies the audit trail that AuditTrail writes, from any process.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    struct Filter
    {
        int limit = 100; // 0: no limit
        QString event; // empty: any
        QString keyId; // empty: any
        QStringList results; // empty: any; else one of these (AuditEvent::failureResults())
        QString text; // empty: any; else found in any text field but params (ASCII ignores case)
        QDateTime since; // invalid: from the start
        qint64 beforeSeq = 0; // > 0: only older rows (the next page, newest first)
        qint64 afterSeq = 0; // > 0: only newer rows (following the trail live)
    };

    struct Verification
    {
        bool ok = false;
        qint64 rowsChecked = 0;
        qint64 firstBadSeq = 0; // 0 when ok, or when the anchor alone is wrong
        QString reason; // one sentence when !ok
    };

    // Opens (and creates) homewarden.db in stateDirectory. Returns null and sets *error to
    // one sentence when that fails.
    static std::unique_ptr<AuditLog> open(const QString &stateDirectory, QString *error = nullptr);
    ~AuditLog();

    // Newest first. On failure returns nothing and sets *error.
    QList<AuditRecord> query(const Filter &filter, QString *error = nullptr) const;
    // Every row of the trail; -1 on failure.
    qint64 count(QString *error = nullptr) const;
    // The newest row's seq (0 for an empty trail); -1 on failure. A lookup, not a scan: what
    // a viewer asks every moment to learn whether anything was appended.
    qint64 lastSeq(QString *error = nullptr) const;

    // Writes the rows the filter selects, newest first, as JSON lines (AuditRecord::toJson()),
    // reading a page at a time so that a whole trail never sits in memory. Returns the number
    // of lines, or -1 and *error when reading or writing fails.
    qint64 writeJsonLines(const Filter &filter, QIODevice *out, QString *error = nullptr) const;

    // Recomputes the whole chain and checks it against the anchor: finds an edited, inserted
    // or deleted row and rows cut off the end, and names the first bad row. One read
    // transaction, so appends by other processes meanwhile neither disturb nor fail it.
    Verification verify() const;

    // Retention: deletes the rows older than olderThan, always keeping the newest row, and
    // moves the anchor's start past them (the first kept row's predecessor hash goes with
    // it), so that verify() still checks every row that is left. Returns how many rows went,
    // or -1 and *error. Audit the pruning (AuditEvent::AUDIT_PRUNED) through AuditTrail.
    qint64 prune(const QDateTime &olderThan, QString *error = nullptr);

private:
    explicit AuditLog(std::unique_ptr<StateDatabase> database);

    static QString describeGap(qint64 expected, qint64 seq, qint64 firstSeq);
    static QString addedReason(qint64 seq, qint64 anchorLastSeq);

    std::unique_ptr<StateDatabase> m_database;
};
