#pragma once

#include "Command.h"

#include "AuditLog.h"

#include <optional>

// homewarden audit: lists the audit trail (newest first) or verifies its hash chain.
class AuditCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

    // ISO 8601 (2026-11-27T10:00:00Z; local time without an offset; a date alone means its
    // midnight) or an age before now such as 90s, 15m, 2h, 3d or 1w.
    static std::optional<QDateTime> parseSince(const QString &text, const QDateTime &now);

private:
    enum class Format { Table, Json };

    struct Options
    {
        AuditLog::Filter filter;
        Format format = Format::Table;
        bool verify = false;
        bool help = false;
        QString listingOption; // the first option that only a listing takes
    };

    static std::optional<Options> parse(const QStringList &arguments, QString *error);
    static QString usage();
    static int verify(const AuditLog &log);
    static int list(const AuditLog &log, const Options &options);
};
