#include "KeyText.h"

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>

class tst_KeyText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatesWhatParseReadsBack_data();
    void generatesWhatParseReadsBack();
    void padsTheNumberToThreeDigits();
    void secretCarriesAtLeast128Bits();
    void secretsAreUniformlyDrawn();
    void readsViewerAsMonitor();
    void refusesMalformedTexts_data();
    void refusesMalformedTexts();
    void hashesIdAndSecretTogether();
    void comparesInConstantTimeCorrectly();

private:
    static QString validSecret() { return QStringLiteral("abcdefghijABCDEFGHIJ0123456789xy"); }
};

void tst_KeyText::generatesWhatParseReadsBack_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<int>("seq");
    QTest::newRow("admin") << Role::Admin << 1;
    QTest::newRow("operator") << Role::Operator << 7;
    QTest::newRow("monitor") << Role::Monitor << 42;
    QTest::newRow("device") << Role::Device << 999;
    QTest::newRow("custom") << Role::Custom << 1000;
}

void tst_KeyText::generatesWhatParseReadsBack()
{
    QFETCH(Role, role);
    QFETCH(int, seq);

    const KeyText::Parts generated = KeyText::generate(role, seq);
    const QString text = KeyText::compose(generated);
    static const QRegularExpression format(QStringLiteral(
            "^hwk_(admin|operator|monitor|viewer|device|custom)_(\\d{3,})_([0-9A-Za-z]{32})$"));
    QVERIFY2(format.match(text).hasMatch(), qPrintable(text));

    QString error;
    const std::optional<KeyText::Parts> parsed = KeyText::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->id, generated.id);
    QCOMPARE(parsed->role, role);
    QCOMPARE(parsed->seq, seq);
    QCOMPARE(parsed->secret, generated.secret);
    QCOMPARE(generated.id,
            QStringLiteral("hwk_%1_%2").arg(Roles::name(role)).arg(seq, 3, 10, QLatin1Char('0')));
}

void tst_KeyText::padsTheNumberToThreeDigits()
{
    QCOMPARE(KeyText::generate(Role::Operator, 7).id, QStringLiteral("hwk_operator_007"));
    QCOMPARE(KeyText::generate(Role::Admin, 1234).id, QStringLiteral("hwk_admin_1234"));
}

void tst_KeyText::secretCarriesAtLeast128Bits()
{
    const QString secret = KeyText::generate(Role::Admin, 1).secret;
    QCOMPARE(secret.size(), 32);
    QVERIFY(secret.size() * std::log2(62.0) >= 128.0);
    for (QChar c : secret)
        QVERIFY(c.isLetterOrNumber() && c.unicode() < 128);

    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i)
        seen.insert(KeyText::generate(Role::Admin, 1).secret);
    QCOMPARE(seen.size(), 1000);
}

void tst_KeyText::secretsAreUniformlyDrawn()
{
    // 64 000 characters over 62 symbols: about 1032 each. A modulo bias or a missing symbol
    // would fall far outside these bounds; chance alone never does.
    QHash<QChar, int> counts;
    for (int i = 0; i < 2000; ++i) {
        for (QChar c : KeyText::generate(Role::Admin, 1).secret)
            ++counts[c];
    }
    QCOMPARE(counts.size(), 62);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.value() > 800 && it.value() < 1300, qPrintable(QString(it.key())));
}

void tst_KeyText::readsViewerAsMonitor()
{
    const std::optional<KeyText::Parts> parsed =
            KeyText::parse(QStringLiteral("hwk_viewer_005_") + validSecret());
    QVERIFY(parsed);
    QCOMPARE(parsed->role, Role::Monitor);
    // The id is what the text says, so that the stored hash of an imported key still matches.
    QCOMPARE(parsed->id, QStringLiteral("hwk_viewer_005"));
    QCOMPARE(parsed->seq, 5);
}

