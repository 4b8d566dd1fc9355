#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

class AuditTrail;

// Keeps the audit trail to [audit] retention_days of homewarden.ini (AuditSettings): deletes
// older events when started and once a day (AuditLog::prune keeps the chain verifiable), and
// records each pruning as audit.pruned. One process does it, the tray: the trail is shared.
class AuditRetention : public QObject
{
    Q_OBJECT

public:
    // trail must outlive this.
    AuditRetention(const QString &stateDirectory, AuditTrail *trail, QObject *parent = nullptr);

    // Applies the setting now, then every day.
    void start();
    // Applies the setting once: the number of events deleted (0 when retention is off), or -1
    // and *error. Reads the setting each time, so a change in Settings counts at the next run.
    qint64 applyNow(QString *error = nullptr);

private:
    QString m_stateDirectory;
    AuditTrail *m_trail;
    QTimer m_daily;
};
