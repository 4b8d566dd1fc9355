#include "LoxoneMessageHeader.h"

#include <QtEndian>

bool LoxoneMessageHeader::hasPayload() const
{
    return kind != Kind::KeepAlive && kind != Kind::OutOfService;
}

std::optional<LoxoneMessageHeader> LoxoneMessageHeader::parse(const QByteArray &frame)
{
    if (frame.size() != SIZE || quint8(frame.at(0)) != FIRST_BYTE)
        return std::nullopt;
    const auto kind = quint8(frame.at(1));
    if (kind > quint8(Kind::WeatherStates))
        return std::nullopt;
    LoxoneMessageHeader header;
    header.kind = Kind(kind);
    header.estimated = (quint8(frame.at(2)) & ESTIMATED_FLAG) != 0;
    header.length = qFromLittleEndian<quint32>(frame.constData() + 4);
    return header;
}

QByteArray LoxoneMessageHeader::toBinary() const
{
    QByteArray frame(SIZE, '\0');
    frame[0] = char(FIRST_BYTE);
    frame[1] = char(kind);
    frame[2] = char(estimated ? ESTIMATED_FLAG : 0);
    qToLittleEndian(length, frame.data() + 4);
    return frame;
}
