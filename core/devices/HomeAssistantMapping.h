#pragma once

#include "Device.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

class HomeAssistantRegistry;

// How Home Assistant's entities become devices and how control_device's actions become
// service calls. Pure functions of their inputs, so that every rule is tested on its own.
class HomeAssistantMapping
{
    Q_DECLARE_TR_FUNCTIONS(HomeAssistantMapping)

public:
    struct ServiceCall
    {
        QString domain;
        QString service;
        QJsonObject data;
    };

    // entity_id as Home Assistant accepts it: "light.kitchen".
    static bool isValidEntityId(const QString &entityId);
    // The domains whose entities can open a house or disarm it.
    static bool isSecurityDomain(const QString &domain);

    // One entry of /api/states (or get_states) as a device.
    static Device toDevice(const QJsonObject &state, const HomeAssistantRegistry &registry);

    // The service that does action (with value) on device; std::nullopt and *error (one
    // sentence: why, and what would work) when the device cannot do it or the value is wrong.
    static std::optional<ServiceCall> serviceFor(
            const Device &device, const QString &action, const QJsonValue &value, QString *error);

private:
    static QStringList actionsOf(const QString &domain, const QJsonObject &attributes);
    static QString summaryOf(
            const QString &domain, const QString &state, const QJsonObject &attributes);
};
