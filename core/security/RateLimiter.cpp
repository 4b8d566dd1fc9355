#include "RateLimiter.h"

#include "StateDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

qint64 ceilSeconds(qint64 ms)
{
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

// Old rows are swept now and then, not on every call: counting ignores them anyway.
constexpr int SWEEP_EVERY = 256;

} // namespace

RateLimiter::RateLimiter(StateDatabase *database)
    : m_database(database)
{ }

RateLimiter::Verdict RateLimiter::acquire(
        const QString &keyId, int limitPerMinute, const QDateTime &now, QString *error)
{
    return check(keyId, limitPerMinute, now, true, error);
}

RateLimiter::Verdict RateLimiter::peek(
        const QString &keyId, int limitPerMinute, const QDateTime &now, QString *error)
{
    return check(keyId, limitPerMinute, now, false, error);
}

RateLimiter::Verdict RateLimiter::check(const QString &keyId, int limitPerMinute,
        const QDateTime &now, bool countCall, QString *error)
{
    Verdict verdict;
    verdict.limit = limitPerMinute;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const QSqlDatabase db = m_database->connection();
    auto fail = [&](const QString &detail) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = QStringLiteral("The rate-limit window cannot be read (%1), so the call is "
                                    "refused.")
                             .arg(detail);
        verdict.allowed = false;
        verdict.retryAfterSeconds = 1;
        return verdict;
    };

    QString detail;
    // IMMEDIATE: count and insert under one write lock, or two processes could both take the
    // last slot.
    if (!execSql(db, countCall ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"),
                &detail))
        return fail(detail);

    const qint64 second = nowMs / 1000;
    const qint64 firstSecond = second - WINDOW_MS / 1000 + 1;
    QSqlQuery &count = m_database->prepared(QStringLiteral(
            "SELECT SUM(calls), MIN(second) FROM rate_window WHERE key_id = ? AND second >= ?"));
    count.bindValue(0, keyId);
    count.bindValue(1, firstSecond);
    if (!count.exec() || !count.next())
        return fail(count.lastError().text());
    const qint64 used = count.value(0).toLongLong();
    const qint64 oldestSecond = count.value(1).isNull() ? second : count.value(1).toLongLong();
    count.finish();

    // The oldest second leaves the window when the clock reaches its start plus a minute.
    verdict.resetSeconds = ceilSeconds(oldestSecond * 1000 + WINDOW_MS - nowMs);
    if (!countCall) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        verdict.allowed = used < limitPerMinute;
        verdict.remaining = int(qMax<qint64>(0, limitPerMinute - used));
        verdict.retryAfterSeconds = verdict.allowed ? 0 : qMax<qint64>(1, verdict.resetSeconds);
        return verdict;
    }
    if (used >= limitPerMinute) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        verdict.allowed = false;
        verdict.remaining = 0;
        verdict.retryAfterSeconds = qMax<qint64>(1, verdict.resetSeconds);
        return verdict;
    }

    QSqlQuery &add = m_database->prepared(
            QStringLiteral("INSERT INTO rate_window (key_id, second, calls) VALUES (?, ?, 1) "
                           "ON CONFLICT (key_id, second) DO UPDATE SET calls = calls + 1"));
    add.bindValue(0, keyId);
    add.bindValue(1, second);
    if (!add.exec())
        return fail(add.lastError().text());
    if (++m_callsSinceSweep >= SWEEP_EVERY) {
        m_callsSinceSweep = 0;
        QSqlQuery &sweep =
                m_database->prepared(QStringLiteral("DELETE FROM rate_window WHERE second < ?"));
        sweep.bindValue(0, firstSecond);
        sweep.exec();
    }
    if (!execSql(db, QStringLiteral("COMMIT"), &detail))
        return fail(detail);

    verdict.allowed = true;
    verdict.remaining = int(limitPerMinute - used - 1);
    return verdict;
}
