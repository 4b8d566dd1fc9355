#include "TrayWindows.h"

#include "AuditWindow.h"
#include "KeysWindow.h"
#include "SettingsDialog.h"
#include "SetupWizard.h"

TrayWindows::TrayWindows(const QString &stateDirectory, QObject *parent)
    : QObject(parent)
    , m_stateDirectory(stateDirectory)
{ }

TrayWindows::~TrayWindows()
{
    // Top-level windows have no parent to delete them.
    for (QPointer<QWidget> *window : {&m_keys, &m_audit, &m_settings, &m_setup})
        delete window->data();
}

bool TrayWindows::raiseOpenWindows()
{
    bool any = false;
    for (QPointer<QWidget> *window : {&m_keys, &m_audit, &m_settings, &m_setup}) {
        if (!*window)
            continue;
        (*window)->showNormal();
        (*window)->raise();
        (*window)->activateWindow();
        any = true;
    }
    return any;
}

void TrayWindows::present(QPointer<QWidget> *window, const Factory &create)
{
    if (!*window) {
        *window = create();
        (*window)->setAttribute(Qt::WA_DeleteOnClose);
    }
    (*window)->show();
    (*window)->raise();
    (*window)->activateWindow();
}

void TrayWindows::showSettings()
{
    present(&m_settings, [this] {
        auto *dialog = new SettingsDialog(m_stateDirectory);
        connect(dialog, &SettingsDialog::settingsSaved, this, &TrayWindows::settingsSaved);
        return dialog;
    });
}

void TrayWindows::showKeys()
{
    present(&m_keys, [this] { return new KeysWindow(m_stateDirectory); });
}

void TrayWindows::showAudit()
{
    present(&m_audit, [this] { return new AuditWindow(m_stateDirectory); });
}

void TrayWindows::showSetupWizard()
{
    present(&m_setup, [this] {
        auto *wizard = new SetupWizard(m_stateDirectory);
        // What the wizard saved reaches the tray as the settings window's saves do.
        connect(wizard, &SetupWizard::settingsSaved, this, &TrayWindows::settingsSaved);
        connect(wizard, &SetupWizard::settingsSaved, this, &TrayWindows::setupFinished);
        return wizard;
    });
}
