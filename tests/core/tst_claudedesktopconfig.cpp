#include "ClaudeDesktopConfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

// What registering with Claude Desktop does to the person's file: HomeWarden's entry goes in
// (or out) and nothing else of theirs changes; a file it cannot understand is never written
// over; the old content is kept in a backup first.
class tst_ClaudeDesktopConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void entryStartsTheClientWithoutAKey();
    void entryNamesAStateDirectoryOnlyWhenGiven();
    void mergeKeepsOtherServersAndKeys();
    void mergeReplacesAnOldHomewardenEntry();
    void mergeIntoAFileWithoutServers();
    void refusesServersThatAreNoObject_data();
    void refusesServersThatAreNoObject();
    void removeTakesOnlyOurs();
    void readRefusesWhatIsNoJsonObject_data();
    void readRefusesWhatIsNoJsonObject();
    void readTakesAMissingOrEmptyFileAsEmpty();
    void defaultPathFollowsXdgConfigHome();
    void backupKeepsTheOldContentUnderATimestamp();
    void writeCreatesTheFolderAndReadsBack();

private:
    QString configPath() const
    {
        return m_dir->filePath(QStringLiteral("claude_desktop_config.json"));
    }
    static QJsonObject parse(const char *json);
    void writeFile(const QByteArray &content) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

const QString EXECUTABLE = QStringLiteral("/opt/homewarden/bin/homewarden");

} // namespace

void tst_ClaudeDesktopConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ClaudeDesktopConfig::cleanup()
{
    qunsetenv("XDG_CONFIG_HOME");
}

QJsonObject tst_ClaudeDesktopConfig::parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

void tst_ClaudeDesktopConfig::writeFile(const QByteArray &content) const
{
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void tst_ClaudeDesktopConfig::entryStartsTheClientWithoutAKey()
{
    const QJsonObject entry = ClaudeDesktopConfig::serverEntry(EXECUTABLE);
    QCOMPARE(entry, parse(R"({"command": "/opt/homewarden/bin/homewarden",
                      "args": ["--stdio", "--client", "claude-desktop"]})"));
}

void tst_ClaudeDesktopConfig::entryNamesAStateDirectoryOnlyWhenGiven()
{
    const QJsonObject entry =
            ClaudeDesktopConfig::serverEntry(EXECUTABLE, QStringLiteral("/srv/hw"));
    QCOMPARE(entry.value(QLatin1String("env")).toObject(),
            parse(R"({"HOMEWARDEN_HOME": "/srv/hw"})"));
    QVERIFY(!ClaudeDesktopConfig::serverEntry(EXECUTABLE).contains(QLatin1String("env")));
}

void tst_ClaudeDesktopConfig::mergeKeepsOtherServersAndKeys()
{
    const QJsonObject before = parse(R"({
        "globalShortcut": "Ctrl+Space",
        "mcpServers": {"filesystem": {"command": "npx", "args": ["-y", "fs", "/home"],
                                      "env": {"TOKEN": "abc"}}},
        "preferences": {"theme": "dark"}})");
    QString error;
    const std::optional<QJsonObject> after = ClaudeDesktopConfig::withServer(
            before, ClaudeDesktopConfig::serverEntry(EXECUTABLE), &error);
    QVERIFY2(after, qPrintable(error));
    QJsonObject expected = before;
    QJsonObject servers = before.value(QLatin1String("mcpServers")).toObject();
    servers.insert(QStringLiteral("homewarden"), ClaudeDesktopConfig::serverEntry(EXECUTABLE));
    expected.insert(QStringLiteral("mcpServers"), servers);
    QCOMPARE(*after, expected);
}

