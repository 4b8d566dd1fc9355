#include "DatabaseChangeWatcher.h"

#include "StateDatabase.h"

DatabaseChangeWatcher::DatabaseChangeWatcher(
        const QString &stateDirectory, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
{
    m_database = StateDatabase::open(stateDirectory, StateDatabase::Durability::Normal, &m_error);
    if (!m_database)
        return;
    m_version = m_database->dataVersion();
    connect(&m_timer, &QTimer::timeout, this, &DatabaseChangeWatcher::check);
    m_timer.start(interval);
}

DatabaseChangeWatcher::~DatabaseChangeWatcher() = default;

void DatabaseChangeWatcher::check()
{
    if (!m_database)
        return;
    const qint64 version = m_database->dataVersion();
    // A failed read (-1) is no change: the next tick asks again.
    if (version < 0 || version == m_version)
        return;
    m_version = version;
    Q_EMIT changed();
}
