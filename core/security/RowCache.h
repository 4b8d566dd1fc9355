#pragma once

#include "StateDatabase.h"

#include <QHash>
#include <QString>

// Rows read from a StateDatabase, kept while their table is unchanged. Every lookup first
// reads the table's change count (StateDatabase::changeCount, kept by triggers), so a change
// by any connection or process (a key revoked in the tray, a ban by another server) counts at
// the very next lookup, as if nothing were cached; what is saved is the query and turning its
// row into a value, which on the hot path of an HTTP request cost more than the rest of the
// request.
//
// Use: find() the row; when it is not there, read it from the database and insert() it. A
// count that cannot be read caches nothing, so a failing database still fails where it is
// queried.
template <typename Value> class RowCache
{
public:
    // counter: the name of the change count of the rows ("keys", "logins"). At most capacity
    // rows: a client sending made-up ids cannot grow it without end.
    RowCache(StateDatabase *database, const QString &counter, qsizetype capacity)
        : m_database(database)
        , m_counter(counter)
        , m_capacity(capacity)
    { }

    // The row stored for id, when nothing has changed the table since it was stored.
    const Value *find(const QString &id)
    {
        const qint64 count = m_database->changeCount(m_counter);
        if (count < 0 || count != m_count) {
            m_rows.clear();
            m_count = count;
            return nullptr;
        }
        return lastRead(id);
    }

    // The row as last read, without asking whether the table changed since: only for
    // decisions that are safe to take on an old row (a login guard skipping a clean-up).
    const Value *lastRead(const QString &id) const
    {
        const auto it = m_rows.constFind(id);
        return it == m_rows.cend() ? nullptr : &it.value();
    }

    // Stores a row read after the find() that missed it.
    void insert(const QString &id, const Value &value)
    {
        if (m_count < 0)
            return;
        if (m_rows.size() >= m_capacity)
            m_rows.clear();
        m_rows.insert(id, value);
    }

private:
    StateDatabase *m_database;
    QString m_counter;
    qsizetype m_capacity;
    qint64 m_count = -1;
    QHash<QString, Value> m_rows;
};
