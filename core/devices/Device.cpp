#include "Device.h"

#include <QJsonArray>

#include <cmath>

namespace {

QJsonObject typed(const char *type)
{
    return {{QStringLiteral("type"), QLatin1String(type)}};
}

} // namespace

QJsonObject Device::toJson(bool withDetails) const
{
    QJsonObject json{
            {QStringLiteral("id"), id},
            {QStringLiteral("backend"), backend},
            {QStringLiteral("name"), name},
            {QStringLiteral("type"), type},
            {QStringLiteral("state"), state},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("actions"), QJsonArray::fromStringList(actions)},
            {QStringLiteral("security"), security},
    };
    if (!room.isEmpty())
        json.insert(QStringLiteral("room"), room);
    if (withDetails) {
        json.insert(QStringLiteral("attributes"), attributes);
        if (lastChanged.isValid())
            json.insert(QStringLiteral("last_changed"), lastChanged.toString(Qt::ISODate));
    }
    return json;
}

QString Device::describe() const
{
    QString text = id + QStringLiteral(" — ") + name;
    if (!room.isEmpty())
        text += QStringLiteral(" (%1)").arg(room);
    return text + QStringLiteral(": ") + summary;
}

QJsonObject Device::schema(bool withDetails)
{
    QJsonObject properties{
            {QStringLiteral("id"), typed("string")},
            {QStringLiteral("backend"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                            {QStringLiteral("enum"),
                                    QJsonArray{QStringLiteral("ha"), QStringLiteral("loxone")}}}},
            {QStringLiteral("name"), typed("string")},
            {QStringLiteral("room"), typed("string")},
            {QStringLiteral("type"), typed("string")},
            {QStringLiteral("state"), typed("string")},
            {QStringLiteral("summary"), typed("string")},
            {QStringLiteral("actions"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                            {QStringLiteral("items"), typed("string")}}},
            {QStringLiteral("security"), typed("boolean")},
    };
    if (withDetails) {
        properties.insert(QStringLiteral("attributes"), typed("object"));
        properties.insert(QStringLiteral("last_changed"), typed("string"));
    }
    return {
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"),
                    QJsonArray{QStringLiteral("id"), QStringLiteral("backend"),
                            QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("state"),
                            QStringLiteral("summary"), QStringLiteral("actions"),
                            QStringLiteral("security")}},
            {QStringLiteral("additionalProperties"), false},
    };
}

QString Device::percentText(double value)
{
    return QString::number(std::lround(value)) + QStringLiteral(" %");
}
