#include "LoxoneEventTable.h"

#include "LoxoneUuid.h"

#include <QtEndian>

#include <cstring>

namespace {

constexpr int VALUE_ENTRY_SIZE = LoxoneUuid::BINARY_SIZE + 8;
constexpr int TEXT_ENTRY_HEAD_SIZE = 2 * LoxoneUuid::BINARY_SIZE + 4;

qsizetype padded(qsizetype length)
{
    return (length + 3) / 4 * 4;
}

} // namespace

namespace LoxoneEventTable {

std::optional<QList<ValueEvent>> parseValueStates(const QByteArray &payload)
{
    if (payload.size() % VALUE_ENTRY_SIZE != 0)
        return std::nullopt;
    QList<ValueEvent> events;
    events.reserve(payload.size() / VALUE_ENTRY_SIZE);
    for (qsizetype at = 0; at < payload.size(); at += VALUE_ENTRY_SIZE) {
        const char *entry = payload.constData() + at;
        // The double is little-endian on the wire; go through its bit pattern.
        const auto bits = qFromLittleEndian<quint64>(entry + LoxoneUuid::BINARY_SIZE);
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        events.append({LoxoneUuid::fromBinary(entry), value});
    }
    return events;
}

std::optional<QList<TextEvent>> parseTextStates(const QByteArray &payload)
{
    QList<TextEvent> events;
    qsizetype at = 0;
    while (at < payload.size()) {
        if (payload.size() - at < TEXT_ENTRY_HEAD_SIZE)
            return std::nullopt;
        const char *entry = payload.constData() + at;
        const auto length = qFromLittleEndian<quint32>(entry + 2 * LoxoneUuid::BINARY_SIZE);
        const qsizetype textAt = at + TEXT_ENTRY_HEAD_SIZE;
        if (qsizetype(length) > payload.size() - textAt)
            return std::nullopt;
        QString text = QString::fromUtf8(payload.constData() + textAt, qsizetype(length));
        // Some firmware counts a terminating zero byte into the length.
        while (text.endsWith(QChar(0)))
            text.chop(1);
        events.append({LoxoneUuid::fromBinary(entry),
                LoxoneUuid::fromBinary(entry + LoxoneUuid::BINARY_SIZE), text});
        at = textAt + padded(qsizetype(length));
    }
    return events;
}

QByteArray valueStates(const QList<ValueEvent> &events)
{
    QByteArray payload;
    for (const ValueEvent &event : events) {
        const QByteArray uuid = LoxoneUuid::toBinary(event.uuid);
        if (uuid.isEmpty())
            continue;
        quint64 bits = 0;
        std::memcpy(&bits, &event.value, sizeof bits);
        QByteArray value(8, '\0');
        qToLittleEndian(bits, value.data());
        payload += uuid + value;
    }
    return payload;
}

QByteArray textStates(const QList<TextEvent> &events)
{
    QByteArray payload;
    for (const TextEvent &event : events) {
        const QByteArray uuid = LoxoneUuid::toBinary(event.uuid);
        if (uuid.isEmpty())
            continue;
        QByteArray icon = LoxoneUuid::toBinary(event.iconUuid);
        if (icon.isEmpty())
            icon = QByteArray(LoxoneUuid::BINARY_SIZE, '\0');
        const QByteArray text = event.text.toUtf8();
        QByteArray length(4, '\0');
        qToLittleEndian(quint32(text.size()), length.data());
        payload +=
                uuid + icon + length + text + QByteArray(padded(text.size()) - text.size(), '\0');
    }
    return payload;
}

} // namespace LoxoneEventTable
