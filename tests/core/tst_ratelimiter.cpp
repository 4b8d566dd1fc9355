#include "Clock.h"
#include "LoginGuard.h"
#include "RateLimiter.h"
#include "StateDatabase.h"

#include <QTemporaryDir>
#include <QTest>

// The rate limiter and the login guard: both keep their windows in runtime.db.
class tst_RateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void refusesTheCallOverTheLimitWithARetryTime();
    void slidesTheWindow();
    void keysHaveSeparateWindows();
    void twoConnectionsShareOneWindow();
    void busyProcessesNeverExceedTheLimitTogether();
    void unusedReservationsAreGivenBack();
    void callsGivenBackCanBeTakenInTheSameSecond();
    void bansASourceAfterTenFailures();
    void aSuccessClearsTheFailures();
    void aBanByAnotherProcessCountsAtOnce();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StateDatabase> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC)};
};

void tst_RateLimiter::init()
{
    m_db.reset();
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QLatin1String(StateDatabase::RUNTIME_FILE_NAME)));
    QString error;
    m_db = StateDatabase::openRuntime(m_dir.path(), &error);
    QVERIFY2(m_db, qPrintable(error));
}

void tst_RateLimiter::refusesTheCallOverTheLimitWithARetryTime()
{
    RateLimiter limiter(m_db.get());
    for (int call = 1; call <= 100; ++call) {
        const auto verdict =
                limiter.acquire(QStringLiteral("hwk_operator_001"), 100, m_clock.now());
        QVERIFY2(verdict.allowed, qPrintable(QString::number(call)));
        QCOMPARE(verdict.remaining, 100 - call);
        m_clock.advance(100); // 100 calls within 10 s
    }
    const auto refused = limiter.acquire(QStringLiteral("hwk_operator_001"), 100, m_clock.now());
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.limit, 100);
    QCOMPARE(refused.remaining, 0);
    // The first call leaves the window 60 s after it was made: 50 s from now.
    QCOMPARE(refused.retryAfterSeconds, 50);
}

