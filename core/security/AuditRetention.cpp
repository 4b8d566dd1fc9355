#include "AuditRetention.h"

#include "AuditLog.h"
#include "AuditSettings.h"
#include "AuditTrail.h"

namespace {

constexpr int DAY_MS = 24 * 60 * 60 * 1000;

} // namespace

AuditRetention::AuditRetention(const QString &stateDirectory, AuditTrail *trail, QObject *parent)
    : QObject(parent)
    , m_stateDirectory(stateDirectory)
    , m_trail(trail)
{
    m_daily.setInterval(DAY_MS);
    connect(&m_daily, &QTimer::timeout, this, [this] { applyNow(); });
}

void AuditRetention::start()
{
    applyNow();
    m_daily.start();
}

qint64 AuditRetention::applyNow(QString *error)
{
    const int days = AuditSettings::retentionDays(m_stateDirectory);
    if (days <= 0)
        return 0;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
    QString problem;
    qint64 pruned = -1;
    if (const std::unique_ptr<AuditLog> log = AuditLog::open(m_stateDirectory, &problem))
        pruned = log->prune(cutoff, &problem);
    if (pruned == 0)
        return 0;

    AuditEvent event;
    event.event = QLatin1String(AuditEvent::AUDIT_PRUNED);
    event.source = QStringLiteral("retention");
    event.action = QStringLiteral("prune");
    event.target = cutoff.toString(Qt::ISODate);
    event.result = pruned > 0 ? QStringLiteral("ok") : QStringLiteral("error");
    event.reason = pruned > 0
            ? tr("Audit events older than %1 days deleted: %2.").arg(days).arg(pruned)
            : problem;
    m_trail->append(event);
    if (pruned < 0 && error)
        *error = problem;
    return pruned;
}
