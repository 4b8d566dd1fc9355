#pragma once

#include "SettingsInput.h"

#include <QDialog>

#include <memory>

class AuditTrail;
class FilePathField;
class MessageLabel;
class QCheckBox;
class QSpinBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// "Settings": the HTTP server (on/off, address, port, TLS files, web origins), the security
// level, parameter recording, start at login and the language. Save checks everything first
// and refuses with one sentence; it writes homewarden.ini only through ConfigChange (source
// "settings"), which audits config.changed per changed key and writes nothing without an audit
// trail. The dialog stays open and says what happens next.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const QString &stateDirectory, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // What the widgets say now.
    SettingsInput input() const;
    // Checks and saves; false (and the reason shown under the form) when nothing was saved.
    bool save();
    // The sentence under the form (what the last save did, or why it refused).
    QString message() const;

Q_SIGNALS:
    // After a save that changed something; keys as homewarden.ini spells them ("server/port"),
    // and "autostart" for the start-at-login entry.
    void settingsSaved(const QStringList &changedKeys);

private:
    QWidget *createServerGroup();
    QWidget *createSecurityGroup();
    QWidget *createDesktopGroup();
    void fill(const SettingsInput &input);
    void updateLevelSummary();
    void updateServerFields();
    bool applyAutostart(bool enable, QString *error);
    QString savedSentence(const QStringList &changedKeys) const;

    QString m_stateDirectory;
    SettingsInput m_saved; // what the file says, to stage only real changes
    std::unique_ptr<AuditTrail> m_trail;
    QCheckBox *m_serverEnabled = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    FilePathField *m_tlsCertificate = nullptr;
    FilePathField *m_tlsKey = nullptr;
    QPlainTextEdit *m_origins = nullptr;
    QComboBox *m_level = nullptr;
    QLabel *m_levelSummary = nullptr;
    QCheckBox *m_recordParameters = nullptr;
    QSpinBox *m_retentionDays = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QComboBox *m_language = nullptr;
    MessageLabel *m_message = nullptr;
};
