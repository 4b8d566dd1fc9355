#include "DatabaseChangeWatcher.h"

#include "StateDatabase.h"

#include <QSqlQuery>

DatabaseChangeWatcher::DatabaseChangeWatcher(
        const QString &stateDirectory, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
{
    m_database = StateDatabase::open(stateDirectory, StateDatabase::Durability::Normal, &m_error);
    if (!m_database)
        return;
    m_version = dataVersion();
    connect(&m_timer, &QTimer::timeout, this, &DatabaseChangeWatcher::check);
    m_timer.start(interval);
}

DatabaseChangeWatcher::~DatabaseChangeWatcher() = default;

void DatabaseChangeWatcher::check()
{
    if (!m_database)
        return;
    const qint64 version = dataVersion();
    // A failed read (-1) is no change: the next tick asks again.
    if (version < 0 || version == m_version)
        return;
    m_version = version;
    Q_EMIT changed();
}

qint64 DatabaseChangeWatcher::dataVersion()
{
    QSqlQuery &query = m_database->prepared(QStringLiteral("PRAGMA data_version"));
    qint64 version = -1;
    if (query.exec() && query.next())
        version = query.value(0).toLongLong();
    query.finish();
    return version;
}
