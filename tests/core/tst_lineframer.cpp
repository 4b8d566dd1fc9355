#include "LineFramer.h"

#include <QTest>

using Kind = LineFramer::Frame::Kind;

class tst_LineFramer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinsAMessageSplitOverReads();
    void splitsSeveralMessagesInOneRead();
    void acceptsCrLfAndSkipsBlankLines();
    void reportsAnOverlongLineOnceAndRecovers();
    void reportsAnOverlongLineBeforeItsNewlineArrives();
    void keepsAnUnterminatedLastLineAtTheEnd();

private:
    static QByteArrayList lines(const QList<LineFramer::Frame> &frames);
};

QByteArrayList tst_LineFramer::lines(const QList<LineFramer::Frame> &frames)
{
    QByteArrayList result;
    for (const auto &frame : frames)
        result.append(frame.kind == Kind::Line ? frame.text : QByteArray("<overlong>"));
    return result;
}

void tst_LineFramer::joinsAMessageSplitOverReads()
{
    LineFramer framer;
    QVERIFY(framer.feed("{\"a\":").isEmpty());
    QVERIFY(framer.feed("1").isEmpty());
    QCOMPARE(lines(framer.feed("}\n")), QByteArrayList{ "{\"a\":1}" });
    QCOMPARE(framer.bufferedBytes(), 0);
}

void tst_LineFramer::splitsSeveralMessagesInOneRead()
{
    LineFramer framer;
    QCOMPARE(lines(framer.feed("one\ntwo\nthr")), (QByteArrayList{ "one", "two" }));
    QCOMPARE(lines(framer.feed("ee\n")), QByteArrayList{ "three" });
}

void tst_LineFramer::acceptsCrLfAndSkipsBlankLines()
{
    LineFramer framer;
    QCOMPARE(lines(framer.feed("a\r\n\n  \r\nb\n")), (QByteArrayList{ "a", "b" }));
}

void tst_LineFramer::reportsAnOverlongLineOnceAndRecovers()
{
    LineFramer framer(10);
    QCOMPARE(lines(framer.feed("short\n0123456789AB")), (QByteArrayList{ "short", "<overlong>" }));
    // The rest of the long line is skipped without a second report...
    QVERIFY(framer.feed("CDEFGHIJKLMNOP").isEmpty());
    QCOMPARE(framer.bufferedBytes(), 0);
    // ...and the next line is read normally.
    QCOMPARE(lines(framer.feed("QRS\nnext\n")), QByteArrayList{ "next" });
}

void tst_LineFramer::reportsAnOverlongLineBeforeItsNewlineArrives()
{
    // A client that streams a huge line must not make the server buffer all of it.
    LineFramer framer(1024);
    const QByteArray chunk(700, 'x');
    QVERIFY(framer.feed(chunk).isEmpty());
    QCOMPARE(lines(framer.feed(chunk)), QByteArrayList{ "<overlong>" });
    for (int i = 0; i < 100; ++i)
        QVERIFY(framer.feed(chunk).isEmpty());
    QCOMPARE(framer.bufferedBytes(), 0);
}

void tst_LineFramer::keepsAnUnterminatedLastLineAtTheEnd()
{
    LineFramer framer;
    QVERIFY(framer.feed("{\"last\":true}").isEmpty());
    QCOMPARE(lines(framer.finish()), QByteArrayList{ "{\"last\":true}" });
}

QTEST_GUILESS_MAIN(tst_LineFramer)
#include "tst_lineframer.moc"
