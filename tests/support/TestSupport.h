#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

class McpSession;

namespace TestSupport {

// The path of the built `homewarden` binary.
QString homewardenBinary();

// Makes a key the way a person does (`homewarden keys generate`) in the state directory home;
// returns the key text, or an empty string (with a warning) on failure.
QString generateKey(const QString &home, const QString &role, const QStringList &extra = {});

// The environment of a `homewarden` child: the state directory, and the key when given.
QProcessEnvironment serverEnvironment(const QString &home, const QString &key = {});

// Parses one JSON-RPC message produced by the server; fails the test on invalid JSON.
QJsonObject parseMessage(const QByteArray &text);

} // namespace TestSupport
