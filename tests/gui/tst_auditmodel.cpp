#include "AuditModel.h"
#include "AuditTrail.h"
#include "AuditWindow.h"

#include "TestSupport.h"

#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The audit viewer's model on a real trail: rows other processes append, SQL filters, paging,
// the failure highlight; and the window around it (scroll position, verify, export).
class tst_AuditModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsEventsOfOtherProcesses();
    void filtersInTheDatabase_data();
    void filtersInTheDatabase();
    void pagesWithFetchMore();
    void failuresStandOut();
    void keepsTheScrolledPositionWhenRowsArrive();
    void verifiesAndExports();

private:
    // tool.call events as the gate writes them: every fifth denied, every seventh an error.
    void appendEvents(int count) const;
    void runAuditWriter(int count, const QString &tag) const;
    static int seqAt(const QAbstractItemModel &model, int row);

    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_AuditModel::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_AuditModel::cleanup()
{
    m_home.reset();
}

void tst_AuditModel::appendEvents(int count) const
{
    const std::unique_ptr<AuditTrail> trail = AuditTrail::open(m_home->path());
    QVERIFY(trail);
    for (int i = 1; i <= count; ++i) {
        AuditEvent event;
        event.event = QLatin1String(i % 5 == 0 ? AuditEvent::AUTHZ_DENIED : AuditEvent::TOOL_CALL);
        event.keyId = i % 2 ? QStringLiteral("hwk_operator_001") : QStringLiteral("hwk_admin_002");
        event.source = QStringLiteral("127.0.0.1");
        event.action = QStringLiteral("control_device");
        event.target = QStringLiteral("ha:light.room_%1").arg(i);
        event.result = i % 5 == 0 ? QStringLiteral("denied")
                : i % 7 == 0      ? QStringLiteral("error")
                                  : QStringLiteral("allowed");
        if (i == 42)
            event.reason = QStringLiteral("100% sure_thing");
        trail->append(event);
    }
    QVERIFY(trail->flush(30000));
}

void tst_AuditModel::runAuditWriter(int count, const QString &tag) const
{
    QProcess writer;
    writer.start(QStringLiteral(HW_AUDIT_WRITER), {m_home->path(), QString::number(count), tag});
    QVERIFY(writer.waitForFinished(30000));
    QCOMPARE(writer.exitCode(), 0);
}

int tst_AuditModel::seqAt(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data(AuditModel::SeqRole).toInt();
}

void tst_AuditModel::showsEventsOfOtherProcesses()
{
    AuditModel model(m_home->path());
    QVERIFY(model.errorString().isEmpty());
    QCOMPARE(model.rowCount(), 0);

    // `homewarden keys generate` records key.created from its own process.
    const QString key = TestSupport::generateKey(m_home->path(), QStringLiteral("operator"));
    QVERIFY(!key.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    QCOMPARE(model.index(0, AuditModel::EventColumn).data().toString(),
            QStringLiteral("key.created"));
    QCOMPARE(model.index(0, AuditModel::SourceColumn).data().toString(), QStringLiteral("cli"));

    // ... and more, newest first, at the top.
    runAuditWriter(3, QStringLiteral("writer"));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 5000);
    QCOMPARE(
            model.index(0, AuditModel::TargetColumn).data().toString(), QStringLiteral("writer/3"));
    QCOMPARE(model.index(3, AuditModel::EventColumn).data().toString(),
            QStringLiteral("key.created"));
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(seqAt(model, row - 1) > seqAt(model, row));
}

void tst_AuditModel::filtersInTheDatabase_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("results");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");

    // 300 events: 60 denied (every 5th), 35 errors (every 7th, 8 of them also every 5th).
    QTest::newRow("everything") << QString() << QString() << QStringList() << QString() << 300;
    QTest::newRow("event") << QStringLiteral("authz.denied") << QString() << QStringList()
                           << QString() << 60;
    QTest::newRow("key") << QString() << QStringLiteral("hwk_admin_002") << QStringList()
                         << QString() << 150;
    QTest::newRow("failures") << QString() << QString() << AuditEvent::failureResults() << QString()
                              << 60 + 42 - 8;
    QTest::newRow("one result") << QString() << QString() << QStringList{QStringLiteral("error")}
                                << QString() << 42 - 8;
    QTest::newRow("text") << QString() << QString() << QStringList() << QStringLiteral("ROOM_300")
                          << 1;
    QTest::newRow("text with wildcards")
            << QString() << QString() << QStringList() << QStringLiteral("0% sure_") << 1;
    QTest::newRow("wildcards are literal")
            << QString() << QString() << QStringList() << QStringLiteral("room%1") << 0;
    QTest::newRow("combined") << QStringLiteral("authz.denied")
                              << QStringLiteral("hwk_operator_001") << QStringList() << QString()
                              << 30;
}

