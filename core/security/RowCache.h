#pragma once

#include "StateDatabase.h"

#include <QHash>
#include <QString>

// Rows read from a StateDatabase, kept while the file is unchanged. Every lookup asks the
// database's change stamp first, so a commit by any other connection (a key revoked in the
// tray, a ban by another server) counts at the very next lookup, as if nothing were cached;
// what is saved is the query and turning its row into a value, which on the hot path of an
// HTTP request cost more than the rest of the request.
//
// Use: find() the row; when it is not there, read it from the database and insert() it. A
// stamp that cannot be read caches nothing, so a failing database still fails where it is
// queried.
template <typename Value> class RowCache
{
public:
    // At most capacity rows: a client sending made-up ids cannot grow it without end.
    RowCache(StateDatabase *database, qsizetype capacity)
        : m_database(database)
        , m_capacity(capacity)
    { }

    // The row stored for id, when the database has not changed since it was stored.
    const Value *find(const QString &id)
    {
        const StateDatabase::ChangeStamp stamp = m_database->changeStamp();
        if (!stamp.isValid() || stamp != m_stamp) {
            m_rows.clear();
            m_stamp = stamp;
            return nullptr;
        }
        const auto it = m_rows.constFind(id);
        return it == m_rows.cend() ? nullptr : &it.value();
    }

    // The row as last read, without asking whether another connection changed it since
    // (writes through this connection still count): only for decisions that are safe to take
    // on an old row (a login guard skipping a clean-up).
    const Value *lastRead(const QString &id) const
    {
        if (m_database->localChanges() != m_stamp.localChanges)
            return nullptr;
        const auto it = m_rows.constFind(id);
        return it == m_rows.cend() ? nullptr : &it.value();
    }

    // Stores a row read after the find() that missed it.
    void insert(const QString &id, const Value &value)
    {
        if (!m_stamp.isValid())
            return;
        if (m_rows.size() >= m_capacity)
            m_rows.clear();
        m_rows.insert(id, value);
    }

private:
    StateDatabase *m_database;
    qsizetype m_capacity;
    StateDatabase::ChangeStamp m_stamp;
    QHash<QString, Value> m_rows;
};
