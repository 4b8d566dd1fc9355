#include "AuditLog.h"
#include "AuditTrail.h"
#include "ClaudeDesktopConfig.h"
#include "ClientRegistration.h"
#include "ClientSnippets.h"
#include "KeyText.h"
#include "MemorySecretStore.h"
#include "SecretNames.h"
#include "ServerSettings.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A keychain whose writes can be made to fail while reads still work: the moment between
// making the key and storing it.
class FlakyKeychain : public MemorySecretStore
{
public:
    bool failWrites = false;

    SecretJob *write(const QString &name, const QString &value) override
    {
        if (!failWrites)
            return MemorySecretStore::write(name, value);
        auto *job = new SecretJob(SecretJob::Operation::Write, name);
        job->finishWithError(
                SecretJob::Error::Locked, errorSentence(SecretJob::Error::Locked, name));
        return job;
    }
};

const QString EXECUTABLE = QStringLiteral("/opt/homewarden/bin/homewarden");

} // namespace

// The registration as the wizard and `homewarden register` use it, with the keychain in
// memory: which key exists, what the keychain holds and what the file says must always agree,
// whatever step fails.
class tst_ClientRegistration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void registerMakesKeyKeychainEntryAndConfigEntry();
    void reRegisterRevokesTheKeyTheKeychainHeld();
    void keychainFailureLeavesNoKeyAndNoChange();
    void unparsableFileMakesNoKey();
    void refusesBadRequestsBeforeAnythingChanges_data();
    void refusesBadRequestsBeforeAnythingChanges();
    void unregisterRemovesOurEntryKeyAndSecret();
    void unregisterWithNothingRegisteredSaysSo();
    void snippetsStartTheirOwnClientsWithoutAKey();

private:
    ClientRegistration::Request request(const QString &role = QStringLiteral("operator")) const;
    QString configPath() const
    {
        return m_dir->filePath(QStringLiteral("Claude/claude_desktop_config.json"));
    }
    QJsonObject configOnDisk() const;
    QList<ApiKey> keys() const;
    QList<AuditRecord> events(const char *name) const;
    QString stored() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditTrail> m_audit;
    std::unique_ptr<FlakyKeychain> m_keychain;
    std::unique_ptr<ClientRegistration> m_registration;
};

void tst_ClientRegistration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_audit = AuditTrail::open(m_dir->path(), &error);
    QVERIFY2(m_audit, qPrintable(error));
    m_keychain = std::make_unique<FlakyKeychain>();
    m_registration = std::make_unique<ClientRegistration>(
            m_dir->path(), m_keychain.get(), m_audit.get(), QStringLiteral("wizard"));
}

void tst_ClientRegistration::cleanup()
{
    m_registration.reset();
    m_audit.reset();
}

ClientRegistration::Request tst_ClientRegistration::request(const QString &role) const
{
    ClientRegistration::Request request;
    request.role = role;
    request.configPath = configPath();
    request.executable = EXECUTABLE;
    return request;
}

QJsonObject tst_ClientRegistration::configOnDisk() const
{
    QFile file(configPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QList<ApiKey> tst_ClientRegistration::keys() const
{
    const std::unique_ptr<StateDatabase> database = StateDatabase::open(m_dir->path());
    return SqlKeyStore(database.get()).list();
}

QList<AuditRecord> tst_ClientRegistration::events(const char *name) const
{
    m_audit->flush();
    const std::unique_ptr<AuditLog> log = AuditLog::open(m_dir->path());
    AuditLog::Filter filter;
    filter.event = QLatin1String(name);
    return log->query(filter);
}

QString tst_ClientRegistration::stored() const
{
    const SecretJob::Result result =
            m_keychain->readAndWait(SecretNames::client(QStringLiteral("claude-desktop")));
    return result.isOk() ? result.value : QString();
}

void tst_ClientRegistration::registerMakesKeyKeychainEntryAndConfigEntry()
{
    QVERIFY(QDir().mkpath(QFileInfo(configPath()).absolutePath()));
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray before = R"({"mcpServers": {"other": {"command": "other"}}, "x": true})";
    file.write(before);
    file.close();

    const ClientRegistration::Outcome outcome =
            m_registration->registerClaudeDesktop(request(QStringLiteral("monitor")));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(outcome.keyId.startsWith(QStringLiteral("hwk_monitor_")));
    QCOMPARE(outcome.configPath, configPath());

    // The keychain holds the key; the store knows it by its id and role.
    QCOMPARE(KeyText::parse(stored())->id, outcome.keyId);
    const QList<ApiKey> all = keys();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().id, outcome.keyId);
    QCOMPARE(all.first().role, Role::Monitor);
    QCOMPARE(all.first().name, QStringLiteral("Claude Desktop"));

    // The file has our entry (with this state directory, which is not the default one) and
    // everything it had; the key is nowhere in it.
    const QJsonObject config = configOnDisk();
    QCOMPARE(ClaudeDesktopConfig::serverOf(config),
            ClaudeDesktopConfig::serverEntry(EXECUTABLE, QDir::cleanPath(m_dir->path())));
    QCOMPARE(config.value(QLatin1String("x")), QJsonValue(true));
    QVERIFY(config.value(QLatin1String("mcpServers")).toObject().contains(QLatin1String("other")));
    QFile written(configPath());
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(!written.readAll().contains(KeyText::parse(stored())->secret.toUtf8()));

    QFile backup(outcome.backupPath);
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), before);

    const QList<AuditRecord> changes = events(AuditEvent::CONFIG_CHANGED);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().event.action, QStringLiteral("register claude-desktop"));
    QCOMPARE(changes.first().event.target, configPath());
    QCOMPARE(changes.first().event.source, QStringLiteral("wizard"));
    QCOMPARE(changes.first().event.keyId, outcome.keyId);
    QCOMPARE(events(AuditEvent::KEY_CREATED).size(), 1);
}

