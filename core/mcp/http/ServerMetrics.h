#pragma once

#include "SystemStatusTool.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <array>

// Counters of the HTTP server for GET /metrics, in Prometheus' text format.
class ServerMetrics
{
public:
    void countRequest(int status);
    void countDenial() { ++m_denials; }
    void countRateLimitHit() { ++m_rateLimitHits; }
    void observeToolCall(double seconds);
    void setSessions(int sessions) { m_sessions = sessions; }

    // The counters, with the backends' connection and device count and the kill switch's
    // stops as they are now.
    QByteArray render(
            const QList<BackendStatus> &backends = {}, const QList<StopStatus> &stops = {}) const;

private:
    static constexpr std::array<double, 9> BUCKETS{
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};

    QMap<int, qint64> m_requests;
    qint64 m_denials = 0;
    qint64 m_rateLimitHits = 0;
    std::array<qint64, BUCKETS.size()> m_toolBuckets{};
    qint64 m_toolCount = 0;
    double m_toolSum = 0;
    int m_sessions = 0;
};
