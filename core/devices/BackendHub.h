#pragma once

#include "BackendSettings.h"
#include "DeviceDirectory.h"
#include "SecurityLevel.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <memory>

class HomeAssistantClient;
class HomeAssistantDevices;
class SecretStore;
struct AuditEvent;

// The backends one HomeWarden process talks to, built from the settings: it fetches their
// credentials (CredentialSource), starts their clients, audits their errors, and lets the
// kill switch veto every request and cut off what is in flight.
class BackendHub : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        SecurityLevel level = SecurityLevel::Production;
        // Where credentials come from; null: the OS keychain (created only when needed).
        SecretStore *secrets = nullptr;
        std::function<void(const AuditEvent &event)> audit;
        // Why no request may reach backend "ha"/"loxone" now (a kill switch), else "".
        std::function<QString(const QString &backend)> stopOf;
    };

    BackendHub(
            const BackendSettings &settings, const Services &services, QObject *parent = nullptr);
    ~BackendHub() override;

    // Fetches credentials and connects; returns at once.
    void start();
    // The kill switch changed: cut off stopped backends, reconnect released ones.
    void applyStops();

    const DeviceDirectory *directory() const { return &m_directory; }
    HomeAssistantClient *homeAssistant() const { return m_homeAssistant; }
    const BackendSettings &settings() const { return m_settings; }

private:
    QString stopOf(const QString &backend) const;
    void auditError(const QString &backend, const QString &sentence) const;

    BackendSettings m_settings;
    Services m_services;
    std::unique_ptr<SecretStore> m_ownedSecrets;
    DeviceDirectory m_directory;
    HomeAssistantClient *m_homeAssistant = nullptr;
    HomeAssistantDevices *m_homeAssistantDevices = nullptr;
};
