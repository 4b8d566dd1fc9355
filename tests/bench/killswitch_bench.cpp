// The kill switch's two figures (DESIGN.md target: stop -> in-flight request aborted in another
// process, p99 < 50 ms):
//  - how long after a stop the other HomeWarden processes hear of it: the time from engage()
//    (or release()) returning in one KillSwitch to changed() firing in another, first within
//    one process, then across two (this program runs itself as the engaging helper);
//  - what stopFor() costs, since it runs before every backend request.
// The clock is steady_clock, which on Linux is CLOCK_MONOTONIC and so comparable between
// processes. Usage: bench_killswitch_latency [trials] (default 100).
#include "KillSwitch.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr int WAIT_MS = 5000;
constexpr int STOP_FOR_CALLS = 20000;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

double percentileMs(std::vector<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size())));
    return double(values[index]) / 1e6;
}

void report(const char *what, const std::vector<qint64> &ns)
{
    std::printf("%-58s median %7.3f ms  p99 %7.3f ms  max %7.3f ms  (%zu trials)\n", what,
            percentileMs(ns, 0.5), percentileMs(ns, 0.99), percentileMs(ns, 1.0), ns.size());
}

void toggle(KillSwitch *killSwitch, int trial)
{
    if (trial % 2 == 0)
        killSwitch->engage(KillScope::HomeAssistant, QStringLiteral("bench"), QString());
    else
        killSwitch->release(KillScope::HomeAssistant, QStringLiteral("bench"));
}

// Notes when a KillSwitch's changed() first fires after arm(), and runs the event loop until
// a condition holds or WAIT_MS pass.
class ChangeProbe
{
public:
    explicit ChangeProbe(KillSwitch *watched)
    {
        m_timeout.setSingleShot(true);
        QObject::connect(&m_timeout, &QTimer::timeout, &m_loop, [this] { m_loop.exit(1); });
        QObject::connect(watched, &KillSwitch::changed, &m_loop, [this] {
            if (m_firedAt == 0)
                m_firedAt = nowNs();
            m_loop.exit(0);
        });
    }

    void arm() { m_firedAt = 0; }
    qint64 firedAt() const { return m_firedAt; }
    void wake() { m_loop.exit(0); }

    template <typename Done> bool waitUntil(Done done)
    {
        m_timeout.start(WAIT_MS);
        while (!done()) {
            if (m_loop.exec() != 0)
                return false;
        }
        m_timeout.stop();
        return true;
    }

private:
    QEventLoop m_loop;
    QTimer m_timeout;
    qint64 m_firedAt = 0;
};

// The helper: engages or releases on each line of stdin and answers "called returned" (ns).
int runEngager(const QString &directory)
{
    KillSwitch killSwitch(directory, {});
    std::string line;
    int trial = 0;
    while (std::getline(std::cin, line)) {
        const qint64 called = nowNs();
        toggle(&killSwitch, trial++);
        const qint64 returned = nowNs();
        std::printf(
                "%lld %lld\n", static_cast<long long>(called), static_cast<long long>(returned));
        std::fflush(stdout);
    }
    return 0;
}

void measureStopFor(const QString &directory)
{
    KillSwitch killSwitch(directory, {});
    for (const bool engaged : {false, true}) {
        if (engaged)
            killSwitch.engage(KillScope::All, QStringLiteral("bench"), QString());
        for (int i = 0; i < 1000; ++i) // warm-up
            killSwitch.stopFor(QStringLiteral("ha"));
        std::vector<qint64> ns;
        ns.reserve(STOP_FOR_CALLS);
        for (int i = 0; i < STOP_FOR_CALLS; ++i) {
            const qint64 start = nowNs();
            const std::optional<KillStop> stop = killSwitch.stopFor(QStringLiteral("ha"));
            ns.push_back(nowNs() - start);
            if (stop.has_value() != engaged) {
                std::fprintf(stderr, "stopFor() answered wrongly\n");
                return;
            }
        }
        std::sort(ns.begin(), ns.end());
        std::printf("stopFor() per call, %-38s median %7.2f us  p99 %7.2f us  (%d calls)\n",
                engaged ? "engaged:" : "released:", double(ns[ns.size() / 2]) / 1e3,
                double(ns[size_t(0.99 * double(ns.size()))]) / 1e3, STOP_FOR_CALLS);
    }
    killSwitch.release(KillScope::All, QStringLiteral("bench"));
}

int measureInProcess(const QString &directory, int trials)
{
    KillSwitch writer(directory, {});
    KillSwitch watcher(directory, {});
    ChangeProbe probe(&watcher);
    std::vector<qint64> fromReturn;
    for (int trial = 0; trial < trials; ++trial) {
        probe.arm();
        toggle(&writer, trial);
        const qint64 returned = nowNs();
        if (!probe.waitUntil([&probe] { return probe.firedAt() != 0; })) {
            std::fprintf(stderr, "in-process trial %d: changed() never came\n", trial);
            return 1;
        }
        fromReturn.push_back(probe.firedAt() - returned);
    }
    report("one process, engage() returned -> changed():", fromReturn);
    return 0;
}

int measureAcrossProcesses(const QString &directory, int trials)
{
    KillSwitch watcher(directory, {});
    ChangeProbe probe(&watcher);
    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QObject::connect(
            &helper, &QProcess::readyReadStandardOutput, &helper, [&probe] { probe.wake(); });
    helper.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--engager"), directory});
    if (!helper.waitForStarted(WAIT_MS)) {
        std::fprintf(stderr, "the helper did not start\n");
        return 1;
    }

    std::vector<qint64> fromReturn;
    std::vector<qint64> fromCall;
    for (int trial = 0; trial < trials; ++trial) {
        probe.arm();
        helper.write("go\n");
        if (!probe.waitUntil([&] { return probe.firedAt() != 0 && helper.canReadLine(); })) {
            std::fprintf(stderr, "cross-process trial %d: no answer\n", trial);
            return 1;
        }
        const QList<QByteArray> times = helper.readLine().trimmed().split(' ');
        if (times.size() != 2) {
            std::fprintf(stderr, "cross-process trial %d: bad answer\n", trial);
            return 1;
        }
        fromCall.push_back(probe.firedAt() - times.at(0).toLongLong());
        fromReturn.push_back(probe.firedAt() - times.at(1).toLongLong());
    }
    helper.closeWriteChannel();
    helper.waitForFinished(WAIT_MS);
    report("two processes, engage() returned -> changed():", fromReturn);
    report("two processes, engage() called -> changed():", fromCall);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--engager"))
        return runEngager(arguments.at(2));
    const int trials = arguments.size() > 1 ? std::max(10, arguments.at(1).toInt()) : 100;

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary directory\n");
        return 1;
    }
    std::printf("state directory %s\n", qPrintable(dir.path()));
    measureStopFor(dir.path());
    if (measureInProcess(dir.path(), trials) != 0)
        return 1;
    return measureAcrossProcesses(dir.path(), trials);
}
