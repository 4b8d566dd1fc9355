#include "AiClientPage.h"
#include "AuditLog.h"
#include "AutostartEntry.h"
#include "BackendSettings.h"
#include "ClaudeDesktopConfig.h"
#include "FakeHomeAssistant.h"
#include "FakeMiniserver.h"
#include "KeychainSecretStore.h"
#include "MessageLabel.h"
#include "SecretNames.h"
#include "ServerSettings.h"
#include "SetupWizard.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"
#include "TestSupport.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString HA_TOKEN = QStringLiteral("ha-long-lived-token");
const QString LOXONE_USER = QStringLiteral("homewarden");
const QString LOXONE_PASSWORD = QStringLiteral("loxone-secret");
constexpr int PROBE_TIMEOUT_MS = 15000;

} // namespace

// The setup wizard clicked through page by page, against the fake Home Assistant and the fake
// Miniserver in this process and a real Secret Service (with-secret-service.sh), then checked
// where a person would look: the keychain, the keys, Claude Desktop's file, the autostart
// entry, homewarden.ini and the audit trail.
class tst_SetupWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void clickThroughWritesEverything();
    void testConnectionSaysWhatIsWrong();
    void refusesWithoutABackend();
    void refusesAnOpenServerWithoutTls();
    void defaultsAreTheSafeOnes();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *widget = m_wizard->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    // Clicks "Test connection" and waits for the probe's sentence.
    QString testConnection(const QString &button, const QString &label) const;
    QString pageProblem() const;
    QStringList auditedTargets() const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<FakeHomeAssistant> m_ha;
    std::unique_ptr<FakeMiniserver> m_miniserver;
    std::unique_ptr<SetupWizard> m_wizard;
};

void tst_SetupWizard::initTestCase()
{
    // with-secret-service.sh made HOME and XDG_CONFIG_HOME for this run: Claude Desktop's
    // default file and the autostart entry land there, never in a real profile.
    QVERIFY(qEnvironmentVariableIsSet("XDG_CONFIG_HOME"));
    QVERIFY(QDir::homePath().startsWith(QDir::tempPath()));
    // Claude Desktop's entry names the installed `homewarden`; here, the one of this build.
    const QString binaryDirectory = QFileInfo(TestSupport::homewardenBinary()).absolutePath();
    qputenv("PATH", (binaryDirectory + QLatin1Char(':')).toLocal8Bit() + qgetenv("PATH"));
}

void tst_SetupWizard::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_ha = std::make_unique<FakeHomeAssistant>();
    m_ha->setToken(HA_TOKEN);
    QString error;
    QVERIFY2(m_ha->loadFixtures(&error), qPrintable(error));
    QVERIFY(m_ha->listen());
    m_miniserver = std::make_unique<FakeMiniserver>();
    QVERIFY2(m_miniserver->loadStructure(FakeMiniserver::fixturePath(QStringLiteral(
                                                 "ondrejlevy-loxone-mcp_structure_file.json")),
                     &error),
            qPrintable(error));
    m_miniserver->setCredentials(LOXONE_USER, LOXONE_PASSWORD);
    QVERIFY(m_miniserver->listen());
    AutostartEntry::disable();
    m_wizard = std::make_unique<SetupWizard>(m_home->path());
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void tst_SetupWizard::cleanup()
{
    m_wizard.reset();
    // Claude Desktop is "installed" only where a test says so.
    QDir(QFileInfo(ClaudeDesktopConfig::defaultPath()).absolutePath()).removeRecursively();
    AutostartEntry::disable();
    m_miniserver.reset();
    m_ha.reset();
    m_home.reset();
}

QString tst_SetupWizard::testConnection(const QString &button, const QString &label) const
{
    auto *test = child<QPushButton>(button);
    auto *result = child<MessageLabel>(label);
    if (!test || !result)
        return QString();
    QTest::mouseClick(test, Qt::LeftButton);
    // The button comes back when the probe has finished.
    if (!QTest::qWaitFor([test] { return test->isEnabled(); }, PROBE_TIMEOUT_MS))
        return QStringLiteral("(the probe did not finish)");
    return result->text();
}

QString tst_SetupWizard::pageProblem() const
{
    const auto *label =
            m_wizard->currentPage()->findChild<MessageLabel *>(QStringLiteral("pageProblemLabel"));
    return label ? label->text() : QString();
}

QStringList tst_SetupWizard::auditedTargets() const
{
    const std::unique_ptr<AuditLog> log = AuditLog::open(m_home->path());
    AuditLog::Filter filter;
    filter.event = QLatin1String(AuditEvent::CONFIG_CHANGED);
    filter.limit = 0;
    QStringList targets;
    for (const AuditRecord &record : log ? log->query(filter) : QList<AuditRecord>()) {
        if (record.event.source == QLatin1String("wizard"))
            targets.append(record.event.target);
    }
    return targets;
}

