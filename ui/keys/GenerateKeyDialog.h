#pragma once

#include "SqlKeyStore.h"

#include <QDialog>

class ChoiceList;
class KeyFieldsForm;
class KeyRevealPanel;
class MessageLabel;
class QComboBox;
class QDialogButtonBox;
class QPushButton;
class QSpinBox;
class QStackedWidget;

// "Generate key": the person fills in the form and presses Generate; the dialog asks for the
// key (keyRequested) and whoever made it answers with showKey() or showError(). The key is
// then shown once, and the dialog forgets it when it closes.
class GenerateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // deviceIds: the live devices to choose from (may be empty).
    explicit GenerateKeyDialog(const QStringList &deviceIds, QWidget *parent = nullptr);

    // What the form describes now (createdBy left to the caller).
    SqlKeyStore::NewKey spec() const;

    void showKey(const QString &keyText);
    void showError(const QString &sentence);

    void done(int result) override;

Q_SIGNALS:
    void keyRequested(const SqlKeyStore::NewKey &spec);

private:
    void updateRoleFields();

    QStackedWidget *m_pages;
    KeyFieldsForm *m_fields;
    QComboBox *m_role;
    QSpinBox *m_expiryDays;
    ChoiceList *m_permissions;
    MessageLabel *m_error;
    KeyRevealPanel *m_reveal;
    QDialogButtonBox *m_buttons;
    QPushButton *m_generate;
};
