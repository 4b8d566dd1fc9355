#include "FinishPage.h"

#include "SetupChoices.h"
#include "SetupCommit.h"
#include "SetupWizard.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

FinishPage::FinishPage(const SetupChoices &initial, QWidget *parent)
    : SetupPage(parent)
    , m_summary(new QLabel(this))
    , m_startAtLogin(new QCheckBox(tr("Start HomeWarden when I log in"), this))
{
    setTitle(tr("Ready"));
    setSubTitle(tr("Press Finish to save these settings."));
    setFinalPage(true);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLoginCheck"));
    m_startAtLogin->setChecked(initial.startAtLogin);
    contentLayout()->addWidget(m_summary);
    contentLayout()->addWidget(m_startAtLogin);
}

void FinishPage::initializePage()
{
    const SetupChoices choices = setupWizard() ? setupWizard()->choices() : SetupChoices();
    QStringList lines;
    const auto secretNote = [](const QString &secret) {
        return secret.isEmpty() ? tr("kept from the keychain") : tr("stored in the keychain");
    };
    lines.append(choices.homeAssistantUrl.isEmpty()
                    ? tr("Home Assistant: not used")
                    : tr("Home Assistant: %1 (token %2)")
                              .arg(choices.homeAssistantUrl.toDisplayString(QUrl::RemoveUserInfo)
                                              .toHtmlEscaped(),
                                      secretNote(choices.homeAssistantToken)));
    lines.append(choices.loxoneUrl.isEmpty()
                    ? tr("Loxone: not used")
                    : tr("Loxone: %1 as %2 (password %3)")
                              .arg(choices.loxoneUrl.toDisplayString(QUrl::RemoveUserInfo)
                                              .toHtmlEscaped(),
                                      choices.loxoneUser.toHtmlEscaped(),
                                      secretNote(choices.loxonePassword)));
    lines.append(tr("Security level: %1").arg(SecurityLevels::name(choices.securityLevel)));
    lines.append(choices.serverEnabled
                    ? tr("HTTP server: %1 port %2%3")
                              .arg(choices.serverHost.toHtmlEscaped())
                              .arg(choices.serverPort)
                              .arg(choices.tlsCertificate.isEmpty() ? QString() : tr(", TLS"))
                    : tr("HTTP server: off"));
    lines.append(choices.registerClaudeDesktop
                    ? tr("Claude Desktop: a new %1 key, and HomeWarden added to %2. Restart "
                         "Claude Desktop afterwards to pick up the change.")
                              .arg(choices.clientRole, choices.claudeConfigPath.toHtmlEscaped())
                    : tr("Claude Desktop: left as it is"));
    m_summary->setText(
            QStringLiteral("<ul><li>%1</li></ul>").arg(lines.join(QLatin1String("</li><li>"))));
}

bool FinishPage::validatePage()
{
    clearProblem();
    SetupWizard *wizard = setupWizard();
    if (!wizard)
        return true;
    if (!wizard->auditTrail())
        return refuse(wizard->auditError());
    SetupCommit commit(wizard->stateDirectory(), wizard->auditTrail(), wizard->secretStore());
    const SetupCommit::Outcome outcome = commit.apply(wizard->choices());
    m_done = outcome.done;
    if (!outcome.ok) {
        const QString before = outcome.done.isEmpty()
                ? tr("Nothing was changed.")
                : tr("Done before that: %1").arg(outcome.done.join(QLatin1Char(' ')));
        return refuse(outcome.error + QLatin1Char(' ') + before);
    }
    Q_EMIT settingsSaved(outcome.changedKeys);
    return true;
}

void FinishPage::collect(SetupChoices *choices) const
{
    choices->startAtLogin = m_startAtLogin->isChecked();
}
