#include "ProtocolRevision.h"
#include "ToolInvocation.h"
#include "ToolRegistry.h"

#include <QTest>

class tst_ToolRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsAValidTool();
    void refusesBadDefinitions_data();
    void refusesBadDefinitions();
    void refusesADuplicateName();
    void describesToolsForEachRevision();

private:
    static ToolDefinition validTool();
};

ToolDefinition tst_ToolRegistry::validTool()
{
    ToolDefinition tool;
    tool.name = QStringLiteral("list_rooms");
    tool.title = QStringLiteral("List rooms");
    tool.description = QStringLiteral("Lists rooms.");
    tool.inputSchema = { { QStringLiteral("type"), QStringLiteral("object") } };
    tool.outputSchema = { { QStringLiteral("type"), QStringLiteral("object") } };
    tool.annotations.readOnly = true;
    tool.handler = [](ToolInvocation *invocation) {
        invocation->finish(ToolResult::success(QStringLiteral("none")));
    };
    return tool;
}

void tst_ToolRegistry::addsAValidTool()
{
    ToolRegistry registry;
    QString error;
    QVERIFY2(registry.add(validTool(), &error), qPrintable(error));
    QVERIFY(registry.find(QStringLiteral("list_rooms")));
    QVERIFY(!registry.find(QStringLiteral("list_devices")));
    QCOMPARE(registry.tools().size(), 1);
}

void tst_ToolRegistry::refusesBadDefinitions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("inputSchema");
    QTest::addColumn<bool>("withHandler");

    const QJsonObject object{ { QStringLiteral("type"), QStringLiteral("object") } };
    QTest::newRow("empty name") << QString() << object << true;
    QTest::newRow("space in name") << QStringLiteral("list rooms") << object << true;
    QTest::newRow("name too long") << QString(129, QLatin1Char('a')) << object << true;
    QTest::newRow("schema not an object type")
            << QStringLiteral("x")
            << QJsonObject{ { QStringLiteral("type"), QStringLiteral("string") } } << true;
    QTest::newRow("schema that does not compile")
            << QStringLiteral("x")
            << QJsonObject{ { QStringLiteral("type"), QStringLiteral("object") },
                   { QStringLiteral("required"), 5 } }
            << true;
    QTest::newRow("no handler") << QStringLiteral("x") << object << false;
}

void tst_ToolRegistry::refusesBadDefinitions()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, inputSchema);
    QFETCH(bool, withHandler);

    ToolDefinition tool = validTool();
    tool.name = name;
    tool.inputSchema = inputSchema;
    if (!withHandler)
        tool.handler = nullptr;
    ToolRegistry registry;
    QString error;
    QVERIFY(!registry.add(tool, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(registry.tools().isEmpty());
}

void tst_ToolRegistry::refusesADuplicateName()
{
    ToolRegistry registry;
    QVERIFY(registry.add(validTool()));
    QString error;
    QVERIFY(!registry.add(validTool(), &error));
    QVERIFY(error.contains(QLatin1String("already")));
}

void tst_ToolRegistry::describesToolsForEachRevision()
{
    ToolRegistry registry;
    QVERIFY(registry.add(validTool()));
    const ToolRegistry::Tool &tool = registry.tools().constFirst();

    const QJsonObject latest =
            ToolRegistry::describe(tool, ProtocolRevision(QStringLiteral("2025-11-25")));
    QCOMPARE(latest.value(QLatin1String("title")).toString(), QStringLiteral("List rooms"));
    QVERIFY(latest.contains(QLatin1String("outputSchema")));
    QVERIFY(latest.value(QLatin1String("annotations"))
                    .toObject()
                    .value(QLatin1String("readOnlyHint"))
                    .toBool());

    // 2025-03-26 had annotations (with the title inside) but no outputSchema.
    const QJsonObject march =
            ToolRegistry::describe(tool, ProtocolRevision(QStringLiteral("2025-03-26")));
    QVERIFY(!march.contains(QLatin1String("outputSchema")));
    QVERIFY(!march.contains(QLatin1String("title")));
    QCOMPARE(march.value(QLatin1String("annotations"))
                     .toObject()
                     .value(QLatin1String("title"))
                     .toString(),
            QStringLiteral("List rooms"));

    // 2024-11-05 knew name, description and inputSchema only.
    const QJsonObject first =
            ToolRegistry::describe(tool, ProtocolRevision(QStringLiteral("2024-11-05")));
    QCOMPARE(first.keys(),
            (QStringList{ QStringLiteral("description"), QStringLiteral("inputSchema"),
                    QStringLiteral("name") }));
}

QTEST_GUILESS_MAIN(tst_ToolRegistry)
#include "tst_toolregistry.moc"
