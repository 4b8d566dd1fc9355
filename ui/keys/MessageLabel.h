#pragma once

#include <QLabel>

// One sentence under a form or a table: what just happened, or (in red) what went wrong.
class MessageLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Kind { Note, Problem };

    explicit MessageLabel(QWidget *parent = nullptr);

    void showMessage(const QString &sentence, Kind kind = Kind::Note);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Note;
};
