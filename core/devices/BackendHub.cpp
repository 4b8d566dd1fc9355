#include "BackendHub.h"

#include "AuditEvent.h"
#include "HomeAssistantClient.h"
#include "HomeAssistantDevices.h"
#include "KeychainSecretStore.h"
#include "LoxoneClient.h"
#include "LoxoneDevices.h"

BackendHub::BackendHub(const BackendSettings &settings, const Services &services, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_services(services)
{
    createBackends();
}

void BackendHub::createBackends()
{
    if (!m_settings.homeAssistantUrl.isEmpty()) {
        HomeAssistantClient::Options options;
        options.baseUrl = m_settings.homeAssistantUrl;
        options.requestTimeoutMs = m_settings.requestTimeoutMs;
        m_homeAssistant = new HomeAssistantClient(options, this);
        m_homeAssistant->setRequestGuard([this] { return stopOf(QStringLiteral("ha")); });
        connect(m_homeAssistant, &HomeAssistantClient::errorOccurred, this,
                [this](const QString &sentence) { auditError(QStringLiteral("ha"), sentence); });
        connect(m_homeAssistant, &HomeAssistantClient::readyChanged, this, [this](bool ready) {
            if (ready)
                m_auditedError.remove(QStringLiteral("ha"));
        });
        m_homeAssistantDevices = new HomeAssistantDevices(m_homeAssistant, this);
        m_homeAssistantDevices->setRefusalSource([this] { return stopOf(QStringLiteral("ha")); });
        m_directory.add(m_homeAssistantDevices);
    }
    if (!m_settings.loxoneUrl.isEmpty()) {
        LoxoneClient::Config config;
        config.baseUrl = m_settings.loxoneUrl;
        config.user = m_settings.loxoneUser;
        config.requestTimeout = std::chrono::milliseconds(m_settings.requestTimeoutMs);
        config.allowBasicAuth = m_settings.loxoneAllowBasicAuth;
        m_loxone = new LoxoneClient(config, this);
        m_loxone->setRequestGuard([this] { return stopOf(QStringLiteral("loxone")); });
        connect(m_loxone, &LoxoneClient::errorOccurred, this, [this](const QString &sentence) {
            auditError(QStringLiteral("loxone"), sentence);
        });
        // The password on the wire is a security event, not just a connection detail.
        connect(m_loxone, &LoxoneClient::basicAuthenticationUsed, this,
                [this](const QString &sentence) {
                    auditError(QStringLiteral("loxone"), sentence);
                });
        connect(m_loxone, &LoxoneClient::connectedChanged, this, [this](bool connected) {
            if (connected)
                m_auditedError.remove(QStringLiteral("loxone"));
        });
        m_loxoneDevices = new LoxoneDevices(m_loxone, this);
        m_loxoneDevices->setRefusalSource([this] { return stopOf(QStringLiteral("loxone")); });
        m_directory.add(m_loxoneDevices);
    }
}

BackendHub::~BackendHub() = default;

void BackendHub::reconfigure(const BackendSettings &settings)
{
    // Calls waiting on the old connections end with a sentence, not with their objects gone.
    // English on purpose, as every tool result.
    const QString reason =
            QStringLiteral("HomeWarden's backend settings were changed; please try again.");
    if (m_homeAssistant)
        m_homeAssistant->abortAll(reason);
    if (m_loxone)
        m_loxone->abortAll(reason);
    m_directory.clear();
    for (QObject *old : std::initializer_list<QObject *>{
                 m_homeAssistantDevices, m_homeAssistant, m_loxoneDevices, m_loxone}) {
        if (old)
            old->deleteLater();
    }
    m_homeAssistant = nullptr;
    m_homeAssistantDevices = nullptr;
    m_loxone = nullptr;
    m_loxoneDevices = nullptr;
    m_loxoneHasPassword = false;
    m_auditedError.clear();

    m_settings = settings;
    createBackends();
    start();
    Q_EMIT backendsReplaced();
}

QString BackendHub::stopOf(const QString &backend) const
{
    return m_services.stopOf ? m_services.stopOf(backend) : QString();
}

void BackendHub::auditError(const QString &backend, const QString &sentence)
{
    if (!m_services.audit || m_auditedError.value(backend) == sentence)
        return;
    m_auditedError.insert(backend, sentence);
    AuditEvent event;
    event.event = QLatin1String(AuditEvent::BACKEND_ERROR);
    event.source = backend;
    event.action = QStringLiteral("connect");
    event.target = backend;
    event.result = QStringLiteral("error");
    event.reason = sentence;
    m_services.audit(event);
}

void BackendHub::fetchCredential(CredentialSource::Credential credential, const QString &missing,
        const QString &unreadable, const std::function<void(const QString &value)> &ready,
        const std::function<void(const QString &sentence)> &unavailable)
{
    if (!m_services.secrets) {
        m_ownedSecrets = std::make_unique<KeychainSecretStore>();
        m_services.secrets = m_ownedSecrets.get();
    }
    const CredentialSource credentials(m_services.level, m_services.secrets);
    SecretJob *job = credentials.resolve(credential);
    connect(job, &SecretJob::finished, this,
            [missing, unreadable, ready, unavailable](SecretJob *finished) {
                const SecretJob::Result &result = finished->result();
                if (result.isOk())
                    ready(result.value);
                else if (result.error == SecretJob::Error::NotFound)
                    unavailable(missing);
                else
                    unavailable(unreadable.arg(result.errorString));
            });
}

void BackendHub::start()
{
    if (m_homeAssistant) {
        fetchCredential(
                CredentialSource::Credential::HomeAssistantToken,
                tr("No Home Assistant token is stored; create a long-lived access token in your "
                   "Home Assistant profile and store it with 'homewarden secrets set "
                   "ha-token'."),
                tr("The Home Assistant token cannot be read: %1"),
                [this](const QString &token) {
                    m_homeAssistant->setToken(token);
                    m_homeAssistant->start();
                },
                [this](const QString &sentence) { m_homeAssistant->setUnavailable(sentence); });
    }
    if (m_loxone) {
        fetchCredential(
                CredentialSource::Credential::LoxonePassword,
                tr("No Loxone password is stored; store the password of the Loxone user '%1' "
                   "with 'homewarden secrets set loxone-password'.")
                        .arg(m_settings.loxoneUser),
                tr("The Loxone password cannot be read: %1"),
                [this](const QString &password) {
                    m_loxone->setPassword(password);
                    m_loxoneHasPassword = true;
                    startLoxone();
                },
                [this](const QString &sentence) { m_loxone->setUnavailable(sentence); });
    }
}

void BackendHub::startLoxone()
{
    // A stop engaged before the password arrived keeps the Miniserver untouched.
    const QString stop = stopOf(QStringLiteral("loxone"));
    if (!stop.isEmpty())
        m_loxone->abortAll(stop);
    else if (m_loxone->isSuspended())
        m_loxone->resume();
    else
        m_loxone->start();
}

void BackendHub::applyStops()
{
    if (m_homeAssistant) {
        const QString stop = stopOf(QStringLiteral("ha"));
        if (!stop.isEmpty())
            m_homeAssistant->abortAll(stop);
        else
            m_homeAssistant->resume();
    }
    if (m_loxone) {
        const QString stop = stopOf(QStringLiteral("loxone"));
        if (!stop.isEmpty())
            m_loxone->abortAll(stop);
        else if (m_loxoneHasPassword && m_loxone->isSuspended())
            m_loxone->resume();
    }
}
