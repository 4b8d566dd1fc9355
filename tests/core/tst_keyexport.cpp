#include "KeyExport.h"
#include "KeyText.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using KeyExport::Format;

// keys export / keys import: JSON and TOML both ways, and no secret in either.
class tst_KeyExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data();
    void roundTrips();
    void jsonIsAnArrayOfTheExportForm();
    void tomlAndJsonSayTheSame();
    void tomlReadsNativeDates();
    void refusesMalformedToml_data();
    void refusesMalformedToml();
    void namesTheBadEntry();
    void detectsTheFormat_data();
    void detectsTheFormat();
    void writesAFileOnlyTheOwnerCanRead();
    void keepsNoSecretInExportsOrTheDatabase();

private:
    static QList<ApiKey> sampleKeys();
};

QList<ApiKey> tst_KeyExport::sampleKeys()
{
    ApiKey plain;
    plain.id = QStringLiteral("hwk_operator_001");
    plain.seq = 1;
    plain.name = QStringLiteral("Claude Desktop");
    plain.role = Role::Operator;
    plain.secretHash = KeyText::hashSecret(plain.id, KeyText::generate(Role::Operator, 1).secret);
    plain.createdBy = QStringLiteral("cli");
    plain.createdAt = QDateTime(QDate(2026, 2, 3), QTime(4, 5, 6), Qt::UTC);

    ApiKey full;
    full.id = QStringLiteral("hwk_custom_012");
    full.seq = 12;
    // Quotes, a backslash, a hash, umlauts and an emoji: TOML and JSON must keep them all.
    full.name = QStringLiteral("Küche \"Tablet\" \\ #1 ") + QString::fromUtf8("\xF0\x9F\x8F\xA0");
    full.role = Role::Custom;
    full.secretHash = KeyText::hashSecret(full.id, KeyText::generate(Role::Custom, 12).secret);
    full.createdBy = QStringLiteral("admin-api:hwk_admin_001");
    full.createdAt = QDateTime(QDate(2026, 2, 3), QTime(4, 5, 6, 789), Qt::UTC);
    full.expiresAt = QDateTime(QDate(2027, 2, 3), QTime(0, 0), Qt::UTC);
    full.active = false;
    full.revokedAt = QDateTime(QDate(2026, 6, 1), QTime(10, 30, 0, 5), Qt::UTC);
    full.ipAllow = QStringList{QStringLiteral("192.168.1.0/24"), QStringLiteral("fd00::/8")};
    full.devices = QStringList{QStringLiteral("ha:lock.front_door"),
            QStringLiteral("loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e/AI1")};
    full.permissions = QStringList{QStringLiteral("ha:read"), QStringLiteral("ha:security")};
    full.rateLimit = 250;
    full.lastUsedAt = QDateTime(QDate(2026, 5, 31), QTime(23, 59, 59), Qt::UTC);
    full.useCount = 123456789012LL;
    full.lastIp = QStringLiteral("192.168.1.20");

    ApiKey viewer = plain;
    viewer.id = QStringLiteral("hwk_viewer_1000");
    viewer.seq = 1000;
    viewer.role = Role::Monitor;
    return {plain, full, viewer};
}

void tst_KeyExport::roundTrips_data()
{
    QTest::addColumn<Format>("format");
    QTest::newRow("json") << Format::Json;
    QTest::newRow("toml") << Format::Toml;
}

void tst_KeyExport::roundTrips()
{
    QFETCH(Format, format);

    const QList<ApiKey> keys = sampleKeys();
    const QByteArray written = KeyExport::write(keys, format);
    QString error;
    const std::optional<QList<ApiKey>> read = KeyExport::read(written, format, &error);
    QVERIFY2(read, qPrintable(error + QLatin1Char('\n') + QString::fromUtf8(written)));
    QCOMPARE(read->size(), keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const ApiKey &original = keys.at(i);
        const ApiKey &copy = read->at(i);
        QCOMPARE(copy.id, original.id);
        QCOMPARE(copy.seq, original.seq);
        QCOMPARE(copy.name, original.name);
        QCOMPARE(copy.role, original.role);
        QCOMPARE(copy.secretHash, original.secretHash);
        QCOMPARE(copy.createdBy, original.createdBy);
        QCOMPARE(copy.createdAt, original.createdAt);
        QCOMPARE(copy.expiresAt, original.expiresAt);
        QCOMPARE(copy.active, original.active);
        QCOMPARE(copy.revokedAt, original.revokedAt);
        QCOMPARE(copy.ipAllow, original.ipAllow);
        QCOMPARE(copy.devices, original.devices);
        QCOMPARE(copy.permissions, original.permissions);
        QCOMPARE(copy.rateLimit, original.rateLimit);
        QCOMPARE(copy.lastUsedAt, original.lastUsedAt);
        QCOMPARE(copy.useCount, original.useCount);
        QCOMPARE(copy.lastIp, original.lastIp);
    }
    QVERIFY(KeyExport::read(KeyExport::write({}, format), format)->isEmpty());
}

