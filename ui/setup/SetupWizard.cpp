#include "SetupWizard.h"

#include "AiClientPage.h"
#include "AuditTrail.h"
#include "AutostartEntry.h"
#include "BackendSettings.h"
#include "FinishPage.h"
#include "HomeAssistantPage.h"
#include "KeychainSecretStore.h"
#include "LoxonePage.h"
#include "SecurityPage.h"
#include "ServerSettings.h"
#include "WelcomePage.h"

#include <iterator>

namespace {

const char *const PAGE_NAMES[] = {
        "welcome", "homeassistant", "loxone", "security", "aiclient", "finish"};

} // namespace

SetupWizard::SetupWizard(
        const QString &stateDirectory, AuditTrail *audit, SecretStore *secrets, QWidget *parent)
    : QWizard(parent)
    , m_stateDirectory(stateDirectory)
    , m_initial(load(stateDirectory))
    , m_audit(audit)
    , m_secrets(secrets)
{
    if (!m_audit) {
        m_ownAudit = AuditTrail::open(stateDirectory, &m_auditError);
        m_audit = m_ownAudit.get();
    }
    if (!m_secrets) {
        m_ownSecrets = std::make_unique<KeychainSecretStore>();
        m_secrets = m_ownSecrets.get();
    }
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("HomeWarden setup"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(WelcomePageId, new WelcomePage(this));
    setPage(HomeAssistantPageId, new HomeAssistantPage(m_initial, this));
    setPage(LoxonePageId, new LoxonePage(m_initial, this));
    setPage(SecurityPageId, new SecurityPage(m_initial, this));
    setPage(AiClientPageId, new AiClientPage(m_initial, this));
    auto *finish = new FinishPage(m_initial, this);
    connect(finish, &FinishPage::settingsSaved, this, &SetupWizard::settingsSaved);
    setPage(FinishPageId, finish);
    resize(720, 560);
}

SetupWizard::~SetupWizard() = default;

int SetupWizard::pageIdFromName(const QString &name)
{
    for (int id = 0; id < int(std::size(PAGE_NAMES)); ++id) {
        if (name == QLatin1String(PAGE_NAMES[id]))
            return id;
    }
    return -1;
}

QString SetupWizard::pageName(int id)
{
    return id >= 0 && id < int(std::size(PAGE_NAMES)) ? QLatin1String(PAGE_NAMES[id]) : QString();
}

bool SetupWizard::isFirstStart(const QString &stateDirectory)
{
    const BackendSettings settings = BackendSettings::load(stateDirectory);
    return settings.homeAssistantUrl.isEmpty() && settings.loxoneUrl.isEmpty();
}

SetupChoices SetupWizard::choices() const
{
    SetupChoices choices;
    for (int id : pageIds()) {
        if (const auto *page = qobject_cast<const SetupPage *>(this->page(id)))
            page->collect(&choices);
    }
    return choices;
}

SetupChoices SetupWizard::load(const QString &stateDirectory)
{
    // The environment's URLs count as a suggestion too: a person who set them wants them.
    const BackendSettings backends = BackendSettings::load(stateDirectory);
    SetupChoices choices;
    choices.homeAssistantUrl = backends.homeAssistantUrl;
    choices.loxoneUrl = backends.loxoneUrl;
    choices.loxoneUser = backends.loxoneUser;
    choices.securityLevel =
            SecurityLevels::configured(stateDirectory).value_or(SecurityLevel::Production);

    const ServerSettings server = ServerSettings::load(stateDirectory);
    choices.serverEnabled = server.enabled;
    choices.serverHost = server.address.toString();
    choices.serverPort = server.port;
    choices.tlsCertificate = server.tlsCertificate;
    choices.tlsKey = server.tlsKey;
    // A first start offers it; a later run keeps what the person chose then.
    choices.startAtLogin = isFirstStart(stateDirectory) || AutostartEntry::isEnabled();
    return choices;
}
