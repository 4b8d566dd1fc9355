#include "LoxoneAuth.h"
#include "LoxoneEventTable.h"
#include "LoxoneMessageHeader.h"
#include "LoxoneResponse.h"
#include "LoxoneUuid.h"

#include <QJsonObject>
#include <QTest>

// Loxone's wire formats, against bytes written out by hand from "Communicating with the
// Miniserver" and hashes computed with Python's hashlib/hmac.
class tst_LoxoneProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uuidHasTheGuidLayout();
    void uuidRoundTrips();
    void headerParses();
    void headerRejectsOtherFrames_data();
    void headerRejectsOtherFrames();
    void valueTableParses();
    void valueTableCutShortIsRefused();
    void textTableParses();
    void textTableCutShortIsRefused();
    void responseCodeVariants_data();
    void responseCodeVariants();
    void responseValueAsText();
    void notAResponse_data();
    void notAResponse();
    void credentialHash_data();
    void credentialHash();
    void credentialHashRefusesUnknownInput();
};

namespace {

const QString DIMMER_POSITION = QStringLiteral("0f86a20d-009d-177e-ffff0beffc15bedd");
const QByteArray DIMMER_POSITION_BYTES = QByteArray::fromHex("0da2860f9d007e17ffff0beffc15bedd");

} // namespace

void tst_LoxoneProtocol::uuidHasTheGuidLayout()
{
    QCOMPARE(LoxoneUuid::toBinary(DIMMER_POSITION), DIMMER_POSITION_BYTES);
    QCOMPARE(LoxoneUuid::fromBinary(DIMMER_POSITION_BYTES.constData()), DIMMER_POSITION);
    QCOMPARE(LoxoneUuid::toBinary(DIMMER_POSITION.toUpper()), DIMMER_POSITION_BYTES);
    QVERIFY(LoxoneUuid::toBinary(DIMMER_POSITION + QStringLiteral("/AI1")).isEmpty());
}

void tst_LoxoneProtocol::uuidRoundTrips()
{
    for (const QString &uuid : {QStringLiteral("00000000-0000-0000-0000000000000000"),
                 QStringLiteral("ffffffff-ffff-ffff-ffffffffffffffff"),
                 QStringLiteral("10a73e3b-01c5-18ff-ffff373f9870b52a")}) {
        const QByteArray binary = LoxoneUuid::toBinary(uuid);
        QCOMPARE(binary.size(), 16);
        QCOMPARE(LoxoneUuid::fromBinary(binary.constData()), uuid);
    }
}

void tst_LoxoneProtocol::headerParses()
{
    const auto header = LoxoneMessageHeader::parse(QByteArray::fromHex("0302000030000000"));
    QVERIFY(header);
    QCOMPARE(header->kind, LoxoneMessageHeader::Kind::ValueStates);
    QCOMPARE(header->length, 48u);
    QVERIFY(!header->estimated);
    QVERIFY(header->hasPayload());
    QCOMPARE(header->toBinary(), QByteArray::fromHex("0302000030000000"));

    const auto estimated = LoxoneMessageHeader::parse(QByteArray::fromHex("0301010000000100"));
    QVERIFY(estimated);
    QCOMPARE(estimated->kind, LoxoneMessageHeader::Kind::BinaryFile);
    QVERIFY(estimated->estimated);
    QCOMPARE(estimated->length, 0x10000u);

    const auto keepalive = LoxoneMessageHeader::parse(QByteArray::fromHex("0306000000000000"));
    QVERIFY(keepalive);
    QCOMPARE(keepalive->kind, LoxoneMessageHeader::Kind::KeepAlive);
    QVERIFY(!keepalive->hasPayload());
}

void tst_LoxoneProtocol::headerRejectsOtherFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("first byte") << QByteArray::fromHex("0202000030000000");
    QTest::newRow("unknown kind") << QByteArray::fromHex("0308000030000000");
    QTest::newRow("short") << QByteArray::fromHex("03020000300000");
    QTest::newRow("long") << QByteArray::fromHex("030200003000000000");
    QTest::newRow("empty") << QByteArray();
}

