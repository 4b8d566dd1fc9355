#include "KeychainSecretStore.h"
#include "SecretNames.h"

#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `homewarden register claude-desktop` and `unregister` as a person runs them, against a real
// Secret Service (support/with-secret-service.sh) and a Claude Desktop configuration that
// already connects another server.
class tst_RegisterCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void registerKeepsOtherServersAndStoresTheKeyInTheKeychain();
    void reRegisterRevokesTheFirstKey();
    void unparsableFileIsLeftAloneAndNoKeyIsMade();
    void unregisterRemovesOnlyOurEntry();
    void refusesUsageErrors_data();
    void refusesUsageErrors();
    void printsSnippetsForOtherClients();

private:
    using Run = TestSupport::CliRun;
    Run homewarden(const QStringList &arguments) const;
    Run registerClaude(const QStringList &extra = {}) const;
    QJsonObject config() const;
    QByteArray configBytes() const;
    void writeConfig(const QByteArray &content) const;
    QJsonArray keys() const;
    QStringList backups() const;
    static QString stored();

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_claude;
};

namespace {

const QByteArray OTHER_CONFIG = R"({
  "globalShortcut": "Ctrl+Alt+Space",
  "mcpServers": {
    "filesystem": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]}
  }
}
)";

QString clientSecret()
{
    return SecretNames::client(QStringLiteral("claude-desktop"));
}

} // namespace

void tst_RegisterCli::init()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
            "run this test through tests/support/with-secret-service.sh");
    m_home = std::make_unique<QTemporaryDir>();
    m_claude = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid() && m_claude->isValid());
    // Each test starts with an empty keychain entry.
    KeychainSecretStore().removeAndWait(clientSecret());
    writeConfig(OTHER_CONFIG);
}

tst_RegisterCli::Run tst_RegisterCli::homewarden(const QStringList &arguments) const
{
    return TestSupport::runHomewarden(arguments, TestSupport::serverEnvironment(m_home->path()));
}

tst_RegisterCli::Run tst_RegisterCli::registerClaude(const QStringList &extra) const
{
    return homewarden(QStringList{QStringLiteral("register"), QStringLiteral("claude-desktop"),
                              QStringLiteral("--config"),
                              m_claude->filePath(QStringLiteral("claude_desktop_config.json"))}
            + extra);
}

