#include "McpSession.h"
#include "ToolInvocation.h"
#include "ToolRegistry.h"

#include "OpenGate.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTest>

namespace {

QJsonObject schemaWithLimit()
{
    return QJsonDocument::fromJson(R"({
        "type": "object",
        "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": 10}},
        "additionalProperties": false
    })")
            .object();
}

} // namespace

// Drives one session the way a transport would and keeps what it says.
class SessionHarness
{
public:
    explicit SessionHarness(const ToolRegistry *tools)
        : session(tools, &gate, OpenGate::stdioCaller())
    {
        QObject::connect(&session, &McpSession::messageReady, &session,
                [this](const QByteArray &m) { sent.append(TestSupport::parseMessage(m)); });
    }

    QJsonObject request(int id, const QString &method, const QJsonObject &params = {})
    {
        const qsizetype before = sent.size();
        session.receive(QJsonDocument(
                QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), id}, {QStringLiteral("method"), method},
                        {QStringLiteral("params"), params}})
                                .toJson(QJsonDocument::Compact));
        return sent.size() > before ? sent.constLast() : QJsonObject();
    }

    void notify(const QString &method, const QJsonObject &params = {})
    {
        session.receive(QJsonDocument(
                QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("method"), method}, {QStringLiteral("params"), params}})
                                .toJson(QJsonDocument::Compact));
    }

    QJsonObject initialize(const QString &revision = QStringLiteral("2025-11-25"))
    {
        QJsonObject reply = request(0, QStringLiteral("initialize"),
                {{QStringLiteral("protocolVersion"), revision},
                        {QStringLiteral("capabilities"), QJsonObject()},
                        {QStringLiteral("clientInfo"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("test")},
                                        {QStringLiteral("version"), QStringLiteral("1")}}}});
        notify(QStringLiteral("notifications/initialized"));
        return reply;
    }

    QJsonObject callTool(int id, const QString &name, const QJsonObject &arguments = {})
    {
        return request(id, QStringLiteral("tools/call"),
                {{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}});
    }

    OpenGate gate;
    McpSession session;
    QList<QJsonObject> sent;
};

static int errorCode(const QJsonObject &reply)
{
    return reply.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt();
}

static QString errorMessage(const QJsonObject &reply)
{
    return reply.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("message"))
            .toString();
}

static QJsonObject resultOf(const QJsonObject &reply)
{
    return reply.value(QLatin1String("result")).toObject();
}

class tst_McpSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void negotiatesEachSupportedRevision_data();
    void negotiatesEachSupportedRevision();
    void answersAnUnknownRevisionWithTheLatest();
    void refusesInitializeWithoutAVersion();
    void refusesASecondInitialize();
    void refusesWorkBeforeInitialize();
    void answersPingAtAnyTime();
    void answersEveryStandardErrorCode();

    void listsToolsAsEachRevisionExpects_data();
    void listsToolsAsEachRevisionExpects();
    void refusesAnUnknownCursor();
    void callsATool();
    void reportsArgumentErrorsAsTheRevisionExpects_data();
    void reportsArgumentErrorsAsTheRevisionExpects();
    void refusesArgumentsThatAreNotAnObject();
    void omitsStructuredContentBeforeItExisted();

    void logsOnlyAtTheRequestedLevel();
    void refusesAnUnknownLogLevel();

    void answersAnAsynchronousToolLater();
    void dropsTheAnswerOfACancelledCall();
    void refusesAnIdThatIsStillInFlight();
    void ignoresResponsesAndUnknownNotifications();

    void passesEveryCallThroughTheGate();
    void refusedCallsNeverReachTheTool();

private:
    ToolRegistry m_tools;
    QPointer<ToolInvocation> m_parked; // the last call of the "slow" tool, waiting to finish
    bool m_brokenOutput = false;
    int m_switchRuns = 0;
};

