#pragma once

#include <QWizardPage>

class MessageLabel;
class QVBoxLayout;
class SetupWizard;
struct SetupChoices;

// What every page of the setup wizard shares: its wizard, the line under the page that says why
// Next refuses, and the part of SetupChoices the page gathers.
class SetupPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SetupPage(QWidget *parent = nullptr);

    // Writes what this page gathers into choices.
    virtual void collect(SetupChoices *choices) const;

protected:
    SetupWizard *setupWizard() const;
    // The page's own widgets go above the problem line.
    QVBoxLayout *contentLayout() const { return m_content; }
    // Shows sentence (red) under the page and returns false, for validatePage().
    bool refuse(const QString &sentence);
    void clearProblem();

private:
    QVBoxLayout *m_content;
    MessageLabel *m_problem;
};
