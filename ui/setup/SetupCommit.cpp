#include "SetupCommit.h"

#include "AuditEvent.h"
#include "AuditTrail.h"
#include "AutostartEntry.h"
#include "ClientRegistration.h"
#include "ConfigChange.h"
#include "SecretNames.h"
#include "SecretStore.h"
#include "SetupSettingKeys.h"

#include <QDir>

SetupCommit::SetupCommit(const QString &stateDirectory, AuditTrail *audit, SecretStore *secrets)
    : m_stateDirectory(stateDirectory)
    , m_audit(audit)
    , m_secrets(secrets)
{ }

SetupCommit::Outcome SetupCommit::apply(const SetupChoices &choices)
{
    Outcome outcome;
    if (!m_audit) {
        // ConfigChange would refuse too; say it before a secret is written.
        outcome.error = tr("Nothing was saved because the audit trail cannot be opened; check "
                           "that %1 can be written.")
                                .arg(QDir::toNativeSeparators(m_stateDirectory));
        return outcome;
    }
    outcome.ok = storeSecrets(choices, &outcome) && writeSettings(choices, &outcome)
            && registerClient(choices, &outcome) && setAutostart(choices, &outcome);
    m_audit->flush();
    return outcome;
}

bool SetupCommit::storeSecrets(const SetupChoices &choices, Outcome *outcome)
{
    const struct
    {
        bool wanted;
        QString name;
        QString value;
        QString done;
    } secrets[] = {
            {!choices.homeAssistantUrl.isEmpty() && !choices.homeAssistantToken.isEmpty(),
                    SecretNames::haToken(), choices.homeAssistantToken,
                    tr("The Home Assistant token is stored in the keychain.")},
            {!choices.loxoneUrl.isEmpty() && !choices.loxonePassword.isEmpty(),
                    SecretNames::loxonePassword(), choices.loxonePassword,
                    tr("The Loxone password is stored in the keychain.")},
    };
    for (const auto &secret : secrets) {
        if (!secret.wanted)
            continue;
        const SecretJob::Result result = m_secrets->writeAndWait(secret.name, secret.value);
        if (!result.isOk()) {
            outcome->error = result.errorString;
            return false;
        }
        outcome->done.append(secret.done);
    }
    return true;
}

bool SetupCommit::writeSettings(const SetupChoices &choices, Outcome *outcome)
{
    ConfigChange change(m_stateDirectory, QLatin1String(SOURCE));
    change.set(QLatin1String(SetupSettingKeys::HOME_ASSISTANT_URL),
            choices.homeAssistantUrl.toString());
    change.set(QLatin1String(SetupSettingKeys::LOXONE_URL), choices.loxoneUrl.toString());
    change.set(QLatin1String(SetupSettingKeys::LOXONE_USER),
            choices.loxoneUrl.isEmpty() ? QString() : choices.loxoneUser);
    change.set(QLatin1String(SetupSettingKeys::SECURITY_LEVEL),
            SecurityLevels::name(choices.securityLevel));
    change.set(QLatin1String(SetupSettingKeys::SERVER_ENABLED), choices.serverEnabled);
    change.set(QLatin1String(SetupSettingKeys::SERVER_HOST), choices.serverHost);
    change.set(QLatin1String(SetupSettingKeys::SERVER_PORT), choices.serverPort);
    change.set(QLatin1String(SetupSettingKeys::TLS_CERTIFICATE), choices.tlsCertificate);
    change.set(QLatin1String(SetupSettingKeys::TLS_KEY), choices.tlsKey);
    const QStringList changed = change.changedKeys();
    QString error;
    if (!change.commit(m_audit, &error)) {
        outcome->error = error;
        return false;
    }
    outcome->changedKeys = changed;
    outcome->done.append(tr("%n setting(s) saved to %1.", nullptr, int(changed.size()))
                                 .arg(QDir::toNativeSeparators(change.filePath())));
    return true;
}

bool SetupCommit::registerClient(const SetupChoices &choices, Outcome *outcome)
{
    if (!choices.registerClaudeDesktop)
        return true;
    ClientRegistration registration(m_stateDirectory, m_secrets, m_audit, QLatin1String(SOURCE));
    ClientRegistration::Request request;
    request.role = choices.clientRole;
    request.devices = choices.clientDevices;
    request.configPath = choices.claudeConfigPath;
    const ClientRegistration::Outcome registered = registration.registerClaudeDesktop(request);
    if (!registered.ok) {
        outcome->error = registered.error;
        return false;
    }
    outcome->backupPath = registered.backupPath;
    outcome->done.append(tr("Claude Desktop uses the new key %1 (role %2); restart Claude Desktop "
                            "to pick up the change.")
                                 .arg(registered.keyId, choices.clientRole));
    outcome->done.append(registered.warnings);
    return true;
}

bool SetupCommit::setAutostart(const SetupChoices &choices, Outcome *outcome)
{
    if (choices.startAtLogin == AutostartEntry::isEnabled())
        return true;
    QString error;
    const bool ok = choices.startAtLogin ? AutostartEntry::enable(QString(), &error)
                                         : AutostartEntry::disable(&error);
    if (!ok) {
        outcome->error = error;
        return false;
    }
    AuditEvent event;
    event.event = QLatin1String(AuditEvent::CONFIG_CHANGED);
    event.source = QLatin1String(SOURCE);
    event.action = choices.startAtLogin ? QStringLiteral("set") : QStringLiteral("remove");
    event.target = AutostartEntry::path();
    event.result = QStringLiteral("ok");
    event.reason = choices.startAtLogin ? QStringLiteral("start at login")
                                        : QStringLiteral("no start at login");
    m_audit->append(event);
    outcome->done.append(choices.startAtLogin ? tr("HomeWarden starts when you log in.")
                                              : tr("HomeWarden no longer starts when you log in."));
    return true;
}