void tst_ClientRegistration::reRegisterRevokesTheKeyTheKeychainHeld()
{
    const ClientRegistration::Outcome first = m_registration->registerClaudeDesktop(request());
    QVERIFY2(first.ok, qPrintable(first.error));
    QVERIFY(first.backupPath.isEmpty()); // there was no file
    const ClientRegistration::Outcome second = m_registration->registerClaudeDesktop(request());
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(second.keyId != first.keyId);
    QCOMPARE(second.revokedKeyId, first.keyId);
    QVERIFY(!second.backupPath.isEmpty());
    QCOMPARE(KeyText::parse(stored())->id, second.keyId);
    // No orphan: the only usable key is the one the keychain holds.
    int usable = 0;
    for (const ApiKey &key : keys()) {
        if (!key.isRevoked()) {
            ++usable;
            QCOMPARE(key.id, second.keyId);
        }
    }
    QCOMPARE(usable, 1);
    QCOMPARE(events(AuditEvent::KEY_REVOKED).size(), 1);
}

void tst_ClientRegistration::keychainFailureLeavesNoKeyAndNoChange()
{
    const ClientRegistration::Outcome first = m_registration->registerClaudeDesktop(request());
    QVERIFY(first.ok);
    const QJsonObject before = configOnDisk();
    const QString storedBefore = stored();

    m_keychain->failWrites = true;
    const ClientRegistration::Outcome outcome = m_registration->registerClaudeDesktop(request());
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error,
            SecretStore::errorSentence(SecretJob::Error::Locked,
                    SecretNames::client(QStringLiteral("claude-desktop"))));
    // The key it made is revoked at once; the first one still works and is still stored.
    for (const ApiKey &key : keys())
        QCOMPARE(key.isRevoked(), key.id != first.keyId);
    QCOMPARE(keys().size(), 2);
    QCOMPARE(stored(), storedBefore);
    QCOMPARE(configOnDisk(), before);
    QCOMPARE(events(AuditEvent::CONFIG_CHANGED).size(), 1); // the first registration's only
}

void tst_ClientRegistration::unparsableFileMakesNoKey()
{
    QVERIFY(QDir().mkpath(QFileInfo(configPath()).absolutePath()));
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"mcpServers\": ");
    file.close();
    const ClientRegistration::Outcome outcome = m_registration->registerClaudeDesktop(request());
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.error.contains(QStringLiteral("is not valid JSON")));
    QVERIFY(keys().isEmpty());
    QVERIFY(stored().isEmpty());
    QCOMPARE(QDir(QFileInfo(configPath()).absolutePath()).entryList(QDir::Files).size(), 1);
}

void tst_ClientRegistration::refusesBadRequestsBeforeAnythingChanges_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("devices");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown role")
            << QStringLiteral("root") << QStringList()
            << QStringLiteral("'root' is not a role; choose admin, operator, monitor (or viewer), "
                              "device or custom.");
    QTest::newRow("device without devices")
            << QStringLiteral("device") << QStringList()
            << QStringLiteral("The key for Claude Desktop cannot be created: ");
}

