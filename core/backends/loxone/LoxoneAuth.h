#pragma once

#include <QByteArray>
#include <QString>

// The credential hash of Loxone's token flow. "jdev/sys/getkey2/<user>" answers a one-time
// key (hex), the user's salt and a hash algorithm (SHA1 or SHA256); the client proves the
// password by sending
//   HMAC-<alg>(key: the hex-decoded key,
//              message: "<user>:" + upper-case hex of <alg>("<password>:<salt>"))
// as lower-case hex in "jdev/sys/getjwt/<hash>/<user>/<permission>/<client uuid>/<client info>".
// The password itself never travels.
namespace LoxoneAuth {

// An empty string when hashAlg is neither SHA1 nor SHA256 (case-insensitive), or the key is
// not hex.
QString credentialHash(const QString &user, const QString &password, const QString &keyHex,
        const QString &salt, const QString &hashAlg);

// HMAC-<alg>(key: the hex-decoded key, message: token) as lower-case hex: how a token is
// proven without being sent ("autht=" on HTTP requests, authwithtoken, refreshjwt,
// killtoken). keyHex is the "key" of the getjwt answer or of jdev/sys/getkey. An empty string
// when hashAlg is neither SHA1 nor SHA256 or the key is not hex.
QString tokenHash(const QString &token, const QString &keyHex, const QString &hashAlg);

// The token permission HomeWarden asks for: 4 ("app"). Its token signs the HTTP requests too
// (structure file, commands) and survives reconnects (authwithtoken), so it must outlive one
// WebSocket; HomeWarden refreshes it before it runs out and kills it when it shuts down, so
// that no token piles up on the Miniserver.
constexpr int APP_PERMISSION = 4;

} // namespace LoxoneAuth
