// Audit viewer benchmark (DESIGN.md, "Performance targets": the viewer opens a trail of
// 1,000,000 events in under a second): builds the trail with the real writer (in a child
// process, so that the writer's queue does not count in the viewer's memory), then measures
// constructing AuditWindow until its first page is in the model and painted (offscreen), and
// scrolling down to row 100,000 the way a person drags the scroll bar: each time the view
// reaches the end it calls fetchMore(). The trail is in the page cache by then: warm figures.
//
// Usage: bench_auditviewer [--dir DIR] [--rows N] [--scroll-to N] [--strict]
//   --dir DIR        where the trail is written (default: a temporary directory under TMPDIR)
//   --rows N         events in the trail (default 1000000)
//   --scroll-to N    the row scrolled to (default 100000)
//   --strict         exit 1 when the viewer takes 1 s or more to open
#include "AuditModel.h"
#include "AuditTrail.h"
#include "AuditWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr double TARGET_OPEN_SECONDS = 1.0;
constexpr int OPEN_RUNS = 5;

// A busy gateway's mix: mostly allowed tool calls, every 20th refused, now and then a key
// event.
AuditEvent sampleEvent(int i)
{
    AuditEvent event;
    const bool refused = i % 20 == 0;
    event.event = QLatin1String(refused ? AuditEvent::AUTHZ_DENIED
                    : i % 1000 == 0     ? AuditEvent::KEY_UPDATED
                                        : AuditEvent::TOOL_CALL);
    event.keyId = QStringLiteral("hwk_operator_%1").arg(1 + i % 7, 3, 10, QLatin1Char('0'));
    event.source = QStringLiteral("127.0.0.1");
    event.action = QStringLiteral("control_device");
    event.target = QStringLiteral("ha:light.living_room_%1").arg(i % 50);
    event.result = refused ? QStringLiteral("denied") : QStringLiteral("allowed");
    if (refused)
        event.reason = QStringLiteral("The key may not control security devices.");
    return event;
}

double millisecondsSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Resident memory of this process in MiB, from /proc (0 where there is none).
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Opens the window and returns the milliseconds until the first page is painted.
double openWindow(const QString &directory, const AuditLog::Filter *filter = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    AuditWindow window(directory);
    auto *model = window.findChild<AuditModel *>();
    if (filter)
        model->setFilter(*filter);
    window.resize(1200, 800);
    window.show();
    QCoreApplication::processEvents();
    const double elapsed = millisecondsSince(timer);
    if (model->rowCount() == 0 && !filter)
        std::fprintf(stderr, "bench_auditviewer: the first page is empty (%s)\n",
                qPrintable(model->errorString()));
    return elapsed;
}

// The child's job: the trail, written as a gateway writes it.
int writeTrail(const QString &directory, int rows)
{
    QString error;
    const std::unique_ptr<AuditTrail> trail = AuditTrail::open(directory, &error);
    if (!trail) {
        std::fprintf(stderr, "bench_auditviewer: %s\n", qPrintable(error));
        return 1;
    }
    for (int i = 1; i <= rows; ++i)
        trail->append(sampleEvent(i));
    if (!trail->flush(600000)) {
        std::fprintf(stderr, "bench_auditviewer: the trail was not written in time\n");
        return 1;
    }
    return 0;
}