void tst_AuditModel::filtersInTheDatabase()
{
    QFETCH(QString, event);
    QFETCH(QString, key);
    QFETCH(QStringList, results);
    QFETCH(QString, text);
    QFETCH(int, expected);
    appendEvents(300);

    AuditModel model(m_home->path());
    AuditLog::Filter filter;
    filter.event = event;
    filter.keyId = key;
    filter.results = results;
    filter.text = text;
    model.setFilter(filter);
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), expected);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!event.isEmpty())
            QCOMPARE(model.index(row, AuditModel::EventColumn).data().toString(), event);
        if (!key.isEmpty())
            QCOMPARE(model.index(row, AuditModel::KeyColumn).data().toString(), key);
        if (!results.isEmpty())
            QVERIFY(results.contains(model.index(row, AuditModel::ResultColumn).data().toString()));
    }
}

void tst_AuditModel::pagesWithFetchMore()
{
    const int total = 3 * AuditModel::PAGE_ROWS + 10;
    appendEvents(total);
    AuditModel model(m_home->path());
    QCOMPARE(model.rowCount(), AuditModel::PAGE_ROWS);
    QCOMPARE(seqAt(model, 0), total);
    QVERIFY(model.canFetchMore(QModelIndex()));

    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 2 * AuditModel::PAGE_ROWS);
    model.fetchMore(QModelIndex());
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), total);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    for (int row = 0; row < total; ++row)
        QCOMPARE(seqAt(model, row), total - row);

    // Rows dropped from the end come back when asked for.
    model.discardRowsAfter(AuditModel::PAGE_ROWS);
    QCOMPARE(model.rowCount(), AuditModel::PAGE_ROWS);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QCOMPARE(seqAt(model, AuditModel::PAGE_ROWS), total - AuditModel::PAGE_ROWS);
}

void tst_AuditModel::failuresStandOut()
{
    appendEvents(10);
    AuditModel model(m_home->path());
    QCOMPARE(model.rowCount(), 10);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, AuditModel::ReasonColumn);
        const QString result = model.index(row, AuditModel::ResultColumn).data().toString();
        const bool failure = result == QLatin1String("denied") || result == QLatin1String("error");
        QCOMPARE(index.data(AuditModel::FailureRole).toBool(), failure);
        QCOMPARE(index.data(Qt::BackgroundRole).isValid(), failure);
        QCOMPARE(index.data(Qt::ForegroundRole).isValid(), failure);
    }
}

void tst_AuditModel::keepsTheScrolledPositionWhenRowsArrive()
{
    appendEvents(AuditModel::PAGE_ROWS);
    AuditWindow window(m_home->path());
    window.resize(900, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *view = window.findChild<QTableView *>(QStringLiteral("auditView"));
    const QAbstractItemModel &model = *view->model();

    // At the top, new rows come into sight.
    runAuditWriter(2, QStringLiteral("first"));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), AuditModel::PAGE_ROWS + 2, 5000);
    QCOMPARE(view->verticalScrollBar()->value(), 0);
    QCOMPARE(seqAt(model, view->rowAt(0)), AuditModel::PAGE_ROWS + 2);

    // Scrolled away, the rows read stay in place.
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    QCoreApplication::processEvents();
    const int topSeq = seqAt(model, view->rowAt(0));
    runAuditWriter(3, QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), AuditModel::PAGE_ROWS + 5, 5000);
    QCoreApplication::processEvents();
    QCOMPARE(seqAt(model, view->rowAt(0)), topSeq);
}

void tst_AuditModel::verifiesAndExports()
{
    appendEvents(50);
    AuditWindow window(m_home->path());
    auto *message = window.findChild<QLabel *>(QStringLiteral("messageLabel"));
    window.verifyChain();
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("intact")), 10000);
    QVERIFY2(message->text().contains(QStringLiteral("50 event")), qPrintable(message->text()));

    // The export follows the filters: here only failures.
    window.findChild<AuditModel *>()->setFilter([] {
        AuditLog::Filter failures;
        failures.results = AuditEvent::failureResults();
        return failures;
    }());
    const QString path = m_home->filePath(QStringLiteral("export.jsonl"));
    QVERIFY(window.exportTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 10 + 7 - 1 + 1); // 10 denied, 7 errors less the one both, last ''
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QJsonObject line = QJsonDocument::fromJson(lines.at(i)).object();
        QVERIFY(AuditEvent::failureResults().contains(
                line.value(QStringLiteral("result")).toString()));
        QVERIFY(line.contains(QStringLiteral("hash")));
    }
}

QTEST_MAIN(tst_AuditModel)
#include "tst_auditmodel.moc"
