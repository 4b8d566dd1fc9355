#pragma once

#include "BackendSettings.h"
#include "CredentialSource.h"
#include "DeviceDirectory.h"
#include "SecurityLevel.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

class HomeAssistantClient;
class HomeAssistantDevices;
class LoxoneClient;
class LoxoneDevices;
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
    // Other addresses or credentials (the wizard was run again): drops the connections and
    // connects as settings say, with credentials read afresh. The directory stays the same
    // object, so the tools that hold it go on working.
    void reconfigure(const BackendSettings &settings);

    const DeviceDirectory *directory() const { return &m_directory; }
    HomeAssistantClient *homeAssistant() const { return m_homeAssistant; }
    LoxoneClient *loxone() const { return m_loxone; }
    const BackendSettings &settings() const { return m_settings; }

Q_SIGNALS:
    // reconfigure() replaced the clients: homeAssistant() and loxone() are new objects.
    void backendsReplaced();

private:
    void createBackends();
    QString stopOf(const QString &backend) const;
    // Audits each new error of a backend once, however often a reconnecting client repeats it.
    void auditError(const QString &backend, const QString &sentence);
    // Reads credential by CredentialSource's rules and hands it to ready(), or hands
    // unavailable() why it cannot be had: missing when none is stored, else unreadable
    // (with %1 for the keychain's or the security level's own sentence).
    void fetchCredential(CredentialSource::Credential credential, const QString &missing,
            const QString &unreadable, const std::function<void(const QString &value)> &ready,
            const std::function<void(const QString &sentence)> &unavailable);
    void startLoxone();

    BackendSettings m_settings;
    Services m_services;
    std::unique_ptr<SecretStore> m_ownedSecrets;
    DeviceDirectory m_directory;
    HomeAssistantClient *m_homeAssistant = nullptr;
    HomeAssistantDevices *m_homeAssistantDevices = nullptr;
    LoxoneClient *m_loxone = nullptr;
    LoxoneDevices *m_loxoneDevices = nullptr;
    bool m_loxoneHasPassword = false; // the kill switch's release must not connect without it
    QHash<QString, QString> m_auditedError; // by backend
};
