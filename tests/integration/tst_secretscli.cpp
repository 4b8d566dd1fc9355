#include "KeychainSecretStore.h"
#include "SecretNames.h"

#include "TestSupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `homewarden secrets` and `homewarden --stdio --client NAME` as a person uses them, against
// a real Secret Service (support/with-secret-service.sh): what one process stores, another
// reads.
class tst_SecretsCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void setReadsStdinAndAnotherProcessReadsItBack();
    void setStripsOneTrailingNewline_data();
    void setStripsOneTrailingNewline();
    void setRefusesAnEmptyValue();
    void setNeverTakesTheValueFromTheCommandLine();
    void setRefusesNamesAndValuesItDoesNotStore_data();
    void setRefusesNamesAndValuesItDoesNotStore();
    void deleteRemovesThenSaysThereIsNothing();
    void testRoundTripsAndNamesTheBackend();
    void withoutASecretServiceEveryCommandSaysWhatToDo_data();
    void withoutASecretServiceEveryCommandSaysWhatToDo();

    void stdioClientAuthenticatesWithTheStoredKey();
    void stdioClientIgnoresTheKeyVariable();
    void stdioClientWithoutAStoredKeyRefusesEveryCall();
    void stdioRefusesABadClientOption_data();
    void stdioRefusesABadClientOption();

private:
    using Run = TestSupport::CliRun;
    Run homewarden(const QStringList &arguments, const QByteArray &input = {},
            const QProcessEnvironment &environment = {}) const;
    // initialize, then get_system_status; the tools/call result.
    QJsonObject callStatusOverStdio(const QStringList &arguments, QByteArray *stderrText,
            const QProcessEnvironment &environment = {}) const;
    static QString readBack(const QString &name);

    QTemporaryDir m_home;
};

void tst_SecretsCli::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
            "run this test through tests/support/with-secret-service.sh");
    QVERIFY(m_home.isValid());
}

tst_SecretsCli::Run tst_SecretsCli::homewarden(const QStringList &arguments,
        const QByteArray &input, const QProcessEnvironment &environment) const
{
    return TestSupport::runHomewarden(arguments,
            environment.isEmpty() ? TestSupport::serverEnvironment(m_home.path()) : environment,
            input);
}

QJsonObject tst_SecretsCli::callStatusOverStdio(const QStringList &arguments,
        QByteArray *stderrText, const QProcessEnvironment &environment) const
{
    const Run run = homewarden(arguments,
            R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"tst","version":"1"}}})"
            "\n"
            R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
            "\n"
            R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_system_status","arguments":{}}})"
            "\n",
            environment);
    *stderrText = run.err;
    if (run.exitCode != 0)
        qWarning("homewarden exited %d: %s", run.exitCode, run.err.constData());
    for (const QByteArray &line : run.out.split('\n')) {
        const QJsonObject message =
                line.isEmpty() ? QJsonObject() : TestSupport::parseMessage(line);
        if (message.value(QLatin1String("id")).toInt() == 2)
            return message.value(QLatin1String("result")).toObject();
    }
    return {};
}

QString tst_SecretsCli::readBack(const QString &name)
{
    KeychainSecretStore store;
    const SecretJob::Result result = store.readAndWait(name);
    return result.isOk() ? result.value : QStringLiteral("<%1>").arg(result.errorString);
}

void tst_SecretsCli::setReadsStdinAndAnotherProcessReadsItBack()
{
    const Run run = homewarden(
            {QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("ha-token")},
            "eyJhbGciOi.token\n");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("Stored 'ha-token' in the keychain.\n"));
    // This test is another process than the one that stored it.
    QCOMPARE(readBack(SecretNames::haToken()), QStringLiteral("eyJhbGciOi.token"));
}

void tst_SecretsCli::setStripsOneTrailingNewline_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("stored");
    QTest::newRow("none") << QByteArray("pässwörd") << QStringLiteral("pässwörd");
    QTest::newRow("one") << QByteArray("secret\n") << QStringLiteral("secret");
    QTest::newRow("CRLF") << QByteArray("secret\r\n") << QStringLiteral("secret");
    QTest::newRow("two") << QByteArray("secret\n\n") << QStringLiteral("secret\n");
    QTest::newRow("spaces stay") << QByteArray(" secret \n") << QStringLiteral(" secret ");
}

void tst_SecretsCli::setStripsOneTrailingNewline()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, stored);
    QCOMPARE(homewarden({QStringLiteral("secrets"), QStringLiteral("set"),
                                QStringLiteral("loxone-password")},
                     input)
                     .exitCode,
            0);
    QCOMPARE(readBack(SecretNames::loxonePassword()), stored);
}

