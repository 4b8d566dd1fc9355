#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

// Shows a new key's text, the one time it exists outside the caller: read-only, with a Copy
// button and the warning that it will not be shown again.
class KeyRevealPanel : public QWidget
{
    Q_OBJECT

public:
    explicit KeyRevealPanel(QWidget *parent = nullptr);

    void setKeyText(const QString &keyText);
    // Forgets the text, so that the secret does not outlive the dialog in widget memory.
    void clear();

private:
    void copyToClipboard();

    QLabel *m_warning;
    QLineEdit *m_keyText;
    QPushButton *m_copy;
    QLabel *m_copied;
};
