#include "HomeWardenVersion.h"
#include "Translations.h"
#include "cli/CommandLine.h"

#ifdef HOMEWARDEN_WITH_GUI
#include "TrayIcon.h"

#include <QApplication>
#endif

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace {

void describeApplication()
{
    // With no organization, AppDataLocation is ~/.local/share/homewarden on Linux.
    QCoreApplication::setApplicationName(QStringLiteral(HOMEWARDEN_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOMEWARDEN_VERSION));
}

#ifdef HOMEWARDEN_WITH_GUI
bool hasDisplay()
{
#ifdef Q_OS_LINUX
    return !qEnvironmentVariableIsEmpty("DISPLAY")
            || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

int runTray(int argc, char *argv[])
{
    if (!hasDisplay()) {
        // QApplication would abort without a word a person could act on.
        std::fprintf(stderr, "%s\n",
                qPrintable(QCoreApplication::translate("main",
                        "No graphical session was found: start HomeWarden from your "
                        "desktop, or use 'homewarden --stdio' or 'homewarden status' "
                        "in a terminal.")));
        return 1;
    }
    QApplication app(argc, argv);
    describeApplication();
    installTranslations(&app);
    QApplication::setQuitOnLastWindowClosed(false);
    TrayIcon tray;
    tray.show();
    return QApplication::exec();
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    // The mode is chosen before any application object exists: only the tray needs a display.
#ifdef HOMEWARDEN_WITH_GUI
    if (argc == 1)
        return runTray(argc, argv);
#endif
    QCoreApplication app(argc, argv);
    describeApplication();
    // An MCP client reads English; skipping the translator also keeps --stdio's start fast.
    if (argc < 2 || std::strcmp(argv[1], "--stdio") != 0)
        installTranslations(&app);
    return CommandLine().run(QCoreApplication::arguments());
}
