// hw_audit_writer DIRECTORY COUNT TAG: appends COUNT events (source TAG) to the audit trail
// in DIRECTORY as fast as it can, then flushes. tst_auditconcurrency runs several at once.
#include "AuditTrail.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool ok = false;
    const int count = arguments.size() == 4 ? arguments.at(2).toInt(&ok) : 0;
    if (!ok || count < 0) {
        std::fprintf(stderr, "usage: hw_audit_writer DIRECTORY COUNT TAG\n");
        return 2;
    }
    QString error;
    const std::unique_ptr<AuditTrail> trail = AuditTrail::open(arguments.at(1), &error);
    if (!trail) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QString tag = arguments.at(3);
    for (int i = 1; i <= count; ++i) {
        AuditEvent event;
        event.event = QLatin1String(AuditEvent::TOOL_CALL);
        event.keyId = QStringLiteral("hwk_admin_001");
        event.source = tag;
        event.action = QStringLiteral("control_device");
        event.target = QStringLiteral("%1/%2").arg(tag).arg(i);
        event.result = QStringLiteral("allowed");
        trail->append(event);
    }
    // Four processes share the write lock; give them far more than they need.
    if (!trail->flush(60000)) {
        std::fprintf(stderr, "%s: %lld events were not committed in time\n", qPrintable(tag),
                trail->pendingCount());
        return 1;
    }
    return 0;
}
