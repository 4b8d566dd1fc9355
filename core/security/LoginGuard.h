#pragma once

#include "RowCache.h"

#include <QDateTime>
#include <QString>

#include <optional>

// Counts failed authentications per source (an IP address) in runtime.db, shared by every
// process: 10 failures within 5 minutes ban the source for 15 minutes. While banned, even a
// valid key is refused. A success clears the count.
class LoginGuard
{
public:
    static constexpr int MAX_FAILURES = 10;
    static constexpr qint64 FAILURE_WINDOW_MS = 5 * 60 * 1000;
    static constexpr qint64 BAN_MS = 15 * 60 * 1000;

    explicit LoginGuard(StateDatabase *database);

    // The end of the ban on source, or an invalid QDateTime when it is not banned. A database
    // that cannot be read counts as banned (fail closed) and sets *error.
    QDateTime bannedUntil(const QString &source, const QDateTime &now, QString *error = nullptr);

    // Records a failure; returns the end of the ban when this failure started one.
    QDateTime recordFailure(const QString &source, const QDateTime &now, QString *error = nullptr);

    void recordSuccess(const QString &source);

private:
    // What is known of a source: the end of its latest ban (0: never banned) and whether
    // failures are counted against it.
    struct SourceRecord
    {
        qint64 bannedUntilMs = 0;
        bool hasFailures = false;
    };
    std::optional<SourceRecord> recordOf(const QString &source, QString *error);

    static constexpr qsizetype CACHED_SOURCES = 1024;

    StateDatabase *m_database;
    RowCache<SourceRecord> m_sources;
};
