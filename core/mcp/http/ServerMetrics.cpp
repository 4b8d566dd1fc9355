#include "ServerMetrics.h"

#include "KillSwitch.h"

#include <algorithm>

namespace {

// A label value in Prometheus' text format: backslash, quote and newline escaped.
QByteArray labelValue(const QString &text)
{
    QByteArray value = text.toUtf8();
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return value;
}

} // namespace

void ServerMetrics::countRequest(int status)
{
    ++m_requests[status];
}

void ServerMetrics::observeToolCall(double seconds)
{
    for (size_t i = 0; i < BUCKETS.size(); ++i) {
        if (seconds <= BUCKETS[i])
            ++m_toolBuckets[i];
    }
    ++m_toolCount;
    m_toolSum += seconds;
}

QByteArray ServerMetrics::render(
        const QList<BackendStatus> &backends, const QList<StopStatus> &stops) const
{
    QByteArray out;
    out += "# HELP homewarden_http_requests_total HTTP requests answered, by status.\n"
           "# TYPE homewarden_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += "homewarden_http_requests_total{status=\"" + QByteArray::number(it.key()) + "\"} "
                + QByteArray::number(it.value()) + '\n';
    out += "# HELP homewarden_denials_total Requests and tool calls refused by the gate.\n"
           "# TYPE homewarden_denials_total counter\n"
           "homewarden_denials_total "
            + QByteArray::number(m_denials) + '\n';
    out += "# HELP homewarden_rate_limit_hits_total Requests refused by a rate limit.\n"
           "# TYPE homewarden_rate_limit_hits_total counter\n"
           "homewarden_rate_limit_hits_total "
            + QByteArray::number(m_rateLimitHits) + '\n';
    out += "# HELP homewarden_tool_call_duration_seconds Time from tools/call to its answer.\n"
           "# TYPE homewarden_tool_call_duration_seconds histogram\n";
    for (size_t i = 0; i < BUCKETS.size(); ++i)
        out += "homewarden_tool_call_duration_seconds_bucket{le=\"" + QByteArray::number(BUCKETS[i])
                + "\"} " + QByteArray::number(m_toolBuckets[i]) + '\n';
    out += "homewarden_tool_call_duration_seconds_bucket{le=\"+Inf\"} "
            + QByteArray::number(m_toolCount) + '\n';
    out += "homewarden_tool_call_duration_seconds_sum " + QByteArray::number(m_toolSum, 'g', 9)
            + '\n';
    out += "homewarden_tool_call_duration_seconds_count " + QByteArray::number(m_toolCount) + '\n';
    out += "# HELP homewarden_sessions MCP sessions open over HTTP.\n"
           "# TYPE homewarden_sessions gauge\n"
           "homewarden_sessions "
            + QByteArray::number(m_sessions) + '\n';
    out += "# HELP homewarden_backend_up Whether the backend is connected (1) or not (0).\n"
           "# TYPE homewarden_backend_up gauge\n";
    for (const BackendStatus &backend : backends)
        out += "homewarden_backend_up{backend=\"" + labelValue(backend.id) + "\"} "
                + (backend.connected ? "1" : "0") + '\n';
    out += "# HELP homewarden_backend_devices Devices known of the backend.\n"
           "# TYPE homewarden_backend_devices gauge\n";
    for (const BackendStatus &backend : backends)
        out += "homewarden_backend_devices{backend=\"" + labelValue(backend.id) + "\"} "
                + QByteArray::number(backend.deviceCount) + '\n';
    // Every scope, engaged or not, so that an alert can watch each series.
    out += "# HELP homewarden_kill_switch_engaged Whether a kill-switch stop of the scope is "
           "engaged (1) or not (0).\n"
           "# TYPE homewarden_kill_switch_engaged gauge\n";
    for (KillScope scope : {KillScope::All, KillScope::HomeAssistant, KillScope::Loxone}) {
        const QString name = KillScopes::name(scope);
        const bool engaged = std::any_of(stops.cbegin(), stops.cend(),
                [&name](const StopStatus &stop) { return stop.scope == name; });
        out += "homewarden_kill_switch_engaged{scope=\"" + labelValue(name) + "\"} "
                + (engaged ? "1" : "0") + '\n';
    }
    return out;
}