void tst_ClaudeDesktopConfig::mergeReplacesAnOldHomewardenEntry()
{
    const QJsonObject before = parse(R"({"mcpServers": {
        "homewarden": {"command": "/old/homewarden", "args": ["--stdio"],
                       "env": {"HOMEWARDEN_API_KEY": "hwk_admin_001_secret"}},
        "other": {"command": "other"}}})");
    const std::optional<QJsonObject> after =
            ClaudeDesktopConfig::withServer(before, ClaudeDesktopConfig::serverEntry(EXECUTABLE));
    QVERIFY(after);
    // The old entry is replaced whole: no key it carried survives.
    QCOMPARE(ClaudeDesktopConfig::serverOf(*after), ClaudeDesktopConfig::serverEntry(EXECUTABLE));
    QCOMPARE(after->value(QLatin1String("mcpServers")).toObject().value(QLatin1String("other")),
            QJsonValue(parse(R"({"command": "other"})")));
    QVERIFY(!QJsonDocument(*after).toJson().contains("hwk_"));
}

void tst_ClaudeDesktopConfig::mergeIntoAFileWithoutServers()
{
    const std::optional<QJsonObject> after = ClaudeDesktopConfig::withServer(
            parse(R"({"theme": "light"})"), ClaudeDesktopConfig::serverEntry(EXECUTABLE));
    QVERIFY(after);
    QCOMPARE(after->value(QLatin1String("theme")).toString(), QStringLiteral("light"));
    QCOMPARE(ClaudeDesktopConfig::serverOf(*after), ClaudeDesktopConfig::serverEntry(EXECUTABLE));
}

void tst_ClaudeDesktopConfig::refusesServersThatAreNoObject_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array") << QByteArray(R"({"mcpServers": [{"command": "x"}]})");
    QTest::newRow("string") << QByteArray(R"({"mcpServers": "none"})");
    QTest::newRow("null") << QByteArray(R"({"mcpServers": null})");
}

void tst_ClaudeDesktopConfig::refusesServersThatAreNoObject()
{
    QFETCH(QByteArray, json);
    const QJsonObject config = QJsonDocument::fromJson(json).object();
    QString error;
    QVERIFY(!ClaudeDesktopConfig::withServer(
            config, ClaudeDesktopConfig::serverEntry(EXECUTABLE), &error));
    QCOMPARE(error,
            QStringLiteral("\"mcpServers\" in Claude Desktop's configuration is not a JSON "
                           "object, so HomeWarden did not change the file; fix it in an editor "
                           "and try again."));
    error.clear();
    QVERIFY(!ClaudeDesktopConfig::withoutServer(config, &error));
    QVERIFY(!error.isEmpty());
}

void tst_ClaudeDesktopConfig::removeTakesOnlyOurs()
{
    const QJsonObject before = parse(R"({"keep": 1, "mcpServers": {
        "homewarden": {"command": "/x/homewarden"}, "other": {"command": "other"}}})");
    const std::optional<QJsonObject> after = ClaudeDesktopConfig::withoutServer(before);
    QVERIFY(after);
    QCOMPARE(*after, parse(R"({"keep": 1, "mcpServers": {"other": {"command": "other"}}})"));
    // Nothing to remove is no change.
    QCOMPARE(*ClaudeDesktopConfig::withoutServer(*after), *after);
    QCOMPARE(*ClaudeDesktopConfig::withoutServer(parse(R"({"keep": 1})")), parse(R"({"keep": 1})"));
}

void tst_ClaudeDesktopConfig::readRefusesWhatIsNoJsonObject_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("why");
    QTest::newRow("trailing comma") << QByteArray(
            R"({"a": 1,})") << QStringLiteral("object is missing after a comma at character 9");
    QTest::newRow("cut off") << QByteArray(R"({"mcpServers": {"a": {"command": "a"}})")
                             << QStringLiteral("unterminated object at character 38");
    QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not an object");
}

