#include "ToolResult.h"

#include "ProtocolRevision.h"

ToolResult ToolResult::success(const QString &text, const QJsonObject &structured)
{
    ToolResult result;
    result.m_text = text;
    result.m_structured = structured;
    return result;
}

ToolResult ToolResult::failure(const QString &sentence)
{
    ToolResult result;
    result.m_text = sentence;
    result.m_isError = true;
    return result;
}

QJsonObject ToolResult::toJson(const ProtocolRevision &revision) const
{
    QJsonObject json{
            {QStringLiteral("content"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                            {QStringLiteral("text"), m_text}}}},
            {QStringLiteral("isError"), m_isError},
    };
    if (revision.hasStructuredToolOutput() && !m_structured.isEmpty())
        json.insert(QStringLiteral("structuredContent"), m_structured);
    return json;
}
