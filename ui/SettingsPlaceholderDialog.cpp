#include "SettingsPlaceholderDialog.h"

#include "BackendSettings.h"

#include <QDesktopServices>
#include <QDir>
#include <QPushButton>
#include <QUrl>

SettingsPlaceholderDialog::SettingsPlaceholderDialog(const QString &stateDirectory, QWidget *parent)
    : QMessageBox(parent)
{
    const QString ini = QDir::toNativeSeparators(
            QDir(stateDirectory).absoluteFilePath(QLatin1String(BackendSettings::FILE_NAME)));
    setWindowTitle(tr("Settings — HomeWarden"));
    setIcon(QMessageBox::Information);
    setText(tr("The settings window is not built yet."));
    setInformativeText(
            tr("HomeWarden reads its settings from %1: the [server] group (host, port, "
               "allow_origins), [homeassistant] and [loxone]. Edit the file and restart "
               "HomeWarden. Secrets go into the OS keychain with 'homewarden secrets set'.")
                    .arg(ini));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *open = addButton(tr("Open Folder"), QMessageBox::ActionRole);
    connect(open, &QAbstractButton::clicked, this,
            [stateDirectory] { QDesktopServices::openUrl(QUrl::fromLocalFile(stateDirectory)); });
    setDefaultButton(addButton(QMessageBox::Close));
}
