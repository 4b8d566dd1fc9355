#include "RateLimiter.h"

#include "StateDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

namespace {

qint64 ceilSeconds(qint64 ms)
{
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

// Old rows are swept now and then, not on every reservation: counting ignores them anyway.
constexpr int SWEEP_EVERY = 256;

qint64 firstSecondOfWindow(qint64 second)
{
    return second - RateLimiter::WINDOW_MS / 1000 + 1;
}

QString unreadable(const QString &detail)
{
    return QStringLiteral("The rate-limit window cannot be read (%1), so the call is refused.")
            .arg(detail);
}

// The calls counted in the window and its oldest second: what every answer is made of.
struct WindowCount
{
    qint64 used = 0;
    qint64 oldestSecond = 0;
};

std::optional<WindowCount> countWindow(
        StateDatabase *database, const QString &keyId, qint64 second, QString *detail)
{
    QSqlQuery &count = database->prepared(QStringLiteral(
            "SELECT SUM(calls), MIN(second) FROM rate_window WHERE key_id = ? AND second >= ?"));
    count.bindValue(0, keyId);
    count.bindValue(1, firstSecondOfWindow(second));
    if (!count.exec() || !count.next()) {
        *detail = count.lastError().text();
        count.finish();
        return std::nullopt;
    }
    WindowCount window{count.value(0).toLongLong(),
            count.value(1).isNull() ? second : count.value(1).toLongLong()};
    count.finish();
    return window;
}

// The oldest second leaves the window when the clock reaches its start plus a minute.
qint64 secondsUntilReset(qint64 oldestSecond, qint64 nowMs)
{
    return ceilSeconds(oldestSecond * 1000 + RateLimiter::WINDOW_MS - nowMs);
}

RateLimiter::Verdict refusal(int limit, qint64 resetSeconds)
{
    RateLimiter::Verdict verdict;
    verdict.limit = limit;
    verdict.resetSeconds = resetSeconds;
    verdict.retryAfterSeconds = qMax<qint64>(1, resetSeconds);
    return verdict;
}

} // namespace

RateLimiter::RateLimiter(StateDatabase *database)
    : m_database(database)
{ }

RateLimiter::~RateLimiter()
{
    // Most processes hold nothing unused when they end: they need no write lock then.
    if (std::none_of(m_blocks.cbegin(), m_blocks.cend(),
                [](const Block &block) { return block.left > 0; }))
        return;
    const QSqlDatabase db = m_database->connection();
    if (!execSql(db, QStringLiteral("BEGIN IMMEDIATE"), nullptr))
        return;
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it)
        giveBack(it.key(), it.value(), nullptr);
    execSql(db, QStringLiteral("COMMIT"), nullptr);
}

int RateLimiter::maxBlock(int limitPerMinute)
{
    return qBound(1, limitPerMinute / 100, MAX_BLOCK);
}

RateLimiter::Verdict RateLimiter::acquire(
        const QString &keyId, int limitPerMinute, const QDateTime &now, QString *error)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    Block &block = m_blocks[keyId];
    if (block.second == nowMs / 1000 && block.left > 0) {
        --block.left;
        return verdictOf(block, limitPerMinute, nowMs);
    }
    return reserve(keyId, limitPerMinute, nowMs, &block, error);
}