void tst_McpSession::init()
{
    m_tools = ToolRegistry();
    m_brokenOutput = false;

    ToolDefinition echo;
    echo.name = QStringLiteral("count");
    echo.title = QStringLiteral("Count");
    echo.description = QStringLiteral("Returns the limit it was given.");
    echo.inputSchema = schemaWithLimit();
    echo.outputSchema = QJsonDocument::fromJson(R"({
        "type": "object", "properties": {"limit": {"type": "integer"}}, "required": ["limit"]
    })")
                                .object();
    echo.annotations.readOnly = true;
    echo.handler = [this](ToolInvocation *invocation) {
        const int limit = invocation->arguments().value(QLatin1String("limit")).toInt(1);
        const QJsonObject structured = m_brokenOutput
                ? QJsonObject{{QStringLiteral("limit"), QStringLiteral("many")}}
                : QJsonObject{{QStringLiteral("limit"), limit}};
        invocation->finish(ToolResult::success(QString::number(limit), structured));
    };
    QVERIFY(m_tools.add(echo));

    ToolDefinition slow;
    slow.name = QStringLiteral("slow");
    slow.title = QStringLiteral("Slow");
    slow.description = QStringLiteral("Finishes when the test says so.");
    slow.inputSchema = {{QStringLiteral("type"), QStringLiteral("object")}};
    slow.handler = [this](ToolInvocation *invocation) { m_parked = invocation; };
    QVERIFY(m_tools.add(slow));

    ToolDefinition control;
    control.name = QStringLiteral("switch");
    control.title = QStringLiteral("Switch");
    control.description = QStringLiteral("Switches a device.");
    control.inputSchema = QJsonDocument::fromJson(R"({
        "type": "object", "properties": {"device_id": {"type": "string"}}, "required": ["device_id"]
    })")
                                  .object();
    control.access = AccessRequest::Kind::Control;
    control.targetArgument = QStringLiteral("device_id");
    control.handler = [this](ToolInvocation *invocation) {
        ++m_switchRuns;
        invocation->finish(ToolResult::success(QStringLiteral("switched")));
    };
    QVERIFY(m_tools.add(control));
    m_switchRuns = 0;
}

void tst_McpSession::negotiatesEachSupportedRevision_data()
{
    QTest::addColumn<QString>("revision");
    for (const QString &revision : ProtocolRevision::supported())
        QTest::newRow(qPrintable(revision)) << revision;
}

void tst_McpSession::negotiatesEachSupportedRevision()
{
    QFETCH(QString, revision);
    SessionHarness client(&m_tools);
    const QJsonObject result = resultOf(client.initialize(revision));

    QCOMPARE(result.value(QLatin1String("protocolVersion")).toString(), revision);
    const QJsonObject serverInfo = result.value(QLatin1String("serverInfo")).toObject();
    QCOMPARE(serverInfo.value(QLatin1String("name")).toString(), QStringLiteral("homewarden"));
    QVERIFY(!serverInfo.value(QLatin1String("version")).toString().isEmpty());
    const QJsonObject capabilities = result.value(QLatin1String("capabilities")).toObject();
    QVERIFY(capabilities.contains(QLatin1String("tools")));
    QVERIFY(capabilities.contains(QLatin1String("logging")));
    QVERIFY(client.session.isInitialized());
    QCOMPARE(client.session.clientName(), QStringLiteral("test"));
}

void tst_McpSession::answersAnUnknownRevisionWithTheLatest()
{
    SessionHarness client(&m_tools);
    const QJsonObject result = resultOf(client.initialize(QStringLiteral("2099-01-01")));
    QCOMPARE(result.value(QLatin1String("protocolVersion")).toString(), ProtocolRevision::latest());
}

void tst_McpSession::refusesInitializeWithoutAVersion()
{
    SessionHarness client(&m_tools);
    const QJsonObject reply = client.request(1, QStringLiteral("initialize"), {});
    QCOMPARE(errorCode(reply), -32602);
    QVERIFY(errorMessage(reply).contains(QLatin1String("protocolVersion")));
    QVERIFY(!client.session.isInitialized());
}

void tst_McpSession::refusesASecondInitialize()
{
    SessionHarness client(&m_tools);
    client.initialize(QStringLiteral("2025-06-18"));
    QCOMPARE(errorCode(client.initialize()), -32600);
    QCOMPARE(client.session.protocolRevision().toString(), QStringLiteral("2025-06-18"));
}

void tst_McpSession::refusesWorkBeforeInitialize()
{
    SessionHarness client(&m_tools);
    const QJsonObject reply = client.request(1, QStringLiteral("tools/list"));
    QCOMPARE(errorCode(reply), -32600);
    QVERIFY(errorMessage(reply).contains(QLatin1String("initialize")));
    QCOMPARE(errorCode(client.callTool(2, QStringLiteral("count"))), -32600);
}

