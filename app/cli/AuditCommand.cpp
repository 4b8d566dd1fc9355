#include "AuditCommand.h"

#include "StateDirectory.h"
#include "UntrustedText.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace {

constexpr int DEFAULT_LIMIT = 100;

// A table cell: "-" for nothing, and nothing that could take over the terminal.
QString printable(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : UntrustedText::printable(text);
}

} // namespace

QString AuditCommand::summary() const
{
    return tr("List the audit trail, newest first, or verify it (--verify).");
}

QString AuditCommand::usage()
{
    return tr("Usage: homewarden audit [--limit N] [--event TYPE] [--key ID] [--since T] "
              "[--format table|json]\n"
              "       homewarden audit --verify\n\n"
              "  --limit N       show the N newest events (default %1; 0 shows all)\n"
              "  --event TYPE    only events of this type, e.g. auth.failure or tool.call\n"
              "  --key ID        only events of this key, e.g. hwk_admin_001\n"
              "  --since T       only events since T: 2026-11-27T10:00:00Z, or an age such as "
              "15m, 2h or 3d\n"
              "  --format F      table (default) or json (one object per line)\n"
              "  --verify        check the hash chain; exit 0 when intact, 1 naming the first "
              "bad row\n")
            .arg(DEFAULT_LIMIT);
}

std::optional<QDateTime> AuditCommand::parseSince(const QString &text, const QDateTime &now)
{
    static const QRegularExpression age(QStringLiteral("^(\\d{1,9})([smhdw])$"));
    const QRegularExpressionMatch match = age.match(text);
    if (match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        qint64 seconds = amount;
        if (unit == QLatin1Char('m'))
            seconds *= 60;
        else if (unit == QLatin1Char('h'))
            seconds *= 3600;
        else if (unit == QLatin1Char('d'))
            seconds *= 86400;
        else if (unit == QLatin1Char('w'))
            seconds *= 7 * 86400;
        return now.addSecs(-seconds);
    }
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (at.isValid())
        return at;
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid())
        return day.startOfDay();
    return std::nullopt;
}

std::optional<AuditCommand::Options> AuditCommand::parse(
        const QStringList &arguments, QString *error)
{
    Options options;
    options.filter.limit = DEFAULT_LIMIT;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString option = arguments.at(i);
        std::optional<QString> inlineValue;
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        if (option.startsWith(QLatin1String("--")) && equals > 0) {
            inlineValue = option.mid(equals + 1);
            option.truncate(equals);
        }

        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            options.help = true;
            continue;
        }
        if (option == QLatin1String("--verify")) {
            if (inlineValue) {
                *error = tr("The option --verify takes no value.");
                return std::nullopt;
            }
            options.verify = true;
            continue;
        }
        static const QStringList valued{QStringLiteral("--limit"), QStringLiteral("--event"),
                QStringLiteral("--key"), QStringLiteral("--since"), QStringLiteral("--format")};
        if (!valued.contains(option)) {
            *error = option.startsWith(QLatin1Char('-'))
                    ? tr("Unknown option '%1' for audit; run 'homewarden audit --help'.")
                              .arg(option)
                    : tr("Unexpected argument '%1' after audit.").arg(option);
            return std::nullopt;
        }
        if (!inlineValue && i + 1 >= arguments.size()) {
            *error = tr("The option %1 needs a value.").arg(option);
            return std::nullopt;
        }
        const QString value = inlineValue ? *inlineValue : arguments.at(++i);
        if (options.listingOption.isEmpty())
            options.listingOption = option;

        if (option == QLatin1String("--limit")) {
            bool ok = false;
            const int limit = value.toInt(&ok);
            if (!ok || limit < 0) {
                *error = tr("--limit takes a whole number of 0 or more, not '%1'.").arg(value);
                return std::nullopt;
            }
            options.filter.limit = limit;
        } else if (option == QLatin1String("--event")) {
            options.filter.event = value;
        } else if (option == QLatin1String("--key")) {
            options.filter.keyId = value;
        } else if (option == QLatin1String("--since")) {
            const std::optional<QDateTime> since =
                    parseSince(value, QDateTime::currentDateTimeUtc());
            if (!since) {
                *error = tr("--since takes a time such as 2026-11-27T10:00:00Z or an age such "
                            "as 15m, 2h or 3d, not '%1'.")
                                 .arg(value);
                return std::nullopt;
            }
            options.filter.since = *since;
        } else if (value == QLatin1String("table") || value == QLatin1String("json")) {
            options.format = value == QLatin1String("json") ? Format::Json : Format::Table;
        } else {
            *error = tr("--format takes table or json, not '%1'.").arg(value);
            return std::nullopt;
        }
    }
    if (options.verify && !options.listingOption.isEmpty()) {
        *error = tr("--verify checks the whole trail and cannot be combined with %1.")
                         .arg(options.listingOption);
        return std::nullopt;
    }
    return options;
}

int AuditCommand::run(const QStringList &arguments)
{
    QString error;
    const std::optional<Options> options = parse(arguments, &error);
    if (!options) {
        Command::printError(error);
        return UsageError;
    }
    if (options->help) {
        QTextStream(stdout) << usage();
        return Success;
    }

    const std::unique_ptr<AuditLog> log = AuditLog::open(StateDirectory::path(), &error);
    if (!log) {
        Command::printError(error);
        return Failure;
    }
    return options->verify ? verify(*log) : list(*log, *options);
}

int AuditCommand::verify(const AuditLog &log)
{
    const AuditLog::Verification verification = log.verify();
    QTextStream out(stdout);
    if (!verification.ok) {
        out << verification.reason << '\n';
        return Failure;
    }
    out << tr("Audit trail intact: %1 rows.").arg(verification.rowsChecked) << '\n';
    return Success;
}

int AuditCommand::list(const AuditLog &log, const Options &options)
{
    QString error;
    if (options.format == Format::Json) {
        // Paged by the log, so that `audit --limit 0 --format json` streams any trail.
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly)
                || log.writeJsonLines(options.filter, &out, &error) < 0) {
            Command::printError(error.isEmpty() ? out.errorString() : error);
            return Failure;
        }
        return Success;
    }

    const QList<AuditRecord> records = log.query(options.filter, &error);
    if (!error.isEmpty()) {
        Command::printError(error);
        return Failure;
    }

    QTextStream out(stdout);
    if (records.isEmpty()) {
        out << tr("No audit events match.") << '\n';
        return Success;
    }
    const QStringList header{tr("SEQ"), tr("TIME (UTC)"), tr("EVENT"), tr("KEY"), tr("SOURCE"),
            tr("ACTION"), tr("TARGET"), tr("RESULT"), tr("REASON")};
    QList<QStringList> rows{header};
    rows.reserve(records.size() + 1);
    for (const AuditRecord &record : records) {
        const AuditEvent &event = record.event;
        rows.append({QString::number(record.seq), event.timestamp.toUTC().toString(Qt::ISODate),
                printable(event.event), printable(event.keyId), printable(event.source),
                printable(event.action), printable(event.target), printable(event.result),
                printable(event.reason)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = qMax(widths[column], row.at(column).size());
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            // The last column is not padded: a long reason needs no trailing blanks.
            if (column + 1 == row.size())
                line += row.at(column);
            else
                line += row.at(column).leftJustified(widths.at(column)) + QStringLiteral("  ");
        }
        out << line << '\n';
    }
    return Success;
}
