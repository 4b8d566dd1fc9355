#include "LoxoneAuth.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <optional>

namespace {

std::optional<QCryptographicHash::Algorithm> algorithmOf(const QString &hashAlg)
{
    if (hashAlg.compare(QLatin1String("SHA1"), Qt::CaseInsensitive) == 0)
        return QCryptographicHash::Sha1;
    if (hashAlg.compare(QLatin1String("SHA256"), Qt::CaseInsensitive) == 0)
        return QCryptographicHash::Sha256;
    return std::nullopt;
}

bool isHex(const QString &keyHex)
{
    static const QRegularExpression hex(
            QRegularExpression::anchoredPattern(QStringLiteral("([0-9a-fA-F]{2})+")));
    return hex.match(keyHex).hasMatch();
}

QString hmacHex(
        const QByteArray &message, const QString &keyHex, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(
            message, QByteArray::fromHex(keyHex.toLatin1()), algorithm)
                                       .toHex());
}

} // namespace

namespace LoxoneAuth {

QString credentialHash(const QString &user, const QString &password, const QString &keyHex,
        const QString &salt, const QString &hashAlg)
{
    const auto algorithm = algorithmOf(hashAlg);
    if (!algorithm || !isHex(keyHex))
        return {};
    const QByteArray passwordHash =
            QCryptographicHash::hash((password + QLatin1Char(':') + salt).toUtf8(), *algorithm)
                    .toHex()
                    .toUpper();
    return hmacHex(user.toUtf8() + ':' + passwordHash, keyHex, *algorithm);
}

QString tokenHash(const QString &token, const QString &keyHex, const QString &hashAlg)
{
    const auto algorithm = algorithmOf(hashAlg);
    if (!algorithm || !isHex(keyHex) || token.isEmpty())
        return {};
    return hmacHex(token.toUtf8(), keyHex, *algorithm);
}

} // namespace LoxoneAuth