void tst_McpSession::answersPingAtAnyTime()
{
    SessionHarness client(&m_tools);
    QJsonObject reply = client.request(5, QStringLiteral("ping"));
    QCOMPARE(reply.value(QLatin1String("id")).toInt(), 5);
    QVERIFY(reply.value(QLatin1String("result")).isObject());
    client.initialize();
    QVERIFY(client.request(6, QStringLiteral("ping")).contains(QLatin1String("result")));
}

void tst_McpSession::answersEveryStandardErrorCode()
{
    SessionHarness client(&m_tools);
    client.initialize();

    client.session.receive("{oops");
    QCOMPARE(errorCode(client.sent.constLast()), -32700);
    client.session.receive(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])");
    QCOMPARE(errorCode(client.sent.constLast()), -32600);
    QCOMPARE(errorCode(client.request(3, QStringLiteral("resources/list"))), -32601);
    QCOMPARE(errorCode(client.callTool(4, QStringLiteral("no_such_tool"))), -32602);
    m_brokenOutput = true;
    const QJsonObject broken = client.callTool(5, QStringLiteral("count"));
    QCOMPARE(errorCode(broken), -32603);
    QVERIFY(errorMessage(broken).contains(QLatin1String("output schema")));
}

void tst_McpSession::listsToolsAsEachRevisionExpects_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<bool>("annotations");
    QTest::addColumn<bool>("structured");

    QTest::newRow("2025-11-25") << QStringLiteral("2025-11-25") << true << true;
    QTest::newRow("2025-06-18") << QStringLiteral("2025-06-18") << true << true;
    QTest::newRow("2025-03-26") << QStringLiteral("2025-03-26") << true << false;
    QTest::newRow("2024-11-05") << QStringLiteral("2024-11-05") << false << false;
}

void tst_McpSession::listsToolsAsEachRevisionExpects()
{
    QFETCH(QString, revision);
    QFETCH(bool, annotations);
    QFETCH(bool, structured);

    SessionHarness client(&m_tools);
    client.initialize(revision);
    const QJsonArray tools = resultOf(client.request(1, QStringLiteral("tools/list")))
                                     .value(QLatin1String("tools"))
                                     .toArray();
    QCOMPARE(tools.size(), 3);
    const QJsonObject count = tools.at(0).toObject();
    QCOMPARE(count.value(QLatin1String("name")).toString(), QStringLiteral("count"));
    // The advertised input schema is the very one arguments are checked against.
    QCOMPARE(count.value(QLatin1String("inputSchema")).toObject(), schemaWithLimit());
    QCOMPARE(count.contains(QLatin1String("annotations")), annotations);
    QCOMPARE(count.contains(QLatin1String("outputSchema")), structured);
    QCOMPARE(count.contains(QLatin1String("title")), structured);
}

void tst_McpSession::refusesAnUnknownCursor()
{
    SessionHarness client(&m_tools);
    client.initialize();
    QCOMPARE(errorCode(client.request(1, QStringLiteral("tools/list"),
                     {{QStringLiteral("cursor"), QStringLiteral("page-2")}})),
            -32602);
}

void tst_McpSession::callsATool()
{
    SessionHarness client(&m_tools);
    client.initialize();
    const QJsonObject reply =
            client.callTool(7, QStringLiteral("count"), {{QStringLiteral("limit"), 4}});
    QCOMPARE(reply.value(QLatin1String("id")).toInt(), 7);
    const QJsonObject result = resultOf(reply);
    QCOMPARE(result.value(QLatin1String("isError")).toBool(), false);
    QCOMPARE(result.value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
            QStringLiteral("4"));
    QCOMPARE(result.value(QLatin1String("structuredContent"))
                     .toObject()
                     .value(QLatin1String("limit"))
                     .toInt(),
            4);
}

void tst_McpSession::reportsArgumentErrorsAsTheRevisionExpects_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<bool>("asToolResult");

    QTest::newRow("2025-11-25") << QStringLiteral("2025-11-25") << true;
    QTest::newRow("2025-06-18") << QStringLiteral("2025-06-18") << false;
    QTest::newRow("2025-03-26") << QStringLiteral("2025-03-26") << false;
    QTest::newRow("2024-11-05") << QStringLiteral("2024-11-05") << false;
}

