#pragma once

#include "ApiKey.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

// The API keys as a table: one row per key (revoked ones too, for the record), in the
// order of their numbers. The window feeds it with setKeys() whenever the database changed;
// rows that stay keep their place, so selection and scrolling survive a refresh.
class KeysModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        RoleColumn,
        CreatedColumn,
        ExpiresColumn,
        LastUsedColumn,
        UsesColumn,
        StatusColumn,
        IpAllowColumn,
        DevicesColumn,
        ColumnCount
    };

    enum DataRole {
        KeyIdRole = Qt::UserRole + 1, // the key's id, whatever the column
        SortRole, // the value behind the text: numbers and times sort as such
        StatusRole, // ApiKey::Status as int
    };

    explicit KeysModel(QObject *parent = nullptr);

    // now decides which keys count as expired.
    void setKeys(const QList<ApiKey> &keys, const QDateTime &now);
    // -1 when no key has that id.
    int rowOf(const QString &id) const;
    const ApiKey &keyAt(int row) const { return m_keys.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(ApiKey::Status status);

private:
    QVariant displayData(const ApiKey &key, int column) const;
    QVariant sortData(const ApiKey &key, int column) const;
    static QString timeText(const QDateTime &time);
    static QString listText(const QStringList &items);

    QList<ApiKey> m_keys;
    QDateTime m_now;
};
