#include "LoxoneResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QString LoxoneResponse::valueText() const
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

std::optional<LoxoneResponse> LoxoneResponse::parse(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    const QJsonValue ll = document.object().value(QLatin1String("LL"));
    if (!ll.isObject())
        return std::nullopt;
    const QJsonObject object = ll.toObject();
    QJsonValue code = object.value(QLatin1String("Code"));
    if (code.isUndefined())
        code = object.value(QLatin1String("code"));

    LoxoneResponse response;
    bool ok = false;
    if (code.isDouble()) {
        const double number = code.toDouble();
        ok = number >= 0 && number < 1000 && number == double(int(number));
        response.code = ok ? int(number) : 0;
    } else if (code.isString()) {
        response.code = code.toString().trimmed().toInt(&ok);
    }
    if (!ok)
        return std::nullopt;
    response.control = object.value(QLatin1String("control")).toString();
    response.value = object.value(QLatin1String("value"));
    return response;
}

QByteArray LoxoneResponse::make(const QString &control, const QJsonValue &value, int code)
{
    const QJsonObject ll{{QStringLiteral("control"), control}, {QStringLiteral("value"), value},
            {QStringLiteral("Code"), QString::number(code)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("LL"), ll}}).toJson(QJsonDocument::Compact);
}