void tst_McpSession::reportsArgumentErrorsAsTheRevisionExpects()
{
    QFETCH(QString, revision);
    QFETCH(bool, asToolResult);

    SessionHarness client(&m_tools);
    client.initialize(revision);
    const QJsonObject reply =
            client.callTool(9, QStringLiteral("count"), {{QStringLiteral("limit"), 50}});
    QString message;
    if (asToolResult) {
        const QJsonObject result = resultOf(reply);
        QVERIFY(result.value(QLatin1String("isError")).toBool());
        message = result.value(QLatin1String("content"))
                          .toArray()
                          .at(0)
                          .toObject()
                          .value(QLatin1String("text"))
                          .toString();
    } else {
        QCOMPARE(errorCode(reply), -32602);
        message = errorMessage(reply);
    }
    QVERIFY2(message.contains(QLatin1String("'limit'")), qPrintable(message));
}

void tst_McpSession::refusesArgumentsThatAreNotAnObject()
{
    SessionHarness client(&m_tools);
    client.initialize();
    const QJsonObject reply = client.request(1, QStringLiteral("tools/call"),
            {{QStringLiteral("name"), QStringLiteral("count")},
                    {QStringLiteral("arguments"), QJsonArray{1, 2}}});
    QCOMPARE(errorCode(reply), -32602);
    QVERIFY(errorMessage(reply).contains(QLatin1String("arguments")));
    QCOMPARE(errorCode(client.request(2, QStringLiteral("tools/call"), {})), -32602);
}

void tst_McpSession::omitsStructuredContentBeforeItExisted()
{
    SessionHarness client(&m_tools);
    client.initialize(QStringLiteral("2025-03-26"));
    const QJsonObject result =
            resultOf(client.callTool(1, QStringLiteral("count"), {{QStringLiteral("limit"), 2}}));
    QVERIFY(!result.contains(QLatin1String("structuredContent")));
    QCOMPARE(result.value(QLatin1String("content")).toArray().size(), 1);
}

void tst_McpSession::logsOnlyAtTheRequestedLevel()
{
    SessionHarness client(&m_tools);
    client.initialize();
    // Nothing is logged before the client asks for it.
    client.callTool(1, QStringLiteral("count"), {{QStringLiteral("limit"), 0}});
    for (const QJsonObject &message : client.sent)
        QVERIFY(message.value(QLatin1String("method")).toString()
                != QLatin1String("notifications/message"));

    QVERIFY(client.request(2, QStringLiteral("logging/setLevel"),
                          {{QStringLiteral("level"), QStringLiteral("warning")}})
                    .contains(QLatin1String("result")));
    client.sent.clear();
    client.callTool(3, QStringLiteral("count"), {{QStringLiteral("limit"), 0}});
    QCOMPARE(client.sent.size(), 2);
    const QJsonObject log = client.sent.at(0);
    QCOMPARE(
            log.value(QLatin1String("method")).toString(), QStringLiteral("notifications/message"));
    QCOMPARE(log.value(QLatin1String("params")).toObject().value(QLatin1String("level")).toString(),
            QStringLiteral("warning"));
    QVERIFY(log.value(QLatin1String("params"))
                    .toObject()
                    .value(QLatin1String("data"))
                    .toString()
                    .contains(QLatin1String("'limit'")));

    client.request(4, QStringLiteral("logging/setLevel"),
            {{QStringLiteral("level"), QStringLiteral("error")}});
    client.sent.clear();
    client.callTool(5, QStringLiteral("count"), {{QStringLiteral("limit"), 0}});
    QCOMPARE(client.sent.size(), 1);
}

void tst_McpSession::refusesAnUnknownLogLevel()
{
    SessionHarness client(&m_tools);
    client.initialize();
    const QJsonObject reply = client.request(1, QStringLiteral("logging/setLevel"),
            {{QStringLiteral("level"), QStringLiteral("verbose")}});
    QCOMPARE(errorCode(reply), -32602);
    QVERIFY(errorMessage(reply).contains(QLatin1String("warning")));
}