void tst_SetupWizard::clickThroughWritesEverything()
{
    // Claude Desktop is installed and knows another server already.
    const QString claudeConfig = ClaudeDesktopConfig::defaultPath();
    QVERIFY(QDir().mkpath(QFileInfo(claudeConfig).absolutePath()));
    {
        QFile file(claudeConfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"mcpServers": {"filesystem": {"command": "npx", "args": ["fs"]}},
                       "theme": "dark"})");
    }
    // The wizard looked for it when it opened; open it again now that it is there.
    m_wizard = std::make_unique<SetupWizard>(m_home->path());
    m_wizard->show();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WelcomePageId));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HomeAssistantPageId));
    child<QLineEdit>(QStringLiteral("haUrlEdit"))->setText(m_ha->url().toString());
    child<QLineEdit>(QStringLiteral("haTokenEdit"))->setText(HA_TOKEN);
    const QString haResult =
            testConnection(QStringLiteral("haTestButton"), QStringLiteral("haResultLabel"));
    QVERIFY2(haResult.contains(FakeHomeAssistant::haVersion()), qPrintable(haResult));
    QVERIFY2(haResult.contains(QString::number(m_ha->entityCount())), qPrintable(haResult));
    m_wizard->next();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::LoxonePageId));
    child<QLineEdit>(QStringLiteral("loxoneUrlEdit"))->setText(m_miniserver->url().toString());
    child<QLineEdit>(QStringLiteral("loxoneUserEdit"))->setText(LOXONE_USER);
    child<QLineEdit>(QStringLiteral("loxonePasswordEdit"))->setText(LOXONE_PASSWORD);
    const QString loxoneResult =
            testConnection(QStringLiteral("loxoneTestButton"), QStringLiteral("loxoneResultLabel"));
    QVERIFY2(loxoneResult.contains(QStringLiteral("Connected")), qPrintable(loxoneResult));
    QVERIFY2(loxoneResult.contains(QStringLiteral("14.5.12.7")), qPrintable(loxoneResult));
    m_wizard->next();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SecurityPageId));
    child<QSpinBox>(QStringLiteral("serverPortSpin"))->setValue(3002);
    m_wizard->next();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::AiClientPageId));
    auto *registerClaude = child<QCheckBox>(QStringLiteral("registerClaudeCheck"));
    QVERIFY2(registerClaude->isChecked(), "Claude Desktop was found, so registering is offered");
    QCOMPARE(QDir::fromNativeSeparators(
                     child<QLineEdit>(QStringLiteral("claudeConfigEdit"))->text()),
            claudeConfig);
    auto *roles = child<QComboBox>(QStringLiteral("clientRoleCombo"));
    QCOMPARE(roles->currentData().toString(), QStringLiteral("operator"));
    roles->setCurrentIndex(roles->findData(QStringLiteral("monitor")));
    // The snippets name the port chosen on the previous page.
    auto *snippets = child<QComboBox>(QStringLiteral("snippetCombo"));
    bool httpSnippetNamesPort = false;
    for (int i = 0; i < snippets->count(); ++i) {
        snippets->setCurrentIndex(i);
        httpSnippetNamesPort = httpSnippetNamesPort
                || m_wizard->findChild<QWidget *>(QStringLiteral("snippetText"))
                           ->property("plainText")
                           .toString()
                           .contains(QStringLiteral("127.0.0.1:3002/mcp"));
    }
    QVERIFY(httpSnippetNamesPort);
    m_wizard->next();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishPageId));
    QVERIFY(child<QCheckBox>(QStringLiteral("startAtLoginCheck"))->isChecked());
    m_wizard->button(QWizard::FinishButton)->click();
    QVERIFY2(m_wizard->result() == QDialog::Accepted, qPrintable(pageProblem()));

    // The secrets are in the keychain.
    KeychainSecretStore keychain;
    QCOMPARE(keychain.readAndWait(SecretNames::haToken()).value, HA_TOKEN);
    QCOMPARE(keychain.readAndWait(SecretNames::loxonePassword()).value, LOXONE_PASSWORD);
    // ... and nowhere in homewarden.ini.
    QFile ini(QDir(m_home->path()).filePath(QLatin1String(BackendSettings::FILE_NAME)));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray iniText = ini.readAll();
    QVERIFY(!iniText.contains(HA_TOKEN.toUtf8()));
    QVERIFY(!iniText.contains(LOXONE_PASSWORD.toUtf8()));

    // The settings read back as the tray will read them.
    const BackendSettings backends = BackendSettings::load(m_home->path());
    QCOMPARE(backends.homeAssistantUrl, m_ha->url());
    QCOMPARE(backends.loxoneUrl, m_miniserver->url());
    QCOMPARE(backends.loxoneUser, LOXONE_USER);
    const ServerSettings server = ServerSettings::load(m_home->path());
    QVERIFY(server.enabled);
    QCOMPARE(server.port, quint16(3002));
    QCOMPARE(server.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(SecurityLevels::configured(m_home->path()).value_or(SecurityLevel::Development),
            SecurityLevel::Production);

    // A monitor key was made for Claude Desktop, and the keychain holds it.
    const std::unique_ptr<StateDatabase> database = StateDatabase::open(m_home->path());
    QVERIFY(database);
    const QList<ApiKey> keys = SqlKeyStore(database.get()).list();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().role, Role::Monitor);
    QVERIFY(keys.first().active);
    const QString clientKey =
            keychain.readAndWait(
                            SecretNames::client(QLatin1String(ClaudeDesktopConfig::CLIENT_NAME)))
                    .value;
    QVERIFY2(clientKey.startsWith(keys.first().id + QLatin1Char('_')), qPrintable(keys.first().id));

    // Claude Desktop's file names the command, not the key, and kept everything else.
    QFile written(claudeConfig);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray configText = written.readAll();
    QVERIFY(!configText.contains(clientKey.toUtf8()));
    const QJsonObject config = QJsonDocument::fromJson(configText).object();
    const QJsonObject servers = config.value(QLatin1String("mcpServers")).toObject();
    QCOMPARE(servers.value(QLatin1String("filesystem")).toObject().value(QLatin1String("command")),
            QJsonValue(QStringLiteral("npx")));
    QCOMPARE(config.value(QLatin1String("theme")), QJsonValue(QStringLiteral("dark")));
    const QJsonObject entry = servers.value(QLatin1String("homewarden")).toObject();
    QCOMPARE(QFileInfo(entry.value(QLatin1String("command")).toString()).canonicalFilePath(),
            QFileInfo(TestSupport::homewardenBinary()).canonicalFilePath());
    QCOMPARE(entry.value(QLatin1String("args")).toArray(),
            QJsonArray({QStringLiteral("--stdio"), QStringLiteral("--client"),
                    QStringLiteral("claude-desktop")}));
    // The file as it was is kept beside it.
    const QStringList backups =
            QFileInfo(claudeConfig)
                    .dir()
                    .entryList({QFileInfo(claudeConfig).fileName()
                                       + QLatin1String(ClaudeDesktopConfig::BACKUP_INFIX)
                                       + QLatin1Char('*')},
                            QDir::Files);
    QCOMPARE(backups.size(), 1);
    QFile backup(QFileInfo(claudeConfig).dir().filePath(backups.first()));
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QVERIFY(!backup.readAll().contains("homewarden"));

    // HomeWarden starts at login.
    QVERIFY(AutostartEntry::isEnabled());
    QVERIFY(QFile::exists(AutostartEntry::path()));

    // Every change is in the audit trail, from the wizard.
    const QStringList targets = auditedTargets();
    for (const QString &key : {QStringLiteral("homeassistant/url"), QStringLiteral("loxone/url"),
                 QStringLiteral("loxone/user"), QStringLiteral("server/port"),
                 QStringLiteral("security/level"), AutostartEntry::path(), claudeConfig})
        QVERIFY2(targets.contains(key),
                qPrintable(key + QLatin1String(" not in ") + targets.join(QLatin1String(", "))));
}