void tst_LoxoneProtocol::headerRejectsOtherFrames()
{
    QFETCH(QByteArray, frame);
    QVERIFY(!LoxoneMessageHeader::parse(frame));
}

void tst_LoxoneProtocol::valueTableParses()
{
    // 21.5 and -1 as little-endian IEEE 754 doubles.
    const QByteArray payload = DIMMER_POSITION_BYTES + QByteArray::fromHex("0000000000803540")
            + QByteArray::fromHex("3b3ea7100501ff18ffff373f9870b52a")
            + QByteArray::fromHex("000000000000f0bf");
    const auto events = LoxoneEventTable::parseValueStates(payload);
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(0).uuid, DIMMER_POSITION);
    QCOMPARE(events->at(0).value, 21.5);
    QCOMPARE(events->at(1).uuid, QStringLiteral("10a73e3b-0105-18ff-ffff373f9870b52a"));
    QCOMPARE(events->at(1).value, -1.0);

    QCOMPARE(LoxoneEventTable::valueStates(*events), payload);
    QVERIFY(LoxoneEventTable::parseValueStates({})->isEmpty());
}

void tst_LoxoneProtocol::valueTableCutShortIsRefused()
{
    const QByteArray payload = DIMMER_POSITION_BYTES + QByteArray::fromHex("00000000008035");
    QVERIFY(!LoxoneEventTable::parseValueStates(payload));
}

void tst_LoxoneProtocol::textTableParses()
{
    const QByteArray icon(16, '\0');
    // "hsv(1,2,3)" is 10 bytes, padded to 12; "Grüße" is 7 bytes of UTF-8, padded to 8.
    const QByteArray payload = DIMMER_POSITION_BYTES + icon + QByteArray::fromHex("0a000000")
            + QByteArray("hsv(1,2,3)") + QByteArray(2, '\0') + DIMMER_POSITION_BYTES + icon
            + QByteArray::fromHex("07000000") + QStringLiteral("Grüße").toUtf8()
            + QByteArray(1, '\0');
    const auto events = LoxoneEventTable::parseTextStates(payload);
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(0).uuid, DIMMER_POSITION);
    QCOMPARE(events->at(0).text, QStringLiteral("hsv(1,2,3)"));
    QCOMPARE(events->at(1).text, QStringLiteral("Grüße"));
    QCOMPARE(LoxoneEventTable::textStates(*events), payload);
}

void tst_LoxoneProtocol::textTableCutShortIsRefused()
{
    const QByteArray payload = DIMMER_POSITION_BYTES + QByteArray(16, '\0')
            + QByteArray::fromHex("20000000") + QByteArray("short");
    QVERIFY(!LoxoneEventTable::parseTextStates(payload));
    QVERIFY(!LoxoneEventTable::parseTextStates(DIMMER_POSITION_BYTES));
}

void tst_LoxoneProtocol::responseCodeVariants_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    QTest::newRow("Code string") << QByteArray(R"({"LL":{"control":"c","value":"1","Code":"200"}})")
                                 << 200;
    QTest::newRow("code number") << QByteArray(R"({"LL":{"control":"c","value":"1","code":200}})")
                                 << 200;
    QTest::newRow("Code number") << QByteArray(R"({"LL":{"control":"c","value":"","Code":404}})")
                                 << 404;
    QTest::newRow("code string") << QByteArray(R"({"LL":{"control":"c","code":" 500 "}})") << 500;
}

void tst_LoxoneProtocol::responseCodeVariants()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    const auto response = LoxoneResponse::parse(json);
    QVERIFY(response);
    QCOMPARE(response->code, code);
    QCOMPARE(response->isOk(), code == 200);
    QCOMPARE(response->control, QStringLiteral("c"));
}

