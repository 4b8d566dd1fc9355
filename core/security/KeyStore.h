#pragma once

#include "ApiKey.h"

#include <QList>
#include <QString>

#include <optional>

// Where keys live: the database (SqlKeyStore) or, for containers, HOMEWARDEN_API_KEYS
// (EnvKeyStore, read-only). Every method that fails for a reason other than "no such key"
// sets *error: callers refuse (fail closed) when it is set.
class KeyStore
{
public:
    virtual ~KeyStore() = default;

    virtual std::optional<ApiKey> find(const QString &id, QString *error = nullptr) const = 0;
    virtual QList<ApiKey> list(QString *error = nullptr) const = 0;
    virtual bool isReadOnly() const = 0;

    // After successful authentications: last_used_at, use_count + uses, last_ip.
    virtual bool recordUses(const QString &id, const QDateTime &when, const QString &source,
            qint64 uses, QString *error = nullptr) = 0;
    bool recordUse(const QString &id, const QDateTime &when, const QString &source,
            QString *error = nullptr)
    {
        return recordUses(id, when, source, 1, error);
    }
};
