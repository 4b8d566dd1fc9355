#include "KeysModel.h"

#include "UntrustedText.h"

#include <QColor>
#include <QLocale>

#include <limits>
#include <tuple>

namespace {

// What a row shows; use time, count and last address change on every call of the key.
auto shownFields(const ApiKey &key)
{
    return std::tie(key.id, key.name, key.role, key.createdAt, key.expiresAt, key.lastUsedAt,
            key.useCount, key.active, key.revokedAt, key.ipAllow, key.devices, key.permissions,
            key.rateLimit, key.lastIp);
}

QStringList idsOf(const QList<ApiKey> &keys)
{
    QStringList ids;
    ids.reserve(keys.size());
    for (const ApiKey &key : keys)
        ids.append(key.id);
    return ids;
}

} // namespace

KeysModel::KeysModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void KeysModel::setKeys(const QList<ApiKey> &keys, const QDateTime &now)
{
    const QStringList oldIds = idsOf(m_keys);
    const QStringList newIds = idsOf(keys);
    // New keys get the next number, so they arrive at the end; anything else (an import of
    // older numbers, a restored database) is rare enough for a reset.
    if (newIds.size() < oldIds.size() || newIds.mid(0, oldIds.size()) != oldIds) {
        beginResetModel();
        m_keys = keys;
        m_now = now;
        endResetModel();
        return;
    }
    const QDateTime before = m_now;
    m_now = now;
    for (qsizetype row = 0; row < m_keys.size(); ++row) {
        const ApiKey &next = keys.at(row);
        if (shownFields(m_keys.at(row)) == shownFields(next)
                && m_keys.at(row).status(before) == next.status(now))
            continue;
        m_keys[row] = next;
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
    if (keys.size() > m_keys.size()) {
        beginInsertRows(QModelIndex(), int(m_keys.size()), int(keys.size() - 1));
        m_keys.append(keys.mid(m_keys.size()));
        endInsertRows();
    }
}

int KeysModel::rowOf(const QString &id) const
{
    for (qsizetype row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).id == id)
            return int(row);
    }
    return -1;
}

int KeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKey &key = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(key, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && key.isRevoked())
            return tr("Revoked on %1").arg(timeText(key.revokedAt));
        if (index.column() == LastUsedColumn && !key.lastIp.isEmpty())
            return tr("Last used from %1").arg(UntrustedText::printable(key.lastIp));
        return displayData(key, index.column());
    case Qt::ForegroundRole:
        // A key that cannot be used any more recedes; the active ones are what matters.
        if (key.status(m_now) != ApiKey::Status::Active)
            return QColor(Qt::gray);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == UsesColumn)
            return QVariant((Qt::AlignRight | Qt::AlignVCenter).toInt());
        return {};
    case KeyIdRole:
        return key.id;
    case SortRole:
        return sortData(key, index.column());
    case StatusRole:
        return int(key.status(m_now));
    default:
        return {};
    }
}

QVariant KeysModel::displayData(const ApiKey &key, int column) const
{
    switch (column) {
    case IdColumn:
        return key.id;
    case NameColumn:
        return UntrustedText::printable(key.name);
    case RoleColumn:
        return Roles::name(key.role);
    case CreatedColumn:
        return timeText(key.createdAt);
    case ExpiresColumn:
        return key.expiresAt.isValid() ? timeText(key.expiresAt) : tr("never");
    case LastUsedColumn:
        return key.lastUsedAt.isValid() ? timeText(key.lastUsedAt) : tr("never");
    case UsesColumn:
        return QLocale().toString(key.useCount);
    case StatusColumn:
        return statusText(key.status(m_now));
    case IpAllowColumn:
        return key.ipAllow.isEmpty() ? tr("any address") : listText(key.ipAllow);
    case DevicesColumn:
        return key.devices.isEmpty() ? tr("none") : listText(key.devices);
    default:
        return {};
    }
}

QVariant KeysModel::sortData(const ApiKey &key, int column) const
{
    switch (column) {
    case IdColumn:
        return key.seq;
    case CreatedColumn:
        return key.createdAt;
    case ExpiresColumn:
        // Keys that never expire sort after every date.
        return key.expiresAt.isValid() ? key.expiresAt.toMSecsSinceEpoch()
                                       : std::numeric_limits<qint64>::max();
    case LastUsedColumn:
        return key.lastUsedAt.isValid() ? key.lastUsedAt.toMSecsSinceEpoch() : qint64(0);
    case UsesColumn:
        return key.useCount;
    default:
        return displayData(key, column);
    }
}

QVariant KeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Id");
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case CreatedColumn:
        return tr("Created");
    case ExpiresColumn:
        return tr("Expires");
    case LastUsedColumn:
        return tr("Last used");
    case UsesColumn:
        return tr("Uses");
    case StatusColumn:
        return tr("Status");
    case IpAllowColumn:
        return tr("IP allow-list");
    case DevicesColumn:
        return tr("Devices");
    default:
        return {};
    }
}

QString KeysModel::statusText(ApiKey::Status status)
{
    switch (status) {
    case ApiKey::Status::Revoked:
        return tr("revoked");
    case ApiKey::Status::Inactive:
        return tr("inactive");
    case ApiKey::Status::Expired:
        return tr("expired");
    case ApiKey::Status::Active:
        break;
    }
    return tr("active");
}

QString KeysModel::timeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString KeysModel::listText(const QStringList &items)
{
    return UntrustedText::printable(items.join(QStringLiteral(", ")));
}
