#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class ProtocolRevision;

// What a tool answers: text for the model, optional structured content matching the tool's
// outputSchema, and whether the call was refused or failed.
class ToolResult
{
public:
    static ToolResult success(const QString &text, const QJsonObject &structured = {});
    // One clear sentence: what went wrong and what would make it work.
    static ToolResult failure(const QString &sentence);

    bool isError() const { return m_isError; }
    QString text() const { return m_text; }
    QJsonObject structuredContent() const { return m_structured; }

    // The CallToolResult object as the negotiated revision expects it.
    QJsonObject toJson(const ProtocolRevision &revision) const;

private:
    QString m_text;
    QJsonObject m_structured;
    bool m_isError = false;
};
