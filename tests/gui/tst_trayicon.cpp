// The tray against the shared state directory: its emergency stop reaches every process (a
// real `homewarden --stdio` refuses afterwards), a stop from elsewhere turns it red, Resume…
// asks first, the menu opens each window once, and the tray keeps running when its port is
// taken.
#include "AuditWindow.h"
#include "KeysWindow.h"
#include "McpTestClient.h"
#include "ResumeDialog.h"
#include "SettingsDialog.h"
#include "StdioServerProcess.h"
#include "TestSupport.h"
#include "TrayIcon.h"
#include "TrayMonitor.h"
#include "TrayServer.h"
#include "TrayWindows.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

class tst_TrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emergencyStopIsTheFirstEntryAndStopsEveryProcess();
    void aStopByAnotherKillSwitchTurnsTheTrayRed();
    void aStopFromTheCommandLineTurnsTheTrayRedWithinASecond();
    void resumeAsksFirstAndShowsWhoStoppedIt();
    void menuEntriesOpenTheirWindowsOnce();
    void aTakenPortLeavesTheTrayRunningAndSaysWhy();
    void theTrayServesWhereHomewardenIniSays();

private:
    QAction *action(const char *name) const;
    // The visible top-level windows of type T.
    template <typename T> static QList<T *> visibleWindows();
    ResumeDialog *openResumeDialog() const;
    // The first status line of the menu that contains text, or null.
    QAction *statusLine(const QString &text) const;
    void writeServerPort(quint16 port) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<KillSwitch> m_killSwitch;
    std::unique_ptr<TrayMonitor> m_monitor;
    std::unique_ptr<TrayIcon> m_tray;
};

void tst_TrayIcon::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_killSwitch = std::make_unique<KillSwitch>(m_home->path(), KillSwitch::AuditSink());
    m_monitor = std::make_unique<TrayMonitor>(m_killSwitch.get(), TrayMonitor::BackendsProvider());
    m_tray = std::make_unique<TrayIcon>(m_killSwitch.get(), m_monitor.get());
}

void tst_TrayIcon::cleanup()
{
    m_tray.reset();
    m_monitor.reset();
    m_killSwitch.reset();
    m_home.reset();
}

QAction *tst_TrayIcon::action(const char *name) const
{
    return m_tray->menu()->findChild<QAction *>(QLatin1String(name));
}

QAction *tst_TrayIcon::statusLine(const QString &text) const
{
    for (QAction *line : m_tray->menu()->actions()) {
        if (!line->isEnabled() && line->text().contains(text))
            return line;
    }
    return nullptr;
}

ResumeDialog *tst_TrayIcon::openResumeDialog() const
{
    action("resumeAction")->trigger();
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<ResumeDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

template <typename T> QList<T *> tst_TrayIcon::visibleWindows()
{
    QList<T *> found;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<T *>(widget); window && window->isVisible())
            found.append(window);
    }
    return found;
}

void tst_TrayIcon::writeServerPort(quint16 port) const
{
    QSettings ini(
            QDir(m_home->path()).filePath(QStringLiteral("homewarden.ini")), QSettings::IniFormat);
    ini.setValue(QStringLiteral("server/host"), QStringLiteral("127.0.0.1"));
    ini.setValue(QStringLiteral("server/port"), port);
}

