// Audit trail benchmark (DESIGN.md, "Performance targets"): what append() costs the caller,
// how many events per second reach the disk durably, and how long verify() takes for a
// million rows.
//
// Usage: bench_audit [--dir DIR] [--events N] [--verify-rows N] [--strict]
//   --dir DIR          where the trails are written (default: a temporary directory under
//                      TMPDIR; put it on the disk you mean to measure)
//   --events N         events for the append and throughput figures (default 100000)
//   --verify-rows N    rows generated for the verify figure (default 1000000)
//   --strict           exit 1 when a DESIGN target is missed
#include "AuditLog.h"
#include "AuditTrail.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr double TARGET_EVENTS_PER_SECOND = 20000;
constexpr double TARGET_VERIFY_SECONDS = 2.0;
constexpr int VERIFY_RUNS = 3;
// A busy gateway: the steady rate at which append() is timed a second time.
constexpr int PACED_RATE = 10000;

// A typical tool call, as the gate records it.
AuditEvent sampleEvent(int i)
{
    AuditEvent event;
    event.event = QLatin1String(AuditEvent::TOOL_CALL);
    event.keyId = QStringLiteral("hwk_operator_001");
    event.source = QStringLiteral("127.0.0.1");
    event.action = QStringLiteral("control_device");
    event.target = QStringLiteral("ha:light.living_room_%1").arg(i % 50);
    event.result = QStringLiteral("allowed");
    return event;
}

std::unique_ptr<AuditTrail> openTrail(const QString &directory)
{
    QString error;
    std::unique_ptr<AuditTrail> trail = AuditTrail::open(directory, &error);
    if (!trail)
        std::fprintf(stderr, "bench_audit: %s\n", qPrintable(error));
    return trail;
}

double percentile(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size())));
    return double(sorted[index]) / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QString base;
    int events = 100000;
    int verifyRows = 1000000;
    bool strict = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (argument == QLatin1String("--dir") && hasValue)
            base = arguments.at(++i);
        else if (argument == QLatin1String("--events") && hasValue)
            events = arguments.at(++i).toInt();
        else if (argument == QLatin1String("--verify-rows") && hasValue)
            verifyRows = arguments.at(++i).toInt();
        else if (argument == QLatin1String("--strict"))
            strict = true;
        else {
            std::fprintf(stderr,
                    "usage: bench_audit [--dir DIR] [--events N] [--verify-rows N] [--strict]\n");
            return 2;
        }
    }
    if (events <= 0 || verifyRows <= 0) {
        std::fprintf(stderr, "bench_audit: --events and --verify-rows take a positive number\n");
        return 2;
    }
    QTemporaryDir root(base.isEmpty() ? QString() : base + QStringLiteral("/bench_audit-XXXXXX"));
    if (!root.isValid()) {
        std::fprintf(stderr, "bench_audit: no temporary directory (%s)\n",
                qPrintable(root.errorString()));
        return 1;
    }
    std::printf("audit trail benchmark in %s\n", qPrintable(root.path()));
    bool met = true;

    // 1. What a caller pays: each append() timed alone while the writer commits behind it,
    //    once in a burst (the queue grows into fresh memory) and once at a steady rate.
    {
        const std::unique_ptr<AuditTrail> trail =
                openTrail(root.filePath(QStringLiteral("append")));
        if (!trail)
            return 1;
        const auto measure = [&trail](int count, qint64 intervalNs) {
            std::vector<qint64> costs;
            costs.reserve(size_t(count));
            QElapsedTimer clock;
            clock.start();
            QElapsedTimer timer;
            for (int i = 0; i < count; ++i) {
                const AuditEvent event = sampleEvent(i);
                while (clock.nsecsElapsed() < i * intervalNs) { }
                timer.start();
                trail->append(event);
                costs.push_back(timer.nsecsElapsed());
            }
            trail->flush(600000);
            std::sort(costs.begin(), costs.end());
            return costs;
        };
        const std::vector<qint64> burst = measure(events, 0);
        std::printf("append() cost:      median %.2f us, p99 %.2f us, max %.1f us (%d calls in "
                    "a burst)\n",
                percentile(burst, 0.5), percentile(burst, 0.99), double(burst.back()) / 1000.0,
                events);
        const int paced = qMin(events, PACED_RATE);
        const std::vector<qint64> steady = measure(paced, 1000000000LL / PACED_RATE);
        std::printf("                    median %.2f us, p99 %.2f us, max %.1f us (%d calls at "
                    "%d/s)\n",
                percentile(steady, 0.5), percentile(steady, 0.99), double(steady.back()) / 1000.0,
                paced, PACED_RATE);
    }

    // 2. Durable throughput: from the first append until flush() says all is committed.
    {
        const std::unique_ptr<AuditTrail> trail =
                openTrail(root.filePath(QStringLiteral("throughput")));
        if (!trail)
            return 1;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < events; ++i)
            trail->append(sampleEvent(i));
        const bool flushed = trail->flush(600000);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const double rate = events / seconds;
        const bool ok = flushed && rate >= TARGET_EVENTS_PER_SECOND;
        met = met && ok;
        std::printf("durable throughput: %.0f events/s (%d events in %.3f s, synchronous=FULL) "
                    "[target >= %.0f: %s]\n",
                rate, events, seconds, TARGET_EVENTS_PER_SECOND, ok ? "met" : "MISSED");
    }

    // 3. verify() over a trail the writer built.
    {
        const QString directory = root.filePath(QStringLiteral("verify"));
        {
            const std::unique_ptr<AuditTrail> trail = openTrail(directory);
            if (!trail)
                return 1;
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < verifyRows; ++i)
                trail->append(sampleEvent(i));
            trail->flush(600000);
            std::printf("generated:          %d rows in %.2f s\n", verifyRows,
                    double(timer.nsecsElapsed()) / 1e9);
        }
        QString error;
        const std::unique_ptr<AuditLog> log = AuditLog::open(directory, &error);
        if (!log) {
            std::fprintf(stderr, "bench_audit: %s\n", qPrintable(error));
            return 1;
        }
        std::vector<double> times;
        for (int run = 0; run < VERIFY_RUNS; ++run) {
            QElapsedTimer timer;
            timer.start();
            const AuditLog::Verification verification = log->verify();
            times.push_back(double(timer.nsecsElapsed()) / 1e9);
            if (!verification.ok || verification.rowsChecked != verifyRows) {
                std::fprintf(stderr, "bench_audit: verify failed: %s\n",
                        qPrintable(verification.reason));
                return 1;
            }
        }
        std::sort(times.begin(), times.end());
        const double median = times[times.size() / 2];
        const bool ok = verifyRows < 1000000 || median < TARGET_VERIFY_SECONDS;
        met = met && ok;
        std::printf("verify():           %d rows in %.3f s (median of %d; best %.3f s) "
                    "[target < %.1f s for 1,000,000: %s]\n",
                verifyRows, median, VERIFY_RUNS, times.front(), TARGET_VERIFY_SECONDS,
                verifyRows < 1000000 ? "not measured" : (ok ? "met" : "MISSED"));

        // What the audit viewer does first: the newest page and the total.
        QElapsedTimer timer;
        timer.start();
        AuditLog::Filter page;
        page.limit = 1000;
        const qsizetype shown = log->query(page).size();
        const qint64 total = log->count();
        std::printf("viewer first page:  %lld of %lld rows in %.1f ms\n", qlonglong(shown),
                qlonglong(total), double(timer.nsecsElapsed()) / 1e6);
    }
    return strict && !met ? 1 : 0;
}
