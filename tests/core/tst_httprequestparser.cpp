#include "HttpRequestParser.h"

#include <QTest>

using Status = HttpRequestParser::Result::Status;

class tst_HttpRequestParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesACompleteRequest();
    void waitsForTheRestOfARequest();
    void takesOnlyTheFirstOfPipelinedRequests();
    void refusesBadHeads_data();
    void refusesBadHeads();
    void refusesAnOversizedBodyBeforeItArrives();
    void acceptsEveryPrefixOfAValidRequestAsIncomplete();
};

void tst_HttpRequestParser::parsesACompleteRequest()
{
    const QByteArray text = "POST /mcp?x=1 HTTP/1.1\r\nHost: localhost:3001\r\n"
                            "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
    const auto result = HttpRequestParser::parse(text);
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.consumed, text.size());
    QCOMPARE(result.request.method, QByteArray("POST"));
    QCOMPARE(result.request.path, QByteArray("/mcp"));
    QCOMPARE(result.request.target, QByteArray("/mcp?x=1"));
    QCOMPARE(result.request.header("content-type"), QByteArray("application/json"));
    QCOMPARE(result.request.header("host"), QByteArray("localhost:3001"));
    QCOMPARE(result.request.body, QByteArray("{}"));
    QVERIFY(!result.request.wantsClose());
}

void tst_HttpRequestParser::waitsForTheRestOfARequest()
{
    QCOMPARE(HttpRequestParser::parse("GET /health HTTP/1.1\r\nHost: a\r\n").status,
            Status::Incomplete);
    QCOMPARE(
            HttpRequestParser::parse("POST /mcp HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n{}")
                    .status,
            Status::Incomplete);
}

void tst_HttpRequestParser::takesOnlyTheFirstOfPipelinedRequests()
{
    const QByteArray first = "GET /health HTTP/1.1\r\nHost: a\r\n\r\n";
    const QByteArray second = "GET /mcp HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    const auto result = HttpRequestParser::parse(first + second);
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.consumed, first.size());
    QCOMPARE(result.request.path, QByteArray("/health"));
    const auto next = HttpRequestParser::parse(second);
    QVERIFY(next.request.wantsClose());
}

void tst_HttpRequestParser::refusesBadHeads_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("status");

    QTest::newRow("request line too long")
            << ("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n") << 414;
    QTest::newRow("endless request line") << ("GET /" + QByteArray(9000, 'a')) << 414;
    QTest::newRow("headers too large")
            << ("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(20000, 'b') + "\r\n\r\n")
            << 431;
    QTest::newRow("endless headers")
            << ("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(20000, 'b')) << 431;
    QByteArray many = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < 70; ++i)
        many += "X-H" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many headers") << many << 431;
    QTest::newRow("chunked body") << QByteArray(
            "POST /mcp HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                                  << 501;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\r\n", 8) << 400;
    QTest::newRow("no Host on 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two lengths") << QByteArray(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                 << 400;
    QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("folded header")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n continued\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
    QTest::newRow("absolute URI") << QByteArray("GET http://evil/ HTTP/1.1\r\nHost: a\r\n\r\n")
                                  << 400;
}

void tst_HttpRequestParser::refusesBadHeads()
{
    QFETCH(QByteArray, text);
    QFETCH(int, status);
    const auto result = HttpRequestParser::parse(text);
    QCOMPARE(result.status, Status::Error);
    QCOMPARE(result.errorStatus, status);
    QVERIFY(!result.error.isEmpty());
}

void tst_HttpRequestParser::refusesAnOversizedBodyBeforeItArrives()
{
    // Only the head has come; the 64 MiB it announces are refused without waiting for them.
    const auto result = HttpRequestParser::parse(
            "POST /mcp HTTP/1.1\r\nHost: a\r\nContent-Length: 67108864\r\n\r\n");
    QCOMPARE(result.status, Status::Error);
    QCOMPARE(result.errorStatus, 413);
    HttpLimits exact;
    exact.maxBody = 2;
    QCOMPARE(HttpRequestParser::parse(
                     "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}", exact)
                     .status,
            Status::Complete);
}

void tst_HttpRequestParser::acceptsEveryPrefixOfAValidRequestAsIncomplete()
{
    // Whatever way TCP cuts a request, the parser never mistakes a prefix for an error.
    const QByteArray text =
            "POST /mcp HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n0123456789";
    for (qsizetype cut = 0; cut < text.size(); ++cut)
        QCOMPARE(HttpRequestParser::parse(text.left(cut)).status, Status::Incomplete);
    QCOMPARE(HttpRequestParser::parse(text).status, Status::Complete);
}

QTEST_GUILESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
