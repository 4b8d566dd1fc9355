#pragma once

#include <QByteArray>
#include <QString>

// Loxone's uuids: 8-4-4-16 hex digits (0f869a3f-0155-8b3f-ffff403fb0c34b9e), not the
// RFC 4122 8-4-4-4-12 shape. A subcontrol's id may add a suffix after a slash (.../AI1,
// .../sensors). On the WebSocket a uuid travels as 16 bytes in the Windows GUID layout: the
// first three groups as little-endian 32-, 16- and 16-bit numbers, the last 8 bytes as written.
namespace LoxoneUuid {

constexpr int BINARY_SIZE = 16;

// A plain uuid, or a uuid with one "/suffix" of letters, digits, '_' or '-' (at most 64).
// Hex digits of either case. Anything else (spaces, "..", a second slash, percent signs) is
// refused, because ids end up in the path of HTTP requests to the Miniserver.
bool isValid(const QString &id);
// A uuid without a suffix: the only kind that has a binary form.
bool isPlain(const QString &id);

// The 16 bytes of a plain uuid, or an empty array when id is not plain.
QByteArray toBinary(const QString &id);
// The lower-case text of 16 bytes starting at data; data must hold at least 16 bytes.
QString fromBinary(const char *data);

} // namespace LoxoneUuid
