#pragma once

#include "KillSwitch.h"

#include <QMessageBox>

// Asks before AI access comes back (DESIGN.md: releasing a stop asks for confirmation), and
// shows who stopped it, when and why, so that nobody resumes a stop they do not understand.
// Cancel is the default button.
class ResumeDialog : public QMessageBox
{
    Q_OBJECT

public:
    explicit ResumeDialog(const QList<KillStop> &stops, QWidget *parent = nullptr);

    // What accepting releases: the one engaged scope, or everything when several are.
    KillScope scope() const { return m_scope; }
    QAbstractButton *resumeButton() const { return m_resume; }

private:
    KillScope m_scope = KillScope::All;
    QAbstractButton *m_resume = nullptr;
};
