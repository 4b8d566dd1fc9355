#include "McpSession.h"

#include "HomeWardenVersion.h"
#include "ToolInvocation.h"
#include "ToolRegistry.h"

#include <QJsonArray>
#include <QMetaEnum>

namespace {

const QLatin1String LOG_LEVEL_NAMES[] = {
        QLatin1String("debug"),
        QLatin1String("info"),
        QLatin1String("notice"),
        QLatin1String("warning"),
        QLatin1String("error"),
        QLatin1String("critical"),
        QLatin1String("alert"),
        QLatin1String("emergency"),
};

QString levelName(McpSession::LogLevel level)
{
    return LOG_LEVEL_NAMES[static_cast<int>(level)];
}

bool levelFromName(const QString &name, McpSession::LogLevel *level)
{
    for (int i = 0; i < int(std::size(LOG_LEVEL_NAMES)); ++i) {
        if (name == LOG_LEVEL_NAMES[i]) {
            *level = static_cast<McpSession::LogLevel>(i);
            return true;
        }
    }
    return false;
}

QString serverInstructions()
{
    return QStringLiteral(
            "HomeWarden is the guarded gate to this home's Home Assistant and Loxone Miniserver. "
            "Every call is checked against the caller's key, rate limit and the kill switch, and "
            "is written to an audit trail. A refused call says why in one sentence; do not retry "
            "it unchanged. Call get_system_status to see what is connected.");
}

} // namespace

McpSession::McpSession(
        const ToolRegistry *tools, ToolGate *gate, const Caller &caller, QObject *parent)
    : QObject(parent)
    , m_tools(tools)
    , m_gate(gate)
    , m_caller(caller)
{ }

void McpSession::receive(const QByteArray &text)
{
    receiveMessage(JsonRpc::parse(text));
}

void McpSession::receiveMessage(const JsonRpc::Message &message)
{
    switch (message.kind) {
    case JsonRpc::Message::Kind::Invalid:
        replyError(message.id, message.errorCode, message.errorMessage);
        break;
    case JsonRpc::Message::Kind::Request:
        handleRequest(message);
        break;
    case JsonRpc::Message::Kind::Notification:
        handleNotification(message);
        break;
    case JsonRpc::Message::Kind::Response:
        // This server sends no requests, so there is nothing a response could answer.
        break;
    }
}

void McpSession::handleRequest(const JsonRpc::Message &request)
{
    const QString &method = request.method;
    if (method == QLatin1String("initialize"))
        return initialize(request);
    if (method == QLatin1String("ping"))
        return reply(request.id, {});
    if (!m_initialized)
        return replyError(request.id, ErrorCode::InvalidRequest,
                QStringLiteral("The session is not initialized: send initialize first."));
    if (method == QLatin1String("tools/list"))
        return listTools(request);
    if (method == QLatin1String("tools/call"))
        return callTool(request);
    if (method == QLatin1String("logging/setLevel"))
        return setLogLevel(request);
    replyError(request.id, ErrorCode::MethodNotFound,
            QStringLiteral("Method not found: %1").arg(method));
}

void McpSession::handleNotification(const JsonRpc::Message &notification)
{
    if (notification.method == QLatin1String("notifications/cancelled"))
        cancelRequest(notification.params);
    // notifications/initialized needs no action: initialize already readied the session.
    // Unknown notifications are ignored, as JSON-RPC asks.
}

void McpSession::initialize(const JsonRpc::Message &request)
{
    if (m_initialized)
        return replyError(request.id, ErrorCode::InvalidRequest,
                QStringLiteral("The session is already initialized."));
    const QJsonValue requested = request.params.value(QLatin1String("protocolVersion"));
    if (!requested.isString())
        return replyError(request.id, ErrorCode::InvalidParams,
                QStringLiteral("Invalid params: \"protocolVersion\" must be a string."));

    m_revision = ProtocolRevision::negotiate(requested.toString());
    m_clientName = request.params.value(QLatin1String("clientInfo"))
                           .toObject()
                           .value(QLatin1String("name"))
                           .toString();
    m_initialized = true;

    QJsonObject serverInfo{
            {QStringLiteral("name"), QStringLiteral(HOMEWARDEN_NAME)},
            {QStringLiteral("version"), QStringLiteral(HOMEWARDEN_VERSION)},
    };
    if (m_revision.hasStructuredToolOutput())
        serverInfo.insert(QStringLiteral("title"), QStringLiteral(HOMEWARDEN_DISPLAY_NAME));

    reply(request.id,
            {
                    {QStringLiteral("protocolVersion"), m_revision.toString()},
                    {QStringLiteral("capabilities"),
                            QJsonObject{
                                    {QStringLiteral("tools"),
                                            QJsonObject{{QStringLiteral("listChanged"), false}}},
                                    {QStringLiteral("logging"), QJsonObject{}},
                            }},
                    {QStringLiteral("serverInfo"), serverInfo},
                    {QStringLiteral("instructions"), serverInstructions()},
            });
}

void McpSession::listTools(const JsonRpc::Message &request)
{
    // Every tool fits on one page, so no cursor this server hands out can exist.
    if (request.params.contains(QLatin1String("cursor")))
        return replyError(request.id, ErrorCode::InvalidParams,
                QStringLiteral("Invalid params: unknown cursor."));
    Q_EMIT messageReady(
            JsonRpc::result(request.id, m_tools->listResult(m_revision)), request.id, false);
}

