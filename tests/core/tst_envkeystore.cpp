#include "EnvKeyStore.h"
#include "KeyExport.h"
#include "KeyText.h"

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// HOMEWARDEN_API_KEYS: read once, read-only, and a malformed entry is named with its field.
class tst_EnvKeyStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheExportForm();
    void readsTheVariable();
    void isReadOnlyAndCountsUseInMemory();
    void acceptsAnEmptyArray();
    void refusesMalformedText_data();
    void refusesMalformedText();

private:
    static ApiKey sampleKey(const KeyText::Parts &parts);
    static QJsonObject sampleEntry();
};

ApiKey tst_EnvKeyStore::sampleKey(const KeyText::Parts &parts)
{
    ApiKey key;
    key.id = parts.id;
    key.seq = parts.seq;
    key.name = QStringLiteral("Container client");
    key.role = parts.role;
    key.secretHash = KeyText::hashSecret(parts.id, parts.secret);
    key.createdBy = QStringLiteral("cli");
    key.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    key.ipAllow = QStringList{QStringLiteral("172.16.0.0/12")};
    return key;
}

QJsonObject tst_EnvKeyStore::sampleEntry()
{
    return sampleKey(KeyText::generate(Role::Operator, 1)).toJson();
}

void tst_EnvKeyStore::readsTheExportForm()
{
    const KeyText::Parts operatorKey = KeyText::generate(Role::Operator, 1);
    const KeyText::Parts monitorKey = KeyText::generate(Role::Monitor, 2);
    const QByteArray json = KeyExport::write(
            {sampleKey(operatorKey), sampleKey(monitorKey)}, KeyExport::Format::Json);

    QString error;
    const std::unique_ptr<EnvKeyStore> store = EnvKeyStore::parse(json, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->list().size(), 2);

    const std::optional<ApiKey> key = store->find(operatorKey.id, &error);
    QVERIFY(key);
    QCOMPARE(key->role, Role::Operator);
    QCOMPARE(key->ipAllow, QStringList{QStringLiteral("172.16.0.0/12")});
    QCOMPARE(key->createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    // A presented key verifies against the hash from the variable, and another secret does not.
    QVERIFY(KeyText::constantTimeEquals(
            key->secretHash, KeyText::hashSecret(operatorKey.id, operatorKey.secret)));
    QVERIFY(!KeyText::constantTimeEquals(
            key->secretHash, KeyText::hashSecret(operatorKey.id, monitorKey.secret)));
    QVERIFY(!store->find(QStringLiteral("hwk_admin_003"), &error));
}

void tst_EnvKeyStore::readsTheVariable()
{
    const KeyText::Parts parts = KeyText::generate(Role::Admin, 7);
    qputenv(EnvKeyStore::VARIABLE, KeyExport::write({sampleKey(parts)}, KeyExport::Format::Json));
    QVERIFY(EnvKeyStore::isConfigured());
    QString error;
    const std::unique_ptr<EnvKeyStore> store = EnvKeyStore::fromEnvironment(&error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(store->find(QStringLiteral("hwk_admin_007")));

    qputenv(EnvKeyStore::VARIABLE, "[{\"id\": 1}]");
    QVERIFY(!EnvKeyStore::fromEnvironment(&error));
    QVERIFY2(error.contains(QLatin1String("HOMEWARDEN_API_KEYS")), qPrintable(error));

    qunsetenv(EnvKeyStore::VARIABLE);
    QVERIFY(!EnvKeyStore::isConfigured());
}

void tst_EnvKeyStore::isReadOnlyAndCountsUseInMemory()
{
    const KeyText::Parts parts = KeyText::generate(Role::Monitor, 3);
    const std::unique_ptr<EnvKeyStore> store =
            EnvKeyStore::parse(KeyExport::write({sampleKey(parts)}, KeyExport::Format::Json));
    QVERIFY(store);
    QVERIFY(store->isReadOnly());

    const QDateTime at(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC);
    QString error;
    QVERIFY2(store->recordUse(parts.id, at, QStringLiteral("10.1.2.3"), &error), qPrintable(error));
    QVERIFY(store->recordUse(parts.id, at.addSecs(1), QStringLiteral("10.1.2.4"), &error));
    const std::optional<ApiKey> key = store->find(parts.id);
    QCOMPARE(key->useCount, 2);
    QCOMPARE(key->lastUsedAt, at.addSecs(1));
    QCOMPARE(key->lastIp, QStringLiteral("10.1.2.4"));

    QVERIFY(!store->recordUse(QStringLiteral("hwk_monitor_099"), at, QString(), &error));
    QVERIFY(error.contains(QLatin1String("hwk_monitor_099")));
}

void tst_EnvKeyStore::acceptsAnEmptyArray()
{
    const std::unique_ptr<EnvKeyStore> store = EnvKeyStore::parse("[]");
    QVERIFY(store);
    QVERIFY(store->list().isEmpty());
}

void tst_EnvKeyStore::refusesMalformedText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("mentions");

    const auto withEntry = [](const QJsonObject &changed) {
        QJsonArray array{sampleEntry(), changed};
        return QJsonDocument(array).toJson(QJsonDocument::Compact);
    };
    const auto changedEntry = [](const QString &field, const QJsonValue &value) {
        QJsonObject entry = sampleEntry();
        entry[QStringLiteral("id")] = QStringLiteral("hwk_operator_002");
        entry[QStringLiteral("seq")] = 2;
        if (value.isUndefined())
            entry.remove(field);
        else
            entry[field] = value;
        return entry;
    };

    QTest::newRow("not JSON") << QByteArray("hwk_admin_001_secret")
                              << QStringList{QStringLiteral("not valid JSON")};
    QTest::newRow("object, not array")
            << QByteArray("{\"keys\": []}") << QStringList{QStringLiteral("JSON array")};
    QTest::newRow("entry not an object")
            << QByteArray("[1]") << QStringList{QStringLiteral("entry 1")};
    QTest::newRow("bad hash") << withEntry(
            changedEntry(QStringLiteral("secret_hash"), QStringLiteral("abc")))
                              << QStringList{QStringLiteral("entry 2"),
                                         QStringLiteral("hwk_operator_002"),
                                         QStringLiteral("secret_hash")};
    QTest::newRow("missing name") << withEntry(
            changedEntry(QStringLiteral("name"), QJsonValue::Undefined))
                                  << QStringList{QStringLiteral("entry 2"), QStringLiteral("name")};
    QTest::newRow("unknown role") << withEntry(
            changedEntry(QStringLiteral("role"), QStringLiteral("root")))
                                  << QStringList{QStringLiteral("entry 2"), QStringLiteral("role")};
    QTest::newRow("role other than in id")
            << withEntry(changedEntry(QStringLiteral("role"), QStringLiteral("admin")))
            << QStringList{QStringLiteral("entry 2"), QStringLiteral("role")};
    QTest::newRow("bad id") << withEntry(
            changedEntry(QStringLiteral("id"), QStringLiteral("key-2")))
                            << QStringList{QStringLiteral("entry 2"), QStringLiteral("id")};
    QTest::newRow("seq other than in id")
            << withEntry(changedEntry(QStringLiteral("seq"), 9))
            << QStringList{QStringLiteral("entry 2"), QStringLiteral("seq")};
    QTest::newRow("date without zone")
            << withEntry(changedEntry(
                       QStringLiteral("expires_at"), QStringLiteral("2030-01-01T00:00:00")))
            << QStringList{QStringLiteral("entry 2"), QStringLiteral("expires_at")};
    QTest::newRow("empty date") << withEntry(changedEntry(QStringLiteral("expires_at"),
            QString())) << QStringList{QStringLiteral("entry 2"), QStringLiteral("expires_at")};
    QTest::newRow("active as string")
            << withEntry(changedEntry(QStringLiteral("active"), QStringLiteral("yes")))
            << QStringList{QStringLiteral("entry 2"), QStringLiteral("active")};
    QTest::newRow("ip list as string")
            << withEntry(changedEntry(QStringLiteral("ip_allow"), QStringLiteral("10.0.0.0/8")))
            << QStringList{QStringLiteral("entry 2"), QStringLiteral("ip_allow")};
    QTest::newRow("bad range") << withEntry(
            changedEntry(QStringLiteral("ip_allow"), QJsonArray{QStringLiteral("10.0.0.0/40")}))
                               << QStringList{
                                          QStringLiteral("entry 2"), QStringLiteral("ip_allow")};
    QTest::newRow("fractional rate limit")
            << withEntry(changedEntry(QStringLiteral("rate_limit"), 2.5))
            << QStringList{QStringLiteral("entry 2"), QStringLiteral("rate_limit")};
    QTest::newRow("misspelt field")
            << withEntry(changedEntry(
                       QStringLiteral("expire_at"), QStringLiteral("2030-01-01T00:00:00Z")))
            << QStringList{QStringLiteral("entry 2"), QStringLiteral("expire_at")};
    QJsonObject duplicate = sampleEntry();
    QTest::newRow("same id twice") << withEntry(
            duplicate) << QStringList{QStringLiteral("entry 2"), QStringLiteral("earlier")};
}

void tst_EnvKeyStore::refusesMalformedText()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, mentions);

    QString error;
    QVERIFY(!EnvKeyStore::parse(text, &error));
    QVERIFY2(error.startsWith(QLatin1String("HOMEWARDEN_API_KEYS")), qPrintable(error));
    for (const QString &mention : mentions)
        QVERIFY2(error.contains(mention), qPrintable(error));
    // The variable's text is never repeated back.
    QVERIFY(!error.toUtf8().contains(text));
}

QTEST_GUILESS_MAIN(tst_EnvKeyStore)
#include "tst_envkeystore.moc"
