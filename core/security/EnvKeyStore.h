#pragma once

#include "KeyStore.h"

#include <QByteArray>
#include <QHash>

#include <memory>

// Keys from HOMEWARDEN_API_KEYS, for containers without a writable state directory: a JSON
// array in the form of `keys export --format json`. Read once and never written; usage counts
// live in memory and end with the process.
class EnvKeyStore : public KeyStore
{
public:
    static constexpr char VARIABLE[] = "HOMEWARDEN_API_KEYS";

    // True when the variable is set and not empty.
    static bool isConfigured();
    // Reads the variable. null and *error (naming the entry and the field) when it is malformed.
    static std::unique_ptr<EnvKeyStore> fromEnvironment(QString *error = nullptr);
    // The same for a given text (the variable's value).
    static std::unique_ptr<EnvKeyStore> parse(const QByteArray &json, QString *error = nullptr);

    std::optional<ApiKey> find(const QString &id, QString *error = nullptr) const override;
    QList<ApiKey> list(QString *error = nullptr) const override;
    bool isReadOnly() const override { return true; }
    bool recordUses(const QString &id, const QDateTime &when, const QString &source, qint64 uses,
            QString *error = nullptr) override;
    using KeyStore::recordUse;

private:
    explicit EnvKeyStore(const QList<ApiKey> &keys);

    QList<ApiKey> m_keys;
    QHash<QString, qsizetype> m_indexById;
};
