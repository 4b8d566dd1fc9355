#pragma once

#include "ApiKey.h"
#include "LoginFailureBurst.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

class AuditLog;
class Clock;
class DatabaseChangeWatcher;
class KeyStore;
class StateDatabase;

// The news a person should see without opening a window: a burst of failed logins (from any
// process: it follows the shared audit trail as the audit viewer does) and API keys about to
// expire (at start and once a day). It only decides; whoever listens to
// notificationRequested shows the bubble (the tray icon).
class TrayNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int EXPIRY_WARNING_DAYS = 7;

    struct Options
    {
        std::chrono::milliseconds watchInterval{1000};
        std::chrono::milliseconds expiryInterval{std::chrono::hours(24)};
        const Clock *clock = nullptr; // null: the system clock
    };

    explicit TrayNotifier(const QString &stateDirectory, QObject *parent = nullptr);
    TrayNotifier(const QString &stateDirectory, const Options &options, QObject *parent = nullptr);
    ~TrayNotifier() override;

    // Starts following the trail from its current end (older failures are not news) and
    // checks the keys once now.
    void start();

    // Active keys whose expiry lies within EXPIRY_WARNING_DAYS after now, soonest first.
    static QList<ApiKey> keysExpiringSoon(const QList<ApiKey> &keys, const QDateTime &now);
    // "'Laptop' (hwk_operator_001) expires in 3 days."
    static QString describeExpiring(const QList<ApiKey> &keys, const QDateTime &now);

public Q_SLOTS:
    void checkAuditTrail();
    void checkKeyExpiry();

Q_SIGNALS:
    void notificationRequested(const QString &title, const QString &message);

private:
    QDateTime now() const;

    QString m_stateDirectory;
    Options m_options;
    std::unique_ptr<AuditLog> m_log;
    std::unique_ptr<StateDatabase> m_database;
    std::unique_ptr<KeyStore> m_keys;
    DatabaseChangeWatcher *m_watcher = nullptr;
    QTimer m_expiryTimer;
    qint64 m_lastSeq = -1;
    LoginFailureBurst m_burst;
};
