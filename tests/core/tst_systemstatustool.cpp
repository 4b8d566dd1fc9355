#include "HomeWardenVersion.h"
#include "JsonSchema.h"
#include "SystemStatusTool.h"
#include "ToolInvocation.h"

#include <QJsonArray>
#include <QTest>

class tst_SystemStatusTool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsVersionTransportAndNoBackends();
    void reportsEachBackend();
    void outputAlwaysMatchesItsSchema();

private:
    static ToolResult run(const ToolDefinition &tool, const QString &transport);
};

ToolResult tst_SystemStatusTool::run(const ToolDefinition &tool, const QString &transport)
{
    ToolInvocation invocation(tool.name, {},
            {QStringLiteral("hwk_operator_004"), QStringLiteral("operator"),
                    QStringLiteral("stdio"), transport, {}});
    ToolResult result = ToolResult::failure(QStringLiteral("never finished"));
    connect(&invocation, &ToolInvocation::finished, &invocation,
            [&result](const ToolResult &r) { result = r; });
    tool.handler(&invocation);
    return result;
}

void tst_SystemStatusTool::reportsVersionTransportAndNoBackends()
{
    QElapsedTimer startedAt;
    startedAt.start();
    const ToolResult result = run(SystemStatusTool::definition(startedAt), QStringLiteral("stdio"));

    QVERIFY(!result.isError());
    const QJsonObject status = result.structuredContent();
    QCOMPARE(status.value(QLatin1String("version")).toString(), QStringLiteral(HOMEWARDEN_VERSION));
    QCOMPARE(status.value(QLatin1String("uptime_seconds")).toInteger(-1), 0);
    QCOMPARE(status.value(QLatin1String("transport")).toString(), QStringLiteral("stdio"));
    const QJsonObject caller = status.value(QLatin1String("caller")).toObject();
    QCOMPARE(caller.value(QLatin1String("key_id")).toString(), QStringLiteral("hwk_operator_004"));
    QCOMPARE(caller.value(QLatin1String("role")).toString(), QStringLiteral("operator"));
    QVERIFY(status.value(QLatin1String("backends")).toArray().isEmpty());
    QVERIFY(result.text().contains(QLatin1String("No backends are configured")));
}

static BackendStatus backend(
        const QString &id, const QString &name, bool connected, const QString &detail)
{
    BackendStatus status;
    status.id = id;
    status.name = name;
    status.connected = connected;
    status.detail = detail;
    return status;
}

void tst_SystemStatusTool::reportsEachBackend()
{
    QElapsedTimer startedAt;
    startedAt.start();
    const auto backends = [] {
        return QList<BackendStatus>{
                backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), true,
                        QStringLiteral("2026.11.1")),
                backend(QStringLiteral("loxone"), QStringLiteral("Loxone"), false,
                        QStringLiteral("unreachable")),
        };
    };
    const ToolResult result = run(
            SystemStatusTool::definition(startedAt, backends), QStringLiteral("streamable-http"));

    const QJsonArray reported =
            result.structuredContent().value(QLatin1String("backends")).toArray();
    QCOMPARE(reported.size(), 2);
    QCOMPARE(reported.at(0).toObject().value(QLatin1String("connected")).toBool(), true);
    QCOMPARE(reported.at(1).toObject().value(QLatin1String("detail")).toString(),
            QStringLiteral("unreachable"));
    QVERIFY(result.text().contains(QLatin1String("Loxone: not connected")));
}

void tst_SystemStatusTool::outputAlwaysMatchesItsSchema()
{
    // The SDK client rejects a result whose structuredContent breaks the advertised schema.
    QElapsedTimer startedAt;
    startedAt.start();
    const ToolDefinition tool = SystemStatusTool::definition(startedAt, [] {
        QList<BackendStatus> list{
                backend(QStringLiteral("ha"), QStringLiteral("Home Assistant"), false, {})};
        // Everything a connected backend reports, too.
        BackendStatus full = backend(QStringLiteral("loxone"), QStringLiteral("Loxone"), true,
                QStringLiteral("Connected."));
        full.url = QStringLiteral("http://192.168.1.77");
        full.version = QStringLiteral("14.5");
        full.deviceCount = 42;
        full.connectedSince = QDateTime::currentDateTimeUtc();
        full.lastError = QStringLiteral("Earlier: timeout.");
        list.append(full);
        return list;
    });
    const JsonSchema schema = JsonSchema::compile(tool.outputSchema);
    QVERIFY(schema.isValid());
    for (const QString &transport : {QStringLiteral("stdio"), QStringLiteral("streamable-http")}) {
        const QString problem = schema.check(run(tool, transport).structuredContent());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QVERIFY(!schema.check(QJsonObject{{QStringLiteral("version"), 1}}).isEmpty());
}

QTEST_GUILESS_MAIN(tst_SystemStatusTool)
#include "tst_systemstatustool.moc"