void tst_TrayIcon::emergencyStopIsTheFirstEntryAndStopsEveryProcess()
{
    const QString key = TestSupport::generateKey(m_home->path(), QStringLiteral("operator"));
    QVERIFY(!key.isEmpty());
    QAction *emergency = action("emergencyStopAction");
    QVERIFY(emergency);
    QCOMPARE(m_tray->menu()->actions().constFirst(), emergency);
    QVERIFY(emergency->isEnabled());

    // One click, no dialog.
    emergency->trigger();
    QCOMPARE(m_monitor->state().look(), TrayState::Look::EmergencyStop);
    QVERIFY(!emergency->isEnabled());
    const QWidgetList windows = QApplication::topLevelWidgets();
    QVERIFY(std::none_of(windows.cbegin(), windows.cend(),
            [](const QWidget *widget) { return widget->isVisible(); }));

    // In the shared database, for every process...
    const KillSwitch elsewhere(m_home->path(), KillSwitch::AuditSink());
    const std::optional<KillStop> stop = elsewhere.stopFor(QStringLiteral("ha"));
    QVERIFY(stop);
    QCOMPARE(stop->scope, KillScope::All);
    QCOMPARE(stop->by, QStringLiteral("tray"));

    // ... and a `homewarden --stdio` started now refuses to reach the house.
    QProcessEnvironment environment = TestSupport::serverEnvironment(m_home->path(), key);
    environment.insert(QStringLiteral("HOMEWARDEN_SECURITY_LEVEL"), QStringLiteral("development"));
    // Never reached: the stop refuses before any request.
    environment.insert(QStringLiteral("HOMEWARDEN_HA_URL"), QStringLiteral("http://127.0.0.1:9"));
    environment.insert(QStringLiteral("HOMEWARDEN_HA_TOKEN"), QStringLiteral("unused"));
    StdioServerProcess server(environment);
    QVERIFY2(server.initialize(), qPrintable(server.standardError()));
    const QJsonObject refused = server.callTool(QStringLiteral("list_devices"));
    QVERIFY2(McpTestClient::isError(refused), qPrintable(McpTestClient::text(refused)));
    QVERIFY2(McpTestClient::text(refused).contains(QLatin1String("by tray")),
            qPrintable(McpTestClient::text(refused)));
}

void tst_TrayIcon::aStopByAnotherKillSwitchTurnsTheTrayRed()
{
    QCOMPARE(m_monitor->state().look(), TrayState::Look::ServerStopped);
    QSignalSpy engaged(m_monitor.get(), &TrayMonitor::stopEngaged);
    KillSwitch other(m_home->path(), KillSwitch::AuditSink());
    QVERIFY(other.engage(
            KillScope::Loxone, QStringLiteral("hwk_admin_001"), QStringLiteral("test")));

    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->state().look(), TrayState::Look::EmergencyStop, 1000);
    QCOMPARE(engaged.size(), 1);
    QVERIFY(!action("stopLoxoneAction")->isEnabled());
    QVERIFY(action("stopHomeAssistantAction")->isEnabled());
    QVERIFY(action("emergencyStopAction")->isEnabled());
    QVERIFY(action("resumeAction")->isEnabled());
    QVERIFY(statusLine(QStringLiteral("stopped by hwk_admin_001")));
}

void tst_TrayIcon::aStopFromTheCommandLineTurnsTheTrayRedWithinASecond()
{
    QVERIFY(!action("resumeAction")->isEnabled());
    QProcess stop;
    stop.setProcessEnvironment(TestSupport::serverEnvironment(m_home->path()));
    stop.start(TestSupport::homewardenBinary(),
            {QStringLiteral("stop"), QStringLiteral("all"), QStringLiteral("--reason"),
                    QStringLiteral("lights flicker")});
    QVERIFY(stop.waitForFinished(20000));
    QCOMPARE(stop.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->state().look(), TrayState::Look::EmergencyStop, 1000);
    QVERIFY(m_monitor->state().toolTip().contains(QLatin1String("lights flicker")));
    QVERIFY(statusLine(QStringLiteral("stopped by the command line")));
}

