#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class McpSession;

namespace TestSupport {

// The path of the built `homewarden` binary.
QString homewardenBinary();

// Makes a key the way a person does (`homewarden keys generate`) in the state directory home;
// returns the key text, or an empty string (with a warning) on failure.
QString generateKey(const QString &home, const QString &role, const QStringList &extra = {});

// The environment of a `homewarden` child: the state directory, and the key when given.
QProcessEnvironment serverEnvironment(const QString &home, const QString &key = {});

// One run of `homewarden arguments` with environment, input on its stdin: its exit code (-1
// when it crashed or did not end within 30 s) and what it printed.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
CliRun runHomewarden(const QStringList &arguments, const QProcessEnvironment &environment,
        const QByteArray &input = {});

// Parses one JSON-RPC message produced by the server; fails the test on invalid JSON.
QJsonObject parseMessage(const QByteArray &text);

} // namespace TestSupport
