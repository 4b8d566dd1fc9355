#include "SetupPage.h"

#include "MessageLabel.h"
#include "SetupWizard.h"

#include <QVBoxLayout>

SetupPage::SetupPage(QWidget *parent)
    : QWizardPage(parent)
    , m_content(new QVBoxLayout)
    , m_problem(new MessageLabel(this))
{
    m_problem->setObjectName(QStringLiteral("pageProblemLabel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_content);
    layout->addStretch();
    layout->addWidget(m_problem);
}

void SetupPage::collect(SetupChoices *) const { }

SetupWizard *SetupPage::setupWizard() const
{
    return qobject_cast<SetupWizard *>(wizard());
}

bool SetupPage::refuse(const QString &sentence)
{
    m_problem->showMessage(sentence, MessageLabel::Kind::Problem);
    return false;
}

void SetupPage::clearProblem()
{
    m_problem->showMessage(QString());
}
