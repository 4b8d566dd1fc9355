#include "ClientSnippets.h"

#include "ClaudeDesktopConfig.h"
#include "ServerSettings.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

QStringList ClientSnippets::stdioArguments(const QString &clientName)
{
    return {QStringLiteral("--stdio"), QStringLiteral("--client"), clientName};
}

QString ClientSnippets::shellQuoted(const QString &argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (plain.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString ClientSnippets::claudeCode(const QString &executable)
{
    QStringList words{QStringLiteral("claude"), QStringLiteral("mcp"), QStringLiteral("add"),
            QStringLiteral("--transport"), QStringLiteral("stdio"),
            QLatin1String(ClaudeDesktopConfig::SERVER_NAME), QStringLiteral("--"),
            shellQuoted(executable)};
    for (const QString &argument : stdioArguments(QLatin1String(CLAUDE_CODE)))
        words.append(shellQuoted(argument));
    return words.join(QLatin1Char(' '));
}

QString ClientSnippets::vsCode(const QString &executable)
{
    const QJsonObject server{{QStringLiteral("type"), QStringLiteral("stdio")},
            {QStringLiteral("command"), executable},
            {QStringLiteral("args"),
                    QJsonArray::fromStringList(stdioArguments(QLatin1String(VS_CODE)))}};
    const QJsonObject file{{QStringLiteral("servers"),
            QJsonObject{{QLatin1String(ClaudeDesktopConfig::SERVER_NAME), server}}}};
    return QString::fromUtf8(QJsonDocument(file).toJson(QJsonDocument::Indented)).trimmed();
}

QString ClientSnippets::cursor(const QString &executable)
{
    const QJsonObject server{{QStringLiteral("command"), executable},
            {QStringLiteral("args"),
                    QJsonArray::fromStringList(stdioArguments(QLatin1String(CURSOR)))}};
    const QJsonObject file{{QLatin1String(ClaudeDesktopConfig::SERVERS_KEY),
            QJsonObject{{QLatin1String(ClaudeDesktopConfig::SERVER_NAME), server}}}};
    return QString::fromUtf8(QJsonDocument(file).toJson(QJsonDocument::Indented)).trimmed();
}

QString ClientSnippets::httpUrl(const ServerSettings &settings, bool tls)
{
    const QHostAddress &address = settings.address;
    QString host;
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6
            || address == QHostAddress::Any) {
        host = QHostInfo::localHostName();
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        host = QLatin1Char('[') + address.toString() + QLatin1Char(']');
    } else {
        host = address.toString();
    }
    return QStringLiteral("%1://%2:%3/mcp")
            .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
            .arg(settings.port);
}

QString ClientSnippets::streamableHttp(const ServerSettings &settings, bool tls)
{
    return tr("URL: %1\nHeader: Authorization: Bearer <key>").arg(httpUrl(settings, tls));
}

QString ClientSnippets::storeKeyCommand(
        const QString &executable, const QString &clientName, const QString &role)
{
    const QString program = shellQuoted(executable);
    return QStringLiteral("%1 keys generate --role %2 --name %3 | %1 secrets set %4")
            .arg(program, shellQuoted(role), shellQuoted(clientName),
                    shellQuoted(QStringLiteral("client:") + clientName));
}

QList<ClientSnippets::Snippet> ClientSnippets::all(
        const QString &executable, const ServerSettings &settings, bool tls)
{
    const auto keyFirst = [&executable](const char *clientName) {
        return tr("First store its key: %1")
                .arg(storeKeyCommand(executable, QLatin1String(clientName)));
    };
    return {
            {tr("Claude Code"), claudeCode(executable), keyFirst(CLAUDE_CODE)},
            {tr("VS Code (.vscode/mcp.json)"), vsCode(executable), keyFirst(VS_CODE)},
            {tr("Cursor (~/.cursor/mcp.json)"), cursor(executable), keyFirst(CURSOR)},
            {tr("Remote clients (Streamable HTTP)"), streamableHttp(settings, tls),
                    tr("Make a key for it with '%1 keys generate --role operator --name NAME' "
                       "and put it in place of <key>; the tray's server must be on.")
                            .arg(shellQuoted(executable))},
    };
}
