#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>

class McpSession;
class ToolGate;
class ToolRegistry;
struct Caller;

// Speaks to an McpSession in-process as a client would: initialize once, then tool calls
// whose results may arrive later (backend calls are asynchronous).
class McpTestClient : public QObject
{
    Q_OBJECT

public:
    explicit McpTestClient(McpSession *session, QObject *parent = nullptr);

    // initialize + notifications/initialized for revision; false when the session refused.
    bool initialize(const QString &revision = QStringLiteral("2025-11-25"));
    // The CallToolResult of name(arguments), or an empty object when none came within
    // timeoutMs (the test then fails on it).
    QJsonObject callTool(
            const QString &name, const QJsonObject &arguments = {}, int timeoutMs = 10000);
    // A JSON-RPC request; the whole response.
    QJsonObject request(const QString &method, const QJsonObject &params, int timeoutMs = 10000);

    // One tool call in a fresh session of caller (initialize, call), as a client that connects
    // for one question does; the CallToolResult, or an empty object.
    static QJsonObject callInNewSession(const ToolRegistry *tools, ToolGate *gate,
            const Caller &caller, const QString &name, const QJsonObject &arguments = {});

    // Convenience readers of a CallToolResult.
    static QString text(const QJsonObject &result);
    static bool isError(const QJsonObject &result);
    static QJsonObject structured(const QJsonObject &result);

private:
    McpSession *m_session;
    QList<QJsonObject> m_received;
    int m_nextId = 1;
};
