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

// The token permission HomeWarden asks for: 2 ("web"), a short-lived token that is only used
// to open this one WebSocket, so that no long-lived token piles up on the Miniserver.
constexpr int WEB_PERMISSION = 2;

} // namespace LoxoneAuth
