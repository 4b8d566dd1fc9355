#include "TrayWindows.h"

#include "AuditWindow.h"
#include "KeysWindow.h"
#include "SettingsPlaceholderDialog.h"

TrayWindows::TrayWindows(const QString &stateDirectory, QObject *parent)
    : QObject(parent)
    , m_stateDirectory(stateDirectory)
{ }

TrayWindows::~TrayWindows()
{
    // Top-level windows have no parent to delete them.
    for (QPointer<QWidget> *window : {&m_keys, &m_audit, &m_settings})
        delete window->data();
}

bool TrayWindows::raiseOpenWindows()
{
    bool any = false;
    for (QPointer<QWidget> *window : {&m_keys, &m_audit, &m_settings}) {
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
    present(&m_settings, [this] { return new SettingsPlaceholderDialog(m_stateDirectory); });
}

void TrayWindows::showKeys()
{
    present(&m_keys, [this] { return new KeysWindow(m_stateDirectory); });
}

void TrayWindows::showAudit()
{
    present(&m_audit, [this] { return new AuditWindow(m_stateDirectory); });
}
