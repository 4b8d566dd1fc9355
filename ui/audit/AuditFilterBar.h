#pragma once

#include "AuditLog.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;

// The audit window's filters: event type, key, result and free text. It reports a new
// AuditLog::Filter when the person changes one; typing is reported once it pauses, so that
// each keystroke does not query a million rows.
class AuditFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit AuditFilterBar(QWidget *parent = nullptr);

    AuditLog::Filter filter() const;

Q_SIGNALS:
    void filterChanged(const AuditLog::Filter &filter);

private:
    void reportChange();

    QComboBox *m_event;
    QLineEdit *m_key;
    QComboBox *m_result;
    QLineEdit *m_text;
    QTimer m_typingPause;
};