void tst_RateLimiter::slidesTheWindow()
{
    RateLimiter limiter(m_db.get());
    const QString key = QStringLiteral("hwk_monitor_002");
    for (int call = 0; call < 10; ++call)
        QVERIFY(limiter.acquire(key, 10, m_clock.now()).allowed);
    QVERIFY(!limiter.acquire(key, 10, m_clock.now()).allowed);
    m_clock.advance(59'999);
    QVERIFY(!limiter.acquire(key, 10, m_clock.now()).allowed);
    m_clock.advance(1);
    const auto again = limiter.acquire(key, 10, m_clock.now());
    QVERIFY(again.allowed);
    QCOMPARE(again.remaining, 9);
}

void tst_RateLimiter::keysHaveSeparateWindows()
{
    RateLimiter limiter(m_db.get());
    QVERIFY(limiter.acquire(QStringLiteral("a"), 1, m_clock.now()).allowed);
    QVERIFY(!limiter.acquire(QStringLiteral("a"), 1, m_clock.now()).allowed);
    QVERIFY(limiter.acquire(QStringLiteral("b"), 1, m_clock.now()).allowed);
}

void tst_RateLimiter::twoConnectionsShareOneWindow()
{
    // As two processes would: each its own connection to the same file.
    std::unique_ptr<StateDatabase> other = StateDatabase::openRuntime(m_dir.path());
    QVERIFY(other);
    RateLimiter first(m_db.get());
    RateLimiter second(other.get());
    for (int call = 0; call < 5; ++call) {
        QVERIFY(first.acquire(QStringLiteral("k"), 10, m_clock.now()).allowed);
        QVERIFY(second.acquire(QStringLiteral("k"), 10, m_clock.now()).allowed);
    }
    QVERIFY(!first.acquire(QStringLiteral("k"), 10, m_clock.now()).allowed);
    QVERIFY(!second.acquire(QStringLiteral("k"), 10, m_clock.now()).allowed);
}

void tst_RateLimiter::busyProcessesNeverExceedTheLimitTogether()
{
    // Two busy processes on one key with a large limit reserve calls in blocks; between them
    // they get exactly the limit, no call more and none lost, and the header counts down.
    std::unique_ptr<StateDatabase> other = StateDatabase::openRuntime(m_dir.path());
    QVERIFY(other);
    const int limit = 5000;
    QCOMPARE(RateLimiter::maxBlock(limit), 50);
    RateLimiter first(m_db.get());
    RateLimiter second(other.get());
    const QString key = QStringLiteral("hwk_custom_001");
    int allowed = 0;
    bool firstDone = false;
    bool secondDone = false;
    for (int round = 0; round < 2 * limit && !(firstDone && secondDone); ++round) {
        // 100 calls a second from each: blocks of 1, 2, 4 ... 32, 50, 50; the rest given back.
        if (round % 100 == 0)
            m_clock.advance(1000);
        for (RateLimiter *limiter : {&first, &second}) {
            const auto verdict = limiter->acquire(key, limit, m_clock.now());
            if (verdict.allowed) {
                ++allowed;
                QVERIFY(verdict.remaining >= 0 && verdict.remaining < limit);
            } else {
                (limiter == &first ? firstDone : secondDone) = true;
            }
        }
    }
    QCOMPARE(allowed, limit);
    QVERIFY(!first.acquire(key, limit, m_clock.now()).allowed);
    QVERIFY(!second.acquire(key, limit, m_clock.now()).allowed);
}

void tst_RateLimiter::unusedReservationsAreGivenBack()
{
    const QString key = QStringLiteral("hwk_admin_001");
    const int limit = 1000; // blocks of up to 10
    std::unique_ptr<StateDatabase> other = StateDatabase::openRuntime(m_dir.path());
    QVERIFY(other);
    RateLimiter observer(other.get());
    {
        RateLimiter busy(m_db.get());
        // Four calls in one second reserve 1 + 2 + 4: three are held unused.
        for (int call = 0; call < 4; ++call)
            QVERIFY(busy.acquire(key, limit, m_clock.now()).allowed);
        QCOMPARE(observer.peek(key, limit, m_clock.now()).remaining, limit - 7);
        QCOMPARE(busy.peek(key, limit, m_clock.now()).remaining, limit - 4);

        // The next call, a second later, gives them back.
        m_clock.advance(1000);
        const auto next = busy.acquire(key, limit, m_clock.now());
        QCOMPARE(next.remaining, limit - 5);
        QCOMPARE(observer.peek(key, limit, m_clock.now()).remaining, limit - 5);

        // Three more: blocks of 2 and 4 hold three unused again.
        for (int call = 0; call < 3; ++call)
            QVERIFY(busy.acquire(key, limit, m_clock.now()).allowed);
        QCOMPARE(observer.peek(key, limit, m_clock.now()).remaining, limit - 11);
        QCOMPARE(busy.peek(key, limit, m_clock.now()).remaining, limit - 8);
    }
    // A limiter that ends (its process quits) gives back what it held.
    QCOMPARE(observer.peek(key, limit, m_clock.now()).remaining, limit - 8);
}

void tst_RateLimiter::callsGivenBackCanBeTakenInTheSameSecond()
{
    // One process holds the last calls of the window unused, so the other is refused; once
    // they are given back (the first process quits), the other gets them within the same
    // second.
    const QString key = QStringLiteral("hwk_admin_001");
    const int limit = 1000;
    std::unique_ptr<StateDatabase> other = StateDatabase::openRuntime(m_dir.path());
    QVERIFY(other);
    RateLimiter waiting(other.get());
    int used = 0;
    {
        RateLimiter holding(m_db.get());
        while (waiting.peek(key, limit, m_clock.now()).remaining > 0) {
            QVERIFY(holding.acquire(key, limit, m_clock.now()).allowed);
            ++used;
        }
        QVERIFY(used < limit); // the last block is not used up
        QVERIFY(!waiting.acquire(key, limit, m_clock.now()).allowed);
    }
    for (; used < limit; ++used)
        QVERIFY2(waiting.acquire(key, limit, m_clock.now()).allowed,
                qPrintable(QString::number(used)));
    QVERIFY(!waiting.acquire(key, limit, m_clock.now()).allowed);
}

void tst_RateLimiter::bansASourceAfterTenFailures()
{
    LoginGuard guard(m_db.get());
    const QString source = QStringLiteral("203.0.113.9");
    for (int failure = 1; failure < LoginGuard::MAX_FAILURES; ++failure) {
        QVERIFY(!guard.recordFailure(source, m_clock.now()).isValid());
        m_clock.advance(20'000); // nine failures within three minutes
    }
    QVERIFY(!guard.bannedUntil(source, m_clock.now()).isValid());
    const QDateTime until = guard.recordFailure(source, m_clock.now());
    QCOMPARE(until, m_clock.now().addSecs(15 * 60));
    QCOMPARE(guard.bannedUntil(source, m_clock.now()), until);
    QVERIFY(!guard.bannedUntil(QStringLiteral("203.0.113.10"), m_clock.now()).isValid());

    m_clock.advance(15 * 60 * 1000);
    QVERIFY(!guard.bannedUntil(source, m_clock.now()).isValid());
}

void tst_RateLimiter::aSuccessClearsTheFailures()
{
    LoginGuard guard(m_db.get());
    const QString source = QStringLiteral("198.51.100.4");
    for (int failure = 1; failure < LoginGuard::MAX_FAILURES; ++failure)
        guard.recordFailure(source, m_clock.now());
    guard.recordSuccess(source);
    QVERIFY(!guard.recordFailure(source, m_clock.now()).isValid());

    // Failures older than five minutes do not count.
    LoginGuard slow(m_db.get());
    const QString patient = QStringLiteral("198.51.100.5");
    for (int failure = 0; failure < 20; ++failure) {
        QVERIFY(!slow.recordFailure(patient, m_clock.now()).isValid());
        m_clock.advance(40'000);
    }
}

void tst_RateLimiter::aBanByAnotherProcessCountsAtOnce()
{
    // Each guard keeps what it read of a source; another server banning it must still count
    // at the next request here.
    std::unique_ptr<StateDatabase> other = StateDatabase::openRuntime(m_dir.path());
    QVERIFY(other);
    LoginGuard here(m_db.get());
    LoginGuard there(other.get());
    const QString source = QStringLiteral("203.0.113.77");
    QVERIFY(!here.bannedUntil(source, m_clock.now()).isValid());
    here.recordSuccess(source);
    QDateTime until;
    for (int failure = 0; failure < LoginGuard::MAX_FAILURES; ++failure)
        until = there.recordFailure(source, m_clock.now());
    QVERIFY(until.isValid());
    QCOMPARE(here.bannedUntil(source, m_clock.now()), until);

    // What every request writes, the rate-limit window, leaves what the guard keeps valid.
    const qint64 logins = m_db->changeCount(QStringLiteral("logins"));
    QVERIFY(logins > 0);
    RateLimiter limiter(other.get());
    QVERIFY(limiter.acquire(QStringLiteral("hwk_admin_001"), 10, m_clock.now()).allowed);
    QCOMPARE(m_db->changeCount(QStringLiteral("logins")), logins);
}

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
