#include "MemorySecretStore.h"
#include "SecretNames.h"

#include <QSignalSpy>
#include <QTest>

// What every SecretStore shares: the names it takes, its jobs' order of events, the waiting
// helper of the command line and the sentences; shown with the in-memory store.
class tst_SecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void memoryStoreKeepsWhatIsWritten();
    void jobsFinishFromTheEventLoopAndDeleteThemselves();
    void waitGivesUpAfterTheTimeout();
    void injectedFailuresCarryTheirSentence();
};

void tst_SecretStore::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ha-token") << QStringLiteral("ha-token") << true;
    QTest::newRow("loxone-password") << QStringLiteral("loxone-password") << true;
    QTest::newRow("client") << QStringLiteral("client:claude-desktop_2.0") << true;
    QTest::newRow("client, 64 characters")
            << QStringLiteral("client:") + QString(64, QLatin1Char('a')) << true;
    QTest::newRow("client, 65 characters")
            << QStringLiteral("client:") + QString(65, QLatin1Char('a')) << false;
    QTest::newRow("client without name") << QStringLiteral("client:") << false;
    QTest::newRow("client with slash") << QStringLiteral("client:a/b") << false;
    QTest::newRow("client with space") << QStringLiteral("client:a b") << false;
    QTest::newRow("client starting with a dot") << QStringLiteral("client:.hidden") << false;
    QTest::newRow("unknown") << QStringLiteral("password") << false;
    QTest::newRow("case matters") << QStringLiteral("HA-TOKEN") << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_SecretStore::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QString error;
    QCOMPARE(SecretNames::isValid(name, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
}

void tst_SecretStore::memoryStoreKeepsWhatIsWritten()
{
    MemorySecretStore store;
    const QString name = SecretNames::client(QStringLiteral("claude"));
    QCOMPARE(SecretNames::clientOf(name), QStringLiteral("claude"));
    QCOMPARE(SecretNames::clientOf(SecretNames::haToken()), QString());
    QVERIFY(store.writeAndWait(name, QStringLiteral("one")).isOk());
    QVERIFY(store.writeAndWait(name, QStringLiteral("two")).isOk());
    QCOMPARE(store.readAndWait(name).value, QStringLiteral("two"));
    QCOMPARE(store.count(), 1);
    QVERIFY(store.removeAndWait(name).isOk());
    QCOMPARE(store.removeAndWait(name).error, SecretJob::Error::NotFound);
    QCOMPARE(store.readAndWait(name).error, SecretJob::Error::NotFound);
    QCOMPARE(store.writeAndWait(QStringLiteral("token"), QStringLiteral("x")).error,
            SecretJob::Error::InvalidName);
    QCOMPARE(store.count(), 0);
}

void tst_SecretStore::jobsFinishFromTheEventLoopAndDeleteThemselves()
{
    MemorySecretStore store;
    SecretJob *job = store.write(SecretNames::haToken(), QStringLiteral("x"));
    QSignalSpy finished(job, &SecretJob::finished);
    QSignalSpy destroyed(job, &QObject::destroyed);
    QCOMPARE(job->operation(), SecretJob::Operation::Write);
    QCOMPARE(job->name(), SecretNames::haToken());
    // Known at once, delivered later: a caller may connect after the call.
    QVERIFY(!job->isFinished());
    QVERIFY(finished.wait(1000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(destroyed.count() == 1 || destroyed.wait(1000));
}

void tst_SecretStore::waitGivesUpAfterTheTimeout()
{
    // A job nobody finishes, like a keychain whose prompt nobody answers.
    auto *job = new SecretJob(SecretJob::Operation::Read, SecretNames::haToken());
    const SecretJob::Result result = SecretStore::wait(job, 50);
    QCOMPARE(result.error, SecretJob::Error::Timeout);
    QCOMPARE(result.errorString,
            QStringLiteral("The keychain did not answer within 1 s: if it shows a prompt, answer "
                           "it; otherwise restart your keychain service and try again."));
    // A late finish finds nobody waiting, and the job still cleans up after itself.
    QSignalSpy destroyed(job, &QObject::destroyed);
    job->finishWithSuccess();
    QVERIFY(destroyed.wait(1000));
}

void tst_SecretStore::injectedFailuresCarryTheirSentence()
{
    MemorySecretStore store;
    store.setFailure(SecretNames::haToken(), SecretJob::Error::NoSecretService);
    SecretJob::Result result = store.readAndWait(SecretNames::haToken());
    QCOMPARE(result.error, SecretJob::Error::NoSecretService);
    QCOMPARE(result.errorString,
            SecretStore::errorSentence(SecretJob::Error::NoSecretService, SecretNames::haToken()));
    store.setFailure(SecretNames::haToken(), SecretJob::Error::None);
    QVERIFY(store.writeAndWait(SecretNames::haToken(), QStringLiteral("x")).isOk());
    // Every error has a sentence of its own.
    QStringList sentences;
    for (SecretJob::Error error : {SecretJob::Error::NotFound, SecretJob::Error::InvalidName,
                 SecretJob::Error::NoSessionBus, SecretJob::Error::NoSecretService,
                 SecretJob::Error::NoDefaultCollection, SecretJob::Error::Locked,
                 SecretJob::Error::AccessDenied, SecretJob::Error::Timeout,
                 SecretJob::Error::Other}) {
        const QString sentence =
                SecretStore::errorSentence(error, QStringLiteral("token"), QStringLiteral("7"));
        QVERIFY(!sentence.isEmpty());
        QVERIFY(!sentences.contains(sentence));
        sentences.append(sentence);
    }
}

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
