#include "AuditLog.h"
#include "AutostartEntry.h"
#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The settings window driven through its widgets: what Save writes to homewarden.ini, what it
// audits, and what it refuses (with a sentence, writing nothing).
class tst_SettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheFileAsItIs();
    void changingPortAndHostWritesTheFileAndAuditsEachKey();
    void untouchedWindowSavesNothing();
    void invalidInputIsRefusedAndNothingWritten_data();
    void invalidInputIsRefusedAndNothingWritten();
    void productionRefusesTheNetworkWithoutTls();
    void productionServesTheNetworkWithTls();
    void developmentMayListenOnTheNetworkWithoutTls();
    void languageAndStartAtLoginAreSaved();

private:
    QString iniPath() const;
    QString iniValue(const QString &key) const;
    QByteArray iniBytes() const;
    QList<AuditRecord> configEvents() const;
    QLineEdit *edit(const char *name) const;
    bool makeCertificate(QString *cert, QString *key) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void tst_SettingsDialog::init()
{
    qunsetenv("HOMEWARDEN_SECURITY_LEVEL");
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.setValue(QStringLiteral("server/port"), 3001);
    ini.setValue(QStringLiteral("homeassistant/url"), QStringLiteral("http://ha.local:8123"));
    ini.sync();
    AutostartEntry::disable();
    m_dialog = std::make_unique<SettingsDialog>(m_home->path());
    m_dialog->show();
}

void tst_SettingsDialog::cleanup()
{
    m_dialog.reset();
    m_home.reset();
    AutostartEntry::disable();
}

QString tst_SettingsDialog::iniPath() const
{
    return QDir(m_home->path()).filePath(QStringLiteral("homewarden.ini"));
}

QString tst_SettingsDialog::iniValue(const QString &key) const
{
    return QSettings(iniPath(), QSettings::IniFormat).value(key).toString();
}

QByteArray tst_SettingsDialog::iniBytes() const
{
    QFile file(iniPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<AuditRecord> tst_SettingsDialog::configEvents() const
{
    const std::unique_ptr<AuditLog> log = AuditLog::open(m_home->path());
    AuditLog::Filter filter;
    filter.event = QLatin1String(AuditEvent::CONFIG_CHANGED);
    return log ? log->query(filter) : QList<AuditRecord>();
}

QLineEdit *tst_SettingsDialog::edit(const char *name) const
{
    auto *line = m_dialog->findChild<QLineEdit *>(QLatin1String(name));
    if (!line)
        qWarning("no line edit %s", name);
    return line;
}

bool tst_SettingsDialog::makeCertificate(QString *cert, QString *key) const
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return false;
    *cert = QDir(m_home->path()).filePath(QStringLiteral("cert.pem"));
    *key = QDir(m_home->path()).filePath(QStringLiteral("key.pem"));
    QProcess make;
    make.start(openssl,
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("1"),
                    QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *cert});
    return make.waitForFinished(30000) && make.exitCode() == 0;
}

void tst_SettingsDialog::showsTheFileAsItIs()
{
    QCOMPARE(edit("host")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(edit("port")->text(), QStringLiteral("3001"));
    QVERIFY(m_dialog->findChild<QCheckBox *>(QStringLiteral("serverEnabled"))->isChecked());
    QCOMPARE(m_dialog->findChild<QComboBox *>(QStringLiteral("securityLevel"))->currentText(),
            QStringLiteral("Production"));
}

void tst_SettingsDialog::changingPortAndHostWritesTheFileAndAuditsEachKey()
{
    QSignalSpy saved(m_dialog.get(), &SettingsDialog::settingsSaved);
    edit("port")->setText(QStringLiteral("3002"));
    edit("host")->setText(QStringLiteral("::1"));
    QVERIFY2(m_dialog->save(), qPrintable(m_dialog->message()));

    QCOMPARE(iniValue(QStringLiteral("server/port")), QStringLiteral("3002"));
    QCOMPARE(iniValue(QStringLiteral("server/host")), QStringLiteral("::1"));
    // What it did not touch stays.
    QCOMPARE(iniValue(QStringLiteral("homeassistant/url")), QStringLiteral("http://ha.local:8123"));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toStringList(),
            (QStringList{QStringLiteral("server/host"), QStringLiteral("server/port")}));

    QList<AuditRecord> events;
    QTRY_COMPARE_WITH_TIMEOUT((events = configEvents()).size(), 2, 5000);
    QStringList targets;
    for (const AuditRecord &record : events) {
        QCOMPARE(record.event.source, QStringLiteral("settings"));
        targets.append(record.event.target);
        if (record.event.target == QLatin1String("server/port"))
            QCOMPARE(record.event.reason, QStringLiteral("'3001' -> '3002'"));
    }
    targets.sort();
    QCOMPARE(targets, (QStringList{QStringLiteral("server/host"), QStringLiteral("server/port")}));
}

void tst_SettingsDialog::untouchedWindowSavesNothing()
{
    const QByteArray before = iniBytes();
    QSignalSpy saved(m_dialog.get(), &SettingsDialog::settingsSaved);
    QVERIFY(m_dialog->save());
    QCOMPARE(iniBytes(), before);
    QCOMPARE(saved.size(), 0);
    QTest::qWait(300);
    QVERIFY(configEvents().isEmpty());
}

