#pragma once

#include <QDateTime>
#include <QString>

class StateDatabase;

// A sliding one-minute window per key, kept in runtime.db so that every process using the
// same key draws from one window (two `--stdio` processes with one key share it). Calls are
// counted per second, so a check reads at most 60 rows whatever the limit, and the window
// slides in steps of one second.
class RateLimiter
{
public:
    static constexpr qint64 WINDOW_MS = 60 * 1000;

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

    // Counts one call for keyId if it fits under limitPerMinute. *error is set (and the call
    // refused) when the window cannot be read: fail closed.
    Verdict acquire(const QString &keyId, int limitPerMinute, const QDateTime &now,
            QString *error = nullptr);
    // The same answer without counting a call (for responses that report the window).
    Verdict peek(const QString &keyId, int limitPerMinute, const QDateTime &now,
            QString *error = nullptr);

private:
    Verdict check(const QString &keyId, int limitPerMinute, const QDateTime &now, bool countCall,
            QString *error);

    StateDatabase *m_database; // runtime.db
    int m_callsSinceSweep = 0;
};
