#include "ConfigChange.h"

#include "AuditEvent.h"
#include "AuditTrail.h"
#include "BackendSettings.h"

#include <QDir>
#include <QSettings>

ConfigChange::ConfigChange(const QString &stateDirectory, const QString &source)
    : m_filePath(QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)))
    , m_source(source)
{ }

void ConfigChange::set(const QString &key, const QVariant &value)
{
    const bool empty = !value.isValid()
            || (value.typeId() == QMetaType::QString && value.toString().isEmpty())
            || (value.typeId() == QMetaType::QStringList && value.toStringList().isEmpty());
    for (Entry &entry : m_entries) {
        if (entry.key == key) {
            entry.value = empty ? QVariant() : value;
            return;
        }
    }
    m_entries.append({key, empty ? QVariant() : value});
}

void ConfigChange::remove(const QString &key)
{
    set(key, QVariant());
}

// Both sides as the file will read back, so that 3001 and "3001" are no change.
QString ConfigChange::display(const QVariant &value)
{
    if (!value.isValid())
        return QString();
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QStringLiteral(", "));
    return value.toString();
}

QStringList ConfigChange::changedKeys() const
{
    const QSettings ini(m_filePath, QSettings::IniFormat);
    QStringList keys;
    for (const Entry &entry : m_entries) {
        if (display(ini.value(entry.key)) != display(entry.value))
            keys.append(entry.key);
    }
    return keys;
}

bool ConfigChange::commit(AuditTrail *audit, QString *error)
{
    if (!audit) {
        if (error)
            *error = tr("The settings were not saved because the audit trail cannot be opened; "
                        "check that %1 can be written.")
                             .arg(QDir::toNativeSeparators(QFileInfo(m_filePath).absolutePath()));
        return false;
    }
    QList<AuditEvent> events;
    QSettings ini(m_filePath, QSettings::IniFormat);
    for (const Entry &entry : std::as_const(m_entries)) {
        const QString before = display(ini.value(entry.key));
        const QString after = display(entry.value);
        if (before == after)
            continue;
        if (entry.value.isValid())
            ini.setValue(entry.key, entry.value);
        else
            ini.remove(entry.key);
        AuditEvent event;
        event.event = QLatin1String(AuditEvent::CONFIG_CHANGED);
        event.source = m_source;
        event.action = entry.value.isValid() ? QStringLiteral("set") : QStringLiteral("remove");
        event.target = entry.key;
        event.result = QStringLiteral("ok");
        event.reason = QStringLiteral("'%1' -> '%2'").arg(before, after);
        events.append(event);
    }
    ini.sync();
    if (ini.status() != QSettings::NoError) {
        if (error)
            *error = tr("The settings could not be written to %1; check that the file and its "
                        "folder can be written.")
                             .arg(QDir::toNativeSeparators(m_filePath));
        return false;
    }
    for (const AuditEvent &event : std::as_const(events))
        audit->append(event);
    m_entries.clear();
    return true;
}
