#include "Authorizer.h"

#include <QTest>

namespace {

const QDateTime NOW = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);
const QHostAddress HOME_LAN(QStringLiteral("192.168.1.20"));

ApiKey keyWithRole(Role role)
{
    ApiKey key;
    key.id = QStringLiteral("hwk_%1_007").arg(Roles::name(role));
    key.role = role;
    key.createdAt = NOW.addDays(-1);
    return key;
}

AccessRequest request(AccessRequest::Kind kind, const QString &target, bool security = false)
{
    AccessRequest r;
    r.kind = kind;
    r.target = target;
    r.securityDevice = security;
    return r;
}

const QString LIGHT = QStringLiteral("ha:light.kitchen");
const QString LOCK = QStringLiteral("ha:lock.front_door");
const QString BLIND = QStringLiteral("loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e");

} // namespace

class tst_Authorizer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesDecide_data();
    void rolesDecide();
    void deviceKeysTouchOnlyTheirDevices();
    void aDeviceListNarrowsAnyRole();
    void customKeysGetExactlyTheirPermissions();
    void refusesUnusableKeysWithDistinctReasons();
    void ipAllowListUsesThePeerAddress();
    void adminActionsNeedAnAdmin();
};

void tst_Authorizer::rolesDecide_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<AccessRequest::Kind>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("security");
    QTest::addColumn<bool>("allowed");

    using K = AccessRequest::Kind;
    QTest::newRow("admin unlocks") << Role::Admin << K::Control << LOCK << true << true;
    QTest::newRow("operator switches a light")
            << Role::Operator << K::Control << LIGHT << false << true;
    QTest::newRow("operator moves a blind")
            << Role::Operator << K::Control << BLIND << false << true;
    QTest::newRow("operator cannot unlock")
            << Role::Operator << K::Control << LOCK << true << false;
    QTest::newRow("operator reads the lock") << Role::Operator << K::Read << LOCK << true << true;
    QTest::newRow("monitor reads") << Role::Monitor << K::Read << LIGHT << false << true;
    QTest::newRow("monitor cannot control")
            << Role::Monitor << K::Control << LIGHT << false << false;
    QTest::newRow("monitor sees status")
            << Role::Monitor << K::Status << QString() << false << true;
}

void tst_Authorizer::rolesDecide()
{
    QFETCH(Role, role);
    QFETCH(AccessRequest::Kind, kind);
    QFETCH(QString, target);
    QFETCH(bool, security);
    QFETCH(bool, allowed);

    const Decision decision = Authorizer::authorize(
            keyWithRole(role), request(kind, target, security), HOME_LAN, NOW);
    QCOMPARE(decision.allowed, allowed);
    QCOMPARE(decision.reason.isEmpty(), allowed);
}

void tst_Authorizer::deviceKeysTouchOnlyTheirDevices()
{
    ApiKey key = keyWithRole(Role::Device);
    key.devices = {LIGHT};
    QVERIFY(Authorizer::authorize(key, request(AccessRequest::Kind::Control, LIGHT), HOME_LAN, NOW)
                    .allowed);

    const Decision other = Authorizer::authorize(key,
            request(AccessRequest::Kind::Control, QStringLiteral("ha:light.hall")), HOME_LAN, NOW);
    QVERIFY(!other.allowed);
    QVERIFY2(other.reason.contains(QLatin1String("ha:light.hall")), qPrintable(other.reason));
    QVERIFY(!Authorizer::authorize(
            key, request(AccessRequest::Kind::Read, QStringLiteral("ha:light.hall")), HOME_LAN, NOW)
                     .allowed);
    // A call that names no device cannot be narrowed to the key's devices.
    QVERIFY(!Authorizer::authorize(
            key, request(AccessRequest::Kind::Control, QString()), HOME_LAN, NOW)
                     .allowed);

    // Even a listed lock needs the security permission.
    key.devices.append(LOCK);
    QVERIFY(!Authorizer::authorize(
            key, request(AccessRequest::Kind::Control, LOCK, true), HOME_LAN, NOW)
                     .allowed);
}

void tst_Authorizer::aDeviceListNarrowsAnyRole()
{
    ApiKey key = keyWithRole(Role::Operator);
    key.devices = {BLIND};
    QVERIFY(Authorizer::authorize(key, request(AccessRequest::Kind::Control, BLIND), HOME_LAN, NOW)
                    .allowed);
    QVERIFY(!Authorizer::authorize(key, request(AccessRequest::Kind::Control, LIGHT), HOME_LAN, NOW)
                     .allowed);
}

