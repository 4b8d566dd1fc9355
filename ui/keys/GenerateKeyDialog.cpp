#include "GenerateKeyDialog.h"

#include "ApiKey.h"
#include "ChoiceList.h"
#include "KeyFieldsForm.h"
#include "KeyRevealPanel.h"
#include "MessageLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

enum Page { FormPage, KeyPage };

QString roleDescription(Role role)
{
    switch (role) {
    case Role::Admin:
        return GenerateKeyDialog::tr("admin: everything, including key management");
    case Role::Operator:
        return GenerateKeyDialog::tr("operator: read and control, but no locks, alarms or "
                                     "door openers");
    case Role::Monitor:
        return GenerateKeyDialog::tr("monitor: read only");
    case Role::Device:
        return GenerateKeyDialog::tr("device: read and control of the chosen devices only");
    case Role::Custom:
        break;
    }
    return GenerateKeyDialog::tr("custom: exactly the chosen permissions");
}

} // namespace

GenerateKeyDialog::GenerateKeyDialog(const QStringList &deviceIds, QWidget *parent)
    : QDialog(parent)
    , m_pages(new QStackedWidget(this))
    , m_fields(new KeyFieldsForm(this))
    , m_role(new QComboBox(this))
    , m_expiryDays(new QSpinBox(this))
    , m_permissions(new ChoiceList(this))
    , m_error(new MessageLabel(this))
    , m_reveal(new KeyRevealPanel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_generate(m_buttons->addButton(tr("&Generate"), QDialogButtonBox::ActionRole))
{
    setWindowTitle(tr("Generate API key"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    for (const Role role : {Role::Operator, Role::Monitor, Role::Device, Role::Admin, Role::Custom})
        m_role->addItem(roleDescription(role), Roles::name(role));
    m_expiryDays->setObjectName(QStringLiteral("expiryDaysSpin"));
    m_expiryDays->setRange(0, ApiKey::MAX_EXPIRY_DAYS);
    m_expiryDays->setSpecialValueText(tr("never"));
    m_expiryDays->setSuffix(tr(" days"));
    m_permissions->setObjectName(QStringLiteral("permissionsList"));
    m_permissions->setChoices(ApiKey::permissionNames());
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->hide();
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setDefault(true);

    m_fields->addRow(tr("&Role:"), m_role);
    m_fields->addRow(tr("E&xpires in:"), m_expiryDays);
    m_fields->addRow(tr("&Permissions:"), m_permissions);
    m_fields->setDevices(deviceIds, {});

    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(m_fields);
    formLayout->addWidget(m_error);
    m_pages->addWidget(form);
    m_pages->addWidget(m_reveal);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_buttons);

    connect(m_role, &QComboBox::currentIndexChanged, this, &GenerateKeyDialog::updateRoleFields);
    connect(m_generate, &QPushButton::clicked, this, [this] { Q_EMIT keyRequested(spec()); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateRoleFields();
}

SqlKeyStore::NewKey GenerateKeyDialog::spec() const
{
    SqlKeyStore::NewKey spec;
    spec.name = m_fields->name();
    spec.role = Roles::fromName(m_role->currentData().toString()).value_or(Role::Monitor);
    if (m_expiryDays->value() > 0)
        spec.expiresAt = QDateTime::currentDateTimeUtc().addDays(m_expiryDays->value());
    spec.ipAllow = m_fields->ipAllow();
    spec.devices = m_fields->devices();
    if (spec.role == Role::Custom)
        spec.permissions = m_permissions->tickedItems();
    return spec;
}

void GenerateKeyDialog::showKey(const QString &keyText)
{
    m_reveal->setKeyText(keyText);
    m_pages->setCurrentIndex(KeyPage);
    m_generate->hide();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
}

void GenerateKeyDialog::showError(const QString &sentence)
{
    m_error->showMessage(sentence, MessageLabel::Kind::Problem);
}

void GenerateKeyDialog::done(int result)
{
    m_reveal->clear();
    QDialog::done(result);
}

void GenerateKeyDialog::updateRoleFields()
{
    const bool custom = m_role->currentData().toString() == Roles::name(Role::Custom);
    m_fields->setRowVisible(m_permissions, custom);
}
