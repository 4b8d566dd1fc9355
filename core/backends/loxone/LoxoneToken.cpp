#include "LoxoneToken.h"

#include "LoxoneAuth.h"

#include <QTimeZone>

namespace {

const QDateTime &loxoneEpoch()
{
    static const QDateTime epoch(QDate(2009, 1, 1), QTime(0, 0), QTimeZone::utc());
    return epoch;
}

} // namespace

QString LoxoneToken::hash() const
{
    return LoxoneAuth::tokenHash(token, keyHex, hashAlg);
}

QDateTime LoxoneToken::refreshAt() const
{
    const qint64 left = std::max<qint64>(0, issuedAt.msecsTo(validUntil));
    return issuedAt.addMSecs(left * 8 / 10);
}

std::optional<LoxoneToken> LoxoneToken::fromAnswer(
        const QJsonObject &value, const QString &hashAlg, bool legacy, const QDateTime &now)
{
    const QString token = value.value(QLatin1String("token")).toString();
    const QJsonValue validUntil = value.value(QLatin1String("validUntil"));
    if (token.isEmpty() || !validUntil.isDouble())
        return std::nullopt;
    LoxoneToken result;
    result.token = token;
    result.keyHex = value.value(QLatin1String("key")).toString();
    result.hashAlg = hashAlg;
    result.issuedAt = now;
    result.validUntil = fromLoxoneTime(qint64(validUntil.toDouble()));
    result.legacy = legacy;
    return result;
}

QDateTime LoxoneToken::fromLoxoneTime(qint64 seconds)
{
    return loxoneEpoch().addSecs(seconds);
}

qint64 LoxoneToken::toLoxoneTime(const QDateTime &time)
{
    return loxoneEpoch().secsTo(time);
}
