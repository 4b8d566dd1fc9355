#include "TrayNotifier.h"

#include "AuditLog.h"
#include "Clock.h"
#include "DatabaseChangeWatcher.h"
#include "EnvKeyStore.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"

#include <algorithm>

TrayNotifier::TrayNotifier(const QString &stateDirectory, QObject *parent)
    : TrayNotifier(stateDirectory, Options(), parent)
{ }

TrayNotifier::TrayNotifier(const QString &stateDirectory, const Options &options, QObject *parent)
    : QObject(parent)
    , m_stateDirectory(stateDirectory)
    , m_options(options)
{
    m_expiryTimer.setInterval(options.expiryInterval);
    connect(&m_expiryTimer, &QTimer::timeout, this, &TrayNotifier::checkKeyExpiry);
}

TrayNotifier::~TrayNotifier() = default;

QDateTime TrayNotifier::now() const
{
    return (m_options.clock ? *m_options.clock : systemClock()).now();
}

void TrayNotifier::start()
{
    QString error;
    m_log = AuditLog::open(m_stateDirectory, &error);
    if (m_log) {
        m_lastSeq = m_log->lastSeq(&error);
        m_watcher = new DatabaseChangeWatcher(m_stateDirectory, m_options.watchInterval, this);
        connect(m_watcher, &DatabaseChangeWatcher::changed, this, &TrayNotifier::checkAuditTrail);
    }
    if (!m_log || m_lastSeq < 0)
        qWarning("Failed logins cannot be watched: %s", qPrintable(error));

    if (EnvKeyStore::isConfigured()) {
        m_keys = EnvKeyStore::fromEnvironment(&error);
    } else {
        m_database =
                StateDatabase::open(m_stateDirectory, StateDatabase::Durability::Normal, &error);
        if (m_database)
            m_keys = std::make_unique<SqlKeyStore>(m_database.get());
    }
    if (!m_keys)
        qWarning("Expiring keys cannot be checked: %s", qPrintable(error));
    checkKeyExpiry();
    m_expiryTimer.start();
}

void TrayNotifier::checkAuditTrail()
{
    if (!m_log || m_lastSeq < 0)
        return;
    // Rows appended while we read are left for the next check, never counted twice.
    const qint64 last = m_log->lastSeq();
    if (last <= m_lastSeq)
        return;
    AuditLog::Filter filter;
    filter.limit = 0;
    filter.event = QLatin1String(AuditEvent::AUTH_FAILURE);
    filter.afterSeq = m_lastSeq;
    QString error;
    QList<AuditRecord> records = m_log->query(filter, &error);
    if (!error.isEmpty())
        return; // the next commit asks again
    m_lastSeq = last;
    std::reverse(records.begin(), records.end()); // oldest first
    for (const AuditRecord &record : std::as_const(records)) {
        if (record.seq > last || !m_burst.add(record.event.timestamp))
            continue;
        const QString from = record.event.source.isEmpty()
                ? QString()
                : tr(" The last came from %1.").arg(record.event.source);
        Q_EMIT notificationRequested(tr("Failed logins"),
                tr("%1 failed logins within a minute.").arg(m_burst.recentCount()) + from
                        + tr(" The audit log has the details."));
    }
}

QList<ApiKey> TrayNotifier::keysExpiringSoon(const QList<ApiKey> &keys, const QDateTime &now)
{
    const QDateTime horizon = now.addDays(EXPIRY_WARNING_DAYS);
    QList<ApiKey> soon;
    for (const ApiKey &key : keys) {
        if (key.active && !key.isRevoked() && key.expiresAt.isValid() && key.expiresAt > now
                && key.expiresAt <= horizon)
            soon.append(key);
    }
    std::sort(soon.begin(), soon.end(),
            [](const ApiKey &a, const ApiKey &b) { return a.expiresAt < b.expiresAt; });
    return soon;
}

QString TrayNotifier::describeExpiring(const QList<ApiKey> &keys, const QDateTime &now)
{
    QStringList lines;
    for (const ApiKey &key : keys) {
        // Whole days, rounded up: a key with 20 hours left "expires within a day".
        const qint64 seconds = now.secsTo(key.expiresAt);
        const int days = int(std::max<qint64>(1, (seconds + 86399) / 86400));
        lines.append(days == 1
                        ? tr("'%1' (%2) expires within a day.").arg(key.name, key.id)
                        : tr("'%1' (%2) expires in %3 days.").arg(key.name, key.id).arg(days));
    }
    return lines.join(QLatin1Char('\n'));
}

void TrayNotifier::checkKeyExpiry()
{
    if (!m_keys)
        return;
    QString error;
    const QList<ApiKey> keys = m_keys->list(&error);
    if (!error.isEmpty())
        return;
    const QDateTime at = now();
    const QList<ApiKey> soon = keysExpiringSoon(keys, at);
    if (soon.isEmpty())
        return;
    Q_EMIT notificationRequested(soon.size() == 1 ? tr("An API key expires soon")
                                                  : tr("%1 API keys expire soon").arg(soon.size()),
            describeExpiring(soon, at) + QLatin1Char('\n')
                    + tr("Give the clients new keys in the API keys window."));
}
