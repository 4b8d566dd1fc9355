#include "CredentialSource.h"

#include "SecretNames.h"
#include "SecretStore.h"

CredentialSource::CredentialSource(
        SecurityLevel level, SecretStore *store, const QProcessEnvironment &environment)
    : m_level(level)
    , m_store(store)
    , m_environment(environment)
{ }

SecretJob *CredentialSource::resolve(Credential credential) const
{
    const QString refused = refusal(credential);
    if (!refused.isEmpty()) {
        auto *job = new SecretJob(SecretJob::Operation::Read, secretName(credential));
        job->finishWithError(SecretJob::Error::Refused, refused);
        return job;
    }
    const QString fromEnvironment = m_environment.value(variableName(credential));
    if (m_level == SecurityLevel::Development && !fromEnvironment.isEmpty()) {
        auto *job = new SecretJob(SecretJob::Operation::Read, secretName(credential));
        job->finishWithValue(fromEnvironment);
        return job;
    }
    return m_store->read(secretName(credential));
}

bool CredentialSource::checkEnvironment(QString *error) const
{
    for (Credential credential : {Credential::HomeAssistantToken, Credential::LoxonePassword}) {
        const QString refused = refusal(credential);
        if (!refused.isEmpty()) {
            if (error)
                *error = refused;
            return false;
        }
    }
    return true;
}

QString CredentialSource::variableName(Credential credential)
{
    switch (credential) {
    case Credential::HomeAssistantToken:
        return QStringLiteral("HOMEWARDEN_HA_TOKEN");
    case Credential::LoxonePassword:
        return QStringLiteral("HOMEWARDEN_LOXONE_PASSWORD");
    }
    return {};
}

QString CredentialSource::secretName(Credential credential)
{
    switch (credential) {
    case Credential::HomeAssistantToken:
        return SecretNames::haToken();
    case Credential::LoxonePassword:
        return SecretNames::loxonePassword();
    }
    return {};
}

QString CredentialSource::refusal(Credential credential) const
{
    // An empty variable holds no secret; it counts as unset.
    if (m_level == SecurityLevel::Development
            || m_environment.value(variableName(credential)).isEmpty())
        return {};
    return tr("%1 is set, but %2 does not take secrets from the environment: store it with "
              "'homewarden secrets set %3' and unset the variable.")
            .arg(variableName(credential), SecurityLevels::name(m_level), secretName(credential));
}
