#include "ToolInvocation.h"

ToolInvocation::ToolInvocation(const QString &toolName, const QJsonObject &arguments,
        const Caller &caller, const DeviceScope &scope, QObject *parent)
    : QObject(parent)
    , m_toolName(toolName)
    , m_arguments(arguments)
    , m_caller(caller)
    , m_scope(scope)
{ }

void ToolInvocation::finish(const ToolResult &result)
{
    if (m_finished || m_cancelled)
        return;
    m_finished = true;
    Q_EMIT finished(result);
}

void ToolInvocation::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    Q_EMIT cancelled();
}
