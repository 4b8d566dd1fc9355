// The tray's state rules on their own: which icon and which words for which kill switch,
// backends and server.
#include "TrayState.h"

#include <QFile>
#include <QTest>

class tst_TrayState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servingWhenEveryBackendIsConnected();
    void degradedNamesTheBackendsThatAreNotConnected();
    void degradedWithoutBackends();
    void aStoppedServerSaysWhy();
    void aStopOfOneBackendIsRedAndStopsOnlyIt();
    void aStopOfEverythingStopsEveryBackend();
    void anUnreadableStateIsRed();
    void describeStopNamesWhoWhenAndWhy();
    void everyLookHasItsOwnIcon();

private:
    static BackendStatus backend(const QString &id, const QString &name, bool connected);
    static KillStop stop(KillScope scope, const QString &by, const QString &reason);
    static ServerState serving();
};

BackendStatus tst_TrayState::backend(const QString &id, const QString &name, bool connected)
{
    BackendStatus status;
    status.id = id;
    status.name = name;
    status.connected = connected;
    status.detail = connected ? QStringLiteral("fine") : QStringLiteral("Connection refused.");
    return status;
}

KillStop tst_TrayState::stop(KillScope scope, const QString &by, const QString &reason)
{
    KillStop stop;
    stop.scope = scope;
    stop.by = by;
    stop.reason = reason;
    stop.since = QDateTime(QDate(2025, 3, 4), QTime(14, 2), Qt::UTC);
    return stop;
}

ServerState tst_TrayState::serving()
{
    return {true, QStringLiteral("http://127.0.0.1:3001/mcp"), QString()};
}

void tst_TrayState::servingWhenEveryBackendIsConnected()
{
    const TrayState state = TrayState::compute({},
            {backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), true),
                    backend(QStringLiteral("loxone"), QStringLiteral("Loxone"), true)},
            serving());
    QCOMPARE(state.look(), TrayState::Look::Serving);
    QCOMPARE(state.backendLines().size(), 2);
    QCOMPARE(state.backendLines().at(0).text, QStringLiteral("Home Assistant: connected"));
    QVERIFY(state.serverLine().contains(QLatin1String("http://127.0.0.1:3001/mcp")));
    QVERIFY(state.toolTip().contains(QLatin1String("every backend is connected")));
    QVERIFY(!state.isStopped(KillScope::HomeAssistant));
}

void tst_TrayState::degradedNamesTheBackendsThatAreNotConnected()
{
    const TrayState state = TrayState::compute({},
            {backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), true),
                    backend(QStringLiteral("loxone"), QStringLiteral("Loxone"), false)},
            serving());
    QCOMPARE(state.look(), TrayState::Look::Degraded);
    QVERIFY2(state.headline().contains(QLatin1String("Loxone")), qPrintable(state.headline()));
    QVERIFY(!state.headline().contains(QLatin1String("Home Assistant")));
    QCOMPARE(state.backendLines().at(1).text, QStringLiteral("Loxone: not connected"));
    QCOMPARE(state.backendLines().at(1).detail, QStringLiteral("Connection refused."));
}

void tst_TrayState::degradedWithoutBackends()
{
    const TrayState state = TrayState::compute({}, {}, serving());
    QCOMPARE(state.look(), TrayState::Look::Degraded);
    QVERIFY(state.headline().contains(QLatin1String("no backend")));
}

void tst_TrayState::aStoppedServerSaysWhy()
{
    const ServerState stopped{false, QString(), QStringLiteral("Port 3001 is in use.")};
    const TrayState state = TrayState::compute(
            {}, {backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), false)}, stopped);
    // A server that does not run outranks a backend that is not connected.
    QCOMPARE(state.look(), TrayState::Look::ServerStopped);
    QVERIFY(state.headline().contains(QLatin1String("Port 3001 is in use.")));
    QVERIFY(state.serverLine().contains(QLatin1String("Port 3001 is in use.")));
    QVERIFY(state.toolTip().contains(QLatin1String("Port 3001 is in use.")));
}

