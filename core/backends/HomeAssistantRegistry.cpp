#include "HomeAssistantRegistry.h"

#include <QJsonObject>

void HomeAssistantRegistry::setAreas(const QJsonArray &areas)
{
    m_areaNames.clear();
    for (const QJsonValue &area : areas) {
        const QJsonObject object = area.toObject();
        const QString id = object.value(QLatin1String("area_id")).toString();
        if (!id.isEmpty())
            m_areaNames.insert(id, object.value(QLatin1String("name")).toString(id));
    }
}

void HomeAssistantRegistry::setDevices(const QJsonArray &devices)
{
    m_deviceAreas.clear();
    for (const QJsonValue &device : devices) {
        const QJsonObject object = device.toObject();
        const QString area = object.value(QLatin1String("area_id")).toString();
        if (!area.isEmpty())
            m_deviceAreas.insert(object.value(QLatin1String("id")).toString(), area);
    }
}

void HomeAssistantRegistry::setEntities(const QJsonArray &entities)
{
    m_entities.clear();
    for (const QJsonValue &entity : entities) {
        const QJsonObject object = entity.toObject();
        m_entities.insert(object.value(QLatin1String("entity_id")).toString(),
                {object.value(QLatin1String("area_id")).toString(),
                        object.value(QLatin1String("device_id")).toString(),
                        object.value(QLatin1String("name")).toString()});
    }
}

QString HomeAssistantRegistry::areaOf(const QString &entityId) const
{
    const auto it = m_entities.constFind(entityId);
    if (it == m_entities.cend())
        return {};
    if (!it->areaId.isEmpty())
        return it->areaId;
    return m_deviceAreas.value(it->deviceId);
}
