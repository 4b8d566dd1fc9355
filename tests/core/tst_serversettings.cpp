#include "ServerSettings.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// How the tray reads [server] of homewarden.ini: the defaults, every key, and what happens to
// a value it cannot use (a sentence, and the safe side).
class tst_ServerSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void defaultsWithoutAFile();
    void readsEveryKey();
    void enabledAcceptsTheUsualWords_data();
    void enabledAcceptsTheUsualWords();
    void unreadableEnabledTurnsTheServerOff();
    void badHostAndPortFallBackToTheDefaults();
    void eitherTlsFileAsksForTls();

private:
    void write(const QString &key, const QVariant &value);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ServerSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ServerSettings::write(const QString &key, const QVariant &value)
{
    QSettings ini(
            QDir(m_dir->path()).filePath(QStringLiteral("homewarden.ini")), QSettings::IniFormat);
    ini.setValue(key, value);
}

void tst_ServerSettings::defaultsWithoutAFile()
{
    const ServerSettings settings = ServerSettings::load(m_dir->path());
    QVERIFY(settings.enabled);
    QCOMPARE(settings.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(settings.port, ServerSettings::DEFAULT_PORT);
    QVERIFY(!settings.wantsTls());
    QVERIFY(settings.problems.isEmpty());
}

void tst_ServerSettings::readsEveryKey()
{
    write(QStringLiteral("server/enabled"), false);
    write(QStringLiteral("server/host"), QStringLiteral("0.0.0.0"));
    write(QStringLiteral("server/port"), 8443);
    write(QStringLiteral("server/tls_cert"), QStringLiteral("/etc/hw/cert.pem"));
    write(QStringLiteral("server/tls_key"), QStringLiteral("/etc/hw/key.pem"));
    write(QStringLiteral("server/allow_origins"),
            QStringList{QStringLiteral("https://a.example"), QStringLiteral("https://b.example")});
    const ServerSettings settings = ServerSettings::load(m_dir->path());
    QVERIFY(!settings.enabled);
    QCOMPARE(settings.address, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(settings.port, quint16(8443));
    QCOMPARE(settings.tlsCertificate, QStringLiteral("/etc/hw/cert.pem"));
    QCOMPARE(settings.tlsKey, QStringLiteral("/etc/hw/key.pem"));
    QVERIFY(settings.wantsTls());
    QCOMPARE(settings.allowedOrigins,
            (QStringList{
                    QStringLiteral("https://a.example"), QStringLiteral("https://b.example")}));
    QVERIFY2(settings.problems.isEmpty(), qPrintable(settings.problems.join(QLatin1Char(' '))));
}

void tst_ServerSettings::enabledAcceptsTheUsualWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("true") << "true" << true;
    QTest::newRow("False") << "False" << false;
    QTest::newRow("1") << "1" << true;
    QTest::newRow("0") << "0" << false;
    QTest::newRow("yes") << "yes" << true;
    QTest::newRow("off") << "off" << false;
}

void tst_ServerSettings::enabledAcceptsTheUsualWords()
{
    QFETCH(QString, text);
    QFETCH(bool, enabled);
    write(QStringLiteral("server/enabled"), text);
    const ServerSettings settings = ServerSettings::load(m_dir->path());
    QCOMPARE(settings.enabled, enabled);
    QVERIFY(settings.problems.isEmpty());
}

void tst_ServerSettings::unreadableEnabledTurnsTheServerOff()
{
    write(QStringLiteral("server/enabled"), QStringLiteral("maybe"));
    const ServerSettings settings = ServerSettings::load(m_dir->path());
    QVERIFY(!settings.enabled);
    QCOMPARE(settings.problems.size(), 1);
    QVERIFY2(settings.problems.first().contains(QLatin1String("'maybe'")),
            qPrintable(settings.problems.first()));
}

void tst_ServerSettings::badHostAndPortFallBackToTheDefaults()
{
    write(QStringLiteral("server/host"), QStringLiteral("my-laptop"));
    write(QStringLiteral("server/port"), 70000);
    const ServerSettings settings = ServerSettings::load(m_dir->path());
    QCOMPARE(settings.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(settings.port, ServerSettings::DEFAULT_PORT);
    QCOMPARE(settings.problems.size(), 2);
}

void tst_ServerSettings::eitherTlsFileAsksForTls()
{
    // Half a TLS setup must not quietly serve plain HTTP: the tray then refuses to serve.
    write(QStringLiteral("server/tls_key"), QStringLiteral("/etc/hw/key.pem"));
    const ServerSettings settings = ServerSettings::load(m_dir->path());
    QVERIFY(settings.tlsCertificate.isEmpty());
    QVERIFY(settings.wantsTls());
}

QTEST_GUILESS_MAIN(tst_ServerSettings)
#include "tst_serversettings.moc"
