#include "McpSession.h"
#include "ToolInvocation.h"
#include "ToolRegistry.h"

#include "TestGate.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

// The MCP engine and the real gate together, with tools the test registers (until the device
// tools exist): what a client with a given key can and cannot do.
class tst_GuardedSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void monitorCannotCallAControlTool();
    void deviceKeyControlsOnlyItsDevices();
    void operatorCannotUnlockALock();
    void customKeyGetsExactlyItsPermissions();
    void unauthenticatedCallersAreToldWhy();

private:
    Caller login(Role role, const QStringList &devices = {}, const QStringList &permissions = {});
    // Calls `tool` on device through a fresh session for caller; returns the tool result.
    QJsonObject call(const Caller &caller, const QString &tool, const QString &device);
    QStringList m_ran; // "tool device" for every call a tool actually executed

    TestGate m_gate;
    ToolRegistry m_tools;
};

void tst_GuardedSession::initTestCase()
{
    QVERIFY(m_gate.isValid());

    const QJsonObject schema = QJsonDocument::fromJson(R"({
        "type": "object", "properties": {"device_id": {"type": "string"}},
        "required": ["device_id"], "additionalProperties": false
    })")
                                       .object();
    for (const auto &[name, kind] :
            {std::pair{QStringLiteral("test_read"), AccessRequest::Kind::Read},
                    std::pair{QStringLiteral("test_control"), AccessRequest::Kind::Control}}) {
        ToolDefinition tool;
        tool.name = name;
        tool.title = name;
        tool.description = QStringLiteral("A tool of the test.");
        tool.inputSchema = schema;
        tool.access = kind;
        tool.targetArgument = QStringLiteral("device_id");
        tool.handler = [this, name](ToolInvocation *invocation) {
            m_ran.append(name + QLatin1Char(' ')
                    + invocation->arguments().value(QLatin1String("device_id")).toString());
            invocation->finish(ToolResult::success(QStringLiteral("done")));
        };
        QVERIFY(m_tools.add(tool));
    }
}

Caller tst_GuardedSession::login(
        Role role, const QStringList &devices, const QStringList &permissions)
{
    return m_gate.login(role, devices, permissions);
}

QJsonObject tst_GuardedSession::call(
        const Caller &caller, const QString &tool, const QString &device)
{
    McpSession session(&m_tools, m_gate.gate(), caller);
    QJsonObject reply;
    connect(&session, &McpSession::messageReady, &session,
            [&reply](const QByteArray &m) { reply = TestSupport::parseMessage(m); });
    session.receive(
            R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25"}})");
    session.receive(QJsonDocument(
            QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("id"), 2},
                    {QStringLiteral("method"), QStringLiteral("tools/call")},
                    {QStringLiteral("params"),
                            QJsonObject{{QStringLiteral("name"), tool},
                                    {QStringLiteral("arguments"),
                                            QJsonObject{{QStringLiteral("device_id"), device}}}}}})
                            .toJson(QJsonDocument::Compact));
    return reply.value(QLatin1String("result")).toObject();
}

static bool refused(const QJsonObject &result, const char *mentioning)
{
    const QString text = result.value(QLatin1String("content"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QLatin1String("text"))
                                 .toString();
    if (!text.contains(QLatin1String(mentioning)))
        qWarning("refusal text: %s", qPrintable(text));
    return result.value(QLatin1String("isError")).toBool()
            && text.contains(QLatin1String(mentioning));
}

void tst_GuardedSession::monitorCannotCallAControlTool()
{
    m_ran.clear();
    const Caller monitor = login(Role::Monitor);
    QVERIFY(!call(monitor, QStringLiteral("test_read"), QStringLiteral("ha:light.hall"))
                     .value(QLatin1String("isError"))
                     .toBool());
    QVERIFY(refused(call(monitor, QStringLiteral("test_control"), QStringLiteral("ha:light.hall")),
            "ha:control"));
    QCOMPARE(m_ran, QStringList{QStringLiteral("test_read ha:light.hall")});
}

void tst_GuardedSession::deviceKeyControlsOnlyItsDevices()
{
    m_ran.clear();
    const Caller device = login(Role::Device, {QStringLiteral("ha:switch.kettle")});
    QVERIFY(!call(device, QStringLiteral("test_control"), QStringLiteral("ha:switch.kettle"))
                     .value(QLatin1String("isError"))
                     .toBool());
    QVERIFY(refused(
            call(device, QStringLiteral("test_control"), QStringLiteral("ha:switch.heater")),
            "ha:switch.heater"));
    QCOMPARE(m_ran, QStringList{QStringLiteral("test_control ha:switch.kettle")});
}

void tst_GuardedSession::operatorCannotUnlockALock()
{
    m_ran.clear();
    const Caller op = login(Role::Operator);
    QVERIFY(refused(call(op, QStringLiteral("test_control"), QStringLiteral("ha:lock.front_door")),
            "ha:security"));
    QVERIFY(refused(
            call(op, QStringLiteral("test_control"), QStringLiteral("ha:alarm_control_panel.home")),
            "ha:security"));
    QVERIFY(m_ran.isEmpty());
}

void tst_GuardedSession::customKeyGetsExactlyItsPermissions()
{
    m_ran.clear();
    const Caller custom =
            login(Role::Custom, {}, {QStringLiteral("ha:control"), QStringLiteral("ha:security")});
    QVERIFY(!call(custom, QStringLiteral("test_control"), QStringLiteral("ha:lock.front_door"))
                     .value(QLatin1String("isError"))
                     .toBool());
    QVERIFY(refused(call(custom, QStringLiteral("test_read"), QStringLiteral("ha:lock.front_door")),
            "ha:read"));
    QVERIFY(refused(call(custom, QStringLiteral("test_control"),
                            QStringLiteral("loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e")),
            "loxone:control"));
    QCOMPARE(m_ran, QStringList{QStringLiteral("test_control ha:lock.front_door")});
}

void tst_GuardedSession::unauthenticatedCallersAreToldWhy()
{
    m_ran.clear();
    const Caller nobody = m_gate.gate()->authenticate(
            QStringLiteral("hwk_admin_"), QStringLiteral("stdio"), QStringLiteral("stdio"));
    QVERIFY(!nobody.isAuthenticated());
    QVERIFY(refused(call(nobody, QStringLiteral("test_read"), QStringLiteral("ha:light.hall")),
            "malformed"));
    QVERIFY(m_ran.isEmpty());
}

QTEST_GUILESS_MAIN(tst_GuardedSession)
#include "tst_guardedsession.moc"
