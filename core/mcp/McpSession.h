#pragma once

#include "JsonRpc.h"
#include "ProtocolRevision.h"
#include "ToolGate.h"
#include "ToolRegistry.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class ToolInvocation;
class ToolResult;

// One MCP conversation with one client, whatever carries it: the lifecycle (initialize,
// initialized, ping), tools/list, tools/call, logging/setLevel and notifications/cancelled.
// The transport feeds it JSON texts and delivers what messageReady() hands back.
class McpSession : public QObject
{
    Q_OBJECT

public:
    // RFC 5424 severities, as MCP's logging uses them.
    enum class LogLevel { Debug, Info, Notice, Warning, Error, Critical, Alert, Emergency };
    Q_ENUM(LogLevel)

    // Every tool call passes gate; caller is who the transport says is on the other end.
    McpSession(const ToolRegistry *tools, ToolGate *gate, const Caller &caller,
            QObject *parent = nullptr);

    // Handles one JSON text (one line of stdio, one POST body).
    void receive(const QByteArray &text);
    // The same for a message the transport has parsed already (HTTP looks at it first).
    void receiveMessage(const JsonRpc::Message &message);

    bool isInitialized() const { return m_initialized; }
    ProtocolRevision protocolRevision() const { return m_revision; }
    QString clientName() const { return m_clientName; }
    const Caller &caller() const { return m_caller; }
    void setCaller(const Caller &caller) { m_caller = caller; }
    int pendingCallCount() const { return int(m_inFlight.size()); }

    // Sends notifications/message when the client asked for this level or a more severe one.
    void log(LogLevel level, const QString &logger, const QString &message);

Q_SIGNALS:
    // One compact JSON-RPC message for the client. For a response, inReplyTo is the id of the
    // request it answers and isError tells an error response; for a notification inReplyTo
    // is undefined. (So that a transport routes answers without parsing them again.)
    void messageReady(const QByteArray &message,
            const QJsonValue &inReplyTo = QJsonValue(QJsonValue::Undefined), bool isError = false);

private:
    using ErrorCode = JsonRpc::ErrorCode;

    void handleRequest(const JsonRpc::Message &request);
    void handleNotification(const JsonRpc::Message &notification);

    void initialize(const JsonRpc::Message &request);
    void listTools(const JsonRpc::Message &request);
    void callTool(const JsonRpc::Message &request);
    void deliverToolResult(
            const QJsonValue &id, const ToolRegistry::Tool &tool, const ToolResult &result);
    void setLogLevel(const JsonRpc::Message &request);
    void cancelRequest(const QJsonObject &params);

    void reply(const QJsonValue &id, const QJsonObject &result);
    void replyError(const QJsonValue &id, ErrorCode code, const QString &message);

    const ToolRegistry *m_tools;
    ToolGate *m_gate;
    Caller m_caller;
    ProtocolRevision m_revision;
    QString m_clientName;
    bool m_initialized = false;
    bool m_loggingEnabled = false;
    LogLevel m_logLevel = LogLevel::Warning;
    QHash<QString, QPointer<ToolInvocation>> m_inFlight;
};