constexpr char WRITE_TRAIL[] = "--write-trail";

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 4 && arguments.at(1) == QLatin1String(WRITE_TRAIL))
        return writeTrail(arguments.at(2), arguments.at(3).toInt());
    QString base;
    int rows = 1000000;
    int scrollTo = 100000;
    bool strict = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (argument == QLatin1String("--dir") && hasValue)
            base = arguments.at(++i);
        else if (argument == QLatin1String("--rows") && hasValue)
            rows = arguments.at(++i).toInt();
        else if (argument == QLatin1String("--scroll-to") && hasValue)
            scrollTo = arguments.at(++i).toInt();
        else if (argument == QLatin1String("--strict"))
            strict = true;
        else {
            std::fprintf(stderr,
                    "usage: bench_auditviewer [--dir DIR] [--rows N] [--scroll-to N] "
                    "[--strict]\n");
            return 2;
        }
    }
    if (rows <= 0 || scrollTo < 0 || scrollTo >= rows) {
        std::fprintf(stderr, "bench_auditviewer: --rows must be positive and above --scroll-to\n");
        return 2;
    }
    QTemporaryDir root(
            base.isEmpty() ? QString() : base + QStringLiteral("/bench_auditviewer-XXXXXX"));
    if (!root.isValid()) {
        std::fprintf(stderr, "bench_auditviewer: no temporary directory (%s)\n",
                qPrintable(root.errorString()));
        return 1;
    }
    const QString directory = root.path();
    std::printf("audit viewer benchmark in %s\n", qPrintable(directory));

    {
        QElapsedTimer timer;
        timer.start();
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QCoreApplication::applicationFilePath(),
                {QLatin1String(WRITE_TRAIL), directory, QString::number(rows)});
        if (!writer.waitForFinished(-1) || writer.exitCode() != 0)
            return 1;
        std::printf("trail:              %d events written in %.2f s (AuditTrail, in a child "
                    "process)\n",
                rows, double(timer.nsecsElapsed()) / 1e9);
    }
    std::printf("memory before:      %.1f MiB resident\n", residentMiB());

    // 1. Open: construct the window, first page read and painted.
    std::vector<double> opens;
    for (int run = 0; run < OPEN_RUNS; ++run)
        opens.push_back(openWindow(directory));
    std::sort(opens.begin(), opens.end());
    const double openMs = opens[opens.size() / 2];
    const bool met = openMs < TARGET_OPEN_SECONDS * 1000;
    std::printf("open (first page):  %.1f ms median of %d, best %.1f ms, worst %.1f ms "
                "[target < %.0f ms for 1,000,000: %s]\n",
            openMs, OPEN_RUNS, opens.front(), opens.back(), TARGET_OPEN_SECONDS * 1000,
            rows < 1000000 ? "not measured" : (met ? "met" : "MISSED"));

    // 2. Filtered opens, done in SQL: a common result, and a text found nowhere (a full scan).
    AuditLog::Filter failures;
    failures.results = AuditEvent::failureResults();
    std::printf("open, failures:     %.1f ms\n", openWindow(directory, &failures));
    AuditLog::Filter byKey;
    byKey.keyId = QStringLiteral("hwk_operator_003");
    std::printf("open, one key:      %.1f ms\n", openWindow(directory, &byKey));
    AuditLog::Filter nowhere;
    nowhere.text = QStringLiteral("no such text");
    std::printf("open, text nowhere: %.1f ms (scans every row)\n", openWindow(directory, &nowhere));

    // 3. Scroll down to row scrollTo: the scroll bar to its end, the view asks for the next
    //    page, lays it out and paints; again until the row is loaded.
    {
        AuditWindow window(directory);
        window.resize(1200, 800);
        window.show();
        QCoreApplication::processEvents();
        auto *view = window.findChild<QTableView *>(QStringLiteral("auditView"));
        const QAbstractItemModel *model = view->model();
        QScrollBar *bar = view->verticalScrollBar();
        std::vector<double> steps;
        QElapsedTimer timer;
        timer.start();
        while (model->rowCount() <= scrollTo) {
            QElapsedTimer step;
            step.start();
            const int before = model->rowCount();
            bar->setValue(bar->maximum());
            QCoreApplication::processEvents();
            steps.push_back(millisecondsSince(step));
            if (model->rowCount() == before) {
                std::fprintf(
                        stderr, "bench_auditviewer: the view stopped fetching at row %d\n", before);
                return 1;
            }
        }
        view->scrollTo(model->index(scrollTo, 0), QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        const double scrollMs = millisecondsSince(timer);
        std::sort(steps.begin(), steps.end());
        const auto percentile = [&steps](double p) {
            return steps[std::min(steps.size() - 1, size_t(p * double(steps.size())))];
        };
        const int top = view->rowAt(0);
        std::printf("scroll to row %d: %.1f ms in %zu steps of a page (%d rows) each: median "
                    "%.2f ms, p99 %.2f ms, max %.2f ms; the top row is now row %d, seq %lld\n",
                scrollTo, scrollMs, steps.size(), AuditModel::PAGE_ROWS, percentile(0.5),
                percentile(0.99), steps.back(), top,
                model->index(top, 0).data(AuditModel::SeqRole).toLongLong());
        std::printf("memory after:       %.1f MiB resident with %d rows loaded\n", residentMiB(),
                model->rowCount());
    }
    return strict && !met ? 1 : 0;
}
