#pragma once

#include "ToolRegistry.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <functional>

// What get_system_status reports about one backend.
struct BackendStatus
{
    QString id; // "ha", "loxone"
    QString name;
    bool connected = false;
    QString detail; // one sentence: what it is doing, or why it is not connected
    QString url;
    QString version;
    int deviceCount = 0;
    QDateTime connectedSince; // invalid when not connected
    QString lastError;
};

// One engaged kill-switch stop, as get_system_status reports it.
struct StopStatus
{
    QString scope; // "ha", "loxone", "all"
    QString by;
    QDateTime since;
    QString reason;
    QString sentence; // the refusal every tool call of that scope gets
};

// get_system_status: the version, uptime, transport and backends of this HomeWarden, with an
// outputSchema the structured result always matches.
class SystemStatusTool
{
public:
    using BackendsProvider = std::function<QList<BackendStatus>()>;
    using StopsProvider = std::function<QList<StopStatus>()>;

    // startedAt: a monotonic timer started when the process began serving.
    static ToolDefinition definition(const QElapsedTimer &startedAt,
            const BackendsProvider &backends = {}, const StopsProvider &stops = {});
    static QJsonObject outputSchema();
};
