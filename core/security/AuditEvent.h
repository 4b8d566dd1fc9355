#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// One decision in the audit trail (DESIGN.md, "Audit trail").
struct AuditEvent
{
    // The event names; keep in step with DESIGN.md.
    static constexpr char AUTH_SUCCESS[] = "auth.success";
    static constexpr char AUTH_FAILURE[] = "auth.failure";
    static constexpr char AUTHZ_DENIED[] = "authz.denied";
    static constexpr char RATE_LIMIT_EXCEEDED[] = "rate_limit.exceeded";
    static constexpr char TOOL_CALL[] = "tool.call";
    static constexpr char KEY_CREATED[] = "key.created";
    static constexpr char KEY_UPDATED[] = "key.updated";
    static constexpr char KEY_REVOKED[] = "key.revoked";
    static constexpr char KILLSWITCH_ENGAGED[] = "killswitch.engaged";
    static constexpr char KILLSWITCH_RELEASED[] = "killswitch.released";
    static constexpr char BACKEND_ERROR[] = "backend.error";
    static constexpr char CONFIG_CHANGED[] = "config.changed";
    static constexpr char SERVER_STARTED[] = "server.started";
    static constexpr char SERVER_STOPPED[] = "server.stopped";
    // Retention deleted old rows (AuditLog::prune); the reason says how many and up to when.
    static constexpr char AUDIT_PRUNED[] = "audit.pruned";

    QDateTime timestamp; // UTC; AuditTrail::append() stamps it when left invalid
    QString event;
    QString keyId; // empty when no key is involved (or none could be read)
    QString source; // "stdio", "cli", "tray" or the peer's IP address
    QString action; // e.g. the tool name, "keys generate"
    QString target; // e.g. a device id
    QString result; // "allowed", "denied", "ok", "error"
    QString reason; // one sentence, for refusals and failures
    QJsonObject params; // only when parameter logging is enabled

    // Every event name above, in that order (for pickers and filters).
    static const QStringList &names();
    // The results that mean something was refused or went wrong: "denied", "error".
    static const QStringList &failureResults();
    bool isFailure() const { return failureResults().contains(result); }
};

// A stored row: the event plus its place and hash in the chain.
struct AuditRecord
{
    qint64 seq = 0;
    AuditEvent event;
    QByteArray hash;

    // One line of `audit --format json` and of the audit window's export: every field, absent
    // text as null, the hash in hex, params only when recorded.
    QJsonObject toJson() const;
};
