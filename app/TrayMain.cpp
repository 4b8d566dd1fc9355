// homewarden-tray: the desktop half of HomeWarden (tray, and later the setup wizard).
// `homewarden` with no arguments hands over to it, so that the headless modes never load
// Qt Widgets and Gui (they doubled --stdio's start time and memory).
#include "HomeWardenVersion.h"
#include "Translations.h"
#include "TrayIcon.h"

#include <QApplication>

#include <cstdio>

namespace {

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

} // namespace

int main(int argc, char *argv[])
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
    QCoreApplication::setApplicationName(QStringLiteral(HOMEWARDEN_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOMEWARDEN_VERSION));
    installTranslations(&app);
    QApplication::setQuitOnLastWindowClosed(false);
    TrayIcon tray;
    tray.show();
    return QApplication::exec();
}