void tst_ClaudeDesktopConfig::readRefusesWhatIsNoJsonObject()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, why);
    writeFile(content);
    QString error;
    QVERIFY(!ClaudeDesktopConfig::read(configPath(), &error));
    QCOMPARE(error,
            QStringLiteral("Claude Desktop's configuration %1 is not valid JSON (%2), so "
                           "HomeWarden did not change it; fix or move the file and try again.")
                    .arg(QDir::toNativeSeparators(configPath()), why));
}

void tst_ClaudeDesktopConfig::readTakesAMissingOrEmptyFileAsEmpty()
{
    std::optional<ClaudeDesktopConfig::Content> content = ClaudeDesktopConfig::read(configPath());
    QVERIFY(content);
    QVERIFY(!content->exists);
    QVERIFY(content->config.isEmpty());

    writeFile(" \n");
    content = ClaudeDesktopConfig::read(configPath());
    QVERIFY(content);
    QVERIFY(content->exists);
    QVERIFY(content->config.isEmpty());

    writeFile(R"({"mcpServers": {"a": {"command": "a"}}})");
    content = ClaudeDesktopConfig::read(configPath());
    QVERIFY(content);
    QCOMPARE(content->config, parse(R"({"mcpServers": {"a": {"command": "a"}}})"));
}

void tst_ClaudeDesktopConfig::defaultPathFollowsXdgConfigHome()
{
#if defined(Q_OS_LINUX)
    const QString config = m_dir->filePath(QStringLiteral("xdg"));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config));
    const QString expected = config + QStringLiteral("/Claude/claude_desktop_config.json");
    QCOMPARE(ClaudeDesktopConfig::defaultPath(), expected);
    // Detected once Claude Desktop made its folder, file or not.
    QVERIFY(!ClaudeDesktopConfig::isDetected());
    QVERIFY(QDir().mkpath(config + QStringLiteral("/Claude")));
    QVERIFY(ClaudeDesktopConfig::isDetected());
    QVERIFY(!QFileInfo::exists(expected));
#else
    QSKIP("XDG_CONFIG_HOME applies on Linux only");
#endif
}

void tst_ClaudeDesktopConfig::backupKeepsTheOldContentUnderATimestamp()
{
    const QByteArray old = "{\n  \"mcpServers\": {}, \"odd\"  :  [1,2]\n}\n";
    writeFile(old);
    const QDateTime when(QDate(2026, 11, 27), QTime(9, 30, 0), Qt::LocalTime);
    QString error;
    const QString first = ClaudeDesktopConfig::backup(configPath(), when, &error);
    QCOMPARE(first, configPath() + QStringLiteral(".homewarden-backup-20261127-093000"));
    QFile copy(first);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), old); // byte for byte, not re-serialised
    // A second backup in the same second does not overwrite the first.
    const QString second = ClaudeDesktopConfig::backup(configPath(), when, &error);
    QCOMPARE(second, first + QStringLiteral("-2"));
    // Nothing to back up is an error, not an empty backup.
    QVERIFY(ClaudeDesktopConfig::backup(
            m_dir->filePath(QStringLiteral("missing.json")), when, &error)
                    .isEmpty());
    QVERIFY(error.startsWith(QStringLiteral("HomeWarden could not keep a backup of ")));
}

void tst_ClaudeDesktopConfig::writeCreatesTheFolderAndReadsBack()
{
    const QString path = m_dir->filePath(QStringLiteral("Claude/claude_desktop_config.json"));
    const QJsonObject config = parse(R"({"mcpServers": {"homewarden": {"command": "/x"}}})");
    QString error;
    QVERIFY2(ClaudeDesktopConfig::write(path, config, &error), qPrintable(error));
    const std::optional<ClaudeDesktopConfig::Content> content = ClaudeDesktopConfig::read(path);
    QVERIFY(content);
    QCOMPARE(content->config, config);
    // No temporary file is left beside it.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
            QStringList{QStringLiteral("claude_desktop_config.json")});
}

QTEST_GUILESS_MAIN(tst_ClaudeDesktopConfig)
#include "tst_claudedesktopconfig.moc"
