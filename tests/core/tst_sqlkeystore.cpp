#include "Clock.h"
#include "KeyText.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using NewKey = SqlKeyStore::NewKey;
using KeyChanges = SqlKeyStore::KeyChanges;
using ExistingKeys = SqlKeyStore::ExistingKeys;

namespace {

const QString LOXONE_UUID = QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e");

NewKey spec(Role role, const QString &name = QStringLiteral("Test key"))
{
    NewKey key;
    key.name = name;
    key.role = role;
    key.createdBy = QStringLiteral("test");
    if (role == Role::Device)
        key.devices = QStringList{QStringLiteral("ha:light.kitchen")};
    if (role == Role::Custom)
        key.permissions = QStringList{QStringLiteral("ha:read")};
    return key;
}

} // namespace

// The keys in homewarden.db: creation, reading, changes, revocation, import, validation.
class tst_SqlKeyStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsAKeyThatVerifies();
    void storesEverySetting();
    void numbersKeysInOrderAcrossRoles();
    void normalizesViewerToMonitor();
    void listsInOrder();
    void updatesSettings();
    void updateNamesTheBadField();
    void updateOfAnUnknownKeyFails();
    void revokesForGood();
    void aChangeByAnyWriterCountsAtTheNextFind();
    void anOlderDatabaseGetsTheChangeCount();
    void recordsUse();
    void refusesInvalidKeys_data();
    void refusesInvalidKeys();
    void acceptsIpv4AndIpv6Ranges();
    void acceptsBothDeviceIdForms();
    void twoStoresNeverShareANumber();
    void importsHashesOnly();
    void importRefusesExistingIdsUnlessSkipping();
    void importIsAllOrNothing();
    void importRefusesATakenNumber();
    void failsClosedOnADamagedRow();
    void keepsNoSecretInTheDatabase();

private:
    std::unique_ptr<StateDatabase> openDatabase() const;
    bool execute(const QString &statement);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StateDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlKeyStore> m_store;
};

