#pragma once

#include "SetupPage.h"

class QCheckBox;
class QLabel;

// Finish: a summary of what will be written, "start at login", and the reminder to restart
// Claude Desktop. Finish writes everything (SetupCommit); when a step fails the page stays,
// saying what went wrong.
class FinishPage : public SetupPage
{
    Q_OBJECT

public:
    FinishPage(const SetupChoices &initial, QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    void collect(SetupChoices *choices) const override;

    // What the last Finish did, one sentence per step (for the tray and tests).
    QStringList doneSteps() const { return m_done; }

Q_SIGNALS:
    // Finish wrote these homewarden.ini keys.
    void settingsSaved(const QStringList &changedKeys);

private:
    QLabel *m_summary;
    QCheckBox *m_startAtLogin;
    QStringList m_done;
};
