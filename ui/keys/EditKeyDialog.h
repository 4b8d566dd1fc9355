#pragma once

#include "ApiKey.h"
#include "SqlKeyStore.h"

#include <QDialog>

class KeyFieldsForm;
class MessageLabel;
class QCheckBox;
class QDateTimeEdit;
class QPushButton;

// "Edit key": name, expiry, IP allow-list, devices and whether the key may be used. On Save
// the dialog asks for the fields the person changed (changesRequested) and whoever applies
// them closes it with accept() or answers with showError().
class EditKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // deviceIds: the live devices to choose from (the key's own are listed anyway).
    EditKeyDialog(const ApiKey &key, const QStringList &deviceIds, QWidget *parent = nullptr);

    QString keyId() const { return m_key.id; }
    // Only what differs from the key as it was shown; empty when nothing does.
    SqlKeyStore::KeyChanges changes() const;

    void showError(const QString &sentence);

Q_SIGNALS:
    void changesRequested(const QString &keyId, const SqlKeyStore::KeyChanges &changes);

private:
    void save();
    QDateTime shownExpiry() const;

    ApiKey m_key;
    QDateTime m_initialExpiry; // as the widget shows it (whole seconds): unchanged is equal
    KeyFieldsForm *m_fields;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiry;
    QCheckBox *m_active;
    MessageLabel *m_error;
    QPushButton *m_save;
};