void McpSession::callTool(const JsonRpc::Message &request)
{
    const QJsonValue name = request.params.value(QLatin1String("name"));
    if (!name.isString())
        return replyError(request.id, ErrorCode::InvalidParams,
                QStringLiteral("Invalid params: \"name\" must be a string."));
    const ToolRegistry::Tool *tool = m_tools->find(name.toString());
    if (!tool)
        return replyError(request.id, ErrorCode::InvalidParams,
                QStringLiteral("Unknown tool: %1").arg(name.toString()));

    const QJsonValue arguments = request.params.value(QLatin1String("arguments"));
    if (!arguments.isUndefined() && !arguments.isNull() && !arguments.isObject())
        return replyError(request.id, ErrorCode::InvalidParams,
                QStringLiteral("Invalid params: \"arguments\" must be an object."));
    const QJsonObject argumentObject = arguments.toObject();

    const QString violation = tool->input.check(argumentObject);
    if (!violation.isEmpty()) {
        log(LogLevel::Warning, tool->definition.name, violation);
        if (m_revision.reportsArgumentErrorsAsToolResults())
            return reply(request.id, ToolResult::failure(violation).toJson(m_revision));
        return replyError(request.id, ErrorCode::InvalidParams, violation);
    }

    const QString key = JsonRpc::idKey(request.id);
    if (m_inFlight.contains(key))
        return replyError(request.id, ErrorCode::InvalidRequest,
                QStringLiteral("Invalid request: id %1 is already in use by a call "
                               "that has not finished.")
                        .arg(key.mid(1)));

    ToolCall call;
    call.tool = tool->definition.name;
    call.access = tool->definition.accessFor(argumentObject);
    call.arguments = argumentObject;
    call.caller = m_caller;
    const ToolGate::Admission admission = m_gate->admit(call);
    if (!admission.allowed) {
        log(LogLevel::Warning, call.tool, admission.reason);
        return reply(request.id, ToolResult::failure(admission.reason).toJson(m_revision));
    }

    auto *invocation =
            new ToolInvocation(call.tool, argumentObject, m_caller, admission.scope, this);
    m_inFlight.insert(key, invocation);
    const QJsonValue id = request.id;
    // The registry is fixed while serving, so the tool outlives the call.
    connect(invocation, &ToolInvocation::finished, this,
            [this, key, id, invocation, tool, call](const ToolResult &result) {
                m_inFlight.remove(key);
                invocation->deleteLater();
                m_gate->finished(call, result);
                deliverToolResult(id, *tool, result);
            });
    connect(invocation, &ToolInvocation::cancelled, this, [this, key, invocation, call] {
        m_inFlight.remove(key);
        invocation->deleteLater();
        m_gate->finished(call, ToolResult::failure(QStringLiteral("Cancelled by the client.")));
    });
    tool->definition.handler(invocation);
}

void McpSession::deliverToolResult(
        const QJsonValue &id, const ToolRegistry::Tool &tool, const ToolResult &result)
{
    // A result that breaks the tool's own outputSchema is our bug; clients would reject it
    // anyway, so say plainly that it is ours.
    if (!result.isError() && tool.output.isValid()) {
        const QString problem = tool.output.check(result.structuredContent());
        if (!problem.isEmpty()) {
            qWarning("Tool %s broke its output schema: %s", qPrintable(tool.definition.name),
                    qPrintable(problem));
            return replyError(id, ErrorCode::InternalError,
                    QStringLiteral("Internal error: %1 produced a result that does not "
                                   "match its output schema.")
                            .arg(tool.definition.name));
        }
    }
    reply(id, result.toJson(m_revision));
}

void McpSession::setLogLevel(const JsonRpc::Message &request)
{
    LogLevel level;
    if (!levelFromName(request.params.value(QLatin1String("level")).toString(), &level))
        return replyError(request.id, ErrorCode::InvalidParams,
                QStringLiteral("Invalid params: \"level\" must be one of debug, info, "
                               "notice, warning, error, critical, alert, emergency."));
    m_logLevel = level;
    m_loggingEnabled = true;
    reply(request.id, {});
}

void McpSession::cancelRequest(const QJsonObject &params)
{
    const QJsonValue id = params.value(QLatin1String("requestId"));
    if (!id.isString() && !id.isDouble())
        return;
    // An unknown id is normal: the call may have finished while the notice was on its way.
    if (QPointer<ToolInvocation> invocation = m_inFlight.value(JsonRpc::idKey(id)))
        invocation->cancel();
}

void McpSession::log(LogLevel level, const QString &logger, const QString &message)
{
    if (!m_loggingEnabled || level < m_logLevel)
        return;
    Q_EMIT messageReady(JsonRpc::notification(QStringLiteral("notifications/message"),
            {
                    {QStringLiteral("level"), levelName(level)},
                    {QStringLiteral("logger"), logger},
                    {QStringLiteral("data"), message},
            }));
}

void McpSession::reply(const QJsonValue &id, const QJsonObject &result)
{
    Q_EMIT messageReady(JsonRpc::result(id, result), id, false);
}

void McpSession::replyError(const QJsonValue &id, ErrorCode code, const QString &message)
{
    Q_EMIT messageReady(JsonRpc::error(id, code, message), id, true);
}
