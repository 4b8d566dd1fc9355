#include "BackendHub.h"

#include "AuditEvent.h"
#include "CredentialSource.h"
#include "HomeAssistantClient.h"
#include "HomeAssistantDevices.h"
#include "KeychainSecretStore.h"

BackendHub::BackendHub(const BackendSettings &settings, const Services &services, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_services(services)
{
    if (!m_settings.homeAssistantUrl.isEmpty()) {
        HomeAssistantClient::Options options;
        options.baseUrl = m_settings.homeAssistantUrl;
        options.requestTimeoutMs = m_settings.requestTimeoutMs;
        m_homeAssistant = new HomeAssistantClient(options, this);
        m_homeAssistant->setRequestGuard([this] { return stopOf(QStringLiteral("ha")); });
        connect(m_homeAssistant, &HomeAssistantClient::errorOccurred, this,
                [this](const QString &sentence) { auditError(QStringLiteral("ha"), sentence); });
        m_homeAssistantDevices = new HomeAssistantDevices(m_homeAssistant, this);
        m_homeAssistantDevices->setRefusalSource([this] { return stopOf(QStringLiteral("ha")); });
        m_directory.add(m_homeAssistantDevices);
    }
}

BackendHub::~BackendHub() = default;

QString BackendHub::stopOf(const QString &backend) const
{
    return m_services.stopOf ? m_services.stopOf(backend) : QString();
}

void BackendHub::auditError(const QString &backend, const QString &sentence) const
{
    if (!m_services.audit)
        return;
    AuditEvent event;
    event.event = QLatin1String(AuditEvent::BACKEND_ERROR);
    event.source = backend;
    event.action = QStringLiteral("connect");
    event.target = backend;
    event.result = QStringLiteral("error");
    event.reason = sentence;
    m_services.audit(event);
}

void BackendHub::start()
{
    if (!m_homeAssistant)
        return;
    if (!m_services.secrets) {
        m_ownedSecrets = std::make_unique<KeychainSecretStore>();
        m_services.secrets = m_ownedSecrets.get();
    }
    const CredentialSource credentials(m_services.level, m_services.secrets);
    SecretJob *job = credentials.resolve(CredentialSource::Credential::HomeAssistantToken);
    connect(job, &SecretJob::finished, this, [this](SecretJob *finished) {
        const SecretJob::Result &result = finished->result();
        if (!result.isOk()) {
            const QString sentence = result.error == SecretJob::Error::NotFound
                    ? tr("No Home Assistant token is stored; create a long-lived access token in "
                         "your Home Assistant profile and store it with 'homewarden secrets set "
                         "ha-token'.")
                    : tr("The Home Assistant token cannot be read: %1").arg(result.errorString);
            m_homeAssistant->setUnavailable(sentence);
            return;
        }
        m_homeAssistant->setToken(result.value);
        m_homeAssistant->start();
    });
}

void BackendHub::applyStops()
{
    if (!m_homeAssistant)
        return;
    const QString stop = stopOf(QStringLiteral("ha"));
    if (!stop.isEmpty())
        m_homeAssistant->abortAll(stop);
    else
        m_homeAssistant->resume();
}
