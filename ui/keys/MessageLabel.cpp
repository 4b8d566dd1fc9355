#include "MessageLabel.h"

#include <QPalette>

namespace {

// Dark enough to read on a light window, light enough on a dark one.
const QColor PROBLEM_COLOR(0xc6, 0x28, 0x28);

} // namespace

MessageLabel::MessageLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void MessageLabel::showMessage(const QString &sentence, Kind kind)
{
    m_kind = kind;
    // An empty palette sets nothing: a note takes the window's colours.
    QPalette colours;
    if (kind == Kind::Problem)
        colours.setColor(QPalette::WindowText, PROBLEM_COLOR);
    setPalette(colours);
    setText(sentence);
    show();
}
