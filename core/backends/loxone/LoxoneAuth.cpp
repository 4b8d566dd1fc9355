#include "LoxoneAuth.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace LoxoneAuth {

QString credentialHash(const QString &user, const QString &password, const QString &keyHex,
        const QString &salt, const QString &hashAlg)
{
    QCryptographicHash::Algorithm algorithm;
    if (hashAlg.compare(QLatin1String("SHA1"), Qt::CaseInsensitive) == 0)
        algorithm = QCryptographicHash::Sha1;
    else if (hashAlg.compare(QLatin1String("SHA256"), Qt::CaseInsensitive) == 0)
        algorithm = QCryptographicHash::Sha256;
    else
        return {};
    static const QRegularExpression hex(
            QRegularExpression::anchoredPattern(QStringLiteral("([0-9a-fA-F]{2})+")));
    if (!hex.match(keyHex).hasMatch())
        return {};

    const QByteArray passwordHash =
            QCryptographicHash::hash((password + QLatin1Char(':') + salt).toUtf8(), algorithm)
                    .toHex()
                    .toUpper();
    const QByteArray message = user.toUtf8() + ':' + passwordHash;
    return QString::fromLatin1(QMessageAuthenticationCode::hash(
            message, QByteArray::fromHex(keyHex.toLatin1()), algorithm)
                                       .toHex());
}

} // namespace LoxoneAuth
