#pragma once

#include <QString>
#include <QStringList>

// An MCP protocol revision (a date string) and what it changes on the wire. Revisions are
// ISO dates, so comparing the strings orders them in time.
class ProtocolRevision
{
public:
    // Newest first.
    static const QStringList &supported();
    static QString latest();
    // The client's revision when supported, otherwise the latest one (the client then decides
    // whether it can speak it).
    static ProtocolRevision negotiate(const QString &requested);

    explicit ProtocolRevision(const QString &revision = latest());

    QString toString() const { return m_revision; }

    // Tool annotations (readOnlyHint, ...) arrived in 2025-03-26.
    bool hasToolAnnotations() const;
    // Tool titles, outputSchema and structuredContent arrived in 2025-06-18.
    bool hasStructuredToolOutput() const;
    // Since 2025-11-25 (SEP-1303) arguments that break a tool's schema come back as a tool
    // result with isError, so the model can correct itself; before, as -32602.
    bool reportsArgumentErrorsAsToolResults() const;

private:
    bool isAtLeast(QLatin1String revision) const;

    QString m_revision;
};