void tst_KeyExport::jsonIsAnArrayOfTheExportForm()
{
    const QList<ApiKey> keys = sampleKeys();
    const QJsonDocument document = QJsonDocument::fromJson(KeyExport::write(keys, Format::Json));
    QVERIFY(document.isArray());
    QCOMPARE(document.array().size(), keys.size());
    const QJsonObject full = document.array().at(1).toObject();
    QCOMPARE(full, keys.at(1).toJson());
    QCOMPARE(full.value(QLatin1String("secret_hash")).toString(),
            QString::fromLatin1(keys.at(1).secretHash.toHex()));
    QCOMPARE(full.value(QLatin1String("created_at")).toString(),
            QStringLiteral("2026-02-03T04:05:06.789Z"));
    QCOMPARE(full.value(QLatin1String("expires_at")).toString(),
            QStringLiteral("2027-02-03T00:00:00Z"));
    const QJsonObject plain = document.array().at(0).toObject();
    QVERIFY(plain.value(QLatin1String("expires_at")).isNull());
    QVERIFY(plain.value(QLatin1String("rate_limit")).isNull());
}

void tst_KeyExport::tomlAndJsonSayTheSame()
{
    const QList<ApiKey> keys = sampleKeys();
    const std::optional<QList<ApiKey>> fromToml =
            KeyExport::read(KeyExport::write(keys, Format::Toml), Format::Toml);
    QVERIFY(fromToml);
    QCOMPARE(KeyExport::write(*fromToml, Format::Json), KeyExport::write(keys, Format::Json));
    const QByteArray toml = KeyExport::write(keys, Format::Toml);
    QVERIFY(toml.contains("[[keys]]\nid = \"hwk_operator_001\"\nseq = 1\n"));
}

void tst_KeyExport::tomlReadsNativeDates()
{
    const QByteArray toml = QByteArrayLiteral("[[keys]]\n"
                                              "id = 'hwk_admin_001'\n"
                                              "name = \"Hand written\"\n"
                                              "role = \"admin\"\n"
                                              "secret_hash = \"")
            + KeyText::hashSecret(QStringLiteral("hwk_admin_001"), QStringLiteral("x")).toHex()
            + QByteArrayLiteral("\"\n"
                                "created_at = 2026-01-01T10:00:00+02:00\n"
                                "expires_at = 2027-01-01T00:00:00.250Z\n");
    QString error;
    const std::optional<QList<ApiKey>> keys = KeyExport::read(toml, Format::Toml, &error);
    QVERIFY2(keys, qPrintable(error));
    QCOMPARE(keys->size(), 1);
    const ApiKey &key = keys->first();
    QCOMPARE(key.seq, 1);
    QCOMPARE(key.createdAt, QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
    QCOMPARE(key.expiresAt, QDateTime(QDate(2027, 1, 1), QTime(0, 0, 0, 250), Qt::UTC));
    QVERIFY(key.active);
    QCOMPARE(key.createdBy, QStringLiteral("import"));
}

void tst_KeyExport::refusesMalformedToml_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mentions");

    const QByteArray head = QByteArrayLiteral("[[keys]]\nid = \"hwk_admin_001\"\nname = \"n\"\n"
                                              "role = \"admin\"\nsecret_hash = \"")
            + QByteArray(64, 'a') + QByteArrayLiteral("\"\n");
    QTest::newRow("syntax error") << QByteArray("[[keys]\nid = 1\n") << QStringLiteral("line 1");
    QTest::newRow("unclosed string")
            << QByteArray("[[keys]]\nid = \"hwk\n") << QStringLiteral("line 2");
    QTest::newRow("other table") << QByteArray("[server]\nport = 1\n") << QStringLiteral("server");
    QTest::newRow("keys not tables") << QByteArray("keys = [1, 2]\n") << QStringLiteral("[[keys]]");
    QTest::newRow("local date") << head + "expires_at = 2030-01-01T00:00:00\n"
                                << QStringLiteral("expires_at");
    QTest::newRow("date only") << head + "expires_at = 2030-01-01\n"
                               << QStringLiteral("expires_at");
    QTest::newRow("fractional seq") << head + "seq = 1.5\n" << QStringLiteral("seq");
    QTest::newRow("nested table") << head + "ip_allow = [{a = 1}]\n" << QStringLiteral("ip_allow");
}

