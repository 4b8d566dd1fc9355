#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>

// A token the Miniserver granted (jdev/sys/getjwt, or gettoken on firmware before 10.2), as
// HomeWarden keeps it in memory: never written anywhere, killed at shutdown.
struct LoxoneToken
{
    QString token;
    QString keyHex; // the answer's "key": the HMAC key that proves the token (tokenHash)
    QString hashAlg; // SHA1 or SHA256, from getkey2
    QDateTime issuedAt; // by this machine's clock
    QDateTime validUntil; // UTC
    bool legacy = false; // from gettoken: refreshed with refreshtoken instead of refreshjwt

    // HMAC of the token with keyHex (LoxoneAuth::tokenHash); empty when it cannot be made.
    QString hash() const;
    // When to ask for a fresh one: after 80 % of the time that was left when it came, so
    // that a Miniserver that answers slowly or a short outage does not let it run out.
    QDateTime refreshAt() const;

    // The token of a getjwt/gettoken answer's value; nullopt without "token", or with a
    // "validUntil" that is not a number.
    static std::optional<LoxoneToken> fromAnswer(
            const QJsonObject &value, const QString &hashAlg, bool legacy, const QDateTime &now);
    // Loxone counts seconds since 2009-01-01 00:00 UTC.
    static QDateTime fromLoxoneTime(qint64 seconds);
    static qint64 toLoxoneTime(const QDateTime &time);
};
