#include "LoginGuard.h"

#include "StateDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

LoginGuard::LoginGuard(StateDatabase *database)
    : m_database(database)
{ }

QDateTime LoginGuard::bannedUntil(const QString &source, const QDateTime &now, QString *error)
{
    // Asked on every HTTP request, so the statement stays prepared.
    QSqlQuery &query = m_database->prepared(
            QStringLiteral("SELECT until FROM bans WHERE source = ? AND until > ?"));
    query.bindValue(0, source);
    query.bindValue(1, now.toMSecsSinceEpoch());
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return now.addMSecs(BAN_MS);
    }
    const QDateTime until = query.next()
            ? QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC)
            : QDateTime();
    query.finish();
    return until;
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
    // A read first: most successes have nothing to clear, and a write on every request would
    // serialise all requests on the database lock.
    QSqlQuery &pending = m_database->prepared(
            QStringLiteral("SELECT EXISTS (SELECT 1 FROM auth_failures WHERE source = ?)"));
    pending.bindValue(0, source);
    const bool any = pending.exec() && pending.next() && pending.value(0).toBool();
    pending.finish();
    if (!any)
        return;
    QSqlQuery &clear =
            m_database->prepared(QStringLiteral("DELETE FROM auth_failures WHERE source = ?"));
    clear.bindValue(0, source);
    clear.exec();
    clear.finish();
}
