#include "KeyAdministration.h"

#include "AuditEvent.h"
#include "AuditTrail.h"
#include "KeyText.h"

KeyAdministration::KeyAdministration(SqlKeyStore *store, AuditTrail *trail, const QString &source)
    : m_store(store)
    , m_trail(trail)
    , m_source(source)
{ }

std::optional<QString> KeyAdministration::generate(SqlKeyStore::NewKey spec, QString *error)
{
    if (spec.createdBy.isEmpty())
        spec.createdBy = m_source;
    std::optional<QString> keyText = m_store->create(spec, error);
    if (keyText)
        audit(AuditEvent::KEY_CREATED, KeyText::parse(*keyText)->id,
                QStringLiteral("keys generate"));
    return keyText;
}

bool KeyAdministration::update(
        const QString &id, const SqlKeyStore::KeyChanges &changes, QString *error)
{
    if (!m_store->update(id, changes, error))
        return false;
    audit(AuditEvent::KEY_UPDATED, id, QStringLiteral("keys update"),
            QStringLiteral("Changed %1.").arg(changes.fieldNames().join(QStringLiteral(", "))));
    return true;
}

bool KeyAdministration::revoke(const QString &id, QString *error)
{
    if (!m_store->revoke(id, error))
        return false;
    audit(AuditEvent::KEY_REVOKED, id, QStringLiteral("keys revoke"));
    return true;
}

std::optional<SqlKeyStore::ImportSummary> KeyAdministration::importKeys(
        const QList<ApiKey> &keys, SqlKeyStore::ExistingKeys existing, QString *error)
{
    std::optional<SqlKeyStore::ImportSummary> summary = m_store->importKeys(keys, existing, error);
    if (summary) {
        for (const QString &id : summary->imported)
            audit(AuditEvent::KEY_CREATED, id, QStringLiteral("keys import"));
    }
    return summary;
}

void KeyAdministration::audit(
        const char *event, const QString &keyId, const QString &action, const QString &reason) const
{
    AuditEvent record;
    record.event = QLatin1String(event);
    record.keyId = keyId; // the key acted upon; a secret never goes into the trail
    record.source = m_source;
    record.action = action;
    record.target = keyId;
    record.result = QStringLiteral("ok");
    record.reason = reason;
    m_trail->append(record);
}
