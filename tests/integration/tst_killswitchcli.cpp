#include "KillSwitch.h"

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// `homewarden stop`, `resume` and `status` as a person meets them: the real binary, a fresh
// state directory, and a KillSwitch in this process that must hear of every change.
class tst_KillSwitchCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void stopShowsInStatus();
    void resumeAsksFirst();
    void resumeOfOneBackendNamesAnEngagedAll();
    void auditsStopAndResume();
    void anotherProcessSeesTheStopAtOnce();
    void refusesUsageErrors_data();
    void refusesUsageErrors();
    void printsHelp();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments, const QByteArray &input = {}) const;

    std::unique_ptr<QTemporaryDir> m_home;
};

tst_KillSwitchCli::Run tst_KillSwitchCli::run(
        const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(TestSupport::serverEnvironment(m_home->path()));
    process.start(TestSupport::homewardenBinary(), arguments);
    if (process.waitForStarted(10000)) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(20000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void tst_KillSwitchCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_KillSwitchCli::cleanup()
{
    m_home.reset();
}

void tst_KillSwitchCli::stopShowsInStatus()
{
    Run status = run({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("Kill switch: released")), qPrintable(status.out));

    const Run stop = run({QStringLiteral("stop"), QStringLiteral("ha"), QStringLiteral("--reason"),
            QStringLiteral("away for the weekend")});
    QCOMPARE(stop.exitCode, 0);
    QVERIFY2(stop.out.contains(QLatin1String("AI access to Home Assistant stopped since")),
            qPrintable(stop.out));
    QVERIFY(stop.out.contains(QLatin1String("homewarden resume ha")));

    status = run({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("Kill switch: AI access to Home Assistant stopped "
                                               "since")),
            qPrintable(status.out));
    QVERIFY(status.out.contains(QLatin1String("by cli (reason: away for the weekend)")));
    QVERIFY(!status.out.contains(QLatin1String("released")));
}

void tst_KillSwitchCli::resumeAsksFirst()
{
    QCOMPARE(run({QStringLiteral("stop"), QStringLiteral("ha")}).exitCode, 0);

    for (const QByteArray &answer : {QByteArray("n\n"), QByteArray(), QByteArray("yess\n")}) {
        const Run refused = run({QStringLiteral("resume"), QStringLiteral("ha")}, answer);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("Resume AI access to Home Assistant? [y/N]")),
                qPrintable(refused.err));
        QVERIFY(refused.err.contains(QLatin1String("Nothing was resumed")));
        QVERIFY(refused.out.isEmpty());
    }
    QVERIFY(run({QStringLiteral("status")}).out.contains(QLatin1String("Home Assistant stopped")));

    const Run confirmed = run({QStringLiteral("resume"), QStringLiteral("ha")}, "Yes\n");
    QCOMPARE(confirmed.exitCode, 0);
    QVERIFY2(confirmed.out.contains(QLatin1String("AI access to Home Assistant is resumed")),
            qPrintable(confirmed.out));
    QVERIFY(run({QStringLiteral("status")}).out.contains(QLatin1String("Kill switch: released")));

    // --yes asks nothing; stdin is never read.
    QCOMPARE(run({QStringLiteral("stop")}).exitCode, 0);
    const Run forced = run({QStringLiteral("resume"), QStringLiteral("--yes")});
    QCOMPARE(forced.exitCode, 0);
    QVERIFY(!forced.err.contains(QLatin1String("[y/N]")));
    QVERIFY(run({QStringLiteral("status")}).out.contains(QLatin1String("Kill switch: released")));

    // Nothing to resume: said so, nothing asked.
    const Run idle = run({QStringLiteral("resume"), QStringLiteral("loxone")});
    QCOMPARE(idle.exitCode, 0);
    QVERIFY(idle.out.contains(QLatin1String("nothing to resume")));
}

void tst_KillSwitchCli::resumeOfOneBackendNamesAnEngagedAll()
{
    QCOMPARE(run({QStringLiteral("stop"), QStringLiteral("all")}).exitCode, 0);
    const Run covered = run({QStringLiteral("resume"), QStringLiteral("ha"), QStringLiteral("-y")});
    QCOMPARE(covered.exitCode, 0);
    QVERIFY2(covered.out.contains(QLatin1String("homewarden resume all")), qPrintable(covered.out));

    QCOMPARE(run({QStringLiteral("stop"), QStringLiteral("ha")}).exitCode, 0);
    const Run lifted = run({QStringLiteral("resume"), QStringLiteral("ha"), QStringLiteral("-y")});
    QCOMPARE(lifted.exitCode, 0);
    QVERIFY2(lifted.out.contains(QLatin1String("stays stopped")), qPrintable(lifted.out));
    QVERIFY(lifted.out.contains(QLatin1String("the house")));
}