QByteArray tst_RegisterCli::configBytes() const
{
    QFile file(m_claude->filePath(QStringLiteral("claude_desktop_config.json")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject tst_RegisterCli::config() const
{
    return QJsonDocument::fromJson(configBytes()).object();
}

void tst_RegisterCli::writeConfig(const QByteArray &content) const
{
    QFile file(m_claude->filePath(QStringLiteral("claude_desktop_config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QJsonArray tst_RegisterCli::keys() const
{
    const Run run = homewarden({QStringLiteral("keys"), QStringLiteral("list"),
            QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0)
        qWarning("keys list failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).array();
}

QStringList tst_RegisterCli::backups() const
{
    return QDir(m_claude->path())
            .entryList({QStringLiteral("claude_desktop_config.json.homewarden-backup-*")},
                    QDir::Files);
}

QString tst_RegisterCli::stored()
{
    const SecretJob::Result result = KeychainSecretStore().readAndWait(clientSecret());
    return result.isOk() ? result.value : QString();
}

void tst_RegisterCli::registerKeepsOtherServersAndStoresTheKeyInTheKeychain()
{
    const Run run = registerClaude({QStringLiteral("--role"), QStringLiteral("monitor")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.isEmpty());

    const QJsonArray all = keys();
    QCOMPARE(all.size(), 1);
    const QJsonObject key = all.first().toObject();
    const QString id = key.value(QLatin1String("id")).toString();
    QCOMPARE(key.value(QLatin1String("role")).toString(), QStringLiteral("monitor"));
    QCOMPARE(key.value(QLatin1String("name")).toString(), QStringLiteral("Claude Desktop"));
    // The keychain (read by this process, not the one that wrote it) holds that key.
    const QString secret = stored();
    QVERIFY(secret.startsWith(id + QLatin1Char('_')));

    const QString path =
            QDir(m_claude->path()).filePath(QStringLiteral("claude_desktop_config.json"));
    QCOMPARE(backups().size(), 1);
    const QString backupPath = QDir(m_claude->path()).filePath(backups().first());
    QCOMPARE(run.out,
            QStringLiteral("Registered HomeWarden in Claude Desktop's configuration %1 with the "
                           "new monitor key %2, kept in the keychain as client:claude-desktop "
                           "(never in the file).\nThe previous file is kept as %3.\nRestart "
                           "Claude Desktop to pick up the change.\n")
                    .arg(path, id, backupPath)
                    .toUtf8());

    const QJsonObject written = config();
    QCOMPARE(written.value(QLatin1String("globalShortcut")).toString(),
            QStringLiteral("Ctrl+Alt+Space"));
    const QJsonObject servers = written.value(QLatin1String("mcpServers")).toObject();
    QCOMPARE(servers.value(QLatin1String("filesystem")),
            QJsonDocument::fromJson(OTHER_CONFIG)
                    .object()
                    .value(QLatin1String("mcpServers"))
                    .toObject()
                    .value(QLatin1String("filesystem")));
    const QJsonObject entry = servers.value(QLatin1String("homewarden")).toObject();
    QCOMPARE(entry.value(QLatin1String("command")).toString(),
            QFileInfo(TestSupport::homewardenBinary()).canonicalFilePath());
    QCOMPARE(entry.value(QLatin1String("args")).toArray(),
            QJsonArray({QStringLiteral("--stdio"), QStringLiteral("--client"),
                    QStringLiteral("claude-desktop")}));
    // HOMEWARDEN_HOME is not the default state directory, so the entry names it; nothing else.
    QCOMPARE(entry.value(QLatin1String("env")).toObject(),
            QJsonObject({{QStringLiteral("HOMEWARDEN_HOME"), QDir::cleanPath(m_home->path())}}));
    QVERIFY(!configBytes().contains(secret.toUtf8()));
    QVERIFY(!configBytes().contains("hwk_"));

    QFile backup(backupPath);
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), OTHER_CONFIG);

    // The file change is in the audit trail, with the key events.
    const Run audit = homewarden({QStringLiteral("audit"), QStringLiteral("--event"),
            QStringLiteral("config.changed"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(audit.exitCode, 0);
    QVERIFY2(audit.out.contains("register claude-desktop"), audit.out.constData());
}

void tst_RegisterCli::reRegisterRevokesTheFirstKey()
{
    QCOMPARE(registerClaude().exitCode, 0);
    const QString first = stored().section(QLatin1Char('_'), 0, 2);
    const Run again = registerClaude();
    QCOMPARE(again.exitCode, 0);
    const QString second = stored().section(QLatin1Char('_'), 0, 2);
    QVERIFY(first != second);
    QVERIFY(again.out.contains(
            QStringLiteral("The previous key %1 is revoked.\n").arg(first).toUtf8()));
    for (const QJsonValue value : keys()) {
        const QJsonObject key = value.toObject();
        const bool revoked = !key.value(QLatin1String("revoked_at")).isNull()
                && key.contains(QLatin1String("revoked_at"));
        QCOMPARE(revoked, key.value(QLatin1String("id")).toString() == first);
    }
    QCOMPARE(backups().size(), 2);
    QCOMPARE(config().value(QLatin1String("mcpServers")).toObject().keys(),
            QStringList({QStringLiteral("filesystem"), QStringLiteral("homewarden")}));
}

void tst_RegisterCli::unparsableFileIsLeftAloneAndNoKeyIsMade()
{
    const QByteArray broken =
            "{\n  \"mcpServers\": {\n    \"filesystem\": {\"command\": \"npx\",}\n";
    writeConfig(broken);
    const Run run = registerClaude();
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    // One sentence on stderr, naming the file.
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains("is not valid JSON"), run.err.constData());
    QVERIFY(run.err.contains(QFile::encodeName(m_claude->path())));
    QCOMPARE(configBytes(), broken);
    QVERIFY(backups().isEmpty());
    QVERIFY(keys().isEmpty());
    QVERIFY(stored().isEmpty());
}

void tst_RegisterCli::unregisterRemovesOnlyOurEntry()
{
    QCOMPARE(registerClaude().exitCode, 0);
    const QString id = stored().section(QLatin1Char('_'), 0, 2);
    const QStringList unregister{QStringLiteral("unregister"), QStringLiteral("claude-desktop"),
            QStringLiteral("--config"),
            m_claude->filePath(QStringLiteral("claude_desktop_config.json"))};
    const Run run = homewarden(unregister);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains(
            QStringLiteral("Key %1 is revoked and deleted from the keychain.\n").arg(id).toUtf8()));
    QVERIFY(run.out.endsWith("Restart Claude Desktop to pick up the change.\n"));
    QCOMPARE(config(), QJsonDocument::fromJson(OTHER_CONFIG).object());
    QVERIFY(stored().isEmpty());
    QVERIFY(!keys().first().toObject().value(QLatin1String("revoked_at")).isNull());
    QCOMPARE(backups().size(), 2);

    // Twice is an error that changes nothing.
    const QByteArray before = configBytes();
    const Run again = homewarden(unregister);
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.startsWith("HomeWarden is not registered with Claude Desktop in "));
    QCOMPARE(configBytes(), before);
}

void tst_RegisterCli::refusesUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("no client") << QStringList{QStringLiteral("register")}
                               << QByteArray("register needs the client: 'homewarden register "
                                             "claude-desktop'.\n");
    QTest::newRow("other client")
            << QStringList{QStringLiteral("unregister"), QStringLiteral("cursor")}
            << QByteArray("HomeWarden can unregister claude-desktop only, not 'cursor'; "
                          "'homewarden register --print-snippets' shows how to connect other "
                          "clients.\n");
    QTest::newRow("bad role")
            << QStringList{QStringLiteral("register"), QStringLiteral("claude-desktop"),
                       QStringLiteral("--role"), QStringLiteral("root")}
            << QByteArray("'root' is not a role; choose admin, operator, monitor (or viewer), "
                          "device or custom.\n");
    QTest::newRow("unknown option")
            << QStringList{QStringLiteral("unregister"), QStringLiteral("claude-desktop"),
                       QStringLiteral("--role"), QStringLiteral("admin")}
            << QByteArray("Unknown option 'role'. Run 'homewarden unregister --help' for the "
                          "usage.\n");
}

void tst_RegisterCli::refusesUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);
    const Run run = homewarden(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, error);
    QVERIFY(keys().isEmpty());
    QCOMPARE(configBytes(), OTHER_CONFIG);
}

void tst_RegisterCli::printsSnippetsForOtherClients()
{
    const Run run = homewarden({QStringLiteral("register"), QStringLiteral("--print-snippets")});
    QCOMPARE(run.exitCode, 0);
    const QString binary = QFileInfo(TestSupport::homewardenBinary()).canonicalFilePath();
    QVERIFY2(run.out.contains(QStringLiteral("claude mcp add --transport stdio homewarden -- %1 "
                                             "--stdio --client claude-code\n")
                                      .arg(binary)
                                      .toUtf8()),
            run.out.constData());
    QVERIFY(run.out.contains("\"servers\": {"));
    QVERIFY(run.out.contains(
            "URL: http://127.0.0.1:3001/mcp\nHeader: Authorization: Bearer <key>"));
    QVERIFY(!run.out.contains("hwk_"));
}

QTEST_GUILESS_MAIN(tst_RegisterCli)
#include "tst_registercli.moc"
