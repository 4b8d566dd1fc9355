#include "EditKeyDialog.h"

#include "KeyFieldsForm.h"
#include "MessageLabel.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// Where the date picker starts for a key that never expired so far.
constexpr int SUGGESTED_EXPIRY_DAYS = 90;

} // namespace

EditKeyDialog::EditKeyDialog(const ApiKey &key, const QStringList &deviceIds, QWidget *parent)
    : QDialog(parent)
    , m_key(key)
    , m_fields(new KeyFieldsForm(this))
    , m_expires(new QCheckBox(tr("Expires on"), this))
    , m_expiry(new QDateTimeEdit(this))
    , m_active(new QCheckBox(tr("The key may be used"), this))
    , m_error(new MessageLabel(this))
{
    setWindowTitle(tr("Edit key %1").arg(key.id));
    m_expires->setObjectName(QStringLiteral("expiresCheck"));
    m_expiry->setObjectName(QStringLiteral("expiryEdit"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setTimeSpec(Qt::LocalTime);
    m_active->setObjectName(QStringLiteral("activeCheck"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->hide();

    m_fields->setName(key.name);
    m_fields->setIpAllow(key.ipAllow);
    m_fields->setDevices(deviceIds, key.devices);
    m_expires->setChecked(key.expiresAt.isValid());
    m_expiry->setDateTime(key.expiresAt.isValid()
                    ? key.expiresAt.toLocalTime()
                    : QDateTime::currentDateTime().addDays(SUGGESTED_EXPIRY_DAYS));
    m_expiry->setEnabled(key.expiresAt.isValid());
    m_initialExpiry = shownExpiry();
    m_active->setChecked(key.active);

    auto *expiryRow = new QWidget(this);
    auto *expiryLayout = new QHBoxLayout(expiryRow);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    expiryLayout->addWidget(m_expires);
    expiryLayout->addWidget(m_expiry, 1);
    m_fields->addRow(tr("E&xpiry:"), expiryRow);
    m_fields->addRow(tr("&Active:"), m_active);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fields);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_expires, &QCheckBox::toggled, m_expiry, &QWidget::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &EditKeyDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SqlKeyStore::KeyChanges EditKeyDialog::changes() const
{
    SqlKeyStore::KeyChanges changes;
    if (m_fields->name() != m_key.name)
        changes.name = m_fields->name();
    const QDateTime expiry = shownExpiry();
    if (expiry != m_initialExpiry)
        changes.expiresAt = expiry;
    if (m_fields->ipAllow() != m_key.ipAllow)
        changes.ipAllow = m_fields->ipAllow();
    // The picker lists live devices first: the same devices in another order are no change.
    QStringList devices = m_fields->devices();
    QStringList before = m_key.devices;
    devices.sort();
    before.sort();
    if (devices != before)
        changes.devices = m_fields->devices();
    if (m_active->isChecked() != m_key.active)
        changes.active = m_active->isChecked();
    return changes;
}

void EditKeyDialog::showError(const QString &sentence)
{
    m_error->showMessage(sentence, MessageLabel::Kind::Problem);
}

void EditKeyDialog::save()
{
    const SqlKeyStore::KeyChanges edited = changes();
    if (edited.isEmpty()) {
        accept();
        return;
    }
    Q_EMIT changesRequested(m_key.id, edited);
}

QDateTime EditKeyDialog::shownExpiry() const
{
    // Invalid: never expires (SqlKeyStore::KeyChanges).
    return m_expires->isChecked() ? m_expiry->dateTime().toUTC() : QDateTime();
}
