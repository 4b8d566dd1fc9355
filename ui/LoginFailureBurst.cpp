#include "LoginFailureBurst.h"

LoginFailureBurst::LoginFailureBurst(int threshold, std::chrono::seconds window)
    : m_threshold(threshold)
    , m_windowMs(std::chrono::milliseconds(window).count())
{ }

bool LoginFailureBurst::add(const QDateTime &when)
{
    m_recent.append(when);
    while (!m_recent.isEmpty() && m_recent.constFirst().msecsTo(when) >= m_windowMs)
        m_recent.removeFirst();
    if (m_recent.size() < m_threshold)
        return false;
    if (m_lastNotice.isValid() && m_lastNotice.msecsTo(when) < m_windowMs)
        return false;
    m_lastNotice = when;
    return true;
}
