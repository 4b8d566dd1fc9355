#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

// The Miniserver's answer to a command, over HTTP and over the WebSocket alike:
//   {"LL": {"control": "dev/sps/io/<uuid>/on", "value": "1", "Code": "200"}}
// Firmware versions differ: the code key is "Code" or "code", its value a string or a number.
struct LoxoneResponse
{
    QString control;
    QJsonValue value;
    int code = 0;

    bool isOk() const { return code == 200; }
    // value as text: a string as it is, a number without a trailing ".0", true/false as 1/0,
    // an object or list as compact JSON.
    QString valueText() const;

    // nullopt when text is not such an answer (not JSON, no "LL" object, no usable code).
    static std::optional<LoxoneResponse> parse(const QByteArray &text);
    // The answer a Miniserver would give; the fake uses it. code goes out as a string.
    static QByteArray make(const QString &control, const QJsonValue &value, int code);
};
