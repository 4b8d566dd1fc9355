// homewarden-tray: the desktop half of HomeWarden: the tray icon and, in the same event loop,
// the MCP server over HTTP. `homewarden` with no arguments hands over to it, so that the
// headless modes never load Qt Widgets and Gui (they doubled --stdio's start time and memory).
#include "BackendHub.h"
#include "HomeWardenVersion.h"
#include "SecurityLevel.h"
#include "SetupWizard.h"
#include "SingleInstance.h"
#include "StateDirectory.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TrayMonitor.h"
#include "TrayNotifier.h"
#include "TrayServer.h"
#include "TrayWindows.h"
#include "UnixSignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace {

// Hidden: scripts/screenshots opens the menu at a fixed place, where no click can reach
// reliably on a virtual display.
constexpr char SCREENSHOT_OPTION[] = "show-menu-for-screenshot";
// Hidden: scripts/screenshots opens one window (keys, audit, settings) this way.
constexpr char WINDOW_SCREENSHOT_OPTION[] = "open-window-for-screenshot";
// `homewarden setup` (and `homewarden-tray --setup`): the wizard first, then the tray.
constexpr char SETUP_COMMAND[] = "setup";
// Hidden: scripts/screenshots shows one page of the setup wizard, without the tray.
constexpr char SETUP_SCREENSHOT_OPTION[] = "show-setup-page-for-screenshot";
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

// Notices a request to quit the application (SIGTERM, SIGINT through UnixSignals).
class QuitWatcher : public QObject
{
public:
    bool isRequested() const { return m_requested; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Quit)
            m_requested = true;
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_requested = false;
};

// The wizard alone, opened at page (SetupWizard::pageIdFromName); ends when it is closed.
int showSetupPage(const QString &stateDirectory, const QString &page)
{
    const int id = SetupWizard::pageIdFromName(page);
    if (id < 0) {
        printSentence(
                QCoreApplication::translate("main", "There is no setup page '%1'.").arg(page));
        return 2;
    }
    SetupWizard wizard(stateDirectory);
    wizard.setStartId(id);
    wizard.show();
    QObject::connect(&wizard, &QDialog::finished, qApp, &QCoreApplication::quit);
    return QApplication::exec();
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
    // The installed menu entry (installer/): lets Wayland and notifications show its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.homewarden.HomeWarden"));
    installTranslations(&app);
    // The tray outlives every window it opens.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    QCommandLineOption screenshotOption(QLatin1String(SCREENSHOT_OPTION),
            QCoreApplication::translate("main", "Open the tray menu at X,Y (for screenshots)."),
            QStringLiteral("X,Y"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    QCommandLineOption windowOption(QLatin1String(WINDOW_SCREENSHOT_OPTION),
            QCoreApplication::translate("main", "Open a window at start (for screenshots)."),
            QStringLiteral("keys|audit|settings"));
    windowOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(windowOption);
    QCommandLineOption setupOption(QLatin1String(SETUP_COMMAND),
            QCoreApplication::translate("main", "Open the setup wizard."));
    parser.addOption(setupOption);
    QCommandLineOption setupScreenshotOption(QLatin1String(SETUP_SCREENSHOT_OPTION),
            QCoreApplication::translate("main", "Show one setup page (for screenshots)."),
            QStringLiteral("PAGE"));
    setupScreenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(setupScreenshotOption);
    const bool parsed = parser.parse(QCoreApplication::arguments());
    const bool setupRequested = parser.isSet(setupOption)
            || parser.positionalArguments() == QStringList{QLatin1String(SETUP_COMMAND)};
    if (!parsed || (!parser.positionalArguments().isEmpty() && !setupRequested)) {
        printSentence(parser.errorText().isEmpty() ? QCoreApplication::translate("main",
                              "homewarden-tray takes no arguments; see 'homewarden --help'.")
                                                   : parser.errorText());
        return 2;
    }

    const QString stateDirectory = StateDirectory::path();
    if (parser.isSet(setupScreenshotOption))
        return showSetupPage(stateDirectory, parser.value(setupScreenshotOption));
    SingleInstance instance(stateDirectory);
    if (instance.notifyRunning())
        return setupRequested ? showSetupPage(stateDirectory, SetupWizard::pageName(0)) : 0;
    QString error;
    if (!instance.listen(&error)) {
        // Two starts at the same moment: the one that lost the race hands over.
        if (instance.notifyRunning())
            return 0;
        printSentence(error);
    }

    // Before the server starts, so that it serves what the wizard set up. Cancelling it still
    // starts the tray: its menu opens the wizard again.
    if (setupRequested || SetupWizard::isFirstStart(stateDirectory)) {
        // In the application's own loop (not exec()), so that SIGTERM and SIGINT, which quit
        // that loop, end HomeWarden here too.
        const UnixSignals signalsDuringSetup;
        QuitWatcher quit;
        app.installEventFilter(&quit);
        SetupWizard wizard(stateDirectory);
        QObject::connect(&wizard, &QDialog::finished, &app, [] { QCoreApplication::exit(0); });
        wizard.show();
        QApplication::exec();
        // A quit closes every window, the wizard too: then HomeWarden ends instead.
        if (quit.isRequested())
            return 0;
        app.removeEventFilter(&quit);
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
    QObject::connect(
            &tray, &TrayIcon::setupWizardRequested, &windows, &TrayWindows::showSetupWizard);
    QObject::connect(&instance, &SingleInstance::activationRequested, &tray, [&windows, &tray] {
        if (!windows.raiseOpenWindows())
            tray.popUpMenu();
    });
    // Saved server settings apply at once: the person sees the effect without a restart.
    QObject::connect(&windows, &TrayWindows::settingsSaved, &monitor,
            [&server, &monitor](const QStringList &changedKeys) {
                if (changedKeys.filter(QRegularExpression(QStringLiteral("^server/"))).isEmpty())
                    return;
                server->restartServer();
                monitor.setServer(server->serverState());
            });
    // A wizard run from the tray connects the backends it set up at once (its server
    // settings arrive through settingsSaved above). A new security level is not among what
    // changes under a running server: say so, rather than let the wizard's summary suggest it.
    QObject::connect(&windows, &TrayWindows::setupFinished, &monitor,
            [&server, &monitor, &tray](const QStringList &changedKeys) {
                server->reloadBackends();
                monitor.refresh();
                if (changedKeys.contains(QLatin1String(SecurityLevels::INI_KEY)))
                    tray.showNotification(
                            QCoreApplication::translate("main", "Security level saved"),
                            QCoreApplication::translate("main",
                                    "The new security level applies from HomeWarden's next "
                                    "start; quit HomeWarden and start it again to use it now."));
            });
    tray.show();

    TrayNotifier notifier(stateDirectory);
    QObject::connect(
            &notifier, &TrayNotifier::notificationRequested, &tray, &TrayIcon::showNotification);
    notifier.start();

    if (parser.isSet(windowOption)) {
        const QString window = parser.value(windowOption);
        if (window == QLatin1String("keys"))
            windows.showKeys();
        else if (window == QLatin1String("audit"))
            windows.showAudit();
        else if (window == QLatin1String("settings"))
            windows.showSettings();
    }

    if (parser.isSet(screenshotOption)) {
        const QPoint at = parsePosition(parser.value(screenshotOption));
        QTimer::singleShot(SCREENSHOT_DELAY_MS, &tray, [&tray, at] { tray.popUpMenu(at); });
    }

    UnixSignals signals;
    return QApplication::exec();
}