void tst_LoxoneProtocol::responseValueAsText()
{
    const auto number = LoxoneResponse::parse(R"({"LL":{"value":21.5,"Code":"200"}})");
    QVERIFY(number);
    QCOMPARE(number->valueText(), QStringLiteral("21.5"));
    const auto whole = LoxoneResponse::parse(R"({"LL":{"value":1,"Code":"200"}})");
    QCOMPARE(whole->valueText(), QStringLiteral("1"));
    const auto object = LoxoneResponse::parse(R"({"LL":{"value":{"key":"ab"},"code":200}})");
    QCOMPARE(object->valueText(), QStringLiteral(R"({"key":"ab"})"));
    QCOMPARE(object->value.toObject().value(QLatin1String("key")).toString(), QStringLiteral("ab"));

    const auto made = LoxoneResponse::parse(
            LoxoneResponse::make(QStringLiteral("dev/sps/io/x/on"), QStringLiteral("1"), 200));
    QVERIFY(made);
    QCOMPARE(made->control, QStringLiteral("dev/sps/io/x/on"));
    QCOMPARE(made->valueText(), QStringLiteral("1"));
    QVERIFY(made->isOk());
}

void tst_LoxoneProtocol::notAResponse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("html") << QByteArray("<html>It works!</html>");
    QTest::newRow("no LL") << QByteArray(R"({"control":"c","Code":"200"})");
    QTest::newRow("no code") << QByteArray(R"({"LL":{"control":"c","value":"1"}})");
    QTest::newRow("code words") << QByteArray(R"({"LL":{"Code":"OK"}})");
    QTest::newRow("code fraction") << QByteArray(R"({"LL":{"code":200.5}})");
    QTest::newRow("code huge") << QByteArray(R"({"LL":{"code":1e300}})");
    QTest::newRow("LL list") << QByteArray(R"({"LL":[200]})");
}

void tst_LoxoneProtocol::notAResponse()
{
    QFETCH(QByteArray, text);
    QVERIFY(!LoxoneResponse::parse(text));
}

void tst_LoxoneProtocol::credentialHash_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("salt");
    QTest::addColumn<QString>("hashAlg");
    QTest::addColumn<QString>("expected");
    QTest::newRow("SHA256")
            << QStringLiteral("admin") << QStringLiteral("secret")
            << QStringLiteral("41434345535320") << QStringLiteral("0123abcd")
            << QStringLiteral("SHA256")
            << QStringLiteral("cccd39120d8b6deeeb1f7331e327613b667cdd218ea2fd6f1a08b1605ce8f36c");
    QTest::newRow("SHA1") << QStringLiteral("admin") << QStringLiteral("secret")
                          << QStringLiteral("41434345535320") << QStringLiteral("0123abcd")
                          << QStringLiteral("SHA1")
                          << QStringLiteral("0a7137afc90bdaf32db869cb6bb095477d617f1b");
    QTest::newRow("UTF-8, lower-case alg")
            << QStringLiteral("Jürgen") << QStringLiteral("pässwörd") << QStringLiteral("6B6579")
            << QStringLiteral("73616c74") << QStringLiteral("sha256")
            << QStringLiteral("5836ae0c62ef93585c6161d910badcf5baf8a61a5544e3ee781a90f3636b2090");
}

void tst_LoxoneProtocol::credentialHash()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, key);
    QFETCH(QString, salt);
    QFETCH(QString, hashAlg);
    QFETCH(QString, expected);
    QCOMPARE(LoxoneAuth::credentialHash(user, password, key, salt, hashAlg), expected);
}

void tst_LoxoneProtocol::credentialHashRefusesUnknownInput()
{
    const QString key = QStringLiteral("6b6579");
    QVERIFY(LoxoneAuth::credentialHash(QStringLiteral("u"), QStringLiteral("p"), key,
            QStringLiteral("s"), QStringLiteral("MD5"))
                    .isEmpty());
    QVERIFY(LoxoneAuth::credentialHash(QStringLiteral("u"), QStringLiteral("p"),
            QStringLiteral("not hex"), QStringLiteral("s"), QStringLiteral("SHA1"))
                    .isEmpty());
    QVERIFY(LoxoneAuth::credentialHash(QStringLiteral("u"), QStringLiteral("p"), QString(),
            QStringLiteral("s"), QStringLiteral("SHA1"))
                    .isEmpty());
}

QTEST_GUILESS_MAIN(tst_LoxoneProtocol)
#include "tst_loxoneprotocol.moc"
