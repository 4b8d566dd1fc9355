#pragma once

#include <QMessageBox>

// Stands in for the settings window until it is built: it tells where homewarden.ini lives
// and opens its folder, so that a person can change ports and backends today.
class SettingsPlaceholderDialog : public QMessageBox
{
    Q_OBJECT

public:
    explicit SettingsPlaceholderDialog(const QString &stateDirectory, QWidget *parent = nullptr);
};
