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
    void bansASourceAfterTenFailures();
    void aSuccessClearsTheFailures();

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

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
