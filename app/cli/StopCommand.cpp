#include "StopCommand.h"

#include "AuditTrail.h"
#include "StateDirectory.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

// Who engaged or released it, in the state and the audit trail.
const QString &cliSource()
{
    static const QString source = QStringLiteral("cli");
    return source;
}

QString when(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

KillSwitch::AuditSink sinkFor(AuditTrail *trail)
{
    if (!trail)
        return {};
    return [trail](const AuditEvent &event) { trail->append(event); };
}

} // namespace

StopCommand::StopCommand(Verb verb)
    : m_verb(verb)
{ }

QString StopCommand::name() const
{
    return m_verb == Verb::Stop ? QStringLiteral("stop") : QStringLiteral("resume");
}

QString StopCommand::summary() const
{
    return m_verb == Verb::Stop ? tr("Stop all AI access to ha, loxone or all (the kill switch).")
                                : tr("Resume AI access to ha, loxone or all after asking.");
}

QString StopCommand::usage() const
{
    if (m_verb == Verb::Stop) {
        return tr("Usage: homewarden stop [ha|loxone|all] [--reason TEXT]\n\n"
                  "Stops every AI request to Home Assistant (ha), Loxone or both (all, the "
                  "default), in every HomeWarden process, until someone resumes it.\n\n"
                  "  --reason TEXT  why; AI clients and 'homewarden status' show it\n");
    }
    return tr("Usage: homewarden resume [ha|loxone|all] [--yes]\n\n"
              "Lets AI requests reach Home Assistant (ha), Loxone or both (all, the default) "
              "again. Resuming all lifts every stop; resuming ha or loxone lifts only that one.\n\n"
              "  -y, --yes  resume without asking for y or yes on stdin\n");
}

QString StopCommand::scopeText(KillScope scope)
{
    switch (scope) {
    case KillScope::HomeAssistant:
        return tr("Home Assistant");
    case KillScope::Loxone:
        return tr("Loxone");
    case KillScope::All:
        break;
    }
    return tr("the house (Home Assistant and Loxone)");
}

QString StopCommand::describe(const KillStop &stop)
{
    if (stop.unreadable) {
        return tr("AI access to the house is stopped because the kill-switch state cannot be "
                  "read (%1)")
                .arg(stop.reason);
    }
    QString text = tr("AI access to %1 stopped since %2 by %3")
                           .arg(scopeText(stop.scope), when(stop.since), stop.by);
    if (!stop.reason.isEmpty())
        text += tr(" (reason: %1)").arg(stop.reason);
    return text;
}

int StopCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(
            {QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")));
    if (m_verb == Verb::Stop) {
        parser.addOption(QCommandLineOption(
                QStringLiteral("reason"), tr("Why AI access is stopped."), tr("TEXT")));
    } else {
        parser.addOption(QCommandLineOption(
                {QStringLiteral("y"), QStringLiteral("yes")}, tr("Resume without asking.")));
    }
    // QCommandLineParser wants the program first; it is never shown.
    if (!parser.parse(QStringList{QStringLiteral("homewarden")} + arguments)) {
        printError(
                tr("%1 Run 'homewarden %2 --help' for its usage.").arg(parser.errorText(), name()));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(usage());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        printError(tr("%1 takes one scope at most: ha, loxone or all.").arg(name()));
        return UsageError;
    }
    const std::optional<KillScope> scope = positional.isEmpty()
            ? std::optional<KillScope>(KillScope::All)
            : KillScopes::fromName(positional.first());
    if (!scope) {
        printError(tr("Unknown scope '%1'; use ha, loxone or all.").arg(positional.first()));
        return UsageError;
    }
    return m_verb == Verb::Stop ? stop(parser, *scope) : resume(parser, *scope);
}

int StopCommand::stop(const QCommandLineParser &parser, KillScope scope)
{
    // Unlike other changes, a stop goes ahead when the audit trail cannot record it: refusing
    // to stop the AI for want of a log line would protect nobody.
    const std::unique_ptr<AuditTrail> trail = openAuditTrail();
    if (!trail)
        printError(tr("The stop goes ahead without an audit record."));
    KillSwitch killSwitch(StateDirectory::path(), sinkFor(trail.get()));
    QString error;
    if (!killSwitch.engage(scope, cliSource(), parser.value(QStringLiteral("reason")), &error)) {
        printError(error);
        return Failure;
    }
    if (trail)
        flushAudit(trail.get());

    // An engaged scope keeps its first engagement, so show what holds now.
    KillStop shown;
    shown.scope = scope;
    shown.by = cliSource();
    for (const KillStop &stop : killSwitch.engagedStops()) {
        if (!stop.unreadable && stop.scope == scope)
            shown = stop;
    }
    printOut(tr("%1.\nIt stays stopped in every HomeWarden process until someone runs "
                "'homewarden resume %2'.\n")
                     .arg(describe(shown), KillScopes::name(scope)));
    return Success;
}

int StopCommand::resume(const QCommandLineParser &parser, KillScope scope)
{
    // A resume that the audit trail cannot record is not made.
    const std::unique_ptr<AuditTrail> trail = openAuditTrail();
    if (!trail)
        return Failure;
    KillSwitch killSwitch(StateDirectory::path(), sinkFor(trail.get()));

    // What this resume lifts: the scope's own stop (every stop for "all"), and a state that
    // cannot be read, which the release writes anew.
    QList<KillStop> lifted;
    const QList<KillStop> stops = killSwitch.engagedStops();
    for (const KillStop &stop : stops) {
        if (stop.unreadable || scope == KillScope::All || stop.scope == scope)
            lifted.append(stop);
    }
    if (lifted.isEmpty()) {
        const std::optional<KillStop> covering = killSwitch.stopFor(KillScopes::name(scope));
        if (covering) {
            printOut(tr("%1 has no stop of its own, but this one covers it: %2.\nRun 'homewarden "
                        "resume all' to lift it.\n")
                             .arg(scopeText(scope), describe(*covering)));
        } else {
            printOut(tr("AI access to %1 is not stopped; there is nothing to resume.\n")
                             .arg(scopeText(scope)));
        }
        return Success;
    }

    if (!parser.isSet(QStringLiteral("yes"))) {
        for (const KillStop &stop : std::as_const(lifted))
            printError(describe(stop) + QLatin1Char('.'));
        if (!confirm(tr("Resume AI access to %1? [y/N] ").arg(scopeText(scope)))) {
            printError(tr("Nothing was resumed: the answer was not y or yes."));
            return Failure;
        }
    }

    QString error;
    if (!killSwitch.release(scope, cliSource(), &error)) {
        printError(error);
        return Failure;
    }
    flushAudit(trail.get());

    // Releasing ha or loxone leaves an engaged "all" in place; say so rather than let the
    // person believe the AI can act again.
    const QList<KillStop> remaining = killSwitch.engagedStops();
    for (const KillStop &stop : remaining) {
        if (stop.unreadable || stop.scope == KillScope::All) {
            printOut(tr("The stop of %1 is lifted, but AI access stays stopped: %2.\n")
                             .arg(scopeText(scope), describe(stop)));
            return Success;
        }
    }
    printOut(tr("AI access to %1 is resumed.\n").arg(scopeText(scope)));
    return Success;
}

bool StopCommand::confirm(const QString &question)
{
    std::fprintf(stderr, "%s", qPrintable(question));
    std::fflush(stderr);
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    // A terminal echoed the answer and its newline; a pipe did not, so end the line here.
    if (!isatty(STDIN_FILENO))
        std::fputc('\n', stderr);
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}