void tst_SettingsDialog::invalidInputIsRefusedAndNothingWritten_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("host not an address") << "host"
                                         << "my-laptop"
                                         << "not an IP address";
    QTest::newRow("port zero") << "port"
                               << "0"
                               << "from 1 to 65535";
    QTest::newRow("port too big") << "port"
                                  << "70000"
                                  << "from 1 to 65535";
    QTest::newRow("port not a number") << "port"
                                       << "http"
                                       << "from 1 to 65535";
    QTest::newRow("certificate without key") << "tlsCertificate"
                                             << "/nonexistent/cert.pem"
                                             << "both a certificate file and a private key";
}

void tst_SettingsDialog::invalidInputIsRefusedAndNothingWritten()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const QByteArray before = iniBytes();
    QSignalSpy saved(m_dialog.get(), &SettingsDialog::settingsSaved);
    edit("port")->setText(QStringLiteral("3005")); // a valid change that must not be saved either
    edit(field.toLatin1().constData())->setText(value);
    QVERIFY(!m_dialog->save());
    QVERIFY2(m_dialog->message().contains(expected), qPrintable(m_dialog->message()));
    QCOMPARE(iniBytes(), before);
    QCOMPARE(saved.size(), 0);
    QTest::qWait(300);
    QVERIFY(configEvents().isEmpty());
}

void tst_SettingsDialog::productionRefusesTheNetworkWithoutTls()
{
    const QByteArray before = iniBytes();
    edit("host")->setText(QStringLiteral("0.0.0.0"));
    QVERIFY(!m_dialog->save());
    QVERIFY2(m_dialog->message().contains(QLatin1String("only over HTTPS")),
            qPrintable(m_dialog->message()));
    QCOMPARE(iniBytes(), before);

    // Unreadable TLS files are no way round it.
    edit("tlsCertificate")->setText(QStringLiteral("/nonexistent/cert.pem"));
    edit("tlsKey")->setText(QStringLiteral("/nonexistent/key.pem"));
    QVERIFY(!m_dialog->save());
    QVERIFY2(m_dialog->message().contains(QLatin1String("/nonexistent/cert.pem")),
            qPrintable(m_dialog->message()));
    QCOMPARE(iniBytes(), before);
}

void tst_SettingsDialog::productionServesTheNetworkWithTls()
{
    QString cert;
    QString key;
    if (!makeCertificate(&cert, &key))
        QSKIP("openssl is needed to make a self-signed certificate.");
    edit("host")->setText(QStringLiteral("0.0.0.0"));
    edit("tlsCertificate")->setText(cert);
    edit("tlsKey")->setText(key);
    QVERIFY2(m_dialog->save(), qPrintable(m_dialog->message()));
    QCOMPARE(iniValue(QStringLiteral("server/host")), QStringLiteral("0.0.0.0"));
    QCOMPARE(iniValue(QStringLiteral("server/tls_cert")), cert);
    QCOMPARE(iniValue(QStringLiteral("server/tls_key")), key);
}

void tst_SettingsDialog::developmentMayListenOnTheNetworkWithoutTls()
{
    auto *level = m_dialog->findChild<QComboBox *>(QStringLiteral("securityLevel"));
    level->setCurrentIndex(level->findText(QStringLiteral("Development")));
    edit("host")->setText(QStringLiteral("0.0.0.0"));
    QVERIFY2(m_dialog->save(), qPrintable(m_dialog->message()));
    QCOMPARE(iniValue(QStringLiteral("security/level")), QStringLiteral("development"));
    QCOMPARE(iniValue(QStringLiteral("server/host")), QStringLiteral("0.0.0.0"));
    // The level applies at the next start; the dialog says so.
    QVERIFY2(m_dialog->message().contains(QLatin1String("next")), qPrintable(m_dialog->message()));
}

void tst_SettingsDialog::languageAndStartAtLoginAreSaved()
{
    auto *language = m_dialog->findChild<QComboBox *>(QStringLiteral("language"));
    language->setCurrentIndex(language->findText(QStringLiteral("Deutsch")));
    m_dialog->findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->setChecked(true);
    m_dialog->findChild<QCheckBox *>(QStringLiteral("serverEnabled"))->setChecked(false);
    QVERIFY2(m_dialog->save(), qPrintable(m_dialog->message()));
    QCOMPARE(iniValue(QStringLiteral("ui/language")), QStringLiteral("de"));
    QCOMPARE(iniValue(QStringLiteral("server/enabled")), QStringLiteral("false"));
    QVERIFY(AutostartEntry::isEnabled());
    QVERIFY2(m_dialog->message().contains(QLatin1String("next")), qPrintable(m_dialog->message()));
    const auto autostartAudited = [this] {
        const QList<AuditRecord> events = configEvents();
        return std::any_of(events.cbegin(), events.cend(), [](const AuditRecord &record) {
            return record.event.target == QLatin1String("autostart");
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(autostartAudited(), 5000);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
