#pragma once

#include "ApiKey.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// `keys export` and `keys import`: keys as JSON (an array of ApiKey::toJson(), the form
// HOMEWARDEN_API_KEYS takes too) or TOML (one [[keys]] table per key, the same fields). Both
// carry hashes only; a secret cannot leave, because the store never holds one.
namespace KeyExport {

enum class Format { Json, Toml };

// "json" or "toml".
std::optional<Format> formatFromName(const QString &name);
QString formatName(Format format);
// From the file name's extension (.json, .toml), else from what the content looks like.
Format detectFormat(const QString &fileName, const QByteArray &content);

QByteArray write(const QList<ApiKey> &keys, Format format);
// nullopt and *error naming the entry and the field when the content is malformed.
std::optional<QList<ApiKey>> read(
        const QByteArray &content, Format format, QString *error = nullptr);

// Writes atomically, readable by the owner only (0600): even hashes need not be shown around.
bool writeFile(
        const QString &path, const QList<ApiKey> &keys, Format format, QString *error = nullptr);
// Reads a file of either format (detectFormat()).
std::optional<QList<ApiKey>> readFile(const QString &path, QString *error = nullptr);

} // namespace KeyExport
