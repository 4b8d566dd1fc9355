#include "KeychainBackend.h"
#include "KeychainSecretStore.h"
#include "SecretNames.h"

#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// KeychainSecretStore against a real Secret Service (gnome-keyring-daemon on a private bus,
// started by support/with-secret-service.sh), and each way the keychain can be missing,
// each in a process of its own: no session bus, no Secret Service, no default keyring, a
// locked one.
class tst_KeychainSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void writesReadsOverwritesAndRemoves();
    void finishesFromTheEventLoop();
    void readOfAMissingEntrySaysHowToStoreIt();
    void removeOfAMissingEntryIsNotFound();
    void refusesNamesItDoesNotStore();
    void neverWritesTheSecretToAFile();
    void namesTheBackend();

    void noSessionBus_data();
    void noSessionBus();
    void noSecretService();
    void noDefaultKeyring();
    void lockedKeyring_data();
    void lockedKeyring();

private:
    struct ProbeOutput
    {
        int exitCode = -1;
        QString error; // SecretJob::Error's key, e.g. "NotFound"
        QString text; // the value read, or the sentence
    };
    static ProbeOutput runProbe(const QString &program, const QStringList &arguments,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    static QString uniqueValue();
};

void tst_KeychainSecretStore::initTestCase()
{
    // The keyring is a throwaway; never the desktop's.
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
            "run this test through tests/support/with-secret-service.sh");
}

tst_KeychainSecretStore::ProbeOutput tst_KeychainSecretStore::runProbe(const QString &program,
        const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ProbeOutput output;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return output;
    }
    const QString line = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    output.exitCode = process.exitCode();
    output.error = line.section(QLatin1Char('\t'), 0, 0);
    output.text = line.section(QLatin1Char('\t'), 1);
    if (output.error.isEmpty())
        qWarning("probe wrote nothing; stderr: %s", process.readAllStandardError().constData());
    return output;
}

QString tst_KeychainSecretStore::uniqueValue()
{
    return QStringLiteral("value-%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
}

void tst_KeychainSecretStore::writesReadsOverwritesAndRemoves()
{
    KeychainSecretStore store;
    const QString name = SecretNames::client(QStringLiteral("roundtrip"));
    const QString first = uniqueValue();
    const QString second = QStringLiteral("zweites Geheimnis — ünïcödé ✓");

    SecretJob::Result result = store.writeAndWait(name, first);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    result = store.readAndWait(name);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.value, first);

    result = store.writeAndWait(name, second);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(store.readAndWait(name).value, second);

    result = store.removeAndWait(name);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(store.readAndWait(name).error, SecretJob::Error::NotFound);
}

void tst_KeychainSecretStore::finishesFromTheEventLoop()
{
    KeychainSecretStore store;
    SecretJob *job = store.write(SecretNames::haToken(), uniqueValue());
    QSignalSpy finished(job, &SecretJob::finished);
    QSignalSpy destroyed(job, &QObject::destroyed);
    QVERIFY(!job->isFinished());
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    // The job cleans up after itself.
    QVERIFY(destroyed.count() == 1 || destroyed.wait(1000));
    QCOMPARE(store.removeAndWait(SecretNames::haToken()).error, SecretJob::Error::None);
}

void tst_KeychainSecretStore::readOfAMissingEntrySaysHowToStoreIt()
{
    KeychainSecretStore store;
    const SecretJob::Result result = store.readAndWait(SecretNames::loxonePassword());
    QCOMPARE(result.error, SecretJob::Error::NotFound);
    QCOMPARE(result.errorString,
            QStringLiteral("There is no secret 'loxone-password' in the keychain: store it with "
                           "'homewarden secrets set loxone-password'."));
    QVERIFY(result.value.isEmpty());
}

void tst_KeychainSecretStore::removeOfAMissingEntryIsNotFound()
{
    // Secret Service itself reports success for this; the store must not.
    KeychainSecretStore store;
    QCOMPARE(store.removeAndWait(SecretNames::client(QStringLiteral("never-stored"))).error,
            SecretJob::Error::NotFound);
}

void tst_KeychainSecretStore::refusesNamesItDoesNotStore()
{
    KeychainSecretStore store;
    SecretJob::Result result = store.writeAndWait(QStringLiteral("password"), uniqueValue());
    QCOMPARE(result.error, SecretJob::Error::InvalidName);
    QCOMPARE(result.errorString,
            QStringLiteral("There is no secret called 'password': use ha-token, loxone-password "
                           "or client:NAME."));
    result = store.readAndWait(QStringLiteral("client:../../etc"));
    QCOMPARE(result.error, SecretJob::Error::InvalidName);
    QCOMPARE(store.removeAndWait(QStringLiteral("client:")).error, SecretJob::Error::InvalidName);
}