void tst_KeyExport::refusesMalformedToml()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mentions);

    QString error;
    QVERIFY(!KeyExport::read(text, Format::Toml, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void tst_KeyExport::namesTheBadEntry()
{
    QList<ApiKey> keys = sampleKeys();
    QJsonArray array;
    for (const ApiKey &key : keys)
        array.append(key.toJson());
    QJsonObject broken = array.at(1).toObject();
    broken[QStringLiteral("devices")] = QJsonArray{QStringLiteral("garage")};
    array[1] = broken;
    QString error;
    QVERIFY(!KeyExport::read(QJsonDocument(array).toJson(), Format::Json, &error));
    QVERIFY2(error.contains(QLatin1String("entry 2 (hwk_custom_012)")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("devices")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("garage")), qPrintable(error));
}

void tst_KeyExport::detectsTheFormat_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<Format>("format");

    QTest::newRow(".json") << QStringLiteral("keys.json") << QByteArray("[[keys]]") << Format::Json;
    QTest::newRow(".TOML") << QStringLiteral("keys.TOML") << QByteArray("[]") << Format::Toml;
    QTest::newRow("json content") << QStringLiteral("backup") << QByteArray("\n [\n  {\"id\": 1}]")
                                  << Format::Json;
    QTest::newRow("empty json array")
            << QStringLiteral("backup") << QByteArray("[ ]") << Format::Json;
    QTest::newRow("toml content") << QStringLiteral("backup") << QByteArray("[[keys]]\nid = 1")
                                  << Format::Toml;
    QTest::newRow("toml comment") << QStringLiteral("backup.txt") << QByteArray("# keys\n")
                                  << Format::Toml;
}

void tst_KeyExport::detectsTheFormat()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(Format, format);
    QCOMPARE(KeyExport::detectFormat(fileName, content), format);
}

void tst_KeyExport::writesAFileOnlyTheOwnerCanRead()
{
    QTemporaryDir dir;
    for (const Format format : {Format::Json, Format::Toml}) {
        const QString path = dir.filePath(QStringLiteral("keys.") + KeyExport::formatName(format));
        // An existing, world-readable file is replaced by a private one.
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        QVERIFY(existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                | QFileDevice::ReadGroup | QFileDevice::ReadOther));

        QString error;
        QVERIFY2(KeyExport::writeFile(path, sampleKeys(), format, &error), qPrintable(error));
        QCOMPARE(QFileInfo(path).permissions()
                        & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                | QFileDevice::ReadOther | QFileDevice::WriteOther
                                | QFileDevice::ExeOther),
                QFileDevice::Permissions());
        const std::optional<QList<ApiKey>> keys = KeyExport::readFile(path, &error);
        QVERIFY2(keys, qPrintable(error));
        QCOMPARE(keys->size(), sampleKeys().size());
    }
    QString error;
    QVERIFY(!KeyExport::readFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QLatin1String("missing.json")));
}

void tst_KeyExport::keepsNoSecretInExportsOrTheDatabase()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<StateDatabase> database =
            StateDatabase::open(dir.path(), StateDatabase::Durability::Normal, &error);
    QVERIFY2(database, qPrintable(error));
    SqlKeyStore store(database.get());
    QStringList texts;
    for (Role role : {Role::Admin, Role::Operator, Role::Monitor, Role::Device, Role::Custom}) {
        SqlKeyStore::NewKey spec;
        spec.name = QStringLiteral("key");
        spec.role = role;
        spec.createdBy = QStringLiteral("test");
        if (role == Role::Device)
            spec.devices = QStringList{QStringLiteral("ha:light.kitchen")};
        if (role == Role::Custom)
            spec.permissions = QStringList{QStringLiteral("loxone:read")};
        const std::optional<QString> text = store.create(spec, &error);
        QVERIFY2(text, qPrintable(error));
        texts.append(*text);
    }

    QByteArray bytes;
    for (const Format format : {Format::Json, Format::Toml}) {
        const QString path =
                dir.filePath(QStringLiteral("export.") + KeyExport::formatName(format));
        QVERIFY(KeyExport::writeFile(path, store.list(), format, &error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();
        QVERIFY(exported.contains("hwk_custom_005"));
        bytes += exported;
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(database->filePath() + suffix);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        bytes += file.readAll();
    }
    for (const QString &text : texts) {
        const QString secret = KeyText::parse(text)->secret;
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains(secret.left(12).toUtf8()));
        // Nor as UTF-16, should anything ever store QString bytes.
        QVERIFY(!bytes.contains(
                QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
    }
}

QTEST_GUILESS_MAIN(tst_KeyExport)
#include "tst_keyexport.moc"