void tst_KeyText::refusesMalformedTexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    const QString secret = validSecret();
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("no prefix") << QStringLiteral("abc_admin_001_") + secret
                               << QStringLiteral("must start with hwk_");
    QTest::newRow("Bearer left in") << QStringLiteral("Bearer hwk_admin_001_") + secret
                                    << QStringLiteral("must start with hwk_");
    QTest::newRow("prefix only") << QStringLiteral("hwk_admin") << QStringLiteral("hwk_<role>");
    QTest::newRow("unknown role") << QStringLiteral("hwk_root_001_") + secret
                                  << QStringLiteral("role (admin");
    QTest::newRow("role in capitals")
            << QStringLiteral("hwk_ADMIN_001_") + secret << QStringLiteral("role (admin");
    QTest::newRow("two digits") << QStringLiteral("hwk_admin_01_") + secret
                                << QStringLiteral("three digits");
    QTest::newRow("letters as number")
            << QStringLiteral("hwk_admin_abc_") + secret << QStringLiteral("three digits");
    QTest::newRow("no secret") << QStringLiteral("hwk_admin_001") << QStringLiteral("missing");
    QTest::newRow("number too large")
            << QStringLiteral("hwk_admin_99999999999_") + secret << QStringLiteral("too large");
    QTest::newRow("secret too short") << QStringLiteral("hwk_admin_001_") + secret.left(31)
                                      << QStringLiteral("exactly 32 characters");
    QTest::newRow("secret too long") << QStringLiteral("hwk_admin_001_") + secret + QLatin1Char('a')
                                     << QStringLiteral("exactly 32 characters");
    QTest::newRow("symbol in secret") << QStringLiteral("hwk_admin_001_") + secret.left(31)
                    + QLatin1Char('-') << QStringLiteral("only the letters");
    QTest::newRow("trailing newline")
            << QStringLiteral("hwk_admin_001_") + secret + QLatin1Char('\n')
            << QStringLiteral("only the letters");
    QTest::newRow("non-ASCII letter") << QStringLiteral("hwk_admin_001_") + secret.left(31)
                    + QChar(0x00e4) << QStringLiteral("only the letters");
}

void tst_KeyText::refusesMalformedTexts()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);

    QString error;
    QVERIFY(!KeyText::parse(text, &error));
    QVERIFY2(error.startsWith(QLatin1String("The key is malformed: ")), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    // A key pasted in the wrong place must not end up in a log through its error message.
    QVERIFY(!error.contains(validSecret().left(20)));
}

void tst_KeyText::hashesIdAndSecretTogether()
{
    const QString id = QStringLiteral("hwk_admin_001");
    const QByteArray hash = KeyText::hashSecret(id, validSecret());
    QCOMPARE(hash.size(), 32);
    QCOMPARE(hash,
            QCryptographicHash::hash(
                    (id + QLatin1Char(':') + validSecret()).toUtf8(), QCryptographicHash::Sha256));
    QCOMPARE(KeyText::hashSecret(id, validSecret()), hash);
    // The same secret under another id must not verify.
    QVERIFY(KeyText::hashSecret(QStringLiteral("hwk_admin_002"), validSecret()) != hash);
    QVERIFY(!hash.contains(validSecret().toUtf8()));
}

void tst_KeyText::comparesInConstantTimeCorrectly()
{
    const QByteArray a = KeyText::hashSecret(QStringLiteral("hwk_admin_001"), validSecret());
    QByteArray firstDiffers = a;
    firstDiffers[0] = char(firstDiffers.at(0) ^ 0x01);
    QByteArray lastDiffers = a;
    lastDiffers[lastDiffers.size() - 1] = char(lastDiffers.at(lastDiffers.size() - 1) ^ 0x80);

    QVERIFY(KeyText::constantTimeEquals(a, a));
    QVERIFY(KeyText::constantTimeEquals(a, QByteArray(a.constData(), a.size())));
    QVERIFY(!KeyText::constantTimeEquals(a, firstDiffers));
    QVERIFY(!KeyText::constantTimeEquals(a, lastDiffers));
    QVERIFY(!KeyText::constantTimeEquals(a, a.left(31)));
    QVERIFY(!KeyText::constantTimeEquals(a, QByteArray()));
    QVERIFY(KeyText::constantTimeEquals(QByteArray(), QByteArray()));
}

QTEST_GUILESS_MAIN(tst_KeyText)
#include "tst_keytext.moc"
