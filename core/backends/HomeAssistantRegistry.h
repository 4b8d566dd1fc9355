#pragma once

#include <QHash>
#include <QJsonArray>
#include <QString>

// Home Assistant's area, device and entity registries, reduced to what rooms and names need.
// An entity's room is its own area, else its device's (as Home Assistant's UI shows it).
class HomeAssistantRegistry
{
public:
    void setAreas(const QJsonArray &areas);
    void setDevices(const QJsonArray &devices);
    void setEntities(const QJsonArray &entities);

    // The area id of an entity, or an empty string when it has none.
    QString areaOf(const QString &entityId) const;
    QString areaName(const QString &areaId) const { return m_areaNames.value(areaId); }
    // The name the entity registry gives (a person's rename), else an empty string.
    QString entityName(const QString &entityId) const { return m_entities.value(entityId).name; }
    const QHash<QString, QString> &areaNames() const { return m_areaNames; }

private:
    struct Entity
    {
        QString areaId;
        QString deviceId;
        QString name;
    };
    QHash<QString, QString> m_areaNames; // area_id -> name
    QHash<QString, QString> m_deviceAreas; // device id -> area_id
    QHash<QString, Entity> m_entities;
};
