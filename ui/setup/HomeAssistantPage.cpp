#include "HomeAssistantPage.h"

#include "ConnectionTestRow.h"
#include "HomeAssistantProbe.h"
#include "SetupChoices.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace {

// Home Assistant's own page on where a profile creates long-lived access tokens.
constexpr char TOKEN_HELP_URL[] =
        "https://www.home-assistant.io/docs/authentication/#your-account-profile";

} // namespace

HomeAssistantPage::HomeAssistantPage(const SetupChoices &initial, QWidget *parent)
    : SetupPage(parent)
    , m_wasConfigured(!initial.homeAssistantUrl.isEmpty())
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_test(new ConnectionTestRow(QStringLiteral("ha"), this))
    , m_probe(new HomeAssistantProbe(this))
{
    setTitle(tr("Home Assistant"));
    setSubTitle(tr("Optional: leave the address empty if you do not use Home Assistant."));

    m_url->setObjectName(QStringLiteral("haUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("http://homeassistant.local:8123"));
    m_url->setText(initial.homeAssistantUrl.toString());
    m_token->setObjectName(QStringLiteral("haTokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(m_wasConfigured
                    ? tr("Leave empty to keep the token stored in the keychain")
                    : tr("A long-lived access token"));

    auto *help = new QLabel(this);
    help->setOpenExternalLinks(true);
    help->setWordWrap(true);
    help->setText(tr("Home Assistant creates a token in your profile, under Security, \"Long-lived "
                     "access tokens\": <a href=\"%1\">how to create one</a>. HomeWarden keeps it "
                     "in this computer's keychain.")
                          .arg(QLatin1String(TOKEN_HELP_URL)));

    auto *form = new QFormLayout;
    form->addRow(tr("Address:"), m_url);
    form->addRow(tr("Access token:"), m_token);
    contentLayout()->addLayout(form);
    contentLayout()->addWidget(help);
    contentLayout()->addWidget(m_test);

    connect(m_test, &ConnectionTestRow::testRequested, this, &HomeAssistantPage::testConnection);
    connect(m_probe, &HomeAssistantProbe::finished, this,
            [this](const HomeAssistantProbe::Result &result) {
                m_test->finish(result.ok,
                        result.ok ? tr("Connected to Home Assistant %1 at \"%2\": %n entities.",
                                nullptr, result.entityCount)
                                            .arg(result.version, result.locationName)
                                  : result.error);
            });
}

QUrl HomeAssistantPage::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

void HomeAssistantPage::testConnection()
{
    m_test->begin(m_url->text().trimmed());
    m_probe->start(url(), m_token->text());
}

bool HomeAssistantPage::validatePage()
{
    clearProblem();
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        if (!m_token->text().isEmpty())
            return refuse(tr("Enter Home Assistant's address, or clear the token."));
        return true;
    }
    const QUrl address = url();
    const QString scheme = address.scheme();
    if (!address.isValid() || address.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return refuse(tr("'%1' is not an http:// or https:// address; enter Home Assistant's "
                         "address, for example http://homeassistant.local:8123.")
                              .arg(text));
    if (m_token->text().trimmed().isEmpty() && !m_wasConfigured)
        return refuse(tr("Enter a long-lived access token: HomeWarden cannot talk to Home "
                         "Assistant without one."));
    return true;
}

void HomeAssistantPage::collect(SetupChoices *choices) const
{
    choices->homeAssistantUrl = m_url->text().trimmed().isEmpty() ? QUrl() : url();
    choices->homeAssistantToken = m_token->text().trimmed();
}
