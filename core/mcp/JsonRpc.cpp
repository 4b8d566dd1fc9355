#include "JsonRpc.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace JsonRpc {

namespace {

Message invalid(ErrorCode code, const QString &message, const QJsonValue &id = QJsonValue::Null)
{
    Message m;
    m.kind = Message::Kind::Invalid;
    m.errorCode = code;
    m.errorMessage = message;
    m.id = id;
    return m;
}

QString describeParseError(const QJsonParseError &error)
{
    switch (error.error) {
    case QJsonParseError::IllegalUTF8String:
        return QStringLiteral("Parse error: the message is not valid UTF-8 (byte offset %1).")
                .arg(error.offset);
    case QJsonParseError::DeepNesting:
        return QStringLiteral("Parse error: the message is nested too deeply.");
    default:
        return QStringLiteral("Parse error: %1 at byte offset %2.")
                .arg(error.errorString())
                .arg(error.offset);
    }
}

bool isValidId(const QJsonValue &id)
{
    // MCP narrows JSON-RPC: request ids are strings or numbers, never null.
    return id.isString() || id.isDouble();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Message parse(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(ErrorCode::ParseError, describeParseError(parseError));
    if (document.isArray()) {
        return invalid(ErrorCode::InvalidRequest,
                QStringLiteral("Invalid request: JSON-RPC batches are not supported by "
                               "MCP; send one message per line."));
    }
    if (!document.isObject())
        return invalid(ErrorCode::InvalidRequest,
                QStringLiteral("Invalid request: a message must be a JSON object."));

    const QJsonObject object = document.object();
    const QJsonValue id = object.value(QLatin1String("id"));
    const bool hasId = object.contains(QLatin1String("id"));
    const QJsonValue idForReply = isValidId(id) ? id : QJsonValue(QJsonValue::Null);

    if (object.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0"))
        return invalid(ErrorCode::InvalidRequest,
                QStringLiteral("Invalid request: \"jsonrpc\" must be \"2.0\"."), idForReply);
    if (hasId && !isValidId(id))
        return invalid(ErrorCode::InvalidRequest,
                QStringLiteral("Invalid request: \"id\" must be a string or a number."));

    const QJsonValue method = object.value(QLatin1String("method"));
    if (method.isUndefined()) {
        if (hasId
                && (object.contains(QLatin1String("result"))
                        || object.contains(QLatin1String("error")))) {
            Message m;
            m.kind = Message::Kind::Response;
            m.id = id;
            return m;
        }
        return invalid(ErrorCode::InvalidRequest,
                QStringLiteral("Invalid request: \"method\" is missing."), idForReply);
    }
    if (!method.isString() || method.toString().isEmpty())
        return invalid(ErrorCode::InvalidRequest,
                QStringLiteral("Invalid request: \"method\" must be a non-empty string."),
                idForReply);

    const QJsonValue params = object.value(QLatin1String("params"));
    if (!params.isUndefined() && !params.isObject()) {
        // JSON-RPC would allow an array here; every MCP method takes named parameters.
        return invalid(ErrorCode::InvalidParams,
                QStringLiteral("Invalid params: \"params\" must be a JSON object."), idForReply);
    }

    Message m;
    m.kind = hasId ? Message::Kind::Request : Message::Kind::Notification;
    m.id = hasId ? id : QJsonValue(QJsonValue::Null);
    m.method = method.toString();
    m.params = params.toObject();
    return m;
}

QByteArray result(const QJsonValue &id, const QJsonObject &result)
{
    return compact({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
            {QStringLiteral("result"), result}});
}

QByteArray result(const QJsonValue &id, const QByteArray &compactResult)
{
    // The id as JSON text: an array of it, without the brackets.
    const QByteArray idText = QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact);
    return "{\"id\":" + idText.mid(1, idText.size() - 2)
            + ",\"jsonrpc\":\"2.0\",\"result\":" + compactResult + '}';
}

QByteArray error(
        const QJsonValue &id, ErrorCode code, const QString &message, const QJsonValue &data)
{
    QJsonObject error{
            {QStringLiteral("code"), static_cast<int>(code)}, {QStringLiteral("message"), message}};
    if (!data.isUndefined())
        error.insert(QStringLiteral("data"), data);
    return compact({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
            {QStringLiteral("error"), error}});
}

QByteArray notification(const QString &method, const QJsonObject &params)
{
    return compact({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("method"), method}, {QStringLiteral("params"), params}});
}

QString idKey(const QJsonValue &id)
{
    if (id.isString())
        return QLatin1Char('s') + id.toString();
    return QLatin1Char('n') + QString::number(id.toDouble(), 'g', 17);
}

} // namespace JsonRpc