void tst_SecretsCli::setRefusesAnEmptyValue()
{
    for (const QByteArray &input : {QByteArray(), QByteArray("\n")}) {
        const Run run = homewarden(
                {QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("client:empty")},
                input);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err,
                QByteArray("Nothing was read from stdin: pipe the secret in, for example "
                           "'homewarden secrets set client:empty < file', or type it when "
                           "asked.\n"));
    }
    QVERIFY(readBack(SecretNames::client(QStringLiteral("empty"))).startsWith(QLatin1Char('<')));
}

void tst_SecretsCli::setNeverTakesTheValueFromTheCommandLine()
{
    const Run run = homewarden(
            {QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("client:argv"),
                    QStringLiteral("hwk_operator_001_visibleinps")},
            "hwk_operator_001_fromstdin\n");
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err,
            QByteArray("secrets set takes only a name: the secret is read from stdin, never "
                       "from the command line, where other users and the shell history can see "
                       "it.\n"));
    QVERIFY(!run.err.contains("visibleinps"));
    // Nothing is stored, not even what came on stdin.
    QCOMPARE(readBack(SecretNames::client(QStringLiteral("argv"))),
            QStringLiteral("<There is no secret 'client:argv' in the keychain: store it with "
                           "'homewarden secrets set client:argv'.>"));
}

void tst_SecretsCli::setRefusesNamesAndValuesItDoesNotStore_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("unknown name")
            << QStringLiteral("token") << QByteArray("x")
            << QByteArray("There is no secret called 'token': use ha-token, loxone-password or "
                          "client:NAME.\n");
    QTest::newRow("bad client name")
            << QStringLiteral("client:a/b") << QByteArray("x")
            << QByteArray("'a/b' is not a valid client name: use 1 to 64 letters, digits, '.', "
                          "'_' or '-', starting with a letter or digit.\n");
    QTest::newRow("client value that is no key")
            << QStringLiteral("client:claude") << QByteArray("my-password\n")
            << QByteArray("What was read is not a HomeWarden API key: pipe in the output of "
                          "'homewarden keys generate'.\n");
}

void tst_SecretsCli::setRefusesNamesAndValuesItDoesNotStore()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, error);
    const Run run = homewarden({QStringLiteral("secrets"), QStringLiteral("set"), name}, input);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, error);
}

void tst_SecretsCli::deleteRemovesThenSaysThereIsNothing()
{
    const QStringList set{
            QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("client:gone")};
    const QStringList remove{
            QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("client:gone")};
    QCOMPARE(homewarden(set, "hwk_monitor_004_abcdefghijklmnopqrstuvwxyz012345").exitCode, 0);
    Run run = homewarden(remove);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("Deleted 'client:gone' from the keychain.\n"));
    QVERIFY(readBack(SecretNames::client(QStringLiteral("gone"))).startsWith(QLatin1Char('<')));
    run = homewarden(remove);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
            QByteArray("There is no secret 'client:gone' in the keychain; nothing was "
                       "deleted.\n"));
    QCOMPARE(homewarden({QStringLiteral("secrets"), QStringLiteral("delete")}).exitCode, 2);
}

void tst_SecretsCli::testRoundTripsAndNamesTheBackend()
{
    const Run run = homewarden({QStringLiteral("secrets"), QStringLiteral("test")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
            QByteArray("Keychain works: a probe entry was written, read back and deleted.\n"
                       "Backend: Secret Service through libsecret, provided by "
                       "gnome-keyring-daemon\n"));
}

void tst_SecretsCli::withoutASecretServiceEveryCommandSaysWhatToDo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("set") << QStringList{
            QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("ha-token")};
    QTest::newRow("delete") << QStringList{
            QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("ha-token")};
    QTest::newRow("test") << QStringList{QStringLiteral("secrets"), QStringLiteral("test")};
}

