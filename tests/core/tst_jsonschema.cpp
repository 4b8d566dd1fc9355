#include "JsonSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class tst_JsonSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptsConformingValues();
    void namesTheOffendingField_data();
    void namesTheOffendingField();
    void refusesABrokenSchema();
    void copiesShareTheCompiledSchema();

private:
    JsonSchema m_schema;
};

void tst_JsonSchema::initTestCase()
{
    const QByteArray schema = R"({
        "type": "object",
        "properties": {
            "device_id": {"type": "string", "minLength": 3},
            "limit": {"type": "integer", "minimum": 1, "maximum": 5000},
            "action": {"type": "string", "enum": ["on", "off"]},
            "data": {"type": "object", "properties": {"level": {"type": "number"}}}
        },
        "required": ["device_id"],
        "additionalProperties": false
    })";
    QString error;
    m_schema = JsonSchema::compile(QJsonDocument::fromJson(schema).object(), &error);
    QVERIFY2(m_schema.isValid(), qPrintable(error));
}

void tst_JsonSchema::acceptsConformingValues()
{
    QCOMPARE(m_schema.check(
                     QJsonObject{ { QStringLiteral("device_id"), QStringLiteral("ha:light.x") },
                             { QStringLiteral("limit"), 10 } }),
            QString());
}

void tst_JsonSchema::namesTheOffendingField_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("missing required") << QByteArray(R"({"limit": 3})")
                                      << QStringLiteral("Missing required argument 'device_id'.");
    QTest::newRow("wrong type")
            << QByteArray(R"({"device_id": 12})")
            << QStringLiteral("Argument 'device_id' must be a string, not an integer.");
    QTest::newRow("integer expected")
            << QByteArray(R"({"device_id": "abc", "limit": "ten"})")
            << QStringLiteral("Argument 'limit' must be an integer, not a string.");
    QTest::newRow("fraction for an integer")
            << QByteArray(R"({"device_id": "abc", "limit": 2.5})")
            << QStringLiteral("Argument 'limit' must be an integer, not a number.");
    QTest::newRow("above maximum")
            << QByteArray(R"({"device_id": "abc", "limit": 9999})")
            << QStringLiteral("Argument 'limit' must be between 1 and 5000.");
    QTest::newRow("not in enum") << QByteArray(R"({"device_id": "abc", "action": "explode"})")
                                 << QStringLiteral("Argument 'action' must be one of: on, off.");
    QTest::newRow("unknown argument")
            << QByteArray(R"({"device_id": "abc", "colour": "red"})")
            << QStringLiteral(
                       "Unknown argument 'colour'; accepted: action, data, device_id, limit.");
    QTest::newRow("nested field")
            << QByteArray(R"({"device_id": "abc", "data": {"level": "high"}})")
            << QStringLiteral("Argument 'data.level' must be a number, not a string.");
    QTest::newRow("too short") << QByteArray(R"({"device_id": "ab"})")
                               << QStringLiteral("Argument 'device_id' is invalid: ");
}

void tst_JsonSchema::namesTheOffendingField()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, sentence);

    const QString problem = m_schema.check(QJsonDocument::fromJson(arguments).object());
    QVERIFY2(problem.startsWith(sentence), qPrintable(problem));
}

void tst_JsonSchema::refusesABrokenSchema()
{
    QString error;
    const JsonSchema broken = JsonSchema::compile(
            QJsonObject{ { QStringLiteral("type"), QStringLiteral("object") },
                    { QStringLiteral("properties"), QStringLiteral("not an object") } },
            &error);
    QVERIFY(!broken.isValid());
    QVERIFY(!error.isEmpty());
    QVERIFY(!broken.check(QJsonObject{}).isEmpty());
}

void tst_JsonSchema::copiesShareTheCompiledSchema()
{
    const JsonSchema copy = m_schema;
    QVERIFY(copy.isValid());
    QVERIFY(!copy.check(QJsonObject{}).isEmpty());
    QCOMPARE(copy.source(), m_schema.source());
}

QTEST_GUILESS_MAIN(tst_JsonSchema)
#include "tst_jsonschema.moc"