void tst_SetupWizard::testConnectionSaysWhatIsWrong()
{
    m_wizard->next();
    auto *url = child<QLineEdit>(QStringLiteral("haUrlEdit"));
    auto *token = child<QLineEdit>(QStringLiteral("haTokenEdit"));
    url->setText(m_ha->url().toString());
    token->setText(QStringLiteral("not-the-token"));
    QString result =
            testConnection(QStringLiteral("haTestButton"), QStringLiteral("haResultLabel"));
    QVERIFY2(result.contains(QStringLiteral("refused the access token")), qPrintable(result));

    // Nothing listens on a port that was just given up.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    url->setText(QStringLiteral("http://127.0.0.1:%1").arg(deadPort));
    token->setText(HA_TOKEN);
    result = testConnection(QStringLiteral("haTestButton"), QStringLiteral("haResultLabel"));
    QVERIFY2(result.contains(QStringLiteral("refused the connection")), qPrintable(result));

    // https:// to a server that speaks plain HTTP: the TLS handshake fails.
    url->setText(QStringLiteral("https://127.0.0.1:%1").arg(m_ha->port()));
    result = testConnection(QStringLiteral("haTestButton"), QStringLiteral("haResultLabel"));
    QVERIFY2(result.contains(QStringLiteral("TLS")), qPrintable(result));

    m_ha->setFault(FakeHomeAssistant::Fault::Garbage);
    url->setText(m_ha->url().toString());
    result = testConnection(QStringLiteral("haTestButton"), QStringLiteral("haResultLabel"));
    QVERIFY2(result.contains(QStringLiteral("not as Home Assistant does")), qPrintable(result));
    m_ha->setFault(FakeHomeAssistant::Fault::None);
    result = testConnection(QStringLiteral("haTestButton"), QStringLiteral("haResultLabel"));
    QVERIFY2(result.startsWith(QStringLiteral("Connected")), qPrintable(result));
    m_wizard->next();

    auto *loxoneUrl = child<QLineEdit>(QStringLiteral("loxoneUrlEdit"));
    loxoneUrl->setText(m_miniserver->url().toString());
    child<QLineEdit>(QStringLiteral("loxoneUserEdit"))->setText(LOXONE_USER);
    child<QLineEdit>(QStringLiteral("loxonePasswordEdit"))->setText(QStringLiteral("wrong"));
    result =
            testConnection(QStringLiteral("loxoneTestButton"), QStringLiteral("loxoneResultLabel"));
    QVERIFY2(!result.startsWith(QStringLiteral("Connected")) && !result.isEmpty(),
            qPrintable(result));
    QCOMPARE(child<MessageLabel>(QStringLiteral("loxoneResultLabel"))->kind(),
            MessageLabel::Kind::Problem);
    // One attempt, not a series the Miniserver would count against the user.
    QVERIFY2(m_miniserver->loginFailures() <= 1,
            qPrintable(QString::number(m_miniserver->loginFailures())));

    loxoneUrl->setText(QStringLiteral("http://127.0.0.1:%1").arg(deadPort));
    child<QLineEdit>(QStringLiteral("loxonePasswordEdit"))->setText(LOXONE_PASSWORD);
    result =
            testConnection(QStringLiteral("loxoneTestButton"), QStringLiteral("loxoneResultLabel"));
    QVERIFY2(!result.startsWith(QStringLiteral("Connected")) && !result.isEmpty(),
            qPrintable(result));
    QCOMPARE(child<MessageLabel>(QStringLiteral("loxoneResultLabel"))->kind(),
            MessageLabel::Kind::Problem);

    // Nothing was written by testing.
    QVERIFY(!QFile::exists(
            QDir(m_home->path()).filePath(QLatin1String(BackendSettings::FILE_NAME))));
}