void tst_SecretsCli::withoutASecretServiceEveryCommandSaysWhatToDo()
{
    QFETCH(QStringList, arguments);
    // A session bus of its own with nothing on it that provides a keychain.
    QProcess process;
    process.setProcessEnvironment(TestSupport::serverEnvironment(m_home.path()));
    process.start(QStringLiteral("dbus-run-session"),
            QStringList{QStringLiteral("--config-file"), QStringLiteral(HW_DBUS_SESSION_CONF),
                    QStringLiteral("--"), TestSupport::homewardenBinary()}
                    + arguments);
    process.write("value\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 1);
    // dbus-daemon may say something of its own first (running as root, it cannot raise its
    // file limit); HomeWarden's sentence is the last line.
    const QList<QByteArray> lines = process.readAllStandardError().trimmed().split('\n');
    QCOMPARE(lines.last(),
            QByteArray("No keychain service is running: start GNOME Keyring or KWallet (for "
                       "example with 'gnome-keyring-daemon --start --components=secrets') and "
                       "try again."));
}

void tst_SecretsCli::stdioClientAuthenticatesWithTheStoredKey()
{
    const QString key = TestSupport::generateKey(m_home.path(), QStringLiteral("operator"));
    QVERIFY(!key.isEmpty());
    QCOMPARE(homewarden({QStringLiteral("secrets"), QStringLiteral("set"),
                                QStringLiteral("client:claude")},
                     key.toUtf8() + '\n')
                     .exitCode,
            0);
    QByteArray err;
    const QJsonObject result = callStatusOverStdio(
            {QStringLiteral("--stdio"), QStringLiteral("--client"), QStringLiteral("claude")},
            &err);
    QVERIFY2(!result.value(QLatin1String("isError")).toBool(), err.constData());
    const QJsonObject caller = result.value(QLatin1String("structuredContent"))
                                       .toObject()
                                       .value(QLatin1String("caller"))
                                       .toObject();
    QCOMPARE(caller.value(QLatin1String("key_id")).toString(), key.section(QLatin1Char('_'), 0, 2));
    QCOMPARE(caller.value(QLatin1String("role")).toString(), QStringLiteral("operator"));
    QVERIFY(err.contains("homewarden: security level production: keys required, secrets only "
                         "from the keychain, TLS off loopback\n"));
    // The key never appears on stderr.
    QVERIFY(!err.contains(key.toUtf8()));
}

void tst_SecretsCli::stdioClientIgnoresTheKeyVariable()
{
    const QString key = TestSupport::generateKey(m_home.path(), QStringLiteral("monitor"));
    QVERIFY(!key.isEmpty());
    QCOMPARE(homewarden({QStringLiteral("secrets"), QStringLiteral("set"),
                                QStringLiteral("client:monitor.1")},
                     key.toUtf8())
                     .exitCode,
            0);
    QByteArray err;
    const QJsonObject result = callStatusOverStdio(
            {QStringLiteral("--stdio"), QStringLiteral("--client=monitor.1")}, &err,
            TestSupport::serverEnvironment(m_home.path(), QStringLiteral("hwk_admin_999_bogus")));
    QVERIFY2(!result.value(QLatin1String("isError")).toBool(), err.constData());
    QCOMPARE(result.value(QLatin1String("structuredContent"))
                     .toObject()
                     .value(QLatin1String("caller"))
                     .toObject()
                     .value(QLatin1String("role"))
                     .toString(),
            QStringLiteral("monitor"));
    QVERIFY(err.contains("homewarden: HOMEWARDEN_API_KEY is ignored: with --client the key comes "
                         "from the keychain entry client:monitor.1.\n"));
}

void tst_SecretsCli::stdioClientWithoutAStoredKeyRefusesEveryCall()
{
    // Not even the development level's keyless caller is let in: --client asked for a key.
    QProcessEnvironment environment = TestSupport::serverEnvironment(m_home.path());
    environment.insert(QStringLiteral("HOMEWARDEN_SECURITY_LEVEL"), QStringLiteral("development"));
    QByteArray err;
    const QJsonObject result = callStatusOverStdio(
            {QStringLiteral("--stdio"), QStringLiteral("--client"), QStringLiteral("nobody")}, &err,
            environment);
    QVERIFY(result.value(QLatin1String("isError")).toBool());
    const QString refusal = QStringLiteral("There is no secret 'client:nobody' in the keychain: "
                                           "store it with 'homewarden secrets set "
                                           "client:nobody'.");
    QCOMPARE(result.value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
            refusal);
    QVERIFY(err.contains("homewarden: security level development: keys optional on loopback and "
                         "stdio, no rate limit, secrets from the environment accepted, no TLS "
                         "required\n"));
    QVERIFY(err.contains("homewarden: " + refusal.toUtf8() + "\n"));
}

void tst_SecretsCli::stdioRefusesABadClientOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("no name") << QStringList{QStringLiteral("--stdio"), QStringLiteral("--client")}
                             << QByteArray("homewarden: --client needs the name the client's key "
                                           "was stored under, e.g. --client claude.\n");
    QTest::newRow("bad name")
            << QStringList{QStringLiteral("--stdio"), QStringLiteral("--client"),
                       QStringLiteral("../x")}
            << QByteArray("homewarden: '../x' is not a valid client name: use 1 to 64 letters, "
                          "digits, '.', '_' or '-', starting with a letter or digit.\n");
    QTest::newRow("empty name")
            << QStringList{QStringLiteral("--stdio"), QStringLiteral("--client=")}
            << QByteArray("homewarden: '' is not a valid client name: use 1 to 64 letters, "
                          "digits, '.', '_' or '-', starting with a letter or digit.\n");
    QTest::newRow("other option") << QStringList{QStringLiteral("--stdio"), QStringLiteral("--key"),
            QStringLiteral(
                    "x")} << QByteArray("homewarden: Unexpected argument '--key' after --stdio.\n");
}

void tst_SecretsCli::stdioRefusesABadClientOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);
    const Run run = homewarden(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, error);
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SecretsCli)
#include "tst_secretscli.moc"
