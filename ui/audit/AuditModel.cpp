#include "AuditModel.h"

#include "DatabaseChangeWatcher.h"
#include "UntrustedText.h"

#include <QBrush>
#include <QColor>

#include <chrono>

namespace {

// How often the trail is asked for news; asking costs microseconds (DatabaseChangeWatcher).
constexpr std::chrono::milliseconds WATCH_INTERVAL{500};
// More new rows than this at once (a burst while the window was busy) start over at the
// newest page instead of inserting them all: nobody reads ten thousand rows that went by.
constexpr int MAX_LIVE_ROWS = 2000;

// Failures stand out in light and dark themes alike: both colours are set.
const QColor FAILURE_BACKGROUND(0xff, 0xdd, 0xdd);
const QColor FAILURE_FOREGROUND(0x8b, 0x00, 0x00);

} // namespace

AuditModel::AuditModel(const QString &stateDirectory, QObject *parent)
    : QAbstractTableModel(parent)
{
    m_log = AuditLog::open(stateDirectory, &m_error);
    if (!m_log)
        return;
    m_watcher = new DatabaseChangeWatcher(stateDirectory, WATCH_INTERVAL, this);
    connect(m_watcher, &DatabaseChangeWatcher::changed, this, &AuditModel::fetchNewer);
    reload();
}

AuditModel::~AuditModel() = default;

void AuditModel::setFilter(const AuditLog::Filter &filter)
{
    m_filter = filter;
    reload();
}

AuditLog::Filter AuditModel::filter() const
{
    AuditLog::Filter shown = m_filter;
    shown.limit = 0;
    shown.beforeSeq = 0;
    shown.afterSeq = 0;
    return shown;
}

void AuditModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_values.clear();
    m_atEnd = true;
    QString error;
    const qint64 head = m_log ? m_log->lastSeq(&error) : -1;
    if (head >= 0) {
        m_headSeq = head;
        AuditLog::Filter page = filter();
        page.limit = PAGE_ROWS;
        page.beforeSeq = head + 1;
        m_rows = read(page);
        m_atEnd = m_rows.size() < PAGE_ROWS;
    } else if (m_log) {
        m_error = error;
        Q_EMIT readFailed(error);
    }
    endResetModel();
}

void AuditModel::fetchNewer()
{
    if (!m_log)
        return;
    QString error;
    const qint64 head = m_log->lastSeq(&error);
    if (head < 0) {
        m_error = error;
        Q_EMIT readFailed(error);
        return;
    }
    if (head <= m_headSeq)
        return;
    AuditLog::Filter page = filter();
    page.afterSeq = m_headSeq;
    page.beforeSeq = head + 1;
    page.limit = MAX_LIVE_ROWS + 1;
    const QList<AuditRecord> newer = read(page);
    if (!m_error.isEmpty())
        return;
    if (newer.size() > MAX_LIVE_ROWS) {
        reload();
        return;
    }
    m_headSeq = head;
    if (newer.isEmpty())
        return;
    beginInsertRows(QModelIndex(), 0, int(newer.size() - 1));
    // QList prepends in amortized constant time: the loaded rows are not moved.
    for (auto it = newer.crbegin(); it != newer.crend(); ++it)
        m_rows.prepend(*it);
    endInsertRows();
}

void AuditModel::discardRowsAfter(int count)
{
    if (count < 0 || m_rows.size() <= count)
        return;
    beginRemoveRows(QModelIndex(), count, int(m_rows.size() - 1));
    m_rows.resize(count);
    m_atEnd = false;
    endRemoveRows();
}

bool AuditModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_rows.isEmpty();
}

void AuditModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    AuditLog::Filter page = filter();
    page.limit = PAGE_ROWS;
    page.beforeSeq = m_rows.constLast().seq;
    const QList<AuditRecord> older = read(page);
    if (!m_error.isEmpty())
        return; // the view asks again when the person scrolls
    m_atEnd = older.size() < PAGE_ROWS;
    if (older.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + older.size() - 1));
    m_rows.append(older);
    endInsertRows();
}

QList<AuditRecord> AuditModel::read(const AuditLog::Filter &filter)
{
    QString error;
    QList<AuditRecord> records = m_log->query(filter, &error);
    m_error = error;
    if (!error.isEmpty())
        Q_EMIT readFailed(error);
    for (AuditRecord &record : records)
        compact(&record);
    return records;
}

void AuditModel::compact(AuditRecord *record)
{
    // The export reads the log itself; the table shows neither hash nor parameters.
    record->hash.clear();
    record->event.params = QJsonObject();
    AuditEvent &event = record->event;
    for (QString *value : {&event.event, &event.keyId, &event.source, &event.action, &event.target,
                 &event.result}) {
        const auto shared = m_values.constFind(*value);
        if (shared == m_values.cend())
            m_values.insert(*value);
        else
            *value = *shared;
    }
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRecord &record = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return record.event.timestamp.toUTC().toString(Qt::ISODateWithMs);
        return displayData(record, index.column());
    case Qt::BackgroundRole:
        return record.event.isFailure() ? QVariant(QBrush(FAILURE_BACKGROUND)) : QVariant();
    case Qt::ForegroundRole:
        return record.event.isFailure() ? QVariant(QBrush(FAILURE_FOREGROUND)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn)
            return QVariant((Qt::AlignRight | Qt::AlignVCenter).toInt());
        return {};
    case FailureRole:
        return record.event.isFailure();
    case SeqRole:
        return record.seq;
    default:
        return {};
    }
}

QVariant AuditModel::displayData(const AuditRecord &record, int column) const
{
    const AuditEvent &event = record.event;
    switch (column) {
    case SeqColumn:
        return record.seq;
    case TimeColumn:
        return event.timestamp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case EventColumn:
        return UntrustedText::printable(event.event);
    case KeyColumn:
        return UntrustedText::printable(event.keyId);
    case SourceColumn:
        return UntrustedText::printable(event.source);
    case ActionColumn:
        return UntrustedText::printable(event.action);
    case TargetColumn:
        return UntrustedText::printable(event.target);
    case ResultColumn:
        return UntrustedText::printable(event.result);
    case ReasonColumn:
        return UntrustedText::printable(event.reason);
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case KeyColumn:
        return tr("Key");
    case SourceColumn:
        return tr("Source");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case ResultColumn:
        return tr("Result");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}