void tst_McpSession::answersAnAsynchronousToolLater()
{
    SessionHarness client(&m_tools);
    client.initialize();
    QVERIFY(client.callTool(11, QStringLiteral("slow")).value(QLatin1String("id")).toInt() != 11);
    QVERIFY(m_parked);
    QCOMPARE(client.session.pendingCallCount(), 1);
    // Other requests are answered while the call runs.
    QCOMPARE(client.request(12, QStringLiteral("ping")).value(QLatin1String("id")).toInt(), 12);

    m_parked->finish(ToolResult::success(QStringLiteral("done")));
    const QJsonObject reply = client.sent.constLast();
    QCOMPARE(reply.value(QLatin1String("id")).toInt(), 11);
    QCOMPARE(resultOf(reply)
                     .value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
            QStringLiteral("done"));
    QCOMPARE(client.session.pendingCallCount(), 0);
}

void tst_McpSession::dropsTheAnswerOfACancelledCall()
{
    SessionHarness client(&m_tools);
    client.initialize();
    client.callTool(21, QStringLiteral("slow"));
    QVERIFY(m_parked);
    bool toolSawCancel = false;
    connect(m_parked, &ToolInvocation::cancelled, this, [&toolSawCancel] { toolSawCancel = true; });

    const qsizetype before = client.sent.size();
    client.notify(QStringLiteral("notifications/cancelled"),
            {{QStringLiteral("requestId"), 21},
                    {QStringLiteral("reason"), QStringLiteral("user")}});
    QVERIFY(toolSawCancel);
    QCOMPARE(client.session.pendingCallCount(), 0);
    if (m_parked)
        m_parked->finish(ToolResult::success(QStringLiteral("too late")));
    QCOMPARE(client.sent.size(), before);
    QTRY_VERIFY(!m_parked); // deleted once the event loop runs
}

void tst_McpSession::refusesAnIdThatIsStillInFlight()
{
    SessionHarness client(&m_tools);
    client.initialize();
    client.callTool(31, QStringLiteral("slow"));
    QCOMPARE(errorCode(client.callTool(31, QStringLiteral("slow"))), -32600);
    QCOMPARE(client.session.pendingCallCount(), 1);
}

void tst_McpSession::ignoresResponsesAndUnknownNotifications()
{
    SessionHarness client(&m_tools);
    client.initialize();
    const qsizetype before = client.sent.size();
    client.session.receive(R"({"jsonrpc":"2.0","id":99,"result":{}})");
    client.notify(QStringLiteral("notifications/whatever"));
    client.notify(
            QStringLiteral("notifications/cancelled"), {{QStringLiteral("requestId"), 12345}});
    QCOMPARE(client.sent.size(), before);
}

void tst_McpSession::passesEveryCallThroughTheGate()
{
    SessionHarness client(&m_tools);
    client.initialize();
    client.callTool(1, QStringLiteral("switch"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:light.hall")}});

    QCOMPARE(client.gate.admitted.size(), 1);
    const ToolCall &call = client.gate.admitted.constFirst();
    QCOMPARE(call.tool, QStringLiteral("switch"));
    QCOMPARE(call.access.kind, AccessRequest::Kind::Control);
    QCOMPARE(call.access.target, QStringLiteral("ha:light.hall"));
    QCOMPARE(call.caller.keyId, QStringLiteral("hwk_admin_001"));
    QCOMPARE(client.gate.finishedCalls.size(), 1);
    QVERIFY(!client.gate.finishedCalls.constFirst().second.isError());
}

void tst_McpSession::refusedCallsNeverReachTheTool()
{
    SessionHarness client(&m_tools);
    client.gate.refuseWith =
            QStringLiteral("Key hwk_monitor_002 (monitor) may not control Home Assistant.");
    client.initialize(QStringLiteral("2024-11-05"));
    const QJsonObject result = resultOf(client.callTool(1, QStringLiteral("switch"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:light.hall")}}));

    QVERIFY(result.value(QLatin1String("isError")).toBool());
    QCOMPARE(result.value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
            client.gate.refuseWith);
    QCOMPARE(m_switchRuns, 0);
    QVERIFY(client.gate.finishedCalls.isEmpty());
}

QTEST_GUILESS_MAIN(tst_McpSession)
#include "tst_mcpsession.moc"
