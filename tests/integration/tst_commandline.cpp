#include "HomeWardenVersion.h"
#include "TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The command line as a person in a terminal without a display meets it.
class tst_CommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsTheVersionWithoutADisplay();
    void printsHelpWithEveryCommand();
    void refusesAnUnknownCommandWithUsageError();
    void refusesStrayArguments();
    void explainsAMissingDisplay();
    void statusShowsTheStateDirectory();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &arguments, const QProcessEnvironment &extra = {});
};

tst_CommandLine::Run tst_CommandLine::run(
        const QStringList &arguments, const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *variable : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
        env.remove(QString::fromLatin1(variable));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    process.setProcessEnvironment(env);
    process.start(TestSupport::homewardenBinary(), arguments);
    if (!process.waitForFinished(10000))
        process.kill();
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

void tst_CommandLine::printsTheVersionWithoutADisplay()
{
    const Run result = run({ QStringLiteral("--version") });
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("homewarden %1\n").arg(QStringLiteral(HOMEWARDEN_VERSION)));
}

void tst_CommandLine::printsHelpWithEveryCommand()
{
    const Run result = run({ QStringLiteral("--help") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("--stdio")));
    QVERIFY(result.out.contains(QLatin1String("status")));
    QVERIFY(result.out.contains(QLatin1String("Exit codes")));
}

void tst_CommandLine::refusesAnUnknownCommandWithUsageError()
{
    const Run result = run({ QStringLiteral("frobnicate") });
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains(QLatin1String("frobnicate")));
    QVERIFY(result.err.contains(QLatin1String("--help")));
}

void tst_CommandLine::refusesStrayArguments()
{
    QCOMPARE(run({ QStringLiteral("--stdio"), QStringLiteral("extra") }).exitCode, 2);
    QCOMPARE(run({ QStringLiteral("status"), QStringLiteral("extra") }).exitCode, 2);
}

void tst_CommandLine::explainsAMissingDisplay()
{
#if defined(Q_OS_LINUX) && defined(HOMEWARDEN_WITH_GUI)
    // With no arguments the tray would start; without a display that must fail in words.
    const Run result = run({});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("--stdio")), qPrintable(result.err));
#else
    QSKIP("Needs the tray (HOMEWARDEN_BUILD_GUI) on Linux.");
#endif
}

void tst_CommandLine::statusShowsTheStateDirectory()
{
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOMEWARDEN_HOME"), home.path());
    const Run result = run({ QStringLiteral("status") }, env);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(home.path()), qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("2025-11-25")));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
