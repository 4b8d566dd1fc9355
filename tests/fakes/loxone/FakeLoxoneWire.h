#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

// The Miniserver's side of the wire formats, written apart from core/backends/loxone so that
// a misreading of the protocol does not hide in both ends at once: WebSocket message headers,
// value and text event tables, "LL" answers and the token flow's credential hash.
namespace FakeLoxoneWire {

enum class Kind : quint8 {
    Text = 0,
    BinaryFile = 1,
    ValueStates = 2,
    TextStates = 3,
    DaytimerStates = 4,
    OutOfService = 5,
    KeepAlive = 6,
    WeatherStates = 7,
};

// 0x03, kind, info flags, reserved, payload length (32-bit little-endian).
QByteArray header(Kind kind, quint32 payloadLength);

// Whether text is a plain 8-4-4-16 uuid (the only kind with a 16-byte form).
bool isPlainUuid(const QString &text);
// Data1 (32-bit), Data2 and Data3 (16-bit) little-endian, then the last 8 bytes as written.
QByteArray uuidBytes(const QString &uuid);

// Entries of plain uuids only.
QByteArray valueTable(const QList<QPair<QString, double>> &values);
QByteArray textTable(const QList<QPair<QString, QString>> &texts);

// {"LL": {"control": ..., "value": ..., <codeKey>: <code>}}; the Miniserver writes the code
// key as "Code" (HTTP) or "code" (WebSocket), as a string or a number depending on firmware.
QByteArray answer(const QString &control, const QJsonValue &value, int code,
        bool lowerCaseKey = false, bool numericCode = false);

// HMAC-<alg>(hex-decoded key, "<user>:" + upper-case hex <alg>("<password>:<salt>")), hex.
QByteArray credentialHash(const QString &user, const QString &password, const QByteArray &keyHex,
        const QString &salt, const QString &hashAlg);

// HMAC-<alg>(hex-decoded key, token), hex: a token's proof (autht=, authwithtoken, refreshjwt,
// killtoken).
QByteArray tokenHash(const QString &token, const QByteArray &keyHex, const QString &hashAlg);

// Loxone's clock: seconds since 2009-01-01 00:00 UTC, and back.
qint64 loxoneTime(const QDateTime &time);
QDateTime fromLoxoneTime(qint64 seconds);

} // namespace FakeLoxoneWire
