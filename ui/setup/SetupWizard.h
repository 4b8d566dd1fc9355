#pragma once

#include "SetupChoices.h"

#include <QWizard>

#include <memory>

class AuditTrail;
class SecretStore;

// The setup wizard (issue 11): from install to a working, safe set-up without a manual. Opened
// on first start, from the tray and by `homewarden setup`. Nothing is written before Finish;
// then SetupCommit writes the secrets to the keychain, homewarden.ini through ConfigChange
// (audited as config.changed), the AI client's registration and the autostart entry.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        WelcomePageId,
        HomeAssistantPageId,
        LoxonePageId,
        SecurityPageId,
        AiClientPageId,
        FinishPageId
    };
    Q_ENUM(PageId)

    // audit and secrets may be null: the wizard then opens the state directory's audit trail
    // and the OS keychain itself. Given ones must outlive the wizard.
    explicit SetupWizard(const QString &stateDirectory, AuditTrail *audit = nullptr,
            SecretStore *secrets = nullptr, QWidget *parent = nullptr);
    ~SetupWizard() override;

    // "welcome", "homeassistant", "loxone", "security", "aiclient", "finish"; -1 for others.
    static int pageIdFromName(const QString &name);
    static QString pageName(int id);

    // Whether the state directory names no backend yet (the tray then opens the wizard).
    static bool isFirstStart(const QString &stateDirectory);

    QString stateDirectory() const { return m_stateDirectory; }
    AuditTrail *auditTrail() const { return m_audit; }
    // One sentence when the audit trail could not be opened (Finish then refuses).
    QString auditError() const { return m_auditError; }
    SecretStore *secretStore() const { return m_secrets; }

    // What the pages hold now.
    SetupChoices choices() const;
    // What homewarden.ini (and the autostart entry) held when the wizard opened.
    const SetupChoices &initialChoices() const { return m_initial; }

Q_SIGNALS:
    // Finish wrote these homewarden.ini keys (as SettingsDialog::settingsSaved).
    void settingsSaved(const QStringList &changedKeys);

private:
    static SetupChoices load(const QString &stateDirectory);

    QString m_stateDirectory;
    SetupChoices m_initial;
    std::unique_ptr<AuditTrail> m_ownAudit;
    std::unique_ptr<SecretStore> m_ownSecrets;
    AuditTrail *m_audit;
    SecretStore *m_secrets;
    QString m_auditError;
};