void tst_KeychainSecretStore::neverWritesTheSecretToAFile()
{
    // QtKeychain can fall back to a plain QSettings file; whatever happens, the value must
    // appear in no file under HOME (the keyring file itself is encrypted).
    KeychainSecretStore store;
    const QString value = uniqueValue();
    QVERIFY(store.writeAndWait(SecretNames::haToken(), value).isOk());
    const QByteArray needle = value.toUtf8();
    int files = 0;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::NoSymLinks,
            QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++files;
        QVERIFY2(!file.readAll().contains(needle), qPrintable(file.fileName()));
    }
    QVERIFY2(files > 0, "the keyring file was expected under HOME");
    QVERIFY(store.removeAndWait(SecretNames::haToken()).isOk());
}

void tst_KeychainSecretStore::namesTheBackend()
{
    QCOMPARE(KeychainBackend::kind(), KeychainBackend::Kind::SecretService);
    QCOMPARE(KeychainBackend::describe(),
            QStringLiteral("Secret Service through libsecret, provided by gnome-keyring-daemon"));
    QVERIFY(KeychainBackend::eventLoopProblem().isEmpty());
    QCOMPARE(KeychainBackend::diagnose(), SecretJob::Error::None);
}

void tst_KeychainSecretStore::noSessionBus_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("no bus address") << QString();
    QTest::newRow("bus gone") << QStringLiteral("unix:path=%1/no-bus-here").arg(QDir::tempPath());
}

void tst_KeychainSecretStore::noSessionBus()
{
    QFETCH(QString, address);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    if (address.isEmpty())
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    else
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);

    const ProbeOutput output = runProbe(QStringLiteral(HW_SECRET_PROBE),
            {QStringLiteral("read"), SecretNames::haToken()}, environment);
    QCOMPARE(output.exitCode, 1);
    QCOMPARE(output.error, QStringLiteral("NoSessionBus"));
    QCOMPARE(output.text,
            QStringLiteral("The keychain cannot be reached because no D-Bus session bus is "
                           "running: run HomeWarden inside your desktop session (or under "
                           "'dbus-run-session') and try again."));
}

void tst_KeychainSecretStore::noSecretService()
{
    // A bus of its own on which nothing provides org.freedesktop.secrets, or can be started.
    const ProbeOutput output = runProbe(QStringLiteral("dbus-run-session"),
            {QStringLiteral("--config-file"), QStringLiteral(HW_DBUS_SESSION_CONF),
                    QStringLiteral("--"), QStringLiteral(HW_SECRET_PROBE), QStringLiteral("write"),
                    SecretNames::haToken(), uniqueValue()});
    QCOMPARE(output.exitCode, 1);
    QCOMPARE(output.error, QStringLiteral("NoSecretService"));
    QCOMPARE(output.text,
            QStringLiteral("No keychain service is running: start GNOME Keyring or KWallet (for "
                           "example with 'gnome-keyring-daemon --start --components=secrets') "
                           "and try again."));
}

void tst_KeychainSecretStore::noDefaultKeyring()
{
    // gnome-keyring-daemon started without --unlock in an empty HOME has no login keyring, and
    // no prompt can ask for a password to create one.
    QTemporaryDir home;
    QTemporaryDir runtime;
    QVERIFY(home.isValid() && runtime.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/share"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    const ProbeOutput output = runProbe(QStringLiteral("dbus-run-session"),
            {QStringLiteral("--config-file"), QStringLiteral(HW_DBUS_SESSION_CONF),
                    QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("gnome-keyring-daemon --start --components=secrets "
                                   ">/dev/null 2>&1 && exec \"$0\" write ha-token value"),
                    QStringLiteral(HW_SECRET_PROBE)},
            environment);
    QCOMPARE(output.exitCode, 1);
    QCOMPARE(output.error, QStringLiteral("NoDefaultCollection"));
    QCOMPARE(output.text,
            QStringLiteral("The keychain has no default keyring to store secrets in: create "
                           "one, for example with Passwords and Keys (Seahorse), and try "
                           "again."));
}

void tst_KeychainSecretStore::lockedKeyring_data()
{
    QTest::addColumn<QString>("call");
    // A locked keyring answers a read with "nothing found" and a deletion with success, once
    // its unlock prompt fails; both must come out as "locked".
    QTest::newRow("read") << QStringLiteral("read ha-token");
    QTest::newRow("write") << QStringLiteral("write ha-token other");
    QTest::newRow("delete") << QStringLiteral("delete ha-token");
}

void tst_KeychainSecretStore::lockedKeyring()
{
    QFETCH(QString, call);
    // A Secret Service of its own, so that locking it leaves this test's keyring alone; its
    // bus can start no prompt, as if the person dismissed it.
    const ProbeOutput output = runProbe(QStringLiteral(HW_WITH_SECRET_SERVICE),
            {QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("\"$0\" write ha-token value >/dev/null && \"$0\" lock && "
                                   "exec \"$0\" %1")
                            .arg(call),
                    QStringLiteral(HW_SECRET_PROBE)});
    QCOMPARE(output.exitCode, 1);
    QCOMPARE(output.error, QStringLiteral("Locked"));
    QCOMPARE(output.text,
            QStringLiteral("The keychain is locked and was not unlocked (the prompt was dismissed "
                           "or could not be shown): unlock your login keyring, for example by "
                           "logging in to the desktop or in Passwords and Keys (Seahorse), and "
                           "try again."));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