void tst_Authorizer::customKeysGetExactlyTheirPermissions()
{
    ApiKey key = keyWithRole(Role::Custom);
    key.permissions = {QStringLiteral("ha:read"), QStringLiteral("loxone:control")};
    using K = AccessRequest::Kind;
    QVERIFY(Authorizer::authorize(key, request(K::Read, LIGHT), HOME_LAN, NOW).allowed);
    QVERIFY(!Authorizer::authorize(key, request(K::Control, LIGHT), HOME_LAN, NOW).allowed);
    QVERIFY(Authorizer::authorize(key, request(K::Control, BLIND), HOME_LAN, NOW).allowed);
    // loxone:control does not include loxone:read.
    const Decision read = Authorizer::authorize(key, request(K::Read, BLIND), HOME_LAN, NOW);
    QVERIFY(!read.allowed);
    QVERIFY2(read.reason.contains(QLatin1String("loxone:read")), qPrintable(read.reason));

    key.permissions = {QStringLiteral("ha:control"), QStringLiteral("ha:security")};
    QVERIFY(Authorizer::authorize(key, request(K::Control, LOCK, true), HOME_LAN, NOW).allowed);
}

void tst_Authorizer::refusesUnusableKeysWithDistinctReasons()
{
    const AccessRequest read = request(AccessRequest::Kind::Read, LIGHT);
    ApiKey revoked = keyWithRole(Role::Admin);
    revoked.active = false;
    revoked.revokedAt = NOW.addSecs(-60);
    ApiKey inactive = keyWithRole(Role::Admin);
    inactive.active = false;
    ApiKey expired = keyWithRole(Role::Admin);
    expired.expiresAt = NOW.addSecs(-1);
    ApiKey elsewhere = keyWithRole(Role::Admin);
    elsewhere.ipAllow = {QStringLiteral("10.0.0.0/8")};

    QStringList reasons;
    for (const ApiKey &key : {revoked, inactive, expired, elsewhere}) {
        const Decision decision = Authorizer::authorize(key, read, HOME_LAN, NOW);
        QVERIFY(!decision.allowed);
        reasons.append(decision.reason);
    }
    QVERIFY2(reasons.at(0).contains(QLatin1String("revoked")), qPrintable(reasons.at(0)));
    QVERIFY2(reasons.at(1).contains(QLatin1String("deactivated")), qPrintable(reasons.at(1)));
    QVERIFY2(reasons.at(2).contains(QLatin1String("expired")), qPrintable(reasons.at(2)));
    QVERIFY2(reasons.at(3).contains(QLatin1String("192.168.1.20")), qPrintable(reasons.at(3)));
    reasons.removeDuplicates();
    QCOMPARE(reasons.size(), 4);

    // Expiry is exclusive: usable until the very moment.
    expired.expiresAt = NOW.addSecs(1);
    QVERIFY(Authorizer::authorize(expired, read, HOME_LAN, NOW).allowed);
}

void tst_Authorizer::ipAllowListUsesThePeerAddress()
{
    ApiKey key = keyWithRole(Role::Monitor);
    key.ipAllow = {QStringLiteral("192.168.1.0/24"), QStringLiteral("fd00::/8")};
    const AccessRequest read = request(AccessRequest::Kind::Read, LIGHT);
    QVERIFY(Authorizer::authorize(key, read, HOME_LAN, NOW).allowed);
    QVERIFY(Authorizer::authorize(
            key, read, QHostAddress(QStringLiteral("::ffff:192.168.1.9")), NOW)
                    .allowed);
    QVERIFY(Authorizer::authorize(key, read, QHostAddress(QStringLiteral("fd12::1")), NOW).allowed);
    QVERIFY(!Authorizer::authorize(key, read, QHostAddress(QStringLiteral("192.168.2.1")), NOW)
                     .allowed);
    QVERIFY(!Authorizer::authorize(key, read, QHostAddress(QStringLiteral("2001:db8::1")), NOW)
                     .allowed);

    key.ipAllow = {QStringLiteral("not-an-address")};
    const Decision broken = Authorizer::authorize(key, read, HOME_LAN, NOW);
    QVERIFY(!broken.allowed); // fail closed
}

void tst_Authorizer::adminActionsNeedAnAdmin()
{
    const AccessRequest manage = request(AccessRequest::Kind::Admin, QString());
    QVERIFY(Authorizer::authorize(keyWithRole(Role::Admin), manage, HOME_LAN, NOW).allowed);
    for (Role role : {Role::Operator, Role::Monitor, Role::Device, Role::Custom})
        QVERIFY(!Authorizer::authorize(keyWithRole(role), manage, HOME_LAN, NOW).allowed);
}

QTEST_GUILESS_MAIN(tst_Authorizer)
#include "tst_authorizer.moc"
