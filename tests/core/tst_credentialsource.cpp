#include "CredentialSource.h"
#include "MemorySecretStore.h"
#include "SecretNames.h"

#include <QSignalSpy>
#include <QTest>

// The security levels' rules for backend credentials: development takes a variable before
// the keychain; staging and production take the keychain only and refuse a variable.
class tst_CredentialSource final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void developmentTakesTheVariableFirst_data();
    void developmentTakesTheVariableFirst();
    void developmentFallsBackToTheKeychain();
    void missingEverywhereSaysHowToStoreIt();
    void stagingAndProductionRefuseAVariable_data();
    void stagingAndProductionRefuseAVariable();
    void stagingAndProductionReadTheKeychain_data();
    void stagingAndProductionReadTheKeychain();
    void anEmptyVariableCountsAsUnset();
    void checkEnvironmentRefusesBeforeAnyKeychainCall();
    void keychainErrorsPassThrough();
    void finishesFromTheEventLoop();

private:
    using Credential = CredentialSource::Credential;

    static SecretJob::Result resolve(const CredentialSource &source, Credential credential);
    static QProcessEnvironment environmentWith(const QString &variable, const QString &value);

    std::unique_ptr<MemorySecretStore> m_store;
};

void tst_CredentialSource::init()
{
    m_store = std::make_unique<MemorySecretStore>();
    QVERIFY(m_store->writeAndWait(SecretNames::haToken(), QStringLiteral("ha-from-keychain"))
                    .isOk());
    QVERIFY(m_store->writeAndWait(
                           SecretNames::loxonePassword(), QStringLiteral("loxone-from-keychain"))
                    .isOk());
}

SecretJob::Result tst_CredentialSource::resolve(
        const CredentialSource &source, Credential credential)
{
    return SecretStore::wait(source.resolve(credential), 5000);
}

QProcessEnvironment tst_CredentialSource::environmentWith(
        const QString &variable, const QString &value)
{
    QProcessEnvironment environment;
    environment.insert(variable, value);
    return environment;
}

void tst_CredentialSource::developmentTakesTheVariableFirst_data()
{
    QTest::addColumn<Credential>("credential");
    QTest::addColumn<QString>("variable");
    QTest::newRow("ha") << Credential::HomeAssistantToken << QStringLiteral("HOMEWARDEN_HA_TOKEN");
    QTest::newRow("loxone") << Credential::LoxonePassword
                            << QStringLiteral("HOMEWARDEN_LOXONE_PASSWORD");
}

void tst_CredentialSource::developmentTakesTheVariableFirst()
{
    QFETCH(Credential, credential);
    QFETCH(QString, variable);
    QCOMPARE(CredentialSource::variableName(credential), variable);
    const CredentialSource source(SecurityLevel::Development, m_store.get(),
            environmentWith(variable, QStringLiteral("from-environment")));
    const SecretJob::Result result = resolve(source, credential);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.value, QStringLiteral("from-environment"));
    QVERIFY(source.checkEnvironment());
}

void tst_CredentialSource::developmentFallsBackToTheKeychain()
{
    const CredentialSource source(SecurityLevel::Development, m_store.get(), QProcessEnvironment());
    QCOMPARE(resolve(source, Credential::HomeAssistantToken).value,
            QStringLiteral("ha-from-keychain"));
    QCOMPARE(resolve(source, Credential::LoxonePassword).value,
            QStringLiteral("loxone-from-keychain"));
}

void tst_CredentialSource::missingEverywhereSaysHowToStoreIt()
{
    QVERIFY(m_store->removeAndWait(SecretNames::haToken()).isOk());
    for (SecurityLevel level : {SecurityLevel::Development, SecurityLevel::Production}) {
        const CredentialSource source(level, m_store.get(), QProcessEnvironment());
        const SecretJob::Result result = resolve(source, Credential::HomeAssistantToken);
        QCOMPARE(result.error, SecretJob::Error::NotFound);
        QCOMPARE(result.errorString,
                QStringLiteral("There is no secret 'ha-token' in the keychain: store it with "
                               "'homewarden secrets set ha-token'."));
    }
}

void tst_CredentialSource::stagingAndProductionRefuseAVariable_data()
{
    QTest::addColumn<SecurityLevel>("level");
    QTest::addColumn<Credential>("credential");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("production, ha")
            << SecurityLevel::Production << Credential::HomeAssistantToken
            << QStringLiteral("HOMEWARDEN_HA_TOKEN is set, but production does not take "
                              "secrets from the environment: store it with 'homewarden secrets "
                              "set ha-token' and unset the variable.");
    QTest::newRow("production, loxone")
            << SecurityLevel::Production << Credential::LoxonePassword
            << QStringLiteral("HOMEWARDEN_LOXONE_PASSWORD is set, but production does not take "
                              "secrets from the environment: store it with 'homewarden secrets "
                              "set loxone-password' and unset the variable.");
    QTest::newRow("staging, ha")
            << SecurityLevel::Staging << Credential::HomeAssistantToken
            << QStringLiteral("HOMEWARDEN_HA_TOKEN is set, but staging does not take secrets "
                              "from the environment: store it with 'homewarden secrets set "
                              "ha-token' and unset the variable.");
}

