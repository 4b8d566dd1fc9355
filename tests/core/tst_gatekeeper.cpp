#include "AuditEvent.h"
#include "Clock.h"
#include "Gatekeeper.h"
#include "LoginGuard.h"
#include "RateLimiter.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"
#include "ToolResult.h"

#include <QTemporaryDir>
#include <QTest>

// The gate as a client meets it: real keys in a real homewarden.db, a clock the test moves,
// and the audit events it writes.
class tst_Gatekeeper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void acceptsAValidKeyAndRecordsItsUse();
    void auditsALoginOncePerMinuteAndAddress();
    void refusesBadKeysWithDistinctAuditedReasons();
    void monitorCannotControl();
    void deviceKeyControlsOnlyItsDevices();
    void operatorCannotUnlockALock();
    void customKeyGetsExactlyItsPermissions();
    void theHundredAndFirstOperatorCallWaits();
    void seesARevocationAtTheNextCall();
    void bansANetworkSourceAfterTenFailures();
    void needsAKeyUnlessAtTheDevelopmentLevel();
    void auditsEachToolCallWithItsResult();

private:
    QString create(Role role, const QStringList &devices = {}, const QStringList &permissions = {},
            const QStringList &ipAllow = {});
    Caller login(const QString &key, const QString &source = QStringLiteral("stdio"));
    ToolGate::Admission call(const Caller &caller, AccessRequest::Kind kind, const QString &target,
            const QString &tool = QStringLiteral("control_device"));
    QStringList eventsOfType(const char *event) const;

    QTemporaryDir m_dir;
    std::unique_ptr<StateDatabase> m_db;
    std::unique_ptr<StateDatabase> m_runtime;
    std::unique_ptr<SqlKeyStore> m_keys;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<LoginGuard> m_guard;
    std::unique_ptr<Gatekeeper> m_gate;
    QList<AuditEvent> m_audit;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 27), QTime(8, 0), Qt::UTC)};
};

