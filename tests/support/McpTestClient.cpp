#include "McpTestClient.h"

#include "McpSession.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

McpTestClient::McpTestClient(McpSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &McpSession::messageReady, this, [this](const QByteArray &message) {
        m_received.append(TestSupport::parseMessage(message));
    });
}

QJsonObject McpTestClient::request(const QString &method, const QJsonObject &params, int timeoutMs)
{
    const int id = m_nextId++;
    m_session->receive(
            QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                  {QStringLiteral("id"), id}, {QStringLiteral("method"), method},
                                  {QStringLiteral("params"), params}})
                    .toJson(QJsonDocument::Compact));
    QJsonObject response;
    // No answer in time leaves response empty, which the test reports.
    [[maybe_unused]] const bool answered = QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_received.size(); ++i) {
                    if (m_received.at(i).value(QLatin1String("id")).toInt() == id) {
                        response = m_received.takeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
    return response;
}

bool McpTestClient::initialize(const QString &revision)
{
    const QJsonObject response = request(QStringLiteral("initialize"),
            {{QStringLiteral("protocolVersion"), revision},
                    {QStringLiteral("capabilities"), QJsonObject()},
                    {QStringLiteral("clientInfo"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("test")},
                                    {QStringLiteral("version"), QStringLiteral("1")}}}});
    m_session->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    return response.contains(QLatin1String("result"));
}

QJsonObject McpTestClient::callTool(
        const QString &name, const QJsonObject &arguments, int timeoutMs)
{
    return request(QStringLiteral("tools/call"),
            {{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}}, timeoutMs)
            .value(QLatin1String("result"))
            .toObject();
}

QString McpTestClient::text(const QJsonObject &result)
{
    return result.value(QLatin1String("content"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("text"))
            .toString();
}

bool McpTestClient::isError(const QJsonObject &result)
{
    return result.value(QLatin1String("isError")).toBool();
}

QJsonObject McpTestClient::structured(const QJsonObject &result)
{
    return result.value(QLatin1String("structuredContent")).toObject();
}

QJsonObject McpTestClient::callInNewSession(const ToolRegistry *tools, ToolGate *gate,
        const Caller &caller, const QString &name, const QJsonObject &arguments)
{
    McpSession session(tools, gate, caller);
    McpTestClient client(&session);
    if (!client.initialize())
        return {};
    return client.callTool(name, arguments);
}
