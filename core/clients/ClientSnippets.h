#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

struct ServerSettings;

// Ready-to-copy text that connects MCP clients other than Claude Desktop, for the setup
// wizard and `homewarden register --print-snippets`. The local clients start
// `homewarden --stdio --client NAME`, which reads the key from the keychain entry client:NAME
// (storeKeyCommand() puts one there), so no snippet ever holds a key; the remote one names a
// placeholder for it.
class ClientSnippets
{
    Q_DECLARE_TR_FUNCTIONS(ClientSnippets)

public:
    // The --client names of the snippets (keychain entries client:NAME).
    static constexpr char CLAUDE_CODE[] = "claude-code";
    static constexpr char VS_CODE[] = "vscode";
    static constexpr char CURSOR[] = "cursor";

    struct Snippet
    {
        QString title; // "Claude Code"
        QString text; // what to copy
        QString note; // one sentence on where it goes
    };

    // claude mcp add --transport stdio homewarden -- /path/homewarden --stdio --client claude-code
    static QString claudeCode(const QString &executable);
    // .vscode/mcp.json: {"servers": {"homewarden": {"type": "stdio", "command", "args"}}}
    static QString vsCode(const QString &executable);
    // ~/.cursor/mcp.json: {"mcpServers": {"homewarden": {"command", "args"}}}
    static QString cursor(const QString &executable);
    // The Streamable HTTP endpoint of settings, e.g. http://127.0.0.1:3001/mcp. A wildcard
    // address (0.0.0.0, ::) is named by this computer's host name.
    static QString httpUrl(const ServerSettings &settings, bool tls = false);
    // The URL and the header a remote client sends: Authorization: Bearer <key>.
    static QString streamableHttp(const ServerSettings &settings, bool tls = false);
    // The shell command that makes a key of role and stores it as client:clientName.
    static QString storeKeyCommand(const QString &executable, const QString &clientName,
            const QString &role = QStringLiteral("operator"));

    // Every snippet above, in the order the wizard shows them.
    static QList<Snippet> all(
            const QString &executable, const ServerSettings &settings, bool tls = false);

private:
    // The stdio entry's arguments for clientName.
    static QStringList stdioArguments(const QString &clientName);
    static QString shellQuoted(const QString &argument);
};
