#pragma once

#include <QJsonObject>
#include <QString>

class McpSession;

namespace TestSupport {

// The path of the built `homewarden` binary.
QString homewardenBinary();

// Parses one JSON-RPC message produced by the server; fails the test on invalid JSON.
QJsonObject parseMessage(const QByteArray &text);

} // namespace TestSupport