void tst_ClientRegistration::refusesBadRequestsBeforeAnythingChanges()
{
    QFETCH(QString, role);
    QFETCH(QStringList, devices);
    QFETCH(QString, error);
    ClientRegistration::Request bad = request(role);
    bad.devices = devices;
    QString reason;
    QVERIFY(!ClientRegistration::validate(bad, &reason));
    QVERIFY2(reason.startsWith(error), qPrintable(reason));
    const ClientRegistration::Outcome outcome = m_registration->registerClaudeDesktop(bad);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error, reason);
    QVERIFY(keys().isEmpty());
    QVERIFY(!QFileInfo::exists(configPath()));

    bad.devices = {QStringLiteral("ha:light.kitchen")};
    if (role == QLatin1String("device"))
        QVERIFY(m_registration->registerClaudeDesktop(bad).ok);
}

void tst_ClientRegistration::unregisterRemovesOurEntryKeyAndSecret()
{
    QVERIFY(QDir().mkpath(QFileInfo(configPath()).absolutePath()));
    QVERIFY(ClaudeDesktopConfig::write(configPath(),
            QJsonDocument::fromJson(R"({"mcpServers": {"other": {"command": "o"}}})").object()));
    const ClientRegistration::Outcome registered = m_registration->registerClaudeDesktop(request());
    QVERIFY(registered.ok);

    const ClientRegistration::Outcome outcome =
            m_registration->unregisterClaudeDesktop(configPath());
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.keyId, registered.keyId);
    QVERIFY(outcome.warnings.isEmpty());
    QCOMPARE(configOnDisk(),
            QJsonDocument::fromJson(R"({"mcpServers": {"other": {"command": "o"}}})").object());
    QVERIFY(QFileInfo::exists(outcome.backupPath));
    QVERIFY(keys().first().isRevoked());
    QVERIFY(!m_keychain->contains(SecretNames::client(QStringLiteral("claude-desktop"))));
    const QList<AuditRecord> changes = events(AuditEvent::CONFIG_CHANGED);
    QCOMPARE(changes.size(), 2);
    // Newest first.
    QCOMPARE(changes.first().event.action, QStringLiteral("unregister claude-desktop"));
}

void tst_ClientRegistration::unregisterWithNothingRegisteredSaysSo()
{
    const ClientRegistration::Outcome outcome =
            m_registration->unregisterClaudeDesktop(configPath());
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error,
            QStringLiteral("HomeWarden is not registered with Claude Desktop in %1; nothing was "
                           "changed.")
                    .arg(QDir::toNativeSeparators(configPath())));
    QVERIFY(!QFileInfo::exists(configPath()));
}

void tst_ClientRegistration::snippetsStartTheirOwnClientsWithoutAKey()
{
    QCOMPARE(ClientSnippets::claudeCode(EXECUTABLE),
            QStringLiteral("claude mcp add --transport stdio homewarden -- "
                           "/opt/homewarden/bin/homewarden --stdio --client claude-code"));
    QCOMPARE(ClientSnippets::claudeCode(QStringLiteral("/My Apps/homewarden")),
            QStringLiteral("claude mcp add --transport stdio homewarden -- "
                           "'/My Apps/homewarden' --stdio --client claude-code"));
    const QJsonObject vsCode =
            QJsonDocument::fromJson(ClientSnippets::vsCode(EXECUTABLE).toUtf8()).object();
    QCOMPARE(vsCode,
            QJsonDocument::fromJson(R"({"servers": {"homewarden": {"type": "stdio",
                "command": "/opt/homewarden/bin/homewarden",
                "args": ["--stdio", "--client", "vscode"]}}})")
                    .object());
    const QJsonObject cursor =
            QJsonDocument::fromJson(ClientSnippets::cursor(EXECUTABLE).toUtf8()).object();
    QCOMPARE(cursor,
            QJsonDocument::fromJson(R"({"mcpServers": {"homewarden": {
                "command": "/opt/homewarden/bin/homewarden",
                "args": ["--stdio", "--client", "cursor"]}}})")
                    .object());
    ServerSettings settings;
    QCOMPARE(ClientSnippets::streamableHttp(settings),
            QStringLiteral("URL: http://127.0.0.1:3001/mcp\nHeader: Authorization: Bearer <key>"));
    settings.address = QHostAddress(QStringLiteral("::1"));
    settings.port = 8443;
    QCOMPARE(ClientSnippets::httpUrl(settings, true), QStringLiteral("https://[::1]:8443/mcp"));
    QCOMPARE(ClientSnippets::storeKeyCommand(EXECUTABLE, QStringLiteral("cursor")),
            QStringLiteral("/opt/homewarden/bin/homewarden keys generate --role operator --name "
                           "cursor | /opt/homewarden/bin/homewarden secrets set client:cursor"));
    QCOMPARE(ClientSnippets::all(EXECUTABLE, ServerSettings()).size(), 4);
}

QTEST_GUILESS_MAIN(tst_ClientRegistration)
#include "tst_clientregistration.moc"
