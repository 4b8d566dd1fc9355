#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// The payloads of the WebSocket's event tables, which carry the live states after
// "jdev/sps/enablebinstatusupdate": first every state, then each change.
//   value states: per entry the state uuid (16 bytes) and a little-endian double;
//   text states: per entry the state uuid, an icon uuid, the UTF-8 length as a little-endian
//   32-bit number and the text, padded with zero bytes to a multiple of 4.
namespace LoxoneEventTable {

struct ValueEvent
{
    QString uuid; // lower case
    double value = 0;
};

struct TextEvent
{
    QString uuid; // lower case
    QString iconUuid;
    QString text;
};

// nullopt when the payload is cut short or malformed: a table is applied whole or not at all.
std::optional<QList<ValueEvent>> parseValueStates(const QByteArray &payload);
std::optional<QList<TextEvent>> parseTextStates(const QByteArray &payload);

// For the fake Miniserver. Entries whose uuid has no binary form (not plain) are left out.
QByteArray valueStates(const QList<ValueEvent> &events);
QByteArray textStates(const QList<TextEvent> &events);

} // namespace LoxoneEventTable
