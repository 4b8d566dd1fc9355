#include "AuditEvent.h"
#include "BackendHub.h"
#include "FakeMiniserver.h"
#include "HomeAssistantClient.h"
#include "LoxoneClient.h"
#include "MemorySecretStore.h"
#include "SecretNames.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

// BackendHub with a Loxone URL in the settings: the password comes from the keychain (the
// same path as Home Assistant's token), a missing one is audited once and never tried, and a
// kill switch engaged before the start keeps every request away from the Miniserver.
class tst_BackendHub final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void connectsWithThePasswordFromTheKeychain();
    void aMissingPasswordIsAuditedOnceAndNeverTried();
    void aStopKeepsTheMiniserverUntouchedUntilReleased();
    void newSettingsConnectWithoutARestart();
    void aMissingHomeAssistantTokenIsAuditedAndNeverTried();

private:
    BackendSettings loxoneSettings() const;
    std::unique_ptr<BackendHub> makeHub(const BackendSettings &settings);
    std::unique_ptr<BackendHub> makeHub() { return makeHub(loxoneSettings()); }
    void storePassword(const QString &password);
    int loxoneErrors() const;

    std::unique_ptr<FakeMiniserver> m_fake;
    std::unique_ptr<MemorySecretStore> m_secrets;
    QString m_stop;
    QList<AuditEvent> m_audited;
};

void tst_BackendHub::init()
{
    m_fake = std::make_unique<FakeMiniserver>();
    QString error;
    QVERIFY2(m_fake->startExampleHouse(&error), qPrintable(error));
    m_secrets = std::make_unique<MemorySecretStore>();
    m_stop.clear();
    m_audited.clear();
}

void tst_BackendHub::cleanup()
{
    m_fake.reset();
}

BackendSettings tst_BackendHub::loxoneSettings() const
{
    BackendSettings settings;
    settings.loxoneUrl = m_fake->url();
    settings.loxoneUser = QStringLiteral("homewarden");
    settings.requestTimeoutMs = 2000;
    return settings;
}

std::unique_ptr<BackendHub> tst_BackendHub::makeHub(const BackendSettings &settings)
{
    BackendHub::Services services;
    services.level = SecurityLevel::Production;
    services.secrets = m_secrets.get();
    services.audit = [this](const AuditEvent &event) { m_audited.append(event); };
    services.stopOf = [this](const QString &backend) {
        return backend == QLatin1String("loxone") ? m_stop : QString();
    };
    return std::make_unique<BackendHub>(settings, services);
}

void tst_BackendHub::storePassword(const QString &password)
{
    SecretJob *job = m_secrets->write(SecretNames::loxonePassword(), password);
    QSignalSpy finished(job, &SecretJob::finished);
    QVERIFY(finished.wait(1000));
}

int tst_BackendHub::loxoneErrors() const
{
    int count = 0;
    for (const AuditEvent &event : m_audited) {
        if (event.event == QLatin1String(AuditEvent::BACKEND_ERROR)
                && event.source == QLatin1String("loxone"))
            ++count;
    }
    return count;
}

void tst_BackendHub::connectsWithThePasswordFromTheKeychain()
{
    storePassword(QStringLiteral("s3cret"));
    auto hub = makeHub();
    QVERIFY(hub->loxone());
    QVERIFY(hub->directory()->backend(AccessRequest::Backend::Loxone));
    QVERIFY(!hub->directory()->backend(AccessRequest::Backend::HomeAssistant));
    hub->start();
    QTRY_VERIFY_WITH_TIMEOUT(hub->loxone()->isConnected(), 5000);
    const QList<BackendStatus> statuses = hub->directory()->statuses();
    QCOMPARE(statuses.size(), 1);
    QCOMPARE(statuses.first().id, QStringLiteral("loxone"));
    QVERIFY(statuses.first().connected);
    QCOMPARE(m_fake->loginFailures(), 0);
    QCOMPARE(loxoneErrors(), 0);
}

