#include "FakeLoxoneWire.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace {

// Everything on the Miniserver's wire is little-endian; doubles are 8 bytes.
void littleEndian(QDataStream &stream)
{
    stream.setByteOrder(QDataStream::LittleEndian);
    stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
}

} // namespace

namespace FakeLoxoneWire {

QByteArray header(Kind kind, quint32 payloadLength)
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    littleEndian(stream);
    stream << quint8(0x03) << quint8(kind) << quint8(0) << quint8(0) << payloadLength;
    return bytes;
}

bool isPlainUuid(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{16}\\z"),
            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

QByteArray uuidBytes(const QString &uuid)
{
    const QStringList groups = uuid.split(QLatin1Char('-'));
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    littleEndian(stream);
    stream << quint32(groups.at(0).toUInt(nullptr, 16))
           << quint16(groups.at(1).toUShort(nullptr, 16))
           << quint16(groups.at(2).toUShort(nullptr, 16));
    return bytes + QByteArray::fromHex(groups.at(3).toLatin1());
}

QByteArray valueTable(const QList<QPair<QString, double>> &values)
{
    QByteArray table;
    for (const auto &[uuid, value] : values) {
        if (!isPlainUuid(uuid))
            continue;
        QByteArray number;
        QDataStream stream(&number, QIODevice::WriteOnly);
        littleEndian(stream);
        stream << value;
        table += uuidBytes(uuid) + number;
    }
    return table;
}

QByteArray textTable(const QList<QPair<QString, QString>> &texts)
{
    QByteArray table;
    for (const auto &[uuid, text] : texts) {
        if (!isPlainUuid(uuid))
            continue;
        const QByteArray utf8 = text.toUtf8();
        QByteArray length;
        QDataStream stream(&length, QIODevice::WriteOnly);
        littleEndian(stream);
        stream << quint32(utf8.size());
        QByteArray entry = uuidBytes(uuid) + QByteArray(16, '\0') + length + utf8;
        while (entry.size() % 4 != 0)
            entry += '\0';
        table += entry;
    }
    return table;
}

QByteArray answer(const QString &control, const QJsonValue &value, int code, bool lowerCaseKey,
        bool numericCode)
{
    QJsonObject ll{{QStringLiteral("control"), control}, {QStringLiteral("value"), value}};
    ll.insert(lowerCaseKey ? QStringLiteral("code") : QStringLiteral("Code"),
            numericCode ? QJsonValue(code) : QJsonValue(QString::number(code)));
    return QJsonDocument(QJsonObject{{QStringLiteral("LL"), ll}}).toJson(QJsonDocument::Compact);
}

QByteArray credentialHash(const QString &user, const QString &password, const QByteArray &keyHex,
        const QString &salt, const QString &hashAlg)
{
    const auto algorithm = hashAlg == QLatin1String("SHA1") ? QCryptographicHash::Sha1
                                                            : QCryptographicHash::Sha256;
    QCryptographicHash passwordHash(algorithm);
    passwordHash.addData(password.toUtf8());
    passwordHash.addData(QByteArray(1, ':'));
    passwordHash.addData(salt.toUtf8());
    QMessageAuthenticationCode mac(algorithm, QByteArray::fromHex(keyHex));
    mac.addData(user.toUtf8());
    mac.addData(QByteArray(1, ':'));
    mac.addData(passwordHash.result().toHex().toUpper());
    return mac.result().toHex();
}

QByteArray tokenHash(const QString &token, const QByteArray &keyHex, const QString &hashAlg)
{
    const auto algorithm = hashAlg == QLatin1String("SHA1") ? QCryptographicHash::Sha1
                                                            : QCryptographicHash::Sha256;
    QMessageAuthenticationCode mac(algorithm, QByteArray::fromHex(keyHex));
    mac.addData(token.toUtf8());
    return mac.result().toHex();
}

qint64 loxoneTime(const QDateTime &time)
{
    return QDateTime(QDate(2009, 1, 1), QTime(0, 0), Qt::UTC).secsTo(time);
}

QDateTime fromLoxoneTime(qint64 seconds)
{
    return QDateTime(QDate(2009, 1, 1), QTime(0, 0), Qt::UTC).addSecs(seconds);
}

} // namespace FakeLoxoneWire
