#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

class AuditTrail;

// One audited change of homewarden.ini, as the setup wizard, the settings window and the
// command line make it: collect the new values, then commit() writes them and records one
// config.changed event per key whose value really changed (the key, and the old and new value
// in reason: the file never holds a secret, so neither does the trail).
//
//   ConfigChange change(stateDirectory, QStringLiteral("settings"));
//   change.set(QStringLiteral("server/port"), 3002);
//   if (!change.commit(audit, &error)) ...
class ConfigChange
{
    Q_DECLARE_TR_FUNCTIONS(ConfigChange)

public:
    // source names who changes it in the audit trail: "wizard", "settings", "cli".
    ConfigChange(const QString &stateDirectory, const QString &source);

    // key as QSettings spells it, "group/name". An empty string or list removes the key, so
    // that the default applies again.
    void set(const QString &key, const QVariant &value);
    void remove(const QString &key);

    // The keys whose value differs from the file's (what commit() would write and audit).
    QStringList changedKeys() const;

    // Writes the file, then audits each changed key. Nothing is written without an audit
    // trail to record it: false and *error (one sentence) when audit is null or the file
    // cannot be written.
    bool commit(AuditTrail *audit, QString *error = nullptr);

    QString filePath() const { return m_filePath; }

private:
    struct Entry
    {
        QString key;
        QVariant value; // invalid: remove
    };

    static QString display(const QVariant &value);

    QString m_filePath;
    QString m_source;
    QList<Entry> m_entries;
};
