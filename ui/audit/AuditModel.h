#pragma once

#include "AuditLog.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

#include <memory>

class DatabaseChangeWatcher;

// The audit trail as a table, newest first, read from the database a page at a time: the
// view asks for more (canFetchMore/fetchMore) as the person scrolls down, so a trail of a
// million events costs what is on screen. Rows any process appends arrive at the top within
// half a second. The filter is SQL (AuditLog::Filter), never a pass over loaded rows.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SeqColumn,
        TimeColumn,
        EventColumn,
        KeyColumn,
        SourceColumn,
        ActionColumn,
        TargetColumn,
        ResultColumn,
        ReasonColumn,
        ColumnCount
    };

    enum DataRole {
        FailureRole = Qt::UserRole + 1, // bool: result denied or error
        SeqRole, // qint64
    };

    // Rows read per fetchMore().
    static constexpr int PAGE_ROWS = 256;

    explicit AuditModel(const QString &stateDirectory, QObject *parent = nullptr);
    ~AuditModel() override;

    // Empty while the trail can be read; else one sentence saying why not.
    QString errorString() const { return m_error; }

    // Its limit, beforeSeq and afterSeq are the model's to set and are ignored here.
    void setFilter(const AuditLog::Filter &filter);
    // The filter with no limit: what an export of the rows shown would write.
    AuditLog::Filter filter() const;
    const AuditLog *log() const { return m_log.get(); }

    // Reads the rows appended since the last look (also done whenever the database changed).
    void fetchNewer();
    // Forgets the oldest rows beyond the first count; scrolling down reads them again. Keeps
    // memory flat while the person watches the top of a busy trail.
    void discardRowsAfter(int count);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // Reading failed (one sentence); the rows shown so far stay.
    void readFailed(const QString &sentence);

private:
    void reload();
    QList<AuditRecord> read(const AuditLog::Filter &filter);
    void compact(AuditRecord *record);
    QVariant displayData(const AuditRecord &record, int column) const;

    std::unique_ptr<AuditLog> m_log;
    DatabaseChangeWatcher *m_watcher = nullptr;
    AuditLog::Filter m_filter;
    QList<AuditRecord> m_rows; // newest first
    // One copy of each value that repeats down the trail (event, key, source, action, target,
    // result): the rows share it instead of holding their own. Emptied on reload().
    QSet<QString> m_values;
    qint64 m_headSeq = 0; // the newest seq looked at, matching the filter or not
    bool m_atEnd = true; // the oldest matching row is loaded
    QString m_error;
};