std::unique_ptr<StateDatabase> tst_SqlKeyStore::openDatabase() const
{
    QString error;
    std::unique_ptr<StateDatabase> db =
            StateDatabase::open(m_dir->path(), StateDatabase::Durability::Normal, &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

bool tst_SqlKeyStore::execute(const QString &statement)
{
    return execSql(m_database->connection(), statement, nullptr);
}

void tst_SqlKeyStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = openDatabase();
    QVERIFY(m_database);
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    m_store = std::make_unique<SqlKeyStore>(m_database.get(), m_clock.get());
}

void tst_SqlKeyStore::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

void tst_SqlKeyStore::createsAKeyThatVerifies()
{
    QString error;
    const std::optional<QString> text = m_store->create(spec(Role::Operator), &error);
    QVERIFY2(text, qPrintable(error));
    const std::optional<KeyText::Parts> parts = KeyText::parse(*text, &error);
    QVERIFY2(parts, qPrintable(error));
    QCOMPARE(parts->id, QStringLiteral("hwk_operator_001"));

    const std::optional<ApiKey> key = m_store->find(parts->id, &error);
    QVERIFY2(key, qPrintable(error));
    QVERIFY(error.isEmpty());
    QVERIFY(KeyText::constantTimeEquals(
            key->secretHash, KeyText::hashSecret(parts->id, parts->secret)));
    QVERIFY(!KeyText::constantTimeEquals(key->secretHash,
            KeyText::hashSecret(parts->id, KeyText::generate(Role::Operator, 1).secret)));
    QCOMPARE(key->seq, 1);
    QCOMPARE(key->role, Role::Operator);
    QCOMPARE(key->createdAt, m_clock->now());
    QCOMPARE(key->createdBy, QStringLiteral("test"));
    QVERIFY(key->active);
    QVERIFY(!key->isRevoked());
    QVERIFY(!key->expiresAt.isValid());
    QCOMPARE(key->useCount, 0);

    QVERIFY(!m_store->find(QStringLiteral("hwk_operator_002"), &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_SqlKeyStore::storesEverySetting()
{
    NewKey request = spec(Role::Custom, QStringLiteral("Küche \"Tablet\""));
    request.expiresAt = m_clock->now().addDays(30);
    request.ipAllow = QStringList{QStringLiteral("192.168.1.0/24"), QStringLiteral("fd00::/8")};
    request.devices = QStringList{QStringLiteral("ha:light.kitchen"),
            QStringLiteral("loxone:") + LOXONE_UUID + QStringLiteral("/AI1")};
    request.permissions = QStringList{QStringLiteral("ha:read"), QStringLiteral("loxone:control")};
    request.rateLimit = 42;
    QString error;
    const std::optional<QString> text = m_store->create(request, &error);
    QVERIFY2(text, qPrintable(error));

    const std::optional<ApiKey> key = m_store->find(KeyText::parse(*text)->id);
    QVERIFY(key);
    QCOMPARE(key->name, request.name);
    QCOMPARE(key->role, Role::Custom);
    QCOMPARE(key->expiresAt, request.expiresAt);
    QCOMPARE(key->ipAllow, request.ipAllow);
    QCOMPARE(key->devices, request.devices);
    QCOMPARE(key->permissions, request.permissions);
    QCOMPARE(key->rateLimit, 42);
    QCOMPARE(key->effectiveRateLimit(), 42);
}

void tst_SqlKeyStore::numbersKeysInOrderAcrossRoles()
{
    // One sequence for all roles: the number alone identifies a key.
    QVERIFY(m_store->create(spec(Role::Admin))->startsWith(QLatin1String("hwk_admin_001_")));
    QVERIFY(m_store->create(spec(Role::Operator))->startsWith(QLatin1String("hwk_operator_002_")));
    QVERIFY(m_store->create(spec(Role::Admin))->startsWith(QLatin1String("hwk_admin_003_")));
}

void tst_SqlKeyStore::normalizesViewerToMonitor()
{
    const std::optional<Role> viewer = Roles::fromName(QStringLiteral("viewer"));
    QVERIFY(viewer);
    const std::optional<QString> text = m_store->create(spec(*viewer));
    QVERIFY(text);
    QVERIFY(text->startsWith(QLatin1String("hwk_monitor_001_")));
}

void tst_SqlKeyStore::listsInOrder()
{
    QVERIFY(m_store->list().isEmpty());
    QVERIFY(m_store->create(spec(Role::Monitor)));
    QVERIFY(m_store->create(spec(Role::Device)));
    QVERIFY(m_store->create(spec(Role::Admin)));
    QString error;
    const QList<ApiKey> keys = m_store->list(&error);
    QVERIFY(error.isEmpty());
    QCOMPARE(keys.size(), 3);
    QCOMPARE(keys.at(0).id, QStringLiteral("hwk_monitor_001"));
    QCOMPARE(keys.at(1).id, QStringLiteral("hwk_device_002"));
    QCOMPARE(keys.at(2).id, QStringLiteral("hwk_admin_003"));
}

void tst_SqlKeyStore::updatesSettings()
{
    QVERIFY(m_store->create(spec(Role::Operator)));
    const QString id = QStringLiteral("hwk_operator_001");
    KeyChanges changes;
    changes.name = QStringLiteral("Renamed");
    changes.expiresAt = m_clock->now().addDays(7);
    changes.ipAllow = QStringList{QStringLiteral("10.0.0.0/8")};
    changes.devices = QStringList{QStringLiteral("ha:switch.heater")};
    changes.rateLimit = 5;
    changes.active = false;
    QString error;
    QVERIFY2(m_store->update(id, changes, &error), qPrintable(error));

    std::optional<ApiKey> key = m_store->find(id);
    QVERIFY(key);
    QCOMPARE(key->name, QStringLiteral("Renamed"));
    QCOMPARE(key->expiresAt, m_clock->now().addDays(7));
    QCOMPARE(key->ipAllow, QStringList{QStringLiteral("10.0.0.0/8")});
    QCOMPARE(key->devices, QStringList{QStringLiteral("ha:switch.heater")});
    QCOMPARE(key->rateLimit, 5);
    QVERIFY(!key->active);
    QVERIFY(!key->isRevoked());

    // Back on, no expiry, the role's own rate; unset fields stay.
    KeyChanges back;
    back.active = true;
    back.expiresAt = QDateTime();
    back.rateLimit = 0;
    QVERIFY(m_store->update(id, back, &error));
    key = m_store->find(id);
    QVERIFY(key->active);
    QVERIFY(!key->expiresAt.isValid());
    QCOMPARE(key->effectiveRateLimit(), Roles::defaultRateLimit(Role::Operator));
    QCOMPARE(key->name, QStringLiteral("Renamed"));

    QVERIFY(!m_store->update(id, KeyChanges(), &error));
    QVERIFY(error.contains(QLatin1String("Nothing to change")));
}

void tst_SqlKeyStore::updateNamesTheBadField()
{
    QVERIFY(m_store->create(spec(Role::Device)));
    const QString id = QStringLiteral("hwk_device_001");
    QString error;

    KeyChanges badIp;
    badIp.ipAllow = QStringList{QStringLiteral("10.0.0.0/33")};
    QVERIFY(!m_store->update(id, badIp, &error));
    QVERIFY2(error.startsWith(QLatin1String("ip_allow")), qPrintable(error));

    KeyChanges noDevices;
    noDevices.devices = QStringList();
    QVERIFY(!m_store->update(id, noDevices, &error));
    QVERIFY2(error.startsWith(QLatin1String("devices")), qPrintable(error));

    KeyChanges emptyName;
    emptyName.name = QStringLiteral("  ");
    QVERIFY(!m_store->update(id, emptyName, &error));
    QVERIFY2(error.startsWith(QLatin1String("name")), qPrintable(error));

    // Nothing of a refused change was stored.
    QCOMPARE(m_store->find(id)->devices, QStringList{QStringLiteral("ha:light.kitchen")});
}

void tst_SqlKeyStore::updateOfAnUnknownKeyFails()
{
    KeyChanges changes;
    changes.name = QStringLiteral("x");
    QString error;
    QVERIFY(!m_store->update(QStringLiteral("hwk_admin_009"), changes, &error));
    QVERIFY2(error.contains(QLatin1String("hwk_admin_009")), qPrintable(error));
    QVERIFY(!m_store->revoke(QStringLiteral("hwk_admin_009"), &error));
    QVERIFY2(error.contains(QLatin1String("hwk_admin_009")), qPrintable(error));
}

void tst_SqlKeyStore::revokesForGood()
{
    QVERIFY(m_store->create(spec(Role::Admin)));
    const QString id = QStringLiteral("hwk_admin_001");
    m_clock->advance(60000);
    QString error;
    QVERIFY2(m_store->revoke(id, &error), qPrintable(error));

    std::optional<ApiKey> key = m_store->find(id);
    QVERIFY(key); // the row stays, for the audit trail and `keys list`
    QVERIFY(!key->active);
    QVERIFY(key->isRevoked());
    QCOMPARE(key->revokedAt, m_clock->now());

    QVERIFY(!m_store->revoke(id, &error));
    QVERIFY2(error.contains(QLatin1String("already revoked")), qPrintable(error));

    KeyChanges reactivate;
    reactivate.active = true;
    QVERIFY(!m_store->update(id, reactivate, &error));
    QVERIFY2(error.contains(QLatin1String("revoked")), qPrintable(error));
    QVERIFY(!m_store->find(id)->active);

    // Its number is never handed out again.
    const std::optional<QString> next = m_store->create(spec(Role::Admin));
    QVERIFY(next->startsWith(QLatin1String("hwk_admin_002_")));
}

void tst_SqlKeyStore::aChangeByAnyWriterCountsAtTheNextFind()
{
    // find() keeps what it read; a revocation in another process (the tray, `keys revoke`),
    // another store on this connection, a write by hand or a damaged row must still count at
    // once.
    QVERIFY(m_store->create(spec(Role::Operator)));
    const QString id = QStringLiteral("hwk_operator_001");
    QVERIFY(m_store->find(id)->active);
    QVERIFY(m_store->find(id)->active);

    std::unique_ptr<StateDatabase> otherProcess = openDatabase();
    QVERIFY(otherProcess);
    SqlKeyStore elsewhere(otherProcess.get(), m_clock.get());
    KeyChanges pause;
    pause.active = false;
    QString error;
    QVERIFY2(elsewhere.update(id, pause, &error), qPrintable(error));
    QVERIFY(!m_store->find(id)->active);

    SqlKeyStore sameConnection(m_database.get(), m_clock.get());
    QVERIFY(!sameConnection.find(id)->active);
    QVERIFY2(sameConnection.revoke(id, &error), qPrintable(error));
    QVERIFY(m_store->find(id)->isRevoked());

    // Even a write past the store, on its own connection, is counted (by triggers).
    QVERIFY(execute(QStringLiteral("UPDATE keys SET name = 'renamed by hand'")));
    QCOMPARE(m_store->find(id)->name, QStringLiteral("renamed by hand"));

    QVERIFY(execSql(otherProcess->connection(),
            QStringLiteral("UPDATE keys SET permissions = 'not json'"), nullptr));
    QVERIFY(!m_store->find(id, &error));
    QVERIFY2(error.contains(QLatin1String("permissions")), qPrintable(error));
}

void tst_SqlKeyStore::anOlderDatabaseGetsTheChangeCount()
{
    // A homewarden.db of schema 3 (before keys had a change count) is upgraded when opened,
    // its keys intact, and from then on changes are counted.
    QVERIFY(m_store->create(spec(Role::Monitor)));
    m_store.reset();
    for (const char *statement : {"DROP TRIGGER keys_insert", "DROP TRIGGER keys_update",
                 "DROP TRIGGER keys_delete", "DROP TABLE change_count", "PRAGMA user_version=3"})
        QVERIFY(execute(QLatin1String(statement)));
    m_database.reset();

    m_database = openDatabase();
    QVERIFY(m_database);
    m_store = std::make_unique<SqlKeyStore>(m_database.get(), m_clock.get());
    const QString id = QStringLiteral("hwk_monitor_001");
    QVERIFY(m_store->find(id));
    const qint64 before = m_database->changeCount(QStringLiteral("keys"));
    QVERIFY(before >= 0);
    QVERIFY(m_store->revoke(id));
    QCOMPARE(m_database->changeCount(QStringLiteral("keys")), before + 1);
    QVERIFY(m_store->find(id)->isRevoked());
}

void tst_SqlKeyStore::recordsUse()
{
    QVERIFY(m_store->create(spec(Role::Monitor)));
    const QString id = QStringLiteral("hwk_monitor_001");
    const QDateTime first = m_clock->now().addSecs(5);
    QString error;
    QVERIFY2(m_store->recordUse(id, first, QStringLiteral("192.168.1.20"), &error),
            qPrintable(error));
    QVERIFY(m_store->recordUse(id, first.addSecs(5), QStringLiteral("stdio"), &error));
    const std::optional<ApiKey> key = m_store->find(id);
    QCOMPARE(key->useCount, 2);
    QCOMPARE(key->lastUsedAt, first.addSecs(5));
    QCOMPARE(key->lastIp, QStringLiteral("stdio"));

    QVERIFY(!m_store->recordUse(QStringLiteral("hwk_monitor_002"), first, QString(), &error));
    QVERIFY(error.contains(QLatin1String("hwk_monitor_002")));
}

void tst_SqlKeyStore::refusesInvalidKeys_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("ipAllow");
    QTest::addColumn<QStringList>("devices");
    QTest::addColumn<QStringList>("permissions");
    QTest::addColumn<int>("rateLimit");
    QTest::addColumn<int>("expiresInDays");
    QTest::addColumn<QString>("field");

    const QString name = QStringLiteral("ok");
    const int operatorRole = int(Role::Operator);
    QTest::newRow("empty name") << operatorRole << QString() << QStringList() << QStringList()
                                << QStringList() << 0 << 0 << QStringLiteral("name");
    QTest::newRow("control character in name")
            << operatorRole << QStringLiteral("a\x1b[31mb") << QStringList() << QStringList()
            << QStringList() << 0 << 0 << QStringLiteral("name");
    QTest::newRow("not an address")
            << operatorRole << name << QStringList{QStringLiteral("home")} << QStringList()
            << QStringList() << 0 << 0 << QStringLiteral("ip_allow");
    QTest::newRow("IPv4 prefix too long")
            << operatorRole << name << QStringList{QStringLiteral("10.0.0.0/33")} << QStringList()
            << QStringList() << 0 << 0 << QStringLiteral("ip_allow");
    QTest::newRow("IPv6 prefix too long")
            << operatorRole << name << QStringList{QStringLiteral("fd00::/129")} << QStringList()
            << QStringList() << 0 << 0 << QStringLiteral("ip_allow");
    QTest::newRow("device key without devices")
            << int(Role::Device) << name << QStringList() << QStringList() << QStringList() << 0
            << 0 << QStringLiteral("devices");
    QTest::newRow("device id without backend")
            << operatorRole << name << QStringList() << QStringList{QStringLiteral("light.kitchen")}
            << QStringList() << 0 << 0 << QStringLiteral("devices");
    QTest::newRow("HA entity in capitals") << operatorRole << name << QStringList()
                                           << QStringList{QStringLiteral("ha:Light.Kitchen")}
                                           << QStringList() << 0 << 0 << QStringLiteral("devices");
    QTest::newRow("short Loxone uuid")
            << operatorRole << name << QStringList()
            << QStringList{QStringLiteral("loxone:0f869a3f-0155-8b3f-ffff403fb0c3")}
            << QStringList() << 0 << 0 << QStringLiteral("devices");
    QTest::newRow("custom key without permissions")
            << int(Role::Custom) << name << QStringList() << QStringList() << QStringList() << 0
            << 0 << QStringLiteral("permissions");
    QTest::newRow("unknown permission")
            << int(Role::Custom) << name << QStringList() << QStringList()
            << QStringList{QStringLiteral("ha:everything")} << 0 << 0
            << QStringLiteral("permissions");
    QTest::newRow("permissions on an operator key")
            << operatorRole << name << QStringList() << QStringList()
            << QStringList{QStringLiteral("ha:security")} << 0 << 0
            << QStringLiteral("permissions");
    QTest::newRow("negative rate limit")
            << operatorRole << name << QStringList() << QStringList() << QStringList() << -1 << 0
            << QStringLiteral("rate_limit");
    QTest::newRow("expiry in the past") << operatorRole << name << QStringList() << QStringList()
                                        << QStringList() << 0 << -1 << QStringLiteral("expires_at");
}

void tst_SqlKeyStore::refusesInvalidKeys()
{
    QFETCH(int, role);
    QFETCH(QString, name);
    QFETCH(QStringList, ipAllow);
    QFETCH(QStringList, devices);
    QFETCH(QStringList, permissions);
    QFETCH(int, rateLimit);
    QFETCH(int, expiresInDays);
    QFETCH(QString, field);

    NewKey request;
    request.name = name;
    request.role = Role(role);
    request.createdBy = QStringLiteral("test");
    request.ipAllow = ipAllow;
    request.devices = devices;
    request.permissions = permissions;
    request.rateLimit = rateLimit;
    if (expiresInDays != 0)
        request.expiresAt = m_clock->now().addDays(expiresInDays);

    QString error;
    QVERIFY(!m_store->create(request, &error));
    QVERIFY2(error.startsWith(field), qPrintable(error));
    QVERIFY(m_store->list().isEmpty());
}

void tst_SqlKeyStore::acceptsIpv4AndIpv6Ranges()
{
    NewKey request = spec(Role::Operator);
    request.ipAllow = QStringList{QStringLiteral("127.0.0.1/32"), QStringLiteral("10.0.0.0/8"),
            QStringLiteral("::1/128"), QStringLiteral("2001:db8::/32"),
            QStringLiteral("192.168.1.7")};
    QString error;
    QVERIFY2(m_store->create(request, &error), qPrintable(error));
}

void tst_SqlKeyStore::acceptsBothDeviceIdForms()
{
    NewKey request = spec(Role::Device);
    request.devices = QStringList{QStringLiteral("ha:light.kitchen"),
            QStringLiteral("ha:binary_sensor.front_door_2"),
            QStringLiteral("loxone:") + LOXONE_UUID,
            QStringLiteral("loxone:") + LOXONE_UUID + QStringLiteral("/AI1"),
            QStringLiteral("loxone:") + LOXONE_UUID + QStringLiteral("/sensors"),
            QStringLiteral("loxone:") + LOXONE_UUID + QStringLiteral("/1")};
    QString error;
    QVERIFY2(m_store->create(request, &error), qPrintable(error));
}

void tst_SqlKeyStore::twoStoresNeverShareANumber()
{
    // Two connections, as two processes would have, creating keys at the same time: the
    // numbers come from BEGIN IMMEDIATE transactions and never collide.
    constexpr int PER_STORE = 25;
    const QString directory = m_dir->path();
    QStringList created[2];
    QString failures[2];
    const auto worker = [&](int index) {
        QString error;
        std::unique_ptr<StateDatabase> db =
                StateDatabase::open(directory, StateDatabase::Durability::Normal, &error);
        if (!db) {
            failures[index] = error;
            return;
        }
        SqlKeyStore store(db.get());
        for (int i = 0; i < PER_STORE; ++i) {
            const std::optional<QString> text =
                    store.create(spec(index == 0 ? Role::Operator : Role::Monitor), &error);
            if (!text) {
                failures[index] = error;
                return;
            }
            created[index].append(KeyText::parse(*text)->id);
        }
    };
    std::unique_ptr<QThread> first(QThread::create(worker, 0));
    std::unique_ptr<QThread> second(QThread::create(worker, 1));
    first->start();
    second->start();
    QVERIFY(first->wait(30000));
    QVERIFY(second->wait(30000));
    QVERIFY2(failures[0].isEmpty(), qPrintable(failures[0]));
    QVERIFY2(failures[1].isEmpty(), qPrintable(failures[1]));

    const QList<ApiKey> keys = m_store->list();
    QCOMPARE(keys.size(), 2 * PER_STORE);
    QSet<int> seqs;
    for (const ApiKey &key : keys)
        seqs.insert(key.seq);
    QCOMPARE(seqs.size(), 2 * PER_STORE);
    QCOMPARE(*std::max_element(seqs.cbegin(), seqs.cend()), 2 * PER_STORE);
}

void tst_SqlKeyStore::importsHashesOnly()
{
    // Keys exported from one installation and imported into another still verify.
    const std::optional<QString> text = m_store->create(spec(Role::Custom));
    QVERIFY(m_store->revoke(QStringLiteral("hwk_custom_001")));
    const std::optional<QString> second = m_store->create(spec(Role::Device));
    const QList<ApiKey> exported = m_store->list();

    QTemporaryDir otherDir;
    QString error;
    std::unique_ptr<StateDatabase> otherDb =
            StateDatabase::open(otherDir.path(), StateDatabase::Durability::Normal, &error);
    QVERIFY(otherDb);
    SqlKeyStore other(otherDb.get(), m_clock.get());
    const std::optional<SqlKeyStore::ImportSummary> summary =
            other.importKeys(exported, ExistingKeys::Refuse, &error);
    QVERIFY2(summary, qPrintable(error));
    QCOMPARE(summary->imported,
            (QStringList{QStringLiteral("hwk_custom_001"), QStringLiteral("hwk_device_002")}));
    QVERIFY(summary->skipped.isEmpty());

    const QList<ApiKey> imported = other.list();
    QCOMPARE(imported.size(), 2);
    for (qsizetype i = 0; i < imported.size(); ++i)
        QCOMPARE(imported.at(i).toJson(), exported.at(i).toJson());
    const KeyText::Parts parts = *KeyText::parse(*second);
    QVERIFY(KeyText::constantTimeEquals(
            other.find(parts.id)->secretHash, KeyText::hashSecret(parts.id, parts.secret)));
    QVERIFY(other.find(QStringLiteral("hwk_custom_001"))->isRevoked());

    // New keys continue after the imported numbers.
    QVERIFY(other.create(spec(Role::Admin))->startsWith(QLatin1String("hwk_admin_003_")));
}

void tst_SqlKeyStore::importRefusesExistingIdsUnlessSkipping()
{
    QVERIFY(m_store->create(spec(Role::Operator)));
    ApiKey fresh = m_store->list().first();
    fresh.id = QStringLiteral("hwk_operator_002");
    fresh.seq = 2;
    const QList<ApiKey> keys{m_store->list().first(), fresh};

    QString error;
    QVERIFY(!m_store->importKeys(keys, ExistingKeys::Refuse, &error));
    QVERIFY2(error.contains(QLatin1String("hwk_operator_001")), qPrintable(error));
    QCOMPARE(m_store->list().size(), 1);

    const std::optional<SqlKeyStore::ImportSummary> summary =
            m_store->importKeys(keys, ExistingKeys::Skip, &error);
    QVERIFY2(summary, qPrintable(error));
    QCOMPARE(summary->imported, QStringList{QStringLiteral("hwk_operator_002")});
    QCOMPARE(summary->skipped, QStringList{QStringLiteral("hwk_operator_001")});
    QCOMPARE(m_store->list().size(), 2);
}

void tst_SqlKeyStore::importIsAllOrNothing()
{
    QVERIFY(m_store->create(spec(Role::Operator)));
    ApiKey good = m_store->list().first();
    good.id = QStringLiteral("hwk_operator_005");
    good.seq = 5;
    ApiKey bad = good;
    bad.id = QStringLiteral("hwk_operator_006");
    bad.seq = 6;
    bad.ipAllow = QStringList{QStringLiteral("nowhere")};

    QString error;
    QVERIFY(!m_store->importKeys({good, bad}, ExistingKeys::Refuse, &error));
    QVERIFY2(error.contains(QLatin1String("hwk_operator_006")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("ip_allow")), qPrintable(error));
    QVERIFY(!m_store->find(QStringLiteral("hwk_operator_005")));

    QVERIFY(!m_store->importKeys({good, good}, ExistingKeys::Skip, &error));
    QVERIFY2(error.contains(QLatin1String("twice")), qPrintable(error));
}

void tst_SqlKeyStore::importRefusesATakenNumber()
{
    QVERIFY(m_store->create(spec(Role::Admin)));
    ApiKey clash = m_store->list().first();
    clash.id = QStringLiteral("hwk_operator_001");
    clash.role = Role::Operator;
    QString error;
    QVERIFY(!m_store->importKeys({clash}, ExistingKeys::Skip, &error));
    QVERIFY2(error.contains(QLatin1String("hwk_admin_001")), qPrintable(error));
}

void tst_SqlKeyStore::failsClosedOnADamagedRow()
{
    NewKey request = spec(Role::Operator);
    request.ipAllow = QStringList{QStringLiteral("10.0.0.0/8")};
    QVERIFY(m_store->create(request));
    QVERIFY(execute(QStringLiteral("UPDATE keys SET ip_allow = 'not json'")));
    QString error;
    QVERIFY(!m_store->find(QStringLiteral("hwk_operator_001"), &error));
    QVERIFY2(error.contains(QLatin1String("ip_allow")), qPrintable(error));
    error.clear();
    QVERIFY(m_store->list(&error).isEmpty());
    QVERIFY(!error.isEmpty());
    // What the message advises must work.
    QVERIFY2(m_store->revoke(QStringLiteral("hwk_operator_001"), &error), qPrintable(error));
}

void tst_SqlKeyStore::keepsNoSecretInTheDatabase()
{
    QStringList texts;
    for (Role role : {Role::Admin, Role::Operator, Role::Monitor})
        texts.append(*m_store->create(spec(role)));
    KeyChanges changes;
    changes.name = QStringLiteral("changed");
    QVERIFY(m_store->update(QStringLiteral("hwk_admin_001"), changes));
    QVERIFY(m_store->revoke(QStringLiteral("hwk_operator_002")));

    // The connection is still open, so the -wal file holds the latest writes.
    QByteArray bytes;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(m_database->filePath() + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    QVERIFY(QFile::exists(m_database->filePath() + QStringLiteral("-wal")));
    QVERIFY(!bytes.isEmpty());
    for (const QString &text : texts) {
        const QByteArray secret = KeyText::parse(text)->secret.toUtf8();
        QVERIFY(!bytes.contains(secret));
        QVERIFY(!bytes.contains(secret.left(16)));
        QVERIFY(!bytes.contains(text.toUtf8()));
    }
}

QTEST_GUILESS_MAIN(tst_SqlKeyStore)
#include "tst_sqlkeystore.moc"
