#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

class AuditTrail;

// One verb of the command line. Verbs run headless (QCoreApplication) and answer with the
// process exit code.
class Command
{
public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    virtual ~Command() = default;

    virtual QString name() const = 0;
    // One line for --help.
    virtual QString summary() const = 0;
    // arguments: what follows the verb on the command line.
    virtual int run(const QStringList &arguments) = 0;

    // One sentence for the person, on stderr (stdout stays for results, and for --stdio,
    // for the protocol alone).
    static void printError(const QString &sentence);
    static void printOut(const QString &text);
    // A server's line on stderr, prefixed with the program's name: it lands in logs that
    // many programs share (an MCP client's server log, the journal).
    static void printDiagnostic(const QString &line);

    // The audit trail of the state directory, for verbs that change something; null (and the
    // reason printed) when it cannot be opened.
    static std::unique_ptr<AuditTrail> openAuditTrail();
    // Waits until the events appended so far are committed; warns when they are not yet.
    static void flushAudit(AuditTrail *trail);
};
