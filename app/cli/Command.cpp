#include "Command.h"

#include "AuditTrail.h"
#include "StateDirectory.h"

#include <QTextStream>

#include <cstdio>

void Command::printError(const QString &sentence)
{
    std::fprintf(stderr, "%s\n", qPrintable(sentence));
}

void Command::printOut(const QString &text)
{
    QTextStream out(stdout);
    out << text;
    out.flush();
}

void Command::printDiagnostic(const QString &line)
{
    std::fprintf(stderr, "homewarden: %s\n", qPrintable(line));
}

std::unique_ptr<AuditTrail> Command::openAuditTrail()
{
    QString error;
    std::unique_ptr<AuditTrail> trail = AuditTrail::open(StateDirectory::path(), &error);
    if (!trail)
        printError(error);
    return trail;
}

void Command::flushAudit(AuditTrail *trail)
{
    if (!trail->flush()) {
        printError(QCoreApplication::translate("Command",
                "Warning: the change was made, but the audit trail could not record it yet."));
    }
}