void tst_BackendHub::aMissingPasswordIsAuditedOnceAndNeverTried()
{
    auto hub = makeHub();
    hub->start();
    QTRY_VERIFY(!hub->loxone()->lastError().isEmpty());
    const QString error = hub->loxone()->lastError();
    QVERIFY2(error.contains(QLatin1String("'homewarden secrets set loxone-password'"))
                    && error.contains(QLatin1String("'homewarden'")),
            qPrintable(error));
    // The kill switch's release must not connect without a password either.
    hub->applyStops();
    QTest::qWait(300);
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(loxoneErrors(), 1);
    QCOMPARE(m_audited.first().reason, error);
    QCOMPARE(hub->directory()->statuses().first().detail, error);
}

void tst_BackendHub::aStopKeepsTheMiniserverUntouchedUntilReleased()
{
    storePassword(QStringLiteral("s3cret"));
    m_stop = QStringLiteral("A person stopped all AI access to Loxone.");
    auto hub = makeHub();
    hub->start();
    QTRY_VERIFY(hub->loxone()->isSuspended());
    QTest::qWait(300);
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(hub->directory()->statuses().first().detail, m_stop);

    m_stop.clear();
    hub->applyStops();
    QTRY_VERIFY_WITH_TIMEOUT(hub->loxone()->isConnected(), 5000);
}

void tst_BackendHub::newSettingsConnectWithoutARestart()
{
    // The tray started with nothing set up; the wizard, run from its menu, stores the
    // password and the address. The same directory (which the tools hold) then finds the
    // Miniserver, and removing it again drops the connection.
    auto hub = makeHub(BackendSettings());
    hub->start();
    const DeviceDirectory *directory = hub->directory();
    QVERIFY(directory->statuses().isEmpty());

    storePassword(QStringLiteral("s3cret"));
    QSignalSpy replaced(hub.get(), &BackendHub::backendsReplaced);
    hub->reconfigure(loxoneSettings());
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(hub->directory(), directory);
    QTRY_VERIFY_WITH_TIMEOUT(hub->loxone() && hub->loxone()->isConnected(), 5000);
    QVERIFY(directory->backend(AccessRequest::Backend::Loxone));
    QVERIFY(directory->statuses().first().connected);

    const QPointer<LoxoneClient> old = hub->loxone();
    hub->reconfigure(BackendSettings());
    QVERIFY(!hub->loxone());
    QVERIFY(!directory->backend(AccessRequest::Backend::Loxone));
    QVERIFY(directory->statuses().isEmpty());
    QTRY_VERIFY(old.isNull());
    QCOMPARE(m_fake->loginFailures(), 0);
}

void tst_BackendHub::aMissingHomeAssistantTokenIsAuditedAndNeverTried()
{
    // Home Assistant set up but no token in the keychain: one sentence that says what to do,
    // in the status and the audit trail, and not a single connection attempt.
    QTcpServer homeAssistant;
    QVERIFY(homeAssistant.listen(QHostAddress::LocalHost));
    BackendSettings settings;
    settings.homeAssistantUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(homeAssistant.serverPort()));
    auto hub = makeHub(settings);
    hub->start();
    QTRY_VERIFY(!hub->homeAssistant()->status().lastError.isEmpty());
    const QString error = hub->homeAssistant()->status().lastError;
    QVERIFY2(error.contains(QLatin1String("'homewarden secrets set ha-token'")), qPrintable(error));
    hub->applyStops();
    QTest::qWait(300);
    QVERIFY(!homeAssistant.hasPendingConnections());
    const QList<BackendStatus> statuses = hub->directory()->statuses();
    QCOMPARE(statuses.size(), 1);
    QVERIFY(!statuses.first().connected);
    QCOMPARE(statuses.first().detail, error);
    const auto audited =
            std::count_if(m_audited.cbegin(), m_audited.cend(), [](const AuditEvent &event) {
                return event.event == QLatin1String(AuditEvent::BACKEND_ERROR)
                        && event.source == QLatin1String("ha");
            });
    QCOMPARE(audited, 1);
}

QTEST_GUILESS_MAIN(tst_BackendHub)
#include "tst_backendhub.moc"
