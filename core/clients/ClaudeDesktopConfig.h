#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// Claude Desktop's claude_desktop_config.json: where it lives, and HomeWarden's one entry in
// it, mcpServers.homewarden = {"command": "/abs/homewarden", "args": ["--stdio", "--client",
// "claude-desktop"]}. The entry names no key: `--client` reads it from the OS keychain.
// Everything else in the file is the person's and stays as it is; a file that cannot be
// understood is never written over.
class ClaudeDesktopConfig
{
    Q_DECLARE_TR_FUNCTIONS(ClaudeDesktopConfig)

public:
    static constexpr char SERVER_NAME[] = "homewarden"; // the mcpServers entry
    static constexpr char CLIENT_NAME[] = "claude-desktop"; // keychain client:claude-desktop
    static constexpr char SERVERS_KEY[] = "mcpServers";
    static constexpr char BACKUP_INFIX[] = ".homewarden-backup-";

    // Linux ~/.config/Claude/claude_desktop_config.json (XDG_CONFIG_HOME honoured), macOS
    // ~/Library/Application Support/Claude/..., Windows %APPDATA%\Claude\...
    static QString defaultPath();
    // Whether Claude Desktop seems installed here (its config folder exists).
    static bool isDetected(const QString &path = defaultPath());

    // HomeWarden's entry: executable started with --stdio --client claude-desktop. A
    // stateDirectory (only when it is not the default one) goes into "env" as HOMEWARDEN_HOME,
    // so that the server Claude Desktop starts finds the key made in it.
    static QJsonObject serverEntry(
            const QString &executable, const QString &stateDirectory = QString());

    // The pure edits. config with mcpServers.homewarden set to entry (any old homewarden
    // entry replaced, every other server and key kept); nullopt and *error when mcpServers
    // is there but not an object.
    static std::optional<QJsonObject> withServer(
            const QJsonObject &config, const QJsonObject &entry, QString *error = nullptr);
    // config without mcpServers.homewarden (mcpServers itself stays, even when empty);
    // nullopt and *error as withServer().
    static std::optional<QJsonObject> withoutServer(
            const QJsonObject &config, QString *error = nullptr);
    // mcpServers.homewarden, or an empty object when there is none.
    static QJsonObject serverOf(const QJsonObject &config);

    // What the file holds now.
    struct Content
    {
        bool exists = false;
        QJsonObject config; // empty when the file does not exist or is empty
    };
    // nullopt and *error (one sentence: the file is kept as it is) when the file cannot be
    // read or is not a JSON object.
    static std::optional<Content> read(const QString &path, QString *error = nullptr);

    // path + ".homewarden-backup-yyyyMMdd-HHmmss" in local time, e.g.
    // claude_desktop_config.json.homewarden-backup-20261127-093000.
    static QString backupPath(const QString &path, const QDateTime &when);
    // Copies path to its backup (with "-2", "-3"... when that name is taken); returns the
    // backup's path, or an empty string and *error.
    static QString backup(const QString &path, const QDateTime &when, QString *error = nullptr);
    // Writes config atomically (QSaveFile), creating the folder when needed.
    static bool write(const QString &path, const QJsonObject &config, QString *error = nullptr);

private:
    static QString notAnObject();
};
