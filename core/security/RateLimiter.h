#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

class StateDatabase;

// A sliding one-minute window per key, kept in runtime.db so that every process using the
// same key draws from one window (two `--stdio` processes with one key share it). Calls are
// counted per second, so a check reads at most 60 rows whatever the limit, and the window
// slides in steps of one second.
//
// Calls are taken from the window in blocks, so that a busy HTTP server does not write to
// the database on every request: the first call of a second reserves one call, and each
// block used up within the same second is followed by one twice as large, up to a hundredth
// of the limit (at most 64). A block serves only the second it was reserved in, so every
// call still counts in the second it was made, and its unused part is given back when the
// key next needs the window, or when the limiter is destroyed. So a key called a few times a
// second is counted call by call as before, the limit is never exceeded across processes,
// and the only cost is that another process may see up to a hundredth of the limit as
// taken while this one holds it unused.
class RateLimiter
{
public:
    static constexpr qint64 WINDOW_MS = 60 * 1000;
    static constexpr int MAX_BLOCK = 64;

    // What HTTP's X-RateLimit-Limit/Remaining/Reset and Retry-After report.
    struct Verdict
    {
        bool allowed = false;
        int limit = 0;
        int remaining = 0;
        qint64 resetSeconds = 0; // until the oldest call in the window leaves it
        qint64 retryAfterSeconds = 0; // when refused
    };

    explicit RateLimiter(StateDatabase *database);
    ~RateLimiter();
    RateLimiter(const RateLimiter &) = delete;
    RateLimiter &operator=(const RateLimiter &) = delete;

    // Counts one call for keyId if it fits under limitPerMinute. *error is set (and the call
    // refused) when the window cannot be read: fail closed.
    Verdict acquire(const QString &keyId, int limitPerMinute, const QDateTime &now,
            QString *error = nullptr);
    // The same answer without counting a call (for responses that report the window).
    Verdict peek(const QString &keyId, int limitPerMinute, const QDateTime &now,
            QString *error = nullptr);

    // The largest block reserved at once for a key with this limit.
    static int maxBlock(int limitPerMinute);

private:
    // Calls of one key reserved in the window and not yet made.
    struct Block
    {
        qint64 second = -1; // the second they count in
        int size = 0; // how many were reserved
        int left = 0; // how many of them are still unused
        qint64 usedInWindow = 0; // the window's count after reserving, this block included
        qint64 oldestSecond = 0; // the oldest second with calls in the window then
    };

    Verdict reserve(
            const QString &keyId, int limitPerMinute, qint64 nowMs, Block *block, QString *error);
    // Returns the unused part of block to the window, inside the caller's transaction.
    bool giveBack(const QString &keyId, const Block &block, QString *error);
    static Verdict verdictOf(const Block &block, int limitPerMinute, qint64 nowMs);

    StateDatabase *m_database; // runtime.db
    QHash<QString, Block> m_blocks;
    int m_callsSinceSweep = 0;
};
