#include "JsonRpc.h"

#include "TestSupport.h"

#include <QTest>

using JsonRpc::ErrorCode;
using Kind = JsonRpc::Message::Kind;

class tst_JsonRpc final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesMessages_data();
    void classifiesMessages();
    void rejectsBrokenMessages_data();
    void rejectsBrokenMessages();
    void keepsTheIdWhenTheRestIsWrong();
    void buildsResponses();
    void keepsNumericAndStringIdsApart();
};

void tst_JsonRpc::classifiesMessages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("method");

    QTest::newRow("request, numeric id")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"ping"})") << Kind::Request
            << QStringLiteral("ping");
    QTest::newRow("request, string id")
            << QByteArray(R"({"jsonrpc":"2.0","id":"a-1","method":"tools/list","params":{}})")
            << Kind::Request << QStringLiteral("tools/list");
    QTest::newRow("notification") << QByteArray(
            R"({"jsonrpc":"2.0","method":"notifications/initialized"})")
                                  << Kind::Notification
                                  << QStringLiteral("notifications/initialized");
    QTest::newRow("response from the client")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"result":{}})") << Kind::Response << QString();
}

void tst_JsonRpc::classifiesMessages()
{
    QFETCH(QByteArray, text);
    QFETCH(Kind, kind);
    QFETCH(QString, method);

    const JsonRpc::Message message = JsonRpc::parse(text);
    QCOMPARE(message.kind, kind);
    QCOMPARE(message.method, method);
}

void tst_JsonRpc::rejectsBrokenMessages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("garbage") << QByteArray("hello there") << ErrorCode::ParseError
                             << QStringLiteral("Parse error");
    QTest::newRow("truncated") << QByteArray(R"({"jsonrpc":"2.0","id":1,"meth)")
                               << ErrorCode::ParseError << QStringLiteral("Parse error");
    QTest::newRow("invalid UTF-8")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"p\xff\xfe\"}")
            << ErrorCode::ParseError << QStringLiteral("UTF-8");
    QTest::newRow("nested too deeply")
            << (QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":)")
                       + QByteArray(5000, '[') + QByteArray(5000, ']') + QByteArray("}}"))
            << ErrorCode::ParseError << QStringLiteral("nested too deeply");
    QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])")
                           << ErrorCode::InvalidRequest << QStringLiteral("batches");
    QTest::newRow("wrong version") << QByteArray(R"({"jsonrpc":"1.0","id":1,"method":"ping"})")
                                   << ErrorCode::InvalidRequest << QStringLiteral("\"2.0\"");
    QTest::newRow("no method") << QByteArray(R"({"jsonrpc":"2.0","id":1})")
                               << ErrorCode::InvalidRequest << QStringLiteral("\"method\"");
    QTest::newRow("method not a string")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":5})") << ErrorCode::InvalidRequest
            << QStringLiteral("\"method\"");
    QTest::newRow("null id") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"ping"})")
                             << ErrorCode::InvalidRequest << QStringLiteral("\"id\"");
    QTest::newRow("object id") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"ping"})")
                               << ErrorCode::InvalidRequest << QStringLiteral("\"id\"");
    QTest::newRow("params as array")
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":[1]})")
            << ErrorCode::InvalidParams << QStringLiteral("\"params\"");
}

void tst_JsonRpc::rejectsBrokenMessages()
{
    QFETCH(QByteArray, text);
    QFETCH(ErrorCode, code);
    QFETCH(QString, mentions);

    const JsonRpc::Message message = JsonRpc::parse(text);
    QCOMPARE(message.kind, Kind::Invalid);
    QCOMPARE(message.errorCode, code);
    QVERIFY2(message.errorMessage.contains(mentions), qPrintable(message.errorMessage));
}

void tst_JsonRpc::keepsTheIdWhenTheRestIsWrong()
{
    // A client can match the error to its request only if the id survives.
    const auto message =
            JsonRpc::parse(R"({"jsonrpc":"2.0","id":"req-9","method":"x","params":3})");
    QCOMPARE(message.kind, Kind::Invalid);
    QCOMPARE(message.id, QJsonValue(QStringLiteral("req-9")));

    const auto unparseable = JsonRpc::parse("{not json");
    QVERIFY(unparseable.id.isNull());
}

void tst_JsonRpc::buildsResponses()
{
    const QJsonObject ok =
            TestSupport::parseMessage(JsonRpc::result(42, { { QStringLiteral("answer"), true } }));
    QCOMPARE(ok.value(QLatin1String("jsonrpc")).toString(), QStringLiteral("2.0"));
    QCOMPARE(ok.value(QLatin1String("id")).toInt(), 42);
    QVERIFY(ok.value(QLatin1String("result")).toObject().value(QLatin1String("answer")).toBool());

    const QByteArray errorText =
            JsonRpc::error(QJsonValue::Null, ErrorCode::MethodNotFound, QStringLiteral("nope"));
    QVERIFY(!errorText.contains('\n'));
    const QJsonObject error = TestSupport::parseMessage(errorText);
    QVERIFY(error.value(QLatin1String("id")).isNull());
    QCOMPARE(error.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt(),
            -32601);
}

void tst_JsonRpc::keepsNumericAndStringIdsApart()
{
    QVERIFY(JsonRpc::idKey(1) != JsonRpc::idKey(QStringLiteral("1")));
    QCOMPARE(JsonRpc::idKey(1), JsonRpc::idKey(1.0));
}

QTEST_GUILESS_MAIN(tst_JsonRpc)
#include "tst_jsonrpc.moc"
