#include "ProtocolRevision.h"

const QStringList &ProtocolRevision::supported()
{
    static const QStringList revisions{
            QStringLiteral("2025-11-25"),
            QStringLiteral("2025-06-18"),
            QStringLiteral("2025-03-26"),
            QStringLiteral("2024-11-05"),
    };
    return revisions;
}

QString ProtocolRevision::latest()
{
    return supported().constFirst();
}

ProtocolRevision ProtocolRevision::negotiate(const QString &requested)
{
    return ProtocolRevision(supported().contains(requested) ? requested : latest());
}

ProtocolRevision::ProtocolRevision(const QString &revision)
    : m_revision(revision)
{ }

bool ProtocolRevision::hasToolAnnotations() const
{
    return isAtLeast(QLatin1String("2025-03-26"));
}

bool ProtocolRevision::hasStructuredToolOutput() const
{
    return isAtLeast(QLatin1String("2025-06-18"));
}

bool ProtocolRevision::reportsArgumentErrorsAsToolResults() const
{
    return isAtLeast(QLatin1String("2025-11-25"));
}

bool ProtocolRevision::isAtLeast(QLatin1String revision) const
{
    return m_revision >= revision;
}
