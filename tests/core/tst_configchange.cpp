#include "AuditLog.h"
#include "AuditTrail.h"
#include "AutostartEntry.h"
#include "ConfigChange.h"
#include "SecurityLevel.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// What the wizard and the settings window rely on when they save: only real changes are
// written and each is in the audit trail; nothing is written without a trail; the security
// level chosen in the file takes effect unless the environment overrides it; the autostart
// entry appears and goes.
class tst_ConfigChange final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void auditsEachRealChange();
    void emptyValueRemovesTheKey();
    void refusesToWriteWithoutAnAuditTrail();
    void securityLevelComesFromTheFileUnlessTheEnvironmentSaysOtherwise();
    void unknownSecurityLevelIsAnError();
    void autostartEntryStartsThisInstallation();

private:
    QList<AuditRecord> configEvents() const;
    QString iniValue(const QString &key) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditTrail> m_audit;
};

void tst_ConfigChange::init()
{
    m_audit.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_audit = AuditTrail::open(m_dir->path(), &error);
    QVERIFY2(m_audit, qPrintable(error));
    qunsetenv("HOMEWARDEN_SECURITY_LEVEL");
}

QList<AuditRecord> tst_ConfigChange::configEvents() const
{
    m_audit->flush();
    const std::unique_ptr<AuditLog> log = AuditLog::open(m_dir->path());
    AuditLog::Filter filter;
    filter.event = QLatin1String(AuditEvent::CONFIG_CHANGED);
    return log->query(filter);
}

QString tst_ConfigChange::iniValue(const QString &key) const
{
    return QSettings(
            QDir(m_dir->path()).filePath(QStringLiteral("homewarden.ini")), QSettings::IniFormat)
            .value(key)
            .toString();
}

void tst_ConfigChange::auditsEachRealChange()
{
    ConfigChange first(m_dir->path(), QStringLiteral("wizard"));
    first.set(QStringLiteral("server/port"), 3002);
    first.set(QStringLiteral("homeassistant/url"), QStringLiteral("http://ha.local:8123"));
    QString error;
    QVERIFY2(first.commit(m_audit.get(), &error), qPrintable(error));
    QCOMPARE(iniValue(QStringLiteral("server/port")), QStringLiteral("3002"));
    QCOMPARE(configEvents().size(), 2);

    ConfigChange second(m_dir->path(), QStringLiteral("settings"));
    second.set(QStringLiteral("server/port"), QStringLiteral("3002")); // the same value
    second.set(QStringLiteral("server/host"), QStringLiteral("127.0.0.1"));
    QCOMPARE(second.changedKeys(), QStringList{QStringLiteral("server/host")});
    QVERIFY(second.commit(m_audit.get(), &error));

    const QList<AuditRecord> events = configEvents();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.first().event.target, QStringLiteral("server/host"));
    QCOMPARE(events.first().event.source, QStringLiteral("settings"));
    QCOMPARE(events.first().event.reason, QStringLiteral("'' -> '127.0.0.1'"));
}

void tst_ConfigChange::emptyValueRemovesTheKey()
{
    ConfigChange add(m_dir->path(), QStringLiteral("settings"));
    add.set(QStringLiteral("loxone/url"), QStringLiteral("http://192.168.1.77"));
    QVERIFY(add.commit(m_audit.get()));
    ConfigChange clear(m_dir->path(), QStringLiteral("settings"));
    clear.set(QStringLiteral("loxone/url"), QString());
    QVERIFY(clear.commit(m_audit.get()));
    QVERIFY(!QSettings(
            QDir(m_dir->path()).filePath(QStringLiteral("homewarden.ini")), QSettings::IniFormat)
                     .contains(QStringLiteral("loxone/url")));
    QCOMPARE(configEvents().first().event.action, QStringLiteral("remove"));
}

void tst_ConfigChange::refusesToWriteWithoutAnAuditTrail()
{
    ConfigChange change(m_dir->path(), QStringLiteral("settings"));
    change.set(QStringLiteral("server/port"), 4000);
    QString error;
    QVERIFY(!change.commit(nullptr, &error));
    QVERIFY(error.contains(QStringLiteral("audit trail")));
    QVERIFY(iniValue(QStringLiteral("server/port")).isEmpty());
}

void tst_ConfigChange::securityLevelComesFromTheFileUnlessTheEnvironmentSaysOtherwise()
{
    QCOMPARE(SecurityLevels::configured(m_dir->path()), SecurityLevel::Production);
    ConfigChange change(m_dir->path(), QStringLiteral("wizard"));
    change.set(QLatin1String(SecurityLevels::INI_KEY), QStringLiteral("staging"));
    QVERIFY(change.commit(m_audit.get()));
    QCOMPARE(SecurityLevels::configured(m_dir->path()), SecurityLevel::Staging);
    qputenv("HOMEWARDEN_SECURITY_LEVEL", "development");
    QCOMPARE(SecurityLevels::configured(m_dir->path()), SecurityLevel::Development);
    qunsetenv("HOMEWARDEN_SECURITY_LEVEL");
}

void tst_ConfigChange::unknownSecurityLevelIsAnError()
{
    ConfigChange change(m_dir->path(), QStringLiteral("wizard"));
    change.set(QLatin1String(SecurityLevels::INI_KEY), QStringLiteral("relaxed"));
    QVERIFY(change.commit(m_audit.get()));
    QString error;
    QVERIFY(!SecurityLevels::configured(m_dir->path(), &error));
    QVERIFY2(error.contains(QStringLiteral("homewarden.ini")), qPrintable(error));
}

void tst_ConfigChange::autostartEntryStartsThisInstallation()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir->filePath(QStringLiteral("config"))));
    QVERIFY(!AutostartEntry::isEnabled());
    QString error;
    QVERIFY2(AutostartEntry::enable(QStringLiteral("/opt/hw/bin/homewarden"), &error),
            qPrintable(error));
    QCOMPARE(AutostartEntry::path(),
            m_dir->filePath(QStringLiteral("config/autostart/homewarden.desktop")));
    QFile entry(AutostartEntry::path());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QByteArray text = entry.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY(text.contains("\nExec=/opt/hw/bin/homewarden\n"));
    QVERIFY(AutostartEntry::disable(&error));
    QVERIFY(!AutostartEntry::isEnabled());
    qunsetenv("XDG_CONFIG_HOME");
}

QTEST_GUILESS_MAIN(tst_ConfigChange)
#include "tst_configchange.moc"
