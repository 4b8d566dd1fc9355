#include "ClaudeDesktopConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

constexpr char FILE_NAME[] = "claude_desktop_config.json";
// Claude Desktop's own file stays small; more than this is not its configuration.
constexpr qint64 MAX_FILE_BYTES = 16 * 1024 * 1024;
// How many same-second backups may pile up before backup() gives up.
constexpr int MAX_BACKUP_SUFFIX = 100;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

QString ClaudeDesktopConfig::notAnObject()
{
    return tr("\"mcpServers\" in Claude Desktop's configuration is not a JSON object, so "
              "HomeWarden did not change the file; fix it in an editor and try again.");
}

QString ClaudeDesktopConfig::defaultPath()
{
    QString folder;
#if defined(Q_OS_MACOS)
    folder = QDir::homePath() + QStringLiteral("/Library/Application Support/Claude");
#elif defined(Q_OS_WIN)
    // Claude Desktop keeps it in the roaming profile (%APPDATA%), not in Qt's LocalAppData.
    const QString appData = qEnvironmentVariable("APPDATA");
    folder = (appData.isEmpty() ? QDir::homePath() + QStringLiteral("/AppData/Roaming")
                                : QDir::fromNativeSeparators(appData))
            + QStringLiteral("/Claude");
#else
    // GenericConfigLocation honours XDG_CONFIG_HOME.
    folder = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
            + QStringLiteral("/Claude");
#endif
    return QDir(folder).filePath(QLatin1String(FILE_NAME));
}

bool ClaudeDesktopConfig::isDetected(const QString &path)
{
    return QFileInfo(path).absoluteDir().exists();
}

QJsonObject ClaudeDesktopConfig::serverEntry(
        const QString &executable, const QString &stateDirectory)
{
    QJsonObject entry{{QStringLiteral("command"), executable},
            {QStringLiteral("args"),
                    QJsonArray{QStringLiteral("--stdio"), QStringLiteral("--client"),
                            QLatin1String(CLIENT_NAME)}}};
    if (!stateDirectory.isEmpty()) {
        entry.insert(QStringLiteral("env"),
                QJsonObject{{QStringLiteral("HOMEWARDEN_HOME"), stateDirectory}});
    }
    return entry;
}

std::optional<QJsonObject> ClaudeDesktopConfig::withServer(
        const QJsonObject &config, const QJsonObject &entry, QString *error)
{
    const QJsonValue servers = config.value(QLatin1String(SERVERS_KEY));
    if (!servers.isUndefined() && !servers.isObject()) {
        if (error)
            *error = notAnObject();
        return std::nullopt;
    }
    QJsonObject merged = servers.toObject();
    merged.insert(QLatin1String(SERVER_NAME), entry);
    QJsonObject result = config;
    result.insert(QLatin1String(SERVERS_KEY), merged);
    return result;
}

std::optional<QJsonObject> ClaudeDesktopConfig::withoutServer(
        const QJsonObject &config, QString *error)
{
    const QJsonValue servers = config.value(QLatin1String(SERVERS_KEY));
    if (servers.isUndefined())
        return config;
    if (!servers.isObject()) {
        if (error)
            *error = notAnObject();
        return std::nullopt;
    }
    QJsonObject remaining = servers.toObject();
    remaining.remove(QLatin1String(SERVER_NAME));
    QJsonObject result = config;
    result.insert(QLatin1String(SERVERS_KEY), remaining);
    return result;
}

QJsonObject ClaudeDesktopConfig::serverOf(const QJsonObject &config)
{
    return config.value(QLatin1String(SERVERS_KEY))
            .toObject()
            .value(QLatin1String(SERVER_NAME))
            .toObject();
}

std::optional<ClaudeDesktopConfig::Content> ClaudeDesktopConfig::read(
        const QString &path, QString *error)
{
    Content content;
    QFile file(path);
    if (!file.exists())
        return content;
    content.exists = true;
    if (!file.open(QIODevice::ReadOnly) || file.size() > MAX_FILE_BYTES) {
        if (error)
            *error = tr("Claude Desktop's configuration %1 cannot be read (or is far too large "
                        "to be one); HomeWarden left it as it is.")
                             .arg(native(path));
        return std::nullopt;
    }
    const QByteArray text = file.readAll();
    // An empty file holds nothing that could be lost.
    if (text.trimmed().isEmpty())
        return content;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = tr("Claude Desktop's configuration %1 is not valid JSON (%2), so HomeWarden "
                        "did not change it; fix or move the file and try again.")
                             .arg(native(path),
                                     parseError.error != QJsonParseError::NoError
                                             ? tr("%1 at character %2")
                                                       .arg(parseError.errorString())
                                                       .arg(parseError.offset)
                                             : tr("not an object"));
        return std::nullopt;
    }
    content.config = document.object();
    return content;
}

QString ClaudeDesktopConfig::backupPath(const QString &path, const QDateTime &when)
{
    return path + QLatin1String(BACKUP_INFIX)
            + when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

QString ClaudeDesktopConfig::backup(const QString &path, const QDateTime &when, QString *error)
{
    const QString base = backupPath(path, when);
    for (int suffix = 1; suffix <= MAX_BACKUP_SUFFIX; ++suffix) {
        const QString candidate =
                suffix == 1 ? base : base + QLatin1Char('-') + QString::number(suffix);
        if (QFileInfo::exists(candidate))
            continue;
        if (QFile::copy(path, candidate))
            return candidate;
        break;
    }
    if (error)
        *error = tr("HomeWarden could not keep a backup of %1 beside it, so it did not change the "
                    "file; check that its folder can be written.")
                         .arg(native(path));
    return QString();
}

bool ClaudeDesktopConfig::write(const QString &path, const QJsonObject &config, QString *error)
{
    const QByteArray text = QJsonDocument(config).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly)
            || file.write(text) != text.size() || !file.commit()) {
        if (error)
            *error = tr("HomeWarden could not write Claude Desktop's configuration %1; check "
                        "that the file and its folder can be written.")
                             .arg(native(path));
        return false;
    }
    return true;
}