RateLimiter::Verdict RateLimiter::reserve(
        const QString &keyId, int limitPerMinute, qint64 nowMs, Block *block, QString *error)
{
    const qint64 second = nowMs / 1000;
    const QSqlDatabase db = m_database->connection();
    auto fail = [&](const QString &detail) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = unreadable(detail);
        return refusal(limitPerMinute, 1);
    };

    QString detail;
    // IMMEDIATE: count and reserve under one write lock, or two processes could both take
    // the last calls.
    if (!execSql(db, QStringLiteral("BEGIN IMMEDIATE"), &detail))
        return fail(detail);
    if (!giveBack(keyId, *block, &detail))
        return fail(detail);
    const std::optional<WindowCount> window = countWindow(m_database, keyId, second, &detail);
    if (!window)
        return fail(detail);

    const qint64 free = limitPerMinute - window->used;
    int size = 0;
    if (free > 0) {
        // After a refusal in this second (size 0) the next block starts at one again.
        const int wanted =
                block->second == second ? qBound(1, block->size * 2, maxBlock(limitPerMinute)) : 1;
        size = int(qMin<qint64>(wanted, free));
        QSqlQuery &add = m_database->prepared(
                QStringLiteral("INSERT INTO rate_window (key_id, second, calls) VALUES (?, ?, ?) "
                               "ON CONFLICT (key_id, second) DO UPDATE SET calls = calls + "
                               "excluded.calls"));
        add.bindValue(0, keyId);
        add.bindValue(1, second);
        add.bindValue(2, size);
        const bool added = add.exec();
        const QString addError = add.lastError().text();
        add.finish();
        if (!added)
            return fail(addError);
        if (++m_callsSinceSweep >= SWEEP_EVERY) {
            m_callsSinceSweep = 0;
            QSqlQuery &sweep = m_database->prepared(
                    QStringLiteral("DELETE FROM rate_window WHERE second < ?"));
            sweep.bindValue(0, firstSecondOfWindow(second));
            sweep.exec();
            sweep.finish();
        }
    }
    // Committed even when nothing was reserved: what was given back stays given back.
    if (!execSql(db, QStringLiteral("COMMIT"), &detail))
        return fail(detail);

    *block = Block{second, size, qMax(0, size - 1), window->used + size, window->oldestSecond};
    if (size == 0)
        return refusal(limitPerMinute, secondsUntilReset(window->oldestSecond, nowMs));
    return verdictOf(*block, limitPerMinute, nowMs);
}

bool RateLimiter::giveBack(const QString &keyId, const Block &block, QString *error)
{
    if (block.left <= 0)
        return true;
    QSqlQuery &giveBack = m_database->prepared(QStringLiteral(
            "UPDATE rate_window SET calls = MAX(0, calls - ?) WHERE key_id = ? AND second = ?"));
    giveBack.bindValue(0, block.left);
    giveBack.bindValue(1, keyId);
    giveBack.bindValue(2, block.second);
    const bool ok = giveBack.exec();
    if (!ok && error)
        *error = giveBack.lastError().text();
    giveBack.finish();
    return ok;
}

RateLimiter::Verdict RateLimiter::verdictOf(const Block &block, int limitPerMinute, qint64 nowMs)
{
    Verdict verdict;
    verdict.allowed = true;
    verdict.limit = limitPerMinute;
    verdict.remaining = int(qMax<qint64>(0, limitPerMinute - (block.usedInWindow - block.left)));
    verdict.resetSeconds = secondsUntilReset(block.oldestSecond, nowMs);
    return verdict;
}

RateLimiter::Verdict RateLimiter::peek(
        const QString &keyId, int limitPerMinute, const QDateTime &now, QString *error)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 second = nowMs / 1000;
    QString detail;
    const std::optional<WindowCount> window = countWindow(m_database, keyId, second, &detail);
    if (!window) {
        if (error)
            *error = unreadable(detail);
        return refusal(limitPerMinute, 1);
    }
    // What this limiter holds unused is still there to be taken.
    const auto block = m_blocks.constFind(keyId);
    const qint64 held = block != m_blocks.cend() && block->second >= firstSecondOfWindow(second)
            ? block->left
            : 0;
    const qint64 used = window->used - held;
    Verdict verdict;
    verdict.limit = limitPerMinute;
    verdict.allowed = used < limitPerMinute;
    verdict.remaining = int(qMax<qint64>(0, limitPerMinute - used));
    verdict.resetSeconds = secondsUntilReset(window->oldestSecond, nowMs);
    verdict.retryAfterSeconds = verdict.allowed ? 0 : qMax<qint64>(1, verdict.resetSeconds);
    return verdict;
}
