#include "StdioServerProcess.h"

#include "TestSupport.h"

#include <QJsonDocument>
#include <QTest>

StdioServerProcess::StdioServerProcess(const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
{
    m_process.setProgram(TestSupport::homewardenBinary());
    m_process.setArguments({QStringLiteral("--stdio")});
    m_process.setProcessEnvironment(environment);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &StdioServerProcess::readLines);
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process.readAllStandardError(); });
    m_process.start();
    m_process.waitForStarted();
}

StdioServerProcess::~StdioServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(3000))
            m_process.kill();
    }
}

void StdioServerProcess::send(const QJsonObject &message)
{
    m_process.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void StdioServerProcess::readLines()
{
    m_pending += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        m_messages.append(TestSupport::parseMessage(m_pending.left(newline)));
        m_pending.remove(0, newline + 1);
    }
}

bool StdioServerProcess::initialize()
{
    const int id = m_nextId++;
    send({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
            {QStringLiteral("method"), QStringLiteral("initialize")},
            {QStringLiteral("params"),
                    QJsonObject{{QStringLiteral("protocolVersion"), QStringLiteral("2025-11-25")},
                            {QStringLiteral("capabilities"), QJsonObject()},
                            {QStringLiteral("clientInfo"),
                                    QJsonObject{{QStringLiteral("name"), QStringLiteral("test")},
                                            {QStringLiteral("version"), QStringLiteral("1")}}}}}});
    const bool ok = response(id).contains(QLatin1String("result"));
    send({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("method"), QStringLiteral("notifications/initialized")}});
    return ok;
}

void StdioServerProcess::startToolCall(int id, const QString &name, const QJsonObject &arguments)
{
    send({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id},
            {QStringLiteral("method"), QStringLiteral("tools/call")},
            {QStringLiteral("params"),
                    QJsonObject{{QStringLiteral("name"), name},
                            {QStringLiteral("arguments"), arguments}}}});
}

QJsonObject StdioServerProcess::response(int id, int timeoutMs)
{
    QJsonObject found;
    [[maybe_unused]] const bool arrived = QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_messages.size(); ++i) {
                    if (m_messages.at(i).value(QLatin1String("id")).toInt(-1) == id) {
                        found = m_messages.takeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
    return found;
}

QJsonObject StdioServerProcess::callTool(const QString &name, const QJsonObject &arguments, int timeoutMs)
{
    const int id = m_nextId++;
    startToolCall(id, name, arguments);
    return response(id, timeoutMs).value(QLatin1String("result")).toObject();
}
