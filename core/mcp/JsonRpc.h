#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// JSON-RPC 2.0 as MCP uses it: one message per JSON text, no batches.
namespace JsonRpc {

enum class ErrorCode : int {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    // Implementation-defined server errors, as the MCP SDKs use them over HTTP.
    ServerError = -32000, // refused: no key, forbidden, rate limit, ...
    SessionNotFound = -32001,
};

// One incoming message, already checked against the JSON-RPC 2.0 rules. A message that breaks
// them is Kind::Invalid and carries the error to answer with (and the id, when one could be read).
struct Message
{
    enum class Kind { Request, Notification, Response, Invalid };

    Kind kind = Kind::Invalid;
    QJsonValue id; // string or number for requests and responses; null when unknown
    QString method;
    QJsonObject params;
    ErrorCode errorCode = ErrorCode::InvalidRequest;
    QString errorMessage;

    bool isValid() const { return kind != Kind::Invalid; }
};

// Parses one JSON text (without its line terminator).
Message parse(const QByteArray &text);

// The compact JSON text of a response, an error response and a notification.
QByteArray result(const QJsonValue &id, const QJsonObject &result);
// The same with a result that is compact JSON text already (a cached one).
QByteArray result(const QJsonValue &id, const QByteArray &compactResult);
QByteArray error(const QJsonValue &id, ErrorCode code, const QString &message,
        const QJsonValue &data = QJsonValue::Undefined);
QByteArray notification(const QString &method, const QJsonObject &params);

// A request id as a hash key that keeps 1 and "1" apart.
QString idKey(const QJsonValue &id);

} // namespace JsonRpc
