#include "AuditTrail.h"

#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `homewarden audit` as a person or a script meets it: listing, filters, formats, usage errors.
class tst_AuditCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listsNewestFirstAsATable();
    void listsJsonLines();
    void filtersByEventKeyAndSince();
    void keepsControlCharactersOffTheTerminal();
    void saysSoWhenNothingMatches();
    void refusesBadUsage_data();
    void refusesBadUsage();
    void showsItsHelp();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments, const QString &home) const;

    QTemporaryDir m_home;
};

tst_AuditCommand::Run tst_AuditCommand::run(const QStringList &arguments, const QString &home) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOMEWARDEN_HOME"), home);
    process.setProcessEnvironment(env);
    process.start(
            TestSupport::homewardenBinary(), QStringList{QStringLiteral("audit")} + arguments);
    if (!process.waitForFinished(30000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void tst_AuditCommand::initTestCase()
{
    QVERIFY(m_home.isValid());
    QString error;
    const std::unique_ptr<AuditTrail> trail = AuditTrail::open(m_home.path(), &error);
    QVERIFY2(trail, qPrintable(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Seq 1 three days ago, seq 2 two hours ago, seq 3 now.
    AuditEvent old;
    old.timestamp = now.addDays(-3);
    old.event = QLatin1String(AuditEvent::KEY_CREATED);
    old.keyId = QStringLiteral("hwk_admin_001");
    old.source = QStringLiteral("cli");
    old.action = QStringLiteral("keys generate");
    old.result = QStringLiteral("ok");
    trail->append(old);
    AuditEvent failure;
    failure.timestamp = now.addSecs(-2 * 3600);
    failure.event = QLatin1String(AuditEvent::AUTH_FAILURE);
    failure.source = QStringLiteral("192.0.2.7");
    failure.result = QStringLiteral("denied");
    failure.reason = QStringLiteral("The key is unknown.");
    trail->append(failure);
    AuditEvent call;
    call.event = QLatin1String(AuditEvent::TOOL_CALL);
    call.keyId = QStringLiteral("hwk_operator_002");
    call.source = QStringLiteral("stdio");
    call.action = QStringLiteral("control_device");
    call.target = QStringLiteral("ha:light.kitchen\u001b[2J");
    call.result = QStringLiteral("allowed");
    trail->append(call);
    QVERIFY(trail->flush());
}

void tst_AuditCommand::listsNewestFirstAsATable()
{
    const Run result = run({}, m_home.path());
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QLatin1String("SEQ")));
    QVERIFY(lines.at(1).startsWith(QLatin1String("3 ")));
    QVERIFY(lines.at(3).startsWith(QLatin1String("1 ")));
    // Aligned: every row's event column starts where the header's does.
    const qsizetype eventColumn = lines.at(0).indexOf(QLatin1String("EVENT"));
    QCOMPARE(lines.at(1).indexOf(QLatin1String("tool.call")), eventColumn);
    QCOMPARE(lines.at(2).indexOf(QLatin1String("auth.failure")), eventColumn);
    QCOMPARE(lines.at(3).indexOf(QLatin1String("key.created")), eventColumn);
    QVERIFY(lines.at(2).endsWith(QLatin1String("The key is unknown.")));
}

void tst_AuditCommand::listsJsonLines()
{
    const Run result = run({QStringLiteral("--format"), QStringLiteral("json")}, m_home.path());
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QJsonObject newest = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
    QCOMPARE(newest.value(QLatin1String("seq")).toInteger(), 3);
    QCOMPARE(newest.value(QLatin1String("event")).toString(), QStringLiteral("tool.call"));
    QCOMPARE(newest.value(QLatin1String("key_id")).toString(), QStringLiteral("hwk_operator_002"));
    QCOMPARE(newest.value(QLatin1String("target")).toString(),
            QStringLiteral("ha:light.kitchen\u001b[2J"));
    QVERIFY(newest.value(QLatin1String("time")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(newest.value(QLatin1String("hash")).toString().size(), 64);
    const QJsonObject failure = QJsonDocument::fromJson(lines.at(1).toUtf8()).object();
    QVERIFY(failure.value(QLatin1String("key_id")).isNull());
    QCOMPARE(failure.value(QLatin1String("reason")).toString(),
            QStringLiteral("The key is unknown."));
}

void tst_AuditCommand::filtersByEventKeyAndSince()
{
    const auto seqs = [this](const QStringList &arguments) {
        const Run result =
                run(arguments + QStringList{QStringLiteral("--format=json")}, m_home.path());
        QList<qint64> found;
        for (const QString &line : result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            found.append(QJsonDocument::fromJson(line.toUtf8())
                                 .object()
                                 .value(QLatin1String("seq"))
                                 .toInteger());
        return found;
    };
    QCOMPARE(seqs({QStringLiteral("--event"), QStringLiteral("auth.failure")}), QList<qint64>{2});
    QCOMPARE(seqs({QStringLiteral("--key"), QStringLiteral("hwk_admin_001")}), QList<qint64>{1});
    QCOMPARE(seqs({QStringLiteral("--since"), QStringLiteral("3h")}), (QList<qint64>{3, 2}));
    QCOMPARE(seqs({QStringLiteral("--since"), QStringLiteral("1h")}), QList<qint64>{3});
    const QString yesterday = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate);
    QCOMPARE(seqs({QStringLiteral("--since"), yesterday}), (QList<qint64>{3, 2}));
    QCOMPARE(seqs({QStringLiteral("--limit"), QStringLiteral("1")}), QList<qint64>{3});
    QCOMPARE(seqs({QStringLiteral("--limit=0")}), (QList<qint64>{3, 2, 1}));
}

void tst_AuditCommand::keepsControlCharactersOffTheTerminal()
{
    const Run result = run({}, m_home.path());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!result.out.contains(QChar(0x1b)));
    QVERIFY(result.out.contains(QLatin1String("ha:light.kitchen [2J")));
}

void tst_AuditCommand::saysSoWhenNothingMatches()
{
    const Run result = run({QStringLiteral("--event"), QStringLiteral("no.such")}, m_home.path());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("No audit events match.\n"));
    const Run json = run({QStringLiteral("--event"), QStringLiteral("no.such"),
                                 QStringLiteral("--format"), QStringLiteral("json")},
            m_home.path());
    QCOMPARE(json.exitCode, 0);
    QVERIFY(json.out.isEmpty());
}

void tst_AuditCommand::refusesBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frob")} << QStringLiteral("'--frob'");
    QTest::newRow("stray argument")
            << QStringList{QStringLiteral("extra")} << QStringLiteral("'extra'");
    QTest::newRow("missing value")
            << QStringList{QStringLiteral("--limit")} << QStringLiteral("--limit needs a value");
    QTest::newRow("negative limit") << QStringList{QStringLiteral("--limit"), QStringLiteral("-1")}
                                    << QStringLiteral("'-1'");
    QTest::newRow("word limit") << QStringList{QStringLiteral("--limit=many")}
                                << QStringLiteral("'many'");
    QTest::newRow("bad since") << QStringList{QStringLiteral("--since"),
            QStringLiteral("yesterday")}
                               << QStringLiteral("'yesterday'");
    QTest::newRow("bad unit") << QStringList{QStringLiteral("--since"), QStringLiteral("5y")}
                              << QStringLiteral("'5y'");
    QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("'xml'");
    QTest::newRow("verify with a filter") << QStringList{QStringLiteral("--verify"),
            QStringLiteral("--event"), QStringLiteral("tool.call")}
                                          << QStringLiteral("--event");
    QTest::newRow("verify with a value")
            << QStringList{QStringLiteral("--verify=yes")} << QStringLiteral("--verify");
}

void tst_AuditCommand::refusesBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    const Run result = run(arguments, m_home.path());
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    // One sentence, one line.
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
}

void tst_AuditCommand::showsItsHelp()
{
    const Run result = run({QStringLiteral("--help")}, m_home.path());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("--verify")));
    QVERIFY(result.out.contains(QLatin1String("--since")));
}

QTEST_GUILESS_MAIN(tst_AuditCommand)
#include "tst_auditcommand.moc"
