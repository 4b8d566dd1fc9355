#pragma once

#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>

// The windows the tray menu opens, one of each kind: a second request raises the open one.
// Each window deletes itself when closed.
class TrayWindows : public QObject
{
    Q_OBJECT

public:
    explicit TrayWindows(const QString &stateDirectory, QObject *parent = nullptr);
    ~TrayWindows() override;

    // Brings every open window forward; false when none is open.
    bool raiseOpenWindows();

Q_SIGNALS:
    // The settings window saved these homewarden.ini keys (SettingsDialog::settingsSaved).
    void settingsSaved(const QStringList &changedKeys);
    // The setup wizard finished and saved these homewarden.ini keys; addresses, credentials
    // (which live in the keychain, not in the ini) or both may be new.
    void setupFinished(const QStringList &changedKeys);

public Q_SLOTS:
    void showKeys();
    void showAudit();
    void showSettings();
    void showSetupWizard();

private:
    using Factory = std::function<QWidget *()>;
    void present(QPointer<QWidget> *window, const Factory &create);

    QString m_stateDirectory;
    QPointer<QWidget> m_keys;
    QPointer<QWidget> m_audit;
    QPointer<QWidget> m_settings;
    QPointer<QWidget> m_setup;
};