void tst_Gatekeeper::init()
{
    m_gate.reset();
    m_guard.reset();
    m_limiter.reset();
    m_keys.reset();
    m_runtime.reset();
    m_db.reset();
    QFile::remove(m_dir.filePath(QLatin1String(StateDatabase::FILE_NAME)));
    QFile::remove(m_dir.filePath(QLatin1String(StateDatabase::RUNTIME_FILE_NAME)));
    QString error;
    m_db = StateDatabase::open(m_dir.path(), StateDatabase::Durability::Normal, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_keys = std::make_unique<SqlKeyStore>(m_db.get(), &m_clock);
    m_runtime = StateDatabase::openRuntime(m_dir.path(), &error);
    QVERIFY2(m_runtime, qPrintable(error));
    m_limiter = std::make_unique<RateLimiter>(m_runtime.get());
    m_guard = std::make_unique<LoginGuard>(m_runtime.get());
    m_audit.clear();
    Gatekeeper::Services services;
    services.keys = m_keys.get();
    services.rateLimiter = m_limiter.get();
    services.loginGuard = m_guard.get();
    services.clock = &m_clock;
    services.audit = [this](const AuditEvent &event) { m_audit.append(event); };
    m_gate = std::make_unique<Gatekeeper>(services, SecurityLevel::Production);
}

QString tst_Gatekeeper::create(Role role, const QStringList &devices,
        const QStringList &permissions, const QStringList &ipAllow)
{
    SqlKeyStore::NewKey spec;
    spec.name = QStringLiteral("test %1").arg(Roles::name(role));
    spec.role = role;
    spec.createdBy = QStringLiteral("test");
    spec.devices = devices;
    spec.permissions = permissions;
    spec.ipAllow = ipAllow;
    QString error;
    const std::optional<QString> key = m_keys->create(spec, &error);
    if (!key)
        qWarning("create failed: %s", qPrintable(error));
    return key.value_or(QString());
}

Caller tst_Gatekeeper::login(const QString &key, const QString &source)
{
    return m_gate->authenticate(key, source, QStringLiteral("stdio"));
}

ToolGate::Admission tst_Gatekeeper::call(
        const Caller &caller, AccessRequest::Kind kind, const QString &target, const QString &tool)
{
    ToolCall c;
    c.tool = tool;
    c.access.kind = kind;
    c.access.target = target;
    c.caller = caller;
    return m_gate->admit(c);
}

QStringList tst_Gatekeeper::eventsOfType(const char *event) const
{
    QStringList reasons;
    for (const AuditEvent &e : m_audit) {
        if (e.event == QLatin1String(event))
            reasons.append(e.reason);
    }
    return reasons;
}

void tst_Gatekeeper::acceptsAValidKeyAndRecordsItsUse()
{
    const QString key = create(Role::Operator);
    QVERIFY(!key.isEmpty());
    const Caller caller = login(key);
    QVERIFY2(caller.isAuthenticated(), qPrintable(caller.refusal));
    QCOMPARE(caller.role, QStringLiteral("operator"));
    QVERIFY(key.startsWith(caller.keyId + QLatin1Char('_')));
    QCOMPARE(eventsOfType(AuditEvent::AUTH_SUCCESS).size(), 1);

    const std::optional<ApiKey> stored = m_keys->find(caller.keyId);
    QVERIFY(stored);
    QCOMPARE(stored->useCount, 1);
    QCOMPARE(stored->lastIp, QStringLiteral("stdio"));
    QCOMPARE(stored->lastUsedAt, m_clock.now());
}

void tst_Gatekeeper::auditsALoginOncePerMinuteAndAddress()
{
    const QString key = create(Role::Operator);
    QVERIFY(login(key, QStringLiteral("192.0.2.7")).isAuthenticated());
    QVERIFY(login(key, QStringLiteral("192.0.2.7")).isAuthenticated());
    QCOMPARE(eventsOfType(AuditEvent::AUTH_SUCCESS).size(), 1);
    QVERIFY(login(key, QStringLiteral("192.0.2.8")).isAuthenticated());
    QCOMPARE(eventsOfType(AuditEvent::AUTH_SUCCESS).size(), 2);
    m_clock.advance(61000);
    QVERIFY(login(key, QStringLiteral("192.0.2.7")).isAuthenticated());
    QCOMPARE(eventsOfType(AuditEvent::AUTH_SUCCESS).size(), 3);
    // Refusals are never folded together.
    QVERIFY(!login(key + QStringLiteral("x"), QStringLiteral("192.0.2.7")).isAuthenticated());
    QVERIFY(!login(key + QStringLiteral("x"), QStringLiteral("192.0.2.7")).isAuthenticated());
    QCOMPARE(eventsOfType(AuditEvent::AUTH_FAILURE).size(), 2);
}

void tst_Gatekeeper::refusesBadKeysWithDistinctAuditedReasons()
{
    const QString good = create(Role::Admin);
    const QString id = good.section(QLatin1Char('_'), 0, 2);

    const QString revoked = create(Role::Admin);
    QVERIFY(m_keys->revoke(revoked.section(QLatin1Char('_'), 0, 2)));
    const QString inactive = create(Role::Admin);
    SqlKeyStore::KeyChanges off;
    off.active = false;
    QVERIFY(m_keys->update(inactive.section(QLatin1Char('_'), 0, 2), off));
    const QString expiring = create(Role::Admin);
    SqlKeyStore::KeyChanges soon;
    soon.expiresAt = m_clock.now().addSecs(60);
    QVERIFY(m_keys->update(expiring.section(QLatin1Char('_'), 0, 2), soon));
    m_clock.advance(61'000);
    const QString elsewhere = create(Role::Admin, {}, {}, {QStringLiteral("10.1.0.0/16")});

    QString wrongSecret = good;
    wrongSecret[wrongSecret.size() - 1] =
            wrongSecret.endsWith(QLatin1Char('A')) ? QLatin1Char('B') : QLatin1Char('A');

    const QStringList presented{QStringLiteral("let-me-in"),
            QStringLiteral("hwk_admin_999_") + QString(32, QLatin1Char('x')), wrongSecret, revoked,
            inactive, expiring, elsewhere};
    QStringList reasons;
    for (const QString &key : presented) {
        const Caller caller = login(key, QStringLiteral("192.168.1.7"));
        QVERIFY2(!caller.isAuthenticated(), qPrintable(key));
        reasons.append(caller.refusal);
    }
    QVERIFY2(reasons.at(0).contains(QLatin1String("malformed")), qPrintable(reasons.at(0)));
    QVERIFY2(reasons.at(1).contains(QLatin1String("does not exist")), qPrintable(reasons.at(1)));
    QVERIFY2(reasons.at(2).contains(QLatin1String("wrong secret")), qPrintable(reasons.at(2)));
    QVERIFY2(reasons.at(3).contains(QLatin1String("revoked")), qPrintable(reasons.at(3)));
    QVERIFY2(reasons.at(4).contains(QLatin1String("deactivated")), qPrintable(reasons.at(4)));
    QVERIFY2(reasons.at(5).contains(QLatin1String("expired")), qPrintable(reasons.at(5)));
    QVERIFY2(reasons.at(6).contains(QLatin1String("192.168.1.7")), qPrintable(reasons.at(6)));
    QStringList distinct = reasons;
    distinct.removeDuplicates();
    QCOMPARE(distinct.size(), presented.size());
    // Each refusal is in the audit trail, with the same sentence.
    QCOMPARE(eventsOfType(AuditEvent::AUTH_FAILURE), reasons);
    // No secret ever reaches the audit trail.
    for (const AuditEvent &e : m_audit)
        QVERIFY(!e.keyId.contains(good.section(QLatin1Char('_'), 3)));
    Q_UNUSED(id);
}

void tst_Gatekeeper::monitorCannotControl()
{
    const Caller monitor = login(create(Role::Monitor));
    QVERIFY(call(monitor, AccessRequest::Kind::Read, QStringLiteral("ha:light.kitchen")).allowed);
    const ToolGate::Admission control =
            call(monitor, AccessRequest::Kind::Control, QStringLiteral("ha:light.kitchen"));
    QVERIFY(!control.allowed);
    QVERIFY2(control.reason.contains(QLatin1String("ha:control")), qPrintable(control.reason));
    QCOMPARE(eventsOfType(AuditEvent::AUTHZ_DENIED), QStringList{control.reason});
}

void tst_Gatekeeper::deviceKeyControlsOnlyItsDevices()
{
    const Caller device = login(create(Role::Device, {QStringLiteral("ha:light.porch")}));
    QVERIFY(call(device, AccessRequest::Kind::Control, QStringLiteral("ha:light.porch")).allowed);
    QVERIFY(!call(device, AccessRequest::Kind::Control, QStringLiteral("ha:light.kitchen"))
                     .allowed);
}

void tst_Gatekeeper::operatorCannotUnlockALock()
{
    const Caller op = login(create(Role::Operator));
    const ToolGate::Admission unlock =
            call(op, AccessRequest::Kind::Control, QStringLiteral("ha:lock.front_door"));
    QVERIFY(!unlock.allowed);
    QVERIFY2(unlock.reason.contains(QLatin1String("ha:security")), qPrintable(unlock.reason));
    QVERIFY(call(op, AccessRequest::Kind::Control, QStringLiteral("ha:switch.fan")).allowed);
    const Caller admin = login(create(Role::Admin));
    QVERIFY(call(admin, AccessRequest::Kind::Control, QStringLiteral("ha:lock.front_door"))
                    .allowed);
}

void tst_Gatekeeper::customKeyGetsExactlyItsPermissions()
{
    const Caller custom = login(create(Role::Custom, {}, {QStringLiteral("loxone:read")}));
    QVERIFY(call(custom, AccessRequest::Kind::Read,
            QStringLiteral("loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e"))
                    .allowed);
    QVERIFY(!call(custom, AccessRequest::Kind::Read, QStringLiteral("ha:sensor.temp")).allowed);
    QVERIFY(!call(custom, AccessRequest::Kind::Control,
            QStringLiteral("loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e"))
                     .allowed);
}

void tst_Gatekeeper::theHundredAndFirstOperatorCallWaits()
{
    const Caller op = login(create(Role::Operator));
    for (int i = 0; i < 100; ++i) {
        QVERIFY(call(op, AccessRequest::Kind::Read, QStringLiteral("ha:light.hall")).allowed);
        m_clock.advance(300);
    }
    const ToolGate::Admission refused =
            call(op, AccessRequest::Kind::Read, QStringLiteral("ha:light.hall"));
    QVERIFY(!refused.allowed);
    QVERIFY2(refused.reason.contains(QLatin1String("try again in 30 s")),
            qPrintable(refused.reason));
    QCOMPARE(eventsOfType(AuditEvent::RATE_LIMIT_EXCEEDED).size(), 1);
    m_clock.advance(30'000);
    QVERIFY(call(op, AccessRequest::Kind::Read, QStringLiteral("ha:light.hall")).allowed);
}

void tst_Gatekeeper::seesARevocationAtTheNextCall()
{
    const Caller op = login(create(Role::Operator));
    QVERIFY(call(op, AccessRequest::Kind::Read, QStringLiteral("ha:light.hall")).allowed);
    // Revoked by another process (another connection to the same file).
    std::unique_ptr<StateDatabase> other = StateDatabase::open(m_dir.path());
    SqlKeyStore otherStore(other.get());
    QVERIFY(otherStore.revoke(op.keyId));
    const ToolGate::Admission after =
            call(op, AccessRequest::Kind::Read, QStringLiteral("ha:light.hall"));
    QVERIFY(!after.allowed);
    QVERIFY(after.reason.contains(QLatin1String("revoked")));
}

void tst_Gatekeeper::bansANetworkSourceAfterTenFailures()
{
    const QString valid = create(Role::Monitor);
    const QString attacker = QStringLiteral("203.0.113.50");
    for (int i = 0; i < LoginGuard::MAX_FAILURES; ++i)
        QVERIFY(!login(QStringLiteral("hwk_admin_001_") + QString(32, QLatin1Char('z')), attacker)
                         .isAuthenticated());
    const Caller banned = login(valid, attacker);
    QVERIFY(!banned.isAuthenticated());
    QVERIFY2(banned.refusal.contains(QLatin1String("Too many failed logins")),
            qPrintable(banned.refusal));
    // The ban is per source, and it is audited.
    QVERIFY(login(valid, QStringLiteral("203.0.113.51")).isAuthenticated());
    bool banAudited = false;
    for (const AuditEvent &e : m_audit)
        banAudited |= e.action == QLatin1String("ban") && e.source == attacker;
    QVERIFY(banAudited);
    // stdio callers are never banned: they are the person's own processes.
    for (int i = 0; i < 2 * LoginGuard::MAX_FAILURES; ++i)
        login(QStringLiteral("garbage"));
    QVERIFY(login(valid).isAuthenticated());
}

void tst_Gatekeeper::needsAKeyUnlessAtTheDevelopmentLevel()
{
    const Caller none = login(QString());
    QVERIFY(!none.isAuthenticated());
    QVERIFY(!call(none, AccessRequest::Kind::Status, {}, QStringLiteral("get_system_status"))
                     .allowed);

    Gatekeeper::Services services;
    services.keys = m_keys.get();
    services.rateLimiter = m_limiter.get();
    services.loginGuard = m_guard.get();
    services.clock = &m_clock;
    Gatekeeper development(services, SecurityLevel::Development);
    const Caller dev =
            development.authenticate({}, QStringLiteral("stdio"), QStringLiteral("stdio"));
    QVERIFY(dev.isAuthenticated());
    QCOMPARE(dev.keyId, QLatin1String(Gatekeeper::DEVELOPMENT_KEY_ID));
    ToolCall c;
    c.tool = QStringLiteral("control_device");
    c.access.kind = AccessRequest::Kind::Control;
    c.access.target = QStringLiteral("ha:light.hall");
    c.caller = dev;
    QVERIFY(development.admit(c).allowed);
    // From the network even the development level wants a key.
    QVERIFY(!development
                     .authenticate(
                             {}, QStringLiteral("192.168.1.9"), QStringLiteral("streamable-http"))
                     .isAuthenticated());
    // And the production gate does not honour a development identity.
    QVERIFY(!m_gate->admit(c).allowed);
}

void tst_Gatekeeper::auditsEachToolCallWithItsResult()
{
    const Caller op = login(create(Role::Operator));
    ToolCall c;
    c.tool = QStringLiteral("control_device");
    c.access.kind = AccessRequest::Kind::Control;
    c.access.target = QStringLiteral("ha:light.hall");
    c.caller = op;
    m_gate->finished(c, ToolResult::success(QStringLiteral("done")));
    m_gate->finished(c, ToolResult::failure(QStringLiteral("Home Assistant did not answer.")));
    QList<AuditEvent> calls;
    for (const AuditEvent &e : m_audit) {
        if (e.event == QLatin1String(AuditEvent::TOOL_CALL))
            calls.append(e);
    }
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).result, QStringLiteral("ok"));
    QCOMPARE(calls.at(0).keyId, op.keyId);
    QCOMPARE(calls.at(0).target, QStringLiteral("ha:light.hall"));
    QCOMPARE(calls.at(1).result, QStringLiteral("error"));
    QCOMPARE(calls.at(1).reason, QStringLiteral("Home Assistant did not answer."));
}

QTEST_GUILESS_MAIN(tst_Gatekeeper)
#include "tst_gatekeeper.moc"
