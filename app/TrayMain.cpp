// homewarden-tray: the desktop half of HomeWarden: the tray icon and, in the same event loop,
// the MCP server over HTTP. `homewarden` with no arguments hands over to it, so that the
// headless modes never load Qt Widgets and Gui (they doubled --stdio's start time and memory).
#include "BackendHub.h"
#include "HomeWardenVersion.h"
#include "SingleInstance.h"
#include "StateDirectory.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TrayMonitor.h"
#include "TrayServer.h"
#include "TrayWindows.h"
#include "UnixSignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

namespace {

// Hidden: scripts/screenshots opens the menu at a fixed place, where no click can reach
// reliably on a virtual display.
constexpr char SCREENSHOT_OPTION[] = "show-menu-for-screenshot";
// Time for the tray host to embed the icon before the menu opens.
constexpr int SCREENSHOT_DELAY_MS = 1500;

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

void printSentence(const QString &sentence)
{
    std::fprintf(stderr, "%s\n", qPrintable(sentence));
}

// "X,Y" in screen coordinates; a null point for anything else.
QPoint parsePosition(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    bool xOk = false;
    bool yOk = false;
    const QPoint point(parts.value(0).toInt(&xOk), parts.value(1).toInt(&yOk));
    return parts.size() == 2 && xOk && yOk ? point : QPoint();
}

} // namespace

int main(int argc, char *argv[])
{
    if (!hasDisplay()) {
        // QApplication would abort without a word a person could act on.
        printSentence(QCoreApplication::translate("main",
                "No graphical session was found: start HomeWarden from your desktop, or use "
                "'homewarden --stdio' or 'homewarden status' in a terminal."));
        return 1;
    }
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral(HOMEWARDEN_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOMEWARDEN_VERSION));
    installTranslations(&app);
    // The tray outlives every window it opens.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    QCommandLineOption screenshotOption(QLatin1String(SCREENSHOT_OPTION),
            QCoreApplication::translate("main", "Open the tray menu at X,Y (for screenshots)."),
            QStringLiteral("X,Y"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    if (!parser.parse(QCoreApplication::arguments()) || !parser.positionalArguments().isEmpty()) {
        printSentence(parser.errorText().isEmpty() ? QCoreApplication::translate("main",
                              "homewarden-tray takes no arguments; see 'homewarden --help'.")
                                                   : parser.errorText());
        return 2;
    }

    const QString stateDirectory = StateDirectory::path();
    SingleInstance instance(stateDirectory);
    if (instance.notifyRunning())
        return 0;
    QString error;
    if (!instance.listen(&error)) {
        // Two starts at the same moment: the one that lost the race hands over.
        if (instance.notifyRunning())
            return 0;
        printSentence(error);
    }

    const std::unique_ptr<TrayServer> server = TrayServer::open(stateDirectory, &error);
    if (!server) {
        printSentence(error);
        return 1;
    }
    server->start();
    if (!server->serverState().serving)
        printSentence(server->serverState().problem);

    const BackendHub *hub = server->hub();
    TrayMonitor monitor(server->killSwitch(), [hub] { return hub->directory()->statuses(); });
    monitor.watchBackends(hub);
    monitor.setServer(server->serverState());

    TrayIcon tray(server->killSwitch(), &monitor);
    TrayWindows windows(stateDirectory);
    QObject::connect(&tray, &TrayIcon::keysWindowRequested, &windows, &TrayWindows::showKeys);
    QObject::connect(&tray, &TrayIcon::auditWindowRequested, &windows, &TrayWindows::showAudit);
    QObject::connect(
            &tray, &TrayIcon::settingsWindowRequested, &windows, &TrayWindows::showSettings);
    QObject::connect(&instance, &SingleInstance::activationRequested, &tray, [&windows, &tray] {
        if (!windows.raiseOpenWindows())
            tray.popUpMenu();
    });
    tray.show();

    if (parser.isSet(screenshotOption)) {
        const QPoint at = parsePosition(parser.value(screenshotOption));
        QTimer::singleShot(SCREENSHOT_DELAY_MS, &tray, [&tray, at] { tray.popUpMenu(at); });
    }

    UnixSignals signals;
    return QApplication::exec();
}
