#include "KeyFieldsForm.h"

#include "ApiKey.h"
#include "ChoiceList.h"

#include <QFormLayout>
#include <QLineEdit>

KeyFieldsForm::KeyFieldsForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_name(new QLineEdit(this))
    , m_ipAllow(new QLineEdit(this))
    , m_devices(new ChoiceList(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. Claude Desktop"));
    m_ipAllow->setObjectName(QStringLiteral("ipAllowEdit"));
    m_ipAllow->setPlaceholderText(tr("any address; or e.g. 192.168.1.0/24, ::1/128"));
    m_ipAllow->setToolTip(tr("Addresses or ranges (CIDR) the key may be used from, separated "
                             "by commas. Empty: any address."));
    m_devices->setObjectName(QStringLiteral("devicesList"));
    m_devices->setAddingAllowed(true);
    m_devices->setPlaceholderText(tr("Filter, or type a device id and press Enter"));
    m_devices->setToolTip(tr("The devices of a device key: the only ones it may read and "
                             "control."));

    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&IP allow-list:"), m_ipAllow);
    m_form->addRow(tr("&Devices:"), m_devices);
}

void KeyFieldsForm::addRow(const QString &label, QWidget *field)
{
    m_form->addRow(label, field);
}

void KeyFieldsForm::setRowVisible(QWidget *field, bool visible)
{
    m_form->setRowVisible(field, visible);
}

QString KeyFieldsForm::name() const
{
    return m_name->text().trimmed();
}

void KeyFieldsForm::setName(const QString &name)
{
    m_name->setText(name);
}

QStringList KeyFieldsForm::ipAllow() const
{
    return ApiKey::splitList(m_ipAllow->text());
}

void KeyFieldsForm::setIpAllow(const QStringList &ranges)
{
    m_ipAllow->setText(ranges.join(QStringLiteral(", ")));
}

QStringList KeyFieldsForm::devices() const
{
    return m_devices->tickedItems();
}

void KeyFieldsForm::setDevices(const QStringList &choices, const QStringList &ticked)
{
    m_devices->setChoices(choices, ticked);
}
