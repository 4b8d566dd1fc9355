#include "EnvKeyStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {

std::unique_ptr<EnvKeyStore> refuse(const QString &message, QString *error)
{
    if (error)
        *error = message;
    return nullptr;
}

} // namespace

bool EnvKeyStore::isConfigured()
{
    return !qEnvironmentVariableIsEmpty(VARIABLE);
}

std::unique_ptr<EnvKeyStore> EnvKeyStore::fromEnvironment(QString *error)
{
    return parse(qgetenv(VARIABLE), error);
}

std::unique_ptr<EnvKeyStore> EnvKeyStore::parse(const QByteArray &json, QString *error)
{
    const QString variable = QLatin1String(VARIABLE);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    // The messages never quote the text: it is configuration a person may paste into a report.
    if (parseError.error != QJsonParseError::NoError) {
        return refuse(QStringLiteral("%1 is not valid JSON (%2 at offset %3).")
                              .arg(variable, parseError.errorString())
                              .arg(parseError.offset),
                error);
    }
    if (!document.isArray()) {
        return refuse(QStringLiteral("%1 must be a JSON array of keys, as written by 'homewarden "
                                     "keys export --format json'.")
                              .arg(variable),
                error);
    }

    QList<ApiKey> keys;
    QSet<QString> ids;
    const QJsonArray entries = document.array();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        if (!entry.isObject()) {
            return refuse(
                    QStringLiteral("%1 entry %2 must be a JSON object.").arg(variable).arg(i + 1),
                    error);
        }
        QString reason;
        const std::optional<ApiKey> key = ApiKey::fromJson(entry.toObject(), &reason);
        if (!key) {
            const QString id = entry.toObject().value(QLatin1String("id")).toString();
            return refuse(QStringLiteral("%1 entry %2%3: %4")
                                  .arg(variable)
                                  .arg(i + 1)
                                  .arg(id.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(id),
                                          reason),
                    error);
        }
        if (ids.contains(key->id)) {
            return refuse(QStringLiteral("%1 entry %2 (%3): id is used by an earlier entry.")
                                  .arg(variable)
                                  .arg(i + 1)
                                  .arg(key->id),
                    error);
        }
        ids.insert(key->id);
        keys.append(*key);
    }
    return std::unique_ptr<EnvKeyStore>(new EnvKeyStore(keys));
}

EnvKeyStore::EnvKeyStore(const QList<ApiKey> &keys)
    : m_keys(keys)
{
    for (qsizetype i = 0; i < m_keys.size(); ++i)
        m_indexById.insert(m_keys.at(i).id, i);
}

std::optional<ApiKey> EnvKeyStore::find(const QString &id, QString *) const
{
    const auto it = m_indexById.constFind(id);
    if (it == m_indexById.constEnd())
        return std::nullopt;
    return m_keys.at(*it);
}

QList<ApiKey> EnvKeyStore::list(QString *) const
{
    return m_keys;
}

bool EnvKeyStore::recordUses(const QString &id, const QDateTime &when, const QString &source,
        qint64 uses, QString *error)
{
    const auto it = m_indexById.constFind(id);
    if (it == m_indexById.constEnd()) {
        if (error)
            *error = QStringLiteral("There is no key %1 in %2.").arg(id, QLatin1String(VARIABLE));
        return false;
    }
    ApiKey &key = m_keys[*it];
    key.lastUsedAt = when.toUTC();
    key.useCount += uses;
    key.lastIp = source;
    return true;
}