void tst_KillSwitchCli::auditsStopAndResume()
{
    QCOMPARE(run({QStringLiteral("stop"), QStringLiteral("loxone"), QStringLiteral("--reason"),
                         QStringLiteral("party")})
                     .exitCode,
            0);
    QCOMPARE(run({QStringLiteral("resume"), QStringLiteral("loxone"), QStringLiteral("--yes")})
                     .exitCode,
            0);

    const Run table = run({QStringLiteral("audit"), QStringLiteral("--event"),
            QStringLiteral("killswitch.engaged")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QLatin1String("killswitch.engaged")), qPrintable(table.out));
    QVERIFY(table.out.contains(QLatin1String("party")));
    QVERIFY(!table.out.contains(QLatin1String("killswitch.released")));

    const Run json = run({QStringLiteral("audit"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--limit"), QStringLiteral("0")});
    QCOMPARE(json.exitCode, 0);
    QStringList seen;
    for (const QString &line : json.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        const QString name = event.value(QLatin1String("event")).toString();
        if (!name.startsWith(QLatin1String("killswitch.")))
            continue;
        seen.append(name);
        QCOMPARE(event.value(QLatin1String("source")).toString(), QStringLiteral("cli"));
        QCOMPARE(event.value(QLatin1String("target")).toString(), QStringLiteral("loxone"));
        QCOMPARE(event.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(event.value(QLatin1String("action")).toString(),
                name == QLatin1String(AuditEvent::KILLSWITCH_ENGAGED) ? QStringLiteral("stop")
                                                                      : QStringLiteral("resume"));
    }
    seen.sort();
    QCOMPARE(seen,
            QStringList(
                    {QStringLiteral("killswitch.engaged"), QStringLiteral("killswitch.released")}));
    QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("--verify")}).exitCode, 0);
}

void tst_KillSwitchCli::anotherProcessSeesTheStopAtOnce()
{
    KillSwitch here(m_home->path(), {});
    QSignalSpy changed(&here, &KillSwitch::changed);
    QVERIFY(!here.stopFor(QStringLiteral("loxone")));

    QCOMPARE(run({QStringLiteral("stop"), QStringLiteral("loxone")}).exitCode, 0);
    // Without a wait: the state is in the database the moment the command returns.
    const std::optional<KillStop> stop = here.stopFor(QStringLiteral("loxone"));
    QVERIFY(stop);
    QCOMPARE(stop->scope, KillScope::Loxone);
    QCOMPARE(stop->by, QStringLiteral("cli"));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 2000);

    const qsizetype before = changed.size();
    QCOMPARE(run({QStringLiteral("resume"), QStringLiteral("loxone"), QStringLiteral("--yes")})
                     .exitCode,
            0);
    QVERIFY(!here.stopFor(QStringLiteral("loxone")));
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() > before, 2000);
}

void tst_KillSwitchCli::refusesUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown scope") << QStringList{QStringLiteral("stop"), QStringLiteral("hue")}
                                   << QStringLiteral("'hue'");
    QTest::newRow("two scopes") << QStringList{QStringLiteral("stop"), QStringLiteral("ha"),
            QStringLiteral("loxone")}
                                << QStringLiteral("one scope");
    QTest::newRow("reason without text") << QStringList{QStringLiteral("stop"),
            QStringLiteral("--reason")} << QStringLiteral("reason");
    QTest::newRow("yes on stop") << QStringList{QStringLiteral("stop"), QStringLiteral("--yes")}
                                 << QStringLiteral("yes");
    QTest::newRow("reason on resume") << QStringList{QStringLiteral("resume"),
            QStringLiteral("--reason"), QStringLiteral("x")}
                                      << QStringLiteral("reason");
    QTest::newRow("resume unknown scope") << QStringList{QStringLiteral("resume"),
            QStringLiteral("everything")} << QStringLiteral("'everything'");
}

void tst_KillSwitchCli::refusesUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    const Run result = run(arguments, "y\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
    // A refused command changes nothing.
    QVERIFY(run({QStringLiteral("status")}).out.contains(QLatin1String("Kill switch: released")));
}

void tst_KillSwitchCli::printsHelp()
{
    const Run stop = run({QStringLiteral("stop"), QStringLiteral("--help")});
    QCOMPARE(stop.exitCode, 0);
    QVERIFY(stop.out.contains(QLatin1String("homewarden stop [ha|loxone|all] [--reason TEXT]")));
    const Run resume = run({QStringLiteral("resume"), QStringLiteral("-h")});
    QCOMPARE(resume.exitCode, 0);
    QVERIFY(resume.out.contains(QLatin1String("homewarden resume [ha|loxone|all] [--yes]")));
    const Run top = run({QStringLiteral("--help")});
    QVERIFY(top.out.contains(QLatin1String("stop ")));
    QVERIFY(top.out.contains(QLatin1String("resume ")));
    // --help never touches the state.
    QVERIFY(run({QStringLiteral("status")}).out.contains(QLatin1String("Kill switch: released")));
}

QTEST_GUILESS_MAIN(tst_KillSwitchCli)
#include "tst_killswitchcli.moc"