void tst_TrayIcon::resumeAsksFirstAndShowsWhoStoppedIt()
{
    KillSwitch other(m_home->path(), KillSwitch::AuditSink());
    QVERIFY(other.engage(
            KillScope::HomeAssistant, QStringLiteral("cli"), QStringLiteral("holiday")));
    QTRY_VERIFY(action("resumeAction")->isEnabled());

    ResumeDialog *dialog = openResumeDialog();
    QVERIFY(dialog);
    QVERIFY2(dialog->informativeText().contains(QLatin1String("the command line")),
            qPrintable(dialog->informativeText()));
    QVERIFY(dialog->informativeText().contains(QLatin1String("holiday")));
    QCOMPARE(dialog->scope(), KillScope::HomeAssistant);
    QVERIFY(dialog->defaultButton() != dialog->resumeButton());
    dialog->reject();
    QTest::qWait(50);
    QVERIFY(other.stopFor(QStringLiteral("ha")));

    dialog = openResumeDialog();
    QVERIFY(dialog);
    dialog->resumeButton()->click();
    QVERIFY(!other.stopFor(QStringLiteral("ha")));
    QTRY_VERIFY(m_monitor->state().look() != TrayState::Look::EmergencyStop);
    QVERIFY(!action("resumeAction")->isEnabled());
}

void tst_TrayIcon::menuEntriesOpenTheirWindowsOnce()
{
    TrayWindows windows(m_home->path());
    connect(m_tray.get(), &TrayIcon::keysWindowRequested, &windows, &TrayWindows::showKeys);
    connect(m_tray.get(), &TrayIcon::auditWindowRequested, &windows, &TrayWindows::showAudit);
    connect(m_tray.get(), &TrayIcon::settingsWindowRequested, &windows, &TrayWindows::showSettings);
    QVERIFY(!windows.raiseOpenWindows());

    for (const char *name : {"keysAction", "auditAction", "settingsAction"}) {
        action(name)->trigger();
        action(name)->trigger(); // a second click raises the same window
    }
    QCOMPARE(visibleWindows<KeysWindow>().size(), 1);
    QCOMPARE(visibleWindows<AuditWindow>().size(), 1);
    QCOMPARE(visibleWindows<SettingsDialog>().size(), 1);
    QVERIFY(windows.raiseOpenWindows());

    // Closed windows are gone, and the next click opens a new one.
    visibleWindows<KeysWindow>().first()->close();
    QTRY_VERIFY(visibleWindows<KeysWindow>().isEmpty());
    action("keysAction")->trigger();
    QCOMPARE(visibleWindows<KeysWindow>().size(), 1);
}

void tst_TrayIcon::aTakenPortLeavesTheTrayRunningAndSaysWhy()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    writeServerPort(squatter.serverPort());
    QString error;
    const std::unique_ptr<TrayServer> server = TrayServer::open(m_home->path(), &error);
    QVERIFY2(server, qPrintable(error));
    server->start();
    QVERIFY(!server->serverState().serving);
    QVERIFY2(server->serverState().problem.contains(QString::number(squatter.serverPort())),
            qPrintable(server->serverState().problem));

    TrayMonitor monitor(server->killSwitch(), TrayMonitor::BackendsProvider());
    monitor.setServer(server->serverState());
    QCOMPARE(monitor.state().look(), TrayState::Look::ServerStopped);
    QVERIFY(monitor.state().toolTip().contains(server->serverState().problem));
    // The kill switch still works without a server.
    QVERIFY(server->killSwitch()->engage(KillScope::All, QStringLiteral("tray"), QString()));
    QCOMPARE(m_killSwitch->stopFor(QStringLiteral("loxone"))->by, QStringLiteral("tray"));
}

void tst_TrayIcon::theTrayServesWhereHomewardenIniSays()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    writeServerPort(port);
    QString error;
    const std::unique_ptr<TrayServer> server = TrayServer::open(m_home->path(), &error);
    QVERIFY2(server, qPrintable(error));
    server->start();
    QVERIFY2(server->serverState().serving, qPrintable(server->serverState().problem));
    QCOMPARE(server->serverState().url, QStringLiteral("http://127.0.0.1:%1/mcp").arg(port));

    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(port)))));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

QTEST_MAIN(tst_TrayIcon)
#include "tst_trayicon.moc"
