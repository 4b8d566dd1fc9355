#include "HomeWardenVersion.h"
#include "Translations.h"
#include "TrayLauncher.h"
#include "cli/CommandLine.h"

#include <QCoreApplication>

#include <cstring>

int main(int argc, char *argv[])
{
    // With no arguments (or `setup`) a person wants the desktop application; it lives in its
    // own binary so that everything here starts without Qt Gui.
    if (argc == 1 || std::strcmp(argv[1], "setup") == 0)
        return launchTray(argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral(HOMEWARDEN_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOMEWARDEN_VERSION));
    // An MCP client reads English; skipping the translator also keeps --stdio's start fast.
    if (std::strcmp(argv[1], "--stdio") != 0)
        installTranslations(&app);
    return CommandLine().run(QCoreApplication::arguments());
}
