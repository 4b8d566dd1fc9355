#include "Command.h"

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