void tst_SetupWizard::refusesWithoutABackend()
{
    m_wizard->next();
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::LoxonePageId));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::LoxonePageId));
    QVERIFY2(pageProblem().contains(QStringLiteral("at least one")), qPrintable(pageProblem()));

    // A backend without its secret is refused too.
    child<QLineEdit>(QStringLiteral("loxoneUrlEdit"))->setText(m_miniserver->url().toString());
    child<QLineEdit>(QStringLiteral("loxoneUserEdit"))->setText(LOXONE_USER);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::LoxonePageId));
    QVERIFY2(pageProblem().contains(QStringLiteral("password")), qPrintable(pageProblem()));
    child<QLineEdit>(QStringLiteral("loxonePasswordEdit"))->setText(LOXONE_PASSWORD);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SecurityPageId));
}

void tst_SetupWizard::refusesAnOpenServerWithoutTls()
{
    m_wizard->next();
    child<QLineEdit>(QStringLiteral("haUrlEdit"))->setText(m_ha->url().toString());
    child<QLineEdit>(QStringLiteral("haTokenEdit"))->setText(HA_TOKEN);
    m_wizard->next();
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SecurityPageId));
    child<QLineEdit>(QStringLiteral("serverHostEdit"))->setText(QStringLiteral("0.0.0.0"));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SecurityPageId));
    QVERIFY2(pageProblem().contains(QStringLiteral("HTTPS")), qPrintable(pageProblem()));
    // Staging lets a trial set-up go without it.
    auto *level = child<QComboBox>(QStringLiteral("securityLevelCombo"));
    level->setCurrentIndex(level->findData(int(SecurityLevel::Staging)));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::AiClientPageId));
}

void tst_SetupWizard::defaultsAreTheSafeOnes()
{
    const SetupChoices choices = m_wizard->choices();
    QCOMPARE(choices.securityLevel, SecurityLevel::Production);
    QVERIFY(choices.serverEnabled);
    QCOMPARE(choices.serverHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(choices.serverPort, 3001);
    QCOMPARE(choices.clientRole, QStringLiteral("operator"));
    QVERIFY(child<QGroupBox>(QStringLiteral("serverGroup"))->isChecked());
    // No Claude Desktop here (its folder does not exist): nothing is registered by default.
    QVERIFY(!ClaudeDesktopConfig::isDetected());
    QVERIFY(!child<QCheckBox>(QStringLiteral("registerClaudeCheck"))->isChecked());
}

QTEST_MAIN(tst_SetupWizard)
#include "tst_setupwizard.moc"