void tst_TrayState::aStopOfOneBackendIsRedAndStopsOnlyIt()
{
    const ServerState stopped{false, QString(), QStringLiteral("Port 3001 is in use.")};
    const TrayState state =
            TrayState::compute({stop(KillScope::HomeAssistant, QStringLiteral("cli"), {})},
                    {backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), true),
                            backend(QStringLiteral("loxone"), QStringLiteral("Loxone"), true)},
                    stopped);
    // Red outranks everything: a stop is what the person must see first.
    QCOMPARE(state.look(), TrayState::Look::EmergencyStop);
    QVERIFY(state.isStopped(KillScope::HomeAssistant));
    QVERIFY(!state.isStopped(KillScope::Loxone));
    QVERIFY(!state.isStopped(KillScope::All));
    QCOMPARE(state.backendLines().at(0).text, QStringLiteral("Home Assistant: stopped"));
    QCOMPARE(state.backendLines().at(1).text, QStringLiteral("Loxone: connected"));
    QVERIFY2(state.headline().contains(QLatin1String("Home Assistant")),
            qPrintable(state.headline()));
}

void tst_TrayState::aStopOfEverythingStopsEveryBackend()
{
    const TrayState state = TrayState::compute({stop(KillScope::All, QStringLiteral("tray"), {})},
            {backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), true),
                    backend(QStringLiteral("loxone"), QStringLiteral("Loxone"), false)},
            serving());
    QCOMPARE(state.look(), TrayState::Look::EmergencyStop);
    for (const KillScope scope : {KillScope::HomeAssistant, KillScope::Loxone, KillScope::All})
        QVERIFY(state.isStopped(scope));
    for (const TrayState::BackendLine &line : state.backendLines())
        QVERIFY2(line.text.endsWith(QLatin1String(": stopped")), qPrintable(line.text));
    QVERIFY(state.headline().contains(QLatin1String("the house")));
    QVERIFY(state.toolTip().contains(QLatin1String("stopped by the tray")));
}

void tst_TrayState::anUnreadableStateIsRed()
{
    KillStop unreadable;
    unreadable.unreadable = true;
    unreadable.reason = QStringLiteral("database is locked");
    const TrayState state = TrayState::compute({unreadable}, {}, serving());
    QCOMPARE(state.look(), TrayState::Look::EmergencyStop);
    QVERIFY(state.isStopped(KillScope::Loxone));
    QVERIFY(state.headline().contains(QLatin1String("cannot be read")));
    QVERIFY(TrayState::describeStop(unreadable).contains(QLatin1String("database is locked")));
}

void tst_TrayState::describeStopNamesWhoWhenAndWhy()
{
    const QString text = TrayState::describeStop(
            stop(KillScope::Loxone, QStringLiteral("cli"), QStringLiteral("lights flicker")));
    QVERIFY2(text.startsWith(QLatin1String("Loxone: stopped by the command line")),
            qPrintable(text));
    QVERIFY(text.contains(QLatin1String("lights flicker")));
    QVERIFY(text.contains(QLatin1String("25"))); // the year, in the locale's short format
    QCOMPARE(TrayState::stopLine(stop(KillScope::Loxone, QStringLiteral("cli"), {})),
            QStringLiteral("Loxone: stopped by the command line"));
    // An admin is named by the key id.
    QVERIFY(TrayState::describeStop(stop(KillScope::All, QStringLiteral("hwk_admin_001"), {}))
                    .contains(QLatin1String("hwk_admin_001")));
}

void tst_TrayState::everyLookHasItsOwnIcon()
{
    const QList<TrayState> states{
            TrayState::compute({},
                    {backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), true)},
                    serving()),
            TrayState::compute({}, {}, serving()), TrayState::compute({}, {}, ServerState()),
            TrayState::compute({stop(KillScope::All, QStringLiteral("tray"), {})}, {}, serving())};
    QSet<QString> paths;
    for (const TrayState &state : states) {
        QVERIFY2(QFile::exists(state.iconPath()), qPrintable(state.iconPath()));
        paths.insert(state.iconPath());
    }
    QCOMPARE(paths.size(), 4);
    QVERIFY(states.last().iconPath().contains(QLatin1String("stopped")));
}

QTEST_GUILESS_MAIN(tst_TrayState)
#include "tst_traystate.moc"
