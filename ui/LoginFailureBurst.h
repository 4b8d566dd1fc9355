#pragma once

#include <QDateTime>
#include <QList>

#include <chrono>

// When failed logins become news: `threshold` failures within `window` (by the events' own
// times, whichever process wrote them), and then at most one notice per window while the
// attempts go on, so that a guessing script does not bury the desktop in bubbles.
class LoginFailureBurst
{
public:
    static constexpr int DEFAULT_THRESHOLD = 5;
    static constexpr std::chrono::seconds DEFAULT_WINDOW{60};

    explicit LoginFailureBurst(
            int threshold = DEFAULT_THRESHOLD, std::chrono::seconds window = DEFAULT_WINDOW);

    // One failure at when (in the trail's order). True when a notice is due now.
    bool add(const QDateTime &when);
    // Failures within the window ending at the last one added.
    int recentCount() const { return int(m_recent.size()); }

private:
    int m_threshold;
    qint64 m_windowMs;
    QList<QDateTime> m_recent;
    QDateTime m_lastNotice;
};
