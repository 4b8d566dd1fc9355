// The gateway's cost per tool call: Gatekeeper::admit() (key re-read, authorization, rate limit
// in homewarden.db) plus finished() (the tool.call audit event), measured call by call against
// a real database in a temporary directory. DESIGN.md's target: p99 <= 200 us.
// The key calls at exactly its role's limit (the clock moves 60 s / limit per call), so the
// rate window is always full: the steady state of the busiest client the limit allows.
#include "AuditTrail.h"
#include "Clock.h"
#include "Gatekeeper.h"
#include "LoginGuard.h"
#include "RateLimiter.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"
#include "ToolResult.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double percentile(std::vector<qint64> sorted, double p)
{
    std::sort(sorted.begin(), sorted.end());
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size())));
    return double(sorted[index]) / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? std::max(1000, atoi(argv[1])) : 20000;

    QTemporaryDir dir;
    QString error;
    auto db = StateDatabase::open(dir.path(), StateDatabase::Durability::Normal, &error);
    auto runtime = StateDatabase::openRuntime(dir.path(), &error);
    auto trail = AuditTrail::open(dir.path(), &error);
    if (!db || !runtime || !trail) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(error));
        return 1;
    }
    SqlKeyStore keys(db.get());
    RateLimiter limiter(runtime.get());
    LoginGuard guard(runtime.get());
    SqlKeyStore::NewKey spec;
    spec.name = QStringLiteral("bench");
    spec.role = argc > 2 && QByteArray(argv[2]) == "admin" ? Role::Admin : Role::Operator;
    spec.createdBy = QStringLiteral("bench");
    const std::optional<QString> key = keys.create(spec, &error);
    if (!key) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(error));
        return 1;
    }

    Gatekeeper::Services services;
    services.keys = &keys;
    services.rateLimiter = &limiter;
    services.loginGuard = &guard;
    services.audit = [&trail](const AuditEvent &event) { trail->append(event); };
    ManualClock clock(QDateTime::currentDateTimeUtc());
    services.clock = &clock;
    const qint64 stepMs = 60'000 / Roles::defaultRateLimit(spec.role) + 1;
    Gatekeeper gate(services, SecurityLevel::Production);
    const Caller caller = gate.authenticate(*key, QStringLiteral("stdio"), QStringLiteral("stdio"));

    ToolCall call;
    call.tool = QStringLiteral("control_device");
    call.access.kind = AccessRequest::Kind::Control;
    call.access.target = QStringLiteral("ha:light.kitchen");
    call.caller = caller;
    const ToolResult result = ToolResult::success(QStringLiteral("done"));

    std::vector<qint64> admitNs;
    std::vector<qint64> totalNs;
    admitNs.reserve(size_t(calls));
    totalNs.reserve(size_t(calls));
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer timer;
        timer.start();
        const ToolGate::Admission admission = gate.admit(call);
        admitNs.push_back(timer.nsecsElapsed());
        gate.finished(call, result);
        totalNs.push_back(timer.nsecsElapsed());
        clock.advance(stepMs);
        if (!admission.allowed) {
            std::fprintf(stderr, "call %d refused: %s\n", i, qPrintable(admission.reason));
            return 1;
        }
    }
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    trail->flush(60000);

    std::printf("gateway cost per tool call (%d calls, %s key at its limit of %d/min, real "
                "homewarden.db)\n",
            calls, qPrintable(Roles::name(spec.role)), Roles::defaultRateLimit(spec.role));
    std::printf("  admit (key + authorize + rate limit): median %.1f us, p99 %.1f us\n",
            percentile(admitNs, 0.5), percentile(admitNs, 0.99));
    std::printf("  admit + audit (the whole gate):       median %.1f us, p99 %.1f us\n",
            percentile(totalNs, 0.5), percentile(totalNs, 0.99));
    std::printf("  one process, back to back: %.0f gated calls/s\n", calls / seconds);
    const double p99 = percentile(totalNs, 0.99);
    std::printf("  %s design goal: p99 <= 200 us (%.1f us)\n", p99 <= 200.0 ? "PASS" : "FAIL", p99);
    return 0;
}
