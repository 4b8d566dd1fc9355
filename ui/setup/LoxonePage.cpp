#include "LoxonePage.h"

#include "ConnectionTestRow.h"
#include "LoxoneProbe.h"
#include "SetupChoices.h"
#include "SetupWizard.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

LoxonePage::LoxonePage(const SetupChoices &initial, QWidget *parent)
    : SetupPage(parent)
    , m_wasConfigured(!initial.loxoneUrl.isEmpty())
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_test(new ConnectionTestRow(QStringLiteral("loxone"), this))
    , m_probe(new LoxoneProbe(this))
{
    setTitle(tr("Loxone Miniserver"));
    setSubTitle(tr("Optional: leave the address empty if you do not use a Loxone Miniserver. "
                   "HomeWarden needs at least one of Home Assistant and Loxone."));

    m_url->setObjectName(QStringLiteral("loxoneUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("http://192.168.1.77"));
    m_url->setText(initial.loxoneUrl.toString());
    m_user->setObjectName(QStringLiteral("loxoneUserEdit"));
    m_user->setText(initial.loxoneUser);
    m_password->setObjectName(QStringLiteral("loxonePasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_wasConfigured
                    ? tr("Leave empty to keep the password stored in the keychain")
                    : QString());

    auto *advice = new QLabel(tr("Create a user of its own for HomeWarden in Loxone Config, with "
                                 "only the rights the assistants need. HomeWarden keeps the "
                                 "password in this computer's keychain."),
            this);
    advice->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Address:"), m_url);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    contentLayout()->addLayout(form);
    contentLayout()->addWidget(advice);
    contentLayout()->addWidget(m_test);

    connect(m_test, &ConnectionTestRow::testRequested, this, &LoxonePage::testConnection);
    connect(m_probe, &LoxoneProbe::finished, this, [this](const LoxoneProbe::Result &result) {
        m_test->finish(result.ok,
                result.ok ? tr("Connected to the Miniserver \"%1\" (firmware %2): %n controls.",
                        nullptr, result.controlCount)
                                    .arg(result.name, result.firmware)
                          : result.error);
    });
}

QUrl LoxonePage::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

void LoxonePage::testConnection()
{
    m_test->begin(m_url->text().trimmed());
    m_probe->start(url(), m_user->text().trimmed(), m_password->text());
}

bool LoxonePage::validatePage()
{
    clearProblem();
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        if (!m_password->text().isEmpty())
            return refuse(tr("Enter the Miniserver's address, or clear the password."));
        if (setupWizard() && setupWizard()->choices().homeAssistantUrl.isEmpty())
            return refuse(tr("Set up Home Assistant or a Loxone Miniserver (or both): HomeWarden "
                             "needs at least one to work with. Go back to set up Home Assistant, "
                             "or enter the Miniserver's address here."));
        return true;
    }
    const QUrl address = url();
    const QString scheme = address.scheme();
    if (!address.isValid() || address.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return refuse(tr("'%1' is not an http:// or https:// address; enter the Miniserver's "
                         "address, for example http://192.168.1.77.")
                              .arg(text));
    if (m_user->text().trimmed().isEmpty())
        return refuse(tr("Enter the Loxone user HomeWarden logs in with."));
    if (m_password->text().isEmpty() && !m_wasConfigured)
        return refuse(tr("Enter the password of the Loxone user: HomeWarden cannot log in to the "
                         "Miniserver without it."));
    return true;
}

void LoxonePage::collect(SetupChoices *choices) const
{
    choices->loxoneUrl = m_url->text().trimmed().isEmpty() ? QUrl() : url();
    choices->loxoneUser = m_user->text().trimmed();
    choices->loxonePassword = m_password->text();
}
