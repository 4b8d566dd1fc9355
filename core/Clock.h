#pragma once

#include <QDateTime>

// The time as the security checks see it (expiry, rate windows, bans). Tests pass a clock
// they can move; everything else uses systemClock().
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

const Clock &systemClock();

// A clock that stands still until told otherwise.
class ManualClock : public Clock
{
public:
    explicit ManualClock(const QDateTime &start)
        : m_now(start.toUTC())
    { }
    QDateTime now() const override { return m_now; }
    void advance(qint64 ms) { m_now = m_now.addMSecs(ms); }
    void set(const QDateTime &when) { m_now = when.toUTC(); }

private:
    QDateTime m_now;
};
