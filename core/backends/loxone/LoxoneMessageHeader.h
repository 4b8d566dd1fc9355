#pragma once

#include <QByteArray>

#include <optional>

// The 8-byte binary frame the Miniserver sends over the WebSocket before every message:
// 0x03, the kind of what follows, info flags, a reserved byte, the payload length as a
// little-endian 32-bit number. The payload comes as the next frame (a text frame for Text, a
// binary frame otherwise); KeepAlive and OutOfService have none.
struct LoxoneMessageHeader
{
    enum class Kind : quint8 {
        Text = 0,
        BinaryFile = 1,
        ValueStates = 2,
        TextStates = 3,
        DaytimerStates = 4,
        OutOfService = 5, // the Miniserver is about to restart or update
        KeepAlive = 6, // the answer to "keepalive"
        WeatherStates = 7,
    };

    static constexpr int SIZE = 8;
    static constexpr quint8 FIRST_BYTE = 0x03;
    static constexpr quint8 ESTIMATED_FLAG = 0x01;

    Kind kind = Kind::Text;
    // The length is a guess: the exact header follows before the payload.
    bool estimated = false;
    quint32 length = 0;

    bool hasPayload() const;

    // nullopt unless frame is exactly 8 bytes, starts with 0x03 and names a known kind.
    static std::optional<LoxoneMessageHeader> parse(const QByteArray &frame);
    QByteArray toBinary() const;
};