void tst_CredentialSource::stagingAndProductionRefuseAVariable()
{
    QFETCH(SecurityLevel, level);
    QFETCH(Credential, credential);
    QFETCH(QString, refusal);
    // Refused even though the keychain holds the credential: a variable that is silently
    // ignored would stay where it leaks.
    const CredentialSource source(level, m_store.get(),
            environmentWith(CredentialSource::variableName(credential),
                    QStringLiteral("from-environment")));
    const SecretJob::Result result = resolve(source, credential);
    QCOMPARE(result.error, SecretJob::Error::Refused);
    QCOMPARE(result.errorString, refusal);
    QVERIFY(result.value.isEmpty());

    QString error;
    QVERIFY(!source.checkEnvironment(&error));
    QCOMPARE(error, refusal);
}

void tst_CredentialSource::stagingAndProductionReadTheKeychain_data()
{
    QTest::addColumn<SecurityLevel>("level");
    QTest::newRow("staging") << SecurityLevel::Staging;
    QTest::newRow("production") << SecurityLevel::Production;
}

void tst_CredentialSource::stagingAndProductionReadTheKeychain()
{
    QFETCH(SecurityLevel, level);
    // The other credential's variable does not matter to this one, but checkEnvironment()
    // names it.
    const CredentialSource source(level, m_store.get(),
            environmentWith(QStringLiteral("HOMEWARDEN_LOXONE_PASSWORD"), QStringLiteral("x")));
    QCOMPARE(resolve(source, Credential::HomeAssistantToken).value,
            QStringLiteral("ha-from-keychain"));
    QVERIFY(!source.checkEnvironment());
}

void tst_CredentialSource::anEmptyVariableCountsAsUnset()
{
    const CredentialSource production(SecurityLevel::Production, m_store.get(),
            environmentWith(QStringLiteral("HOMEWARDEN_HA_TOKEN"), QString()));
    QVERIFY(production.checkEnvironment());
    QCOMPARE(resolve(production, Credential::HomeAssistantToken).value,
            QStringLiteral("ha-from-keychain"));
    const CredentialSource development(SecurityLevel::Development, m_store.get(),
            environmentWith(QStringLiteral("HOMEWARDEN_HA_TOKEN"), QString()));
    QCOMPARE(resolve(development, Credential::HomeAssistantToken).value,
            QStringLiteral("ha-from-keychain"));
}

void tst_CredentialSource::checkEnvironmentRefusesBeforeAnyKeychainCall()
{
    // A keychain that would fail every call: checkEnvironment() never asks it.
    m_store->setFailure(SecretNames::haToken(), SecretJob::Error::Locked);
    const CredentialSource clean(SecurityLevel::Production, m_store.get(), QProcessEnvironment());
    QVERIFY(clean.checkEnvironment());
    const CredentialSource dirty(SecurityLevel::Production, m_store.get(),
            environmentWith(QStringLiteral("HOMEWARDEN_HA_TOKEN"), QStringLiteral("t")));
    QString error;
    QVERIFY(!dirty.checkEnvironment(&error));
    QVERIFY(error.startsWith(QStringLiteral("HOMEWARDEN_HA_TOKEN is set")));
}

void tst_CredentialSource::keychainErrorsPassThrough()
{
    m_store->setFailure(SecretNames::loxonePassword(), SecretJob::Error::Locked);
    const CredentialSource source(SecurityLevel::Production, m_store.get(), QProcessEnvironment());
    const SecretJob::Result result = resolve(source, Credential::LoxonePassword);
    QCOMPARE(result.error, SecretJob::Error::Locked);
    QCOMPARE(result.errorString,
            SecretStore::errorSentence(SecretJob::Error::Locked, SecretNames::loxonePassword()));
}

void tst_CredentialSource::finishesFromTheEventLoop()
{
    // Even an answer known at once (a refusal, a variable) arrives after resolve() returned.
    const CredentialSource source(SecurityLevel::Production, m_store.get(),
            environmentWith(QStringLiteral("HOMEWARDEN_HA_TOKEN"), QStringLiteral("t")));
    SecretJob *job = source.resolve(Credential::HomeAssistantToken);
    QSignalSpy finished(job, &SecretJob::finished);
    QVERIFY(!job->isFinished());
    QVERIFY(finished.wait(1000));
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(tst_CredentialSource)
#include "tst_credentialsource.moc"
