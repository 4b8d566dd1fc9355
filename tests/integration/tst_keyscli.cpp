#include "KeyText.h"
#include "StateDatabase.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `homewarden keys` as a person or a script meets it: the real binary, a fresh state directory.
class tst_KeysCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void generatePrintsTheKeyAloneOnStdout();
    void keepsTheSecretOutOfTheDatabaseAndExports();
    void listsAndShows();
    void revokes();
    void updates();
    void exportsAndImports();
    void auditsEveryChange();
    void refusesUsageErrors_data();
    void refusesUsageErrors();
    void printsHelp();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments, const QString &home = QString()) const;
    Run keys(const QStringList &arguments) const;
    QString generate(const QStringList &extra = {}) const;
    QByteArray databaseBytes() const;

    std::unique_ptr<QTemporaryDir> m_home;
};

tst_KeysCli::Run tst_KeysCli::run(const QStringList &arguments, const QString &home) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOMEWARDEN_HOME"), home.isEmpty() ? m_home->path() : home);
    env.remove(QStringLiteral("HOMEWARDEN_API_KEYS"));
    process.setProcessEnvironment(env);
    process.start(TestSupport::homewardenBinary(), arguments);
    if (!process.waitForFinished(20000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

tst_KeysCli::Run tst_KeysCli::keys(const QStringList &arguments) const
{
    return run(QStringList{QStringLiteral("keys")} + arguments);
}

QString tst_KeysCli::generate(const QStringList &extra) const
{
    const Run result = keys(QStringList{QStringLiteral("generate"), QStringLiteral("--role"),
                                    QStringLiteral("operator"), QStringLiteral("--name"),
                                    QStringLiteral("CLI test")}
            + extra);
    if (result.exitCode != 0)
        qWarning("keys generate failed: %s", qPrintable(result.err));
    return result.out.trimmed();
}

QByteArray tst_KeysCli::databaseBytes() const
{
    QByteArray bytes;
    const QString path = QDir(m_home->path()).filePath(QLatin1String(StateDatabase::FILE_NAME));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

void tst_KeysCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_KeysCli::cleanup()
{
    m_home.reset();
}

void tst_KeysCli::generatePrintsTheKeyAloneOnStdout()
{
    const Run result = keys({QStringLiteral("generate"), QStringLiteral("--role"),
            QStringLiteral("viewer"), QStringLiteral("--name"), QStringLiteral("Dashboard"),
            QStringLiteral("--expires"), QStringLiteral("30"), QStringLiteral("--ip"),
            QStringLiteral("192.168.0.0/16, ::1/128"), QStringLiteral("--rate-limit"),
            QStringLiteral("20")});
    QCOMPARE(result.exitCode, 0);
    static const QRegularExpression oneKeyLine(QStringLiteral(
            "^hwk_(admin|operator|monitor|viewer|device|custom)_(\\d{3,})_([0-9A-Za-z]{32})\\n$"));
    QVERIFY2(oneKeyLine.match(result.out).hasMatch(), qPrintable(result.out));
    QVERIFY(result.out.startsWith(QLatin1String("hwk_monitor_001_")));
    QVERIFY2(result.err.contains(QLatin1String("Store this key now")), qPrintable(result.err));
    QVERIFY(result.err.contains(QLatin1String("hwk_monitor_001")));
    // The advice names the id, never the secret.
    QVERIFY(!result.err.contains(KeyText::parse(result.out.trimmed())->secret));

    const Run shown = keys({QStringLiteral("show"), QStringLiteral("hwk_monitor_001"),
            QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject key = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    QCOMPARE(key.value(QLatin1String("role")).toString(), QStringLiteral("monitor"));
    QCOMPARE(key.value(QLatin1String("rate_limit")).toInt(), 20);
    QCOMPARE(key.value(QLatin1String("ip_allow")).toArray().size(), 2);
    const QDateTime expires = QDateTime::fromString(
            key.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().addDays(30).secsTo(expires)) < 120);

    // The second key gets the next number.
    QVERIFY(generate().startsWith(QLatin1String("hwk_operator_002_")));
}

void tst_KeysCli::keepsTheSecretOutOfTheDatabaseAndExports()
{
    const QString text = generate();
    const std::optional<KeyText::Parts> parts = KeyText::parse(text);
    QVERIFY(parts);
    QVERIFY(generate({QStringLiteral("--devices"), QStringLiteral("ha:light.kitchen")}).size() > 0);
    QCOMPARE(keys({QStringLiteral("update"), parts->id, QStringLiteral("--name"),
                          QStringLiteral("renamed")})
                     .exitCode,
            0);

    QByteArray bytes = databaseBytes();
    QVERIFY(!bytes.isEmpty());
    for (const QString &format : {QStringLiteral("json"), QStringLiteral("toml")}) {
        const QString path = m_home->filePath(QStringLiteral("export.") + format);
        const Run exported = keys({QStringLiteral("export"), QStringLiteral("--format"), format,
                QStringLiteral("--output"), path});
        QCOMPARE(exported.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains(parts->id.toUtf8()));
        QVERIFY(content.contains(
                QByteArray(KeyText::hashSecret(parts->id, parts->secret).toHex())));
        bytes += content;
        // Only the owner may read the export.
        QCOMPARE(int(file.permissions()
                         & (QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                 | QFileDevice::ReadOther | QFileDevice::WriteOther)),
                0);
    }
    const Run toStdout =
            keys({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(toStdout.exitCode, 0);
    bytes += toStdout.out.toUtf8();

    QVERIFY(!bytes.contains(parts->secret.toUtf8()));
    QVERIFY(!bytes.contains(text.toUtf8()));
    QVERIFY(!bytes.contains(parts->secret.left(12).toUtf8()));
}

void tst_KeysCli::listsAndShows()
{
    const Run empty = keys({QStringLiteral("list")});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.out.contains(QLatin1String("keys generate")));

    generate();
    QCOMPARE(keys({QStringLiteral("generate"), QStringLiteral("--role"), QStringLiteral("custom"),
                          QStringLiteral("--name"), QStringLiteral("Only reads"),
                          QStringLiteral("--permissions"), QStringLiteral("ha:read,loxone:read")})
                     .exitCode,
            0);

    const Run table = keys({QStringLiteral("list")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(QLatin1String("hwk_operator_001")));
    QVERIFY(table.out.contains(QLatin1String("hwk_custom_002")));
    QVERIFY(table.out.contains(QLatin1String("Only reads")));
    QCOMPARE(table.out.count(QLatin1Char('\n')), 3);

    const Run json =
            keys({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(1).toObject().value(QLatin1String("permissions")).toArray().size(), 2);

    const Run shown = keys({QStringLiteral("show"), QStringLiteral("hwk_custom_002")});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains(QLatin1String("hwk_custom_002")));
    QVERIFY(shown.out.contains(QLatin1String("ha:read, loxone:read")));

    const Run missing = keys({QStringLiteral("show"), QStringLiteral("hwk_admin_404")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.out.isEmpty());
    QVERIFY(missing.err.contains(QLatin1String("hwk_admin_404")));
}

void tst_KeysCli::revokes()
{
    generate();
    generate();
    const Run revoked = keys({QStringLiteral("revoke"), QStringLiteral("hwk_operator_001")});
    QCOMPARE(revoked.exitCode, 0);
    QVERIFY(revoked.out.contains(QLatin1String("hwk_operator_001")));

    const Run again = keys({QStringLiteral("revoke"), QStringLiteral("hwk_operator_001")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(QLatin1String("already revoked")));
    QCOMPARE(keys({QStringLiteral("revoke"), QStringLiteral("hwk_operator_404")}).exitCode, 1);

    const Run all = keys({QStringLiteral("list")});
    QVERIFY(all.out.contains(QLatin1String("revoked")));
    const Run active = keys({QStringLiteral("list"), QStringLiteral("--active")});
    QCOMPARE(active.exitCode, 0);
    QVERIFY(!active.out.contains(QLatin1String("hwk_operator_001")));
    QVERIFY(active.out.contains(QLatin1String("hwk_operator_002")));

    // A revoked key never comes back.
    const Run revive = keys({QStringLiteral("update"), QStringLiteral("hwk_operator_001"),
            QStringLiteral("--active"), QStringLiteral("true")});
    QCOMPARE(revive.exitCode, 1);
    QVERIFY(revive.err.contains(QLatin1String("revoked")));
}

void tst_KeysCli::updates()
{
    generate();
    const QString id = QStringLiteral("hwk_operator_001");
    const Run updated = keys({QStringLiteral("update"), id, QStringLiteral("--name"),
            QStringLiteral("Kitchen tablet"), QStringLiteral("--expires"), QStringLiteral("7"),
            QStringLiteral("--ip"), QStringLiteral("10.0.0.0/8"), QStringLiteral("--devices"),
            QStringLiteral("ha:light.kitchen"), QStringLiteral("--rate-limit"), QStringLiteral("9"),
            QStringLiteral("--active"), QStringLiteral("false")});
    QCOMPARE(updated.exitCode, 0);

    QJsonObject key = QJsonDocument::fromJson(
            keys({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")})
                    .out.toUtf8())
                              .object();
    QCOMPARE(key.value(QLatin1String("name")).toString(), QStringLiteral("Kitchen tablet"));
    QVERIFY(key.value(QLatin1String("expires_at")).isString());
    QCOMPARE(key.value(QLatin1String("ip_allow")).toArray().first().toString(),
            QStringLiteral("10.0.0.0/8"));
    QCOMPARE(key.value(QLatin1String("devices")).toArray().first().toString(),
            QStringLiteral("ha:light.kitchen"));
    QCOMPARE(key.value(QLatin1String("rate_limit")).toInt(), 9);
    QCOMPARE(key.value(QLatin1String("active")).toBool(), false);

    QCOMPARE(keys({QStringLiteral("update"), id, QStringLiteral("--expires"),
                          QStringLiteral("never"), QStringLiteral("--ip"), QStringLiteral("none"),
                          QStringLiteral("--rate-limit"), QStringLiteral("default"),
                          QStringLiteral("--active"), QStringLiteral("true")})
                     .exitCode,
            0);
    key = QJsonDocument::fromJson(
            keys({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")})
                    .out.toUtf8())
                  .object();
    QVERIFY(key.value(QLatin1String("expires_at")).isNull());
    QVERIFY(key.value(QLatin1String("ip_allow")).toArray().isEmpty());
    QVERIFY(key.value(QLatin1String("rate_limit")).isNull());
    QCOMPARE(key.value(QLatin1String("active")).toBool(), true);

    const Run badIp = keys(
            {QStringLiteral("update"), id, QStringLiteral("--ip"), QStringLiteral("10.0.0.0/99")});
    QCOMPARE(badIp.exitCode, 2);
    QVERIFY2(badIp.err.contains(QLatin1String("ip_allow")), qPrintable(badIp.err));
    QCOMPARE(keys({QStringLiteral("update"), QStringLiteral("hwk_admin_404"),
                          QStringLiteral("--name"), QStringLiteral("x")})
                     .exitCode,
            1);
}

void tst_KeysCli::exportsAndImports()
{
    const QString first = generate();
    generate({QStringLiteral("--expires"), QStringLiteral("3")});
    QCOMPARE(keys({QStringLiteral("revoke"), QStringLiteral("hwk_operator_002")}).exitCode, 0);

    for (const QString &format : {QStringLiteral("json"), QStringLiteral("toml")}) {
        // No extension: the importer must tell the format from the content.
        const QString path = m_home->filePath(QStringLiteral("backup-") + format);
        QCOMPARE(keys({QStringLiteral("export"), QStringLiteral("--format"), format,
                              QStringLiteral("--output"), path})
                         .exitCode,
                0);

        QTemporaryDir other;
        const Run imported =
                run({QStringLiteral("keys"), QStringLiteral("import"), path}, other.path());
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains(QLatin1String("2")), qPrintable(imported.out));

        const Run listed = run({QStringLiteral("keys"), QStringLiteral("list"),
                                       QStringLiteral("--format"), QStringLiteral("json")},
                other.path());
        QCOMPARE(listed.out,
                keys({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")})
                        .out);

        const Run again =
                run({QStringLiteral("keys"), QStringLiteral("import"), path}, other.path());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("hwk_operator_001")), qPrintable(again.err));
        QVERIFY(again.err.contains(QLatin1String("--skip-existing")));

        const Run skipping = run({QStringLiteral("keys"), QStringLiteral("import"), path,
                                         QStringLiteral("--skip-existing")},
                other.path());
        QCOMPARE(skipping.exitCode, 0);
        QVERIFY(skipping.out.contains(QLatin1String("hwk_operator_001")));
    }

    QFile broken(m_home->filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("[{\"id\": \"hwk_admin_001\", \"name\": \"x\", \"role\": \"admin\"}]");
    broken.close();
    const Run refused = keys({QStringLiteral("import"), broken.fileName()});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("secret_hash")), qPrintable(refused.err));
    QCOMPARE(keys({QStringLiteral("import"), m_home->filePath(QStringLiteral("none.json"))})
                     .exitCode,
            1);
    Q_UNUSED(first);
}

void tst_KeysCli::auditsEveryChange()
{
    const QString text = generate();
    const QString id = KeyText::parse(text)->id;
    QCOMPARE(keys({QStringLiteral("update"), id, QStringLiteral("--name"), QStringLiteral("n")})
                     .exitCode,
            0);
    QCOMPARE(keys({QStringLiteral("revoke"), id}).exitCode, 0);
    // Reading changes nothing and is not audited.
    QCOMPARE(keys({QStringLiteral("list")}).exitCode, 0);

    QString error;
    std::unique_ptr<StateDatabase> database =
            StateDatabase::open(m_home->path(), StateDatabase::Durability::Normal, &error);
    QVERIFY2(database, qPrintable(error));
    QSqlQuery query(database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT event, key_id, source FROM audit ORDER BY seq")));
    QStringList events;
    while (query.next()) {
        QCOMPARE(query.value(1).toString(), id);
        QCOMPARE(query.value(2).toString(), QStringLiteral("cli"));
        events.append(query.value(0).toString());
    }
    QCOMPARE(events,
            (QStringList{QStringLiteral("key.created"), QStringLiteral("key.updated"),
                    QStringLiteral("key.revoked")}));
}

void tst_KeysCli::refusesUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    const QString generate = QStringLiteral("generate");
    const QString role = QStringLiteral("--role");
    const QString name = QStringLiteral("--name");
    QTest::newRow("no command") << QStringList() << QStringLiteral("keys --help");
    QTest::newRow("unknown command")
            << QStringList{QStringLiteral("rotate")} << QStringLiteral("rotate");
    QTest::newRow("generate without role")
            << QStringList{generate, name, QStringLiteral("x")} << QStringLiteral("--role");
    QTest::newRow("generate without name")
            << QStringList{generate, role, QStringLiteral("admin")} << QStringLiteral("--name");
    QTest::newRow("unknown role") << QStringList{generate, role, QStringLiteral("root"), name,
            QStringLiteral("x")} << QStringLiteral("root");
    QTest::newRow("expires not a number") << QStringList{generate, role, QStringLiteral("admin"),
            name, QStringLiteral("x"), QStringLiteral("--expires"), QStringLiteral("soon")}
                                          << QStringLiteral("--expires");
    QTest::newRow("zero days") << QStringList{generate, role, QStringLiteral("admin"), name,
            QStringLiteral("x"), QStringLiteral("--expires"), QStringLiteral("0")}
                               << QStringLiteral("--expires");
    QTest::newRow("bad range") << QStringList{generate, role, QStringLiteral("admin"), name,
            QStringLiteral("x"), QStringLiteral("--ip"), QStringLiteral("10.0.0.300/8")}
                               << QStringLiteral("ip_allow");
    QTest::newRow("device key without devices")
            << QStringList{generate, role, QStringLiteral("device"), name, QStringLiteral("x")}
            << QStringLiteral("devices");
    QTest::newRow("custom key without permissions")
            << QStringList{generate, role, QStringLiteral("custom"), name, QStringLiteral("x")}
            << QStringLiteral("permissions");
    QTest::newRow("bad device id") << QStringList{generate, role, QStringLiteral("device"), name,
            QStringLiteral("x"), QStringLiteral("--devices"), QStringLiteral("kitchen")}
                                   << QStringLiteral("kitchen");
    QTest::newRow("bad rate limit") << QStringList{generate, role, QStringLiteral("admin"), name,
            QStringLiteral("x"), QStringLiteral("--rate-limit"), QStringLiteral("-5")}
                                    << QStringLiteral("--rate-limit");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("list"), QStringLiteral("--all")}
                                    << QStringLiteral("all");
    QTest::newRow("bad list format") << QStringList{QStringLiteral("list"),
            QStringLiteral("--format"), QStringLiteral("xml")}
                                     << QStringLiteral("xml");
    QTest::newRow("show without id")
            << QStringList{QStringLiteral("show")} << QStringLiteral("key id");
    QTest::newRow("revoke two ids") << QStringList{QStringLiteral("revoke"), QStringLiteral("a"),
            QStringLiteral("b")} << QStringLiteral("key id");
    QTest::newRow("update without change")
            << QStringList{QStringLiteral("update"), QStringLiteral("hwk_admin_001")}
            << QStringLiteral("at least one change");
    QTest::newRow("update active maybe") << QStringList{QStringLiteral("update"),
            QStringLiteral("hwk_admin_001"), QStringLiteral("--active"), QStringLiteral("maybe")}
                                         << QStringLiteral("maybe");
    QTest::newRow("export as xml") << QStringList{QStringLiteral("export"),
            QStringLiteral("--format"), QStringLiteral("xml")}
                                   << QStringLiteral("xml");
    QTest::newRow("import without file")
            << QStringList{QStringLiteral("import")} << QStringLiteral("one file");
}

void tst_KeysCli::refusesUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    const Run result = keys(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
    // A refused command leaves no key behind.
    QVERIFY(!keys({QStringLiteral("list")}).out.contains(QLatin1String("hwk_")));
}

void tst_KeysCli::printsHelp()
{
    for (const QStringList &arguments : {QStringList{QStringLiteral("--help")},
                 QStringList{QStringLiteral("generate"), QStringLiteral("--help")}}) {
        const Run result = keys(arguments);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("generate --role R --name N")));
        QVERIFY(result.out.contains(QLatin1String("--skip-existing")));
    }
    const Run top = run({QStringLiteral("--help")});
    QVERIFY(top.out.contains(QLatin1String("keys")));
}

QTEST_GUILESS_MAIN(tst_KeysCli)
#include "tst_keyscli.moc"
