#include "LoxoneUuid.h"

#include <QRegularExpression>
#include <QtEndian>

namespace {

const QRegularExpression &plainPattern()
{
    // anchoredPattern(): "$" alone would also match before a trailing newline.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
            QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{16}")));
    return pattern;
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
            QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{16}(/"
                           "[A-Za-z0-9_-]{1,64})?")));
    return pattern;
}

} // namespace

namespace LoxoneUuid {

bool isValid(const QString &id)
{
    return idPattern().match(id).hasMatch();
}

bool isPlain(const QString &id)
{
    return plainPattern().match(id).hasMatch();
}

QByteArray toBinary(const QString &id)
{
    if (!isPlain(id))
        return {};
    const QByteArray hex = id.toLatin1();
    const quint32 data1 = hex.mid(0, 8).toUInt(nullptr, 16);
    const quint16 data2 = quint16(hex.mid(9, 4).toUInt(nullptr, 16));
    const quint16 data3 = quint16(hex.mid(14, 4).toUInt(nullptr, 16));
    QByteArray binary(BINARY_SIZE, '\0');
    qToLittleEndian(data1, binary.data());
    qToLittleEndian(data2, binary.data() + 4);
    qToLittleEndian(data3, binary.data() + 6);
    const QByteArray data4 = QByteArray::fromHex(hex.mid(19, 16));
    std::copy(data4.cbegin(), data4.cend(), binary.begin() + 8);
    return binary;
}

QString fromBinary(const char *data)
{
    const auto data1 = qFromLittleEndian<quint32>(data);
    const auto data2 = qFromLittleEndian<quint16>(data + 4);
    const auto data3 = qFromLittleEndian<quint16>(data + 6);
    return QStringLiteral("%1-%2-%3-%4")
            .arg(data1, 8, 16, QLatin1Char('0'))
            .arg(data2, 4, 16, QLatin1Char('0'))
            .arg(data3, 4, 16, QLatin1Char('0'))
            .arg(QString::fromLatin1(QByteArray(data + 8, 8).toHex()));
}

} // namespace LoxoneUuid
