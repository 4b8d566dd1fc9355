#include "LoginGuard.h"

#include "StateDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

LoginGuard::LoginGuard(StateDatabase *database)
    : m_database(database)
    , m_sources(database, QStringLiteral("logins"), CACHED_SOURCES)
{ }

std::optional<LoginGuard::SourceRecord> LoginGuard::recordOf(const QString &source, QString *error)
{
    // Asked on every HTTP request: the cache answers while nobody has changed the bans or
    // failures since, and the statement stays prepared.
    if (const SourceRecord *cached = m_sources.find(source))
        return *cached;
    QSqlQuery &query = m_database->prepared(
            QStringLiteral("SELECT (SELECT MAX(until) FROM bans WHERE source = ?), "
                           "EXISTS (SELECT 1 FROM auth_failures WHERE source = ?)"));
    query.bindValue(0, source);
    query.bindValue(1, source);
    if (!query.exec() || !query.next()) {
        if (error)
            *error = query.lastError().text();
        query.finish();
        return std::nullopt;
    }
    const SourceRecord record{query.value(0).toLongLong(), query.value(1).toBool()};
    query.finish();
    m_sources.insert(source, record);
    return record;
}

QDateTime LoginGuard::bannedUntil(const QString &source, const QDateTime &now, QString *error)
{
    const std::optional<SourceRecord> record = recordOf(source, error);
    if (!record)
        return now.addMSecs(BAN_MS);
    return record->bannedUntilMs > now.toMSecsSinceEpoch()
            ? QDateTime::fromMSecsSinceEpoch(record->bannedUntilMs, Qt::UTC)
            : QDateTime();
}

QDateTime LoginGuard::recordFailure(const QString &source, const QDateTime &now, QString *error)
{
    const QSqlDatabase db = m_database->connection();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QString detail;
    if (!execSql(db, QStringLiteral("BEGIN IMMEDIATE"), &detail)) {
        if (error)
            *error = detail;
        return {};
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM auth_failures WHERE at <= ?"));
    query.addBindValue(nowMs - FAILURE_WINDOW_MS);
    query.exec();
    query.prepare(QStringLiteral("INSERT INTO auth_failures (source, at) VALUES (?, ?)"));
    query.addBindValue(source);
    query.addBindValue(nowMs);
    query.exec();
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM auth_failures WHERE source = ?"));
    query.addBindValue(source);
    const int failures = query.exec() && query.next() ? query.value(0).toInt() : 0;
    query.finish();

    QDateTime until;
    if (failures >= MAX_FAILURES) {
        until = now.addMSecs(BAN_MS);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO bans (source, until) VALUES (?, ?)"));
        query.addBindValue(source);
        query.addBindValue(until.toMSecsSinceEpoch());
        query.exec();
        query.prepare(QStringLiteral("DELETE FROM auth_failures WHERE source = ?"));
        query.addBindValue(source);
        query.exec();
    }
    if (!execSql(db, QStringLiteral("COMMIT"), &detail) && error)
        *error = detail;
    return until;
}

void LoginGuard::recordSuccess(const QString &source)
{
    // Most successes have nothing to clear, and a write on every request would serialise all
    // requests on the database lock. A success follows bannedUntil() for the same source, so
    // the record read then will do: a failure recorded elsewhere in between is only cleared
    // at the next success, which errs on the safe side.
    const SourceRecord *known = m_sources.lastRead(source);
    const std::optional<SourceRecord> record =
            known ? std::optional<SourceRecord>(*known) : recordOf(source, nullptr);
    if (!record || !record->hasFailures)
        return;
    QSqlQuery &clear =
            m_database->prepared(QStringLiteral("DELETE FROM auth_failures WHERE source = ?"));
    clear.bindValue(0, source);
    clear.exec();
    clear.finish();
}
