#include "ResumeDialog.h"

#include "TrayState.h"

#include <QPushButton>

ResumeDialog::ResumeDialog(const QList<KillStop> &stops, QWidget *parent)
    : QMessageBox(parent)
{
    if (stops.size() == 1 && !stops.first().unreadable)
        m_scope = stops.first().scope;
    QStringList lines;
    for (const KillStop &stop : stops)
        lines.append(TrayState::describeStop(stop));

    setWindowTitle(tr("Resume AI access — HomeWarden"));
    setIcon(QMessageBox::Warning);
    setText(tr("Let AI assistants reach %1 again?").arg(TrayState::scopeName(m_scope)));
    setInformativeText(lines.join(QLatin1Char('\n')));
    m_resume = addButton(tr("Resume"), QMessageBox::AcceptRole);
    QPushButton *cancel = addButton(QMessageBox::Cancel);
    setDefaultButton(cancel);
    setEscapeButton(cancel);
}
