#pragma once

#include <QWidget>

class ChoiceList;
class QFormLayout;
class QLineEdit;

// The fields that generating and editing a key share: name, IP allow-list and devices. Each
// dialog adds its own rows (role, expiry, active ...) to the same form, so that the labels
// line up.
class KeyFieldsForm : public QWidget
{
    Q_OBJECT

public:
    explicit KeyFieldsForm(QWidget *parent = nullptr);

    void addRow(const QString &label, QWidget *field);
    void setRowVisible(QWidget *field, bool visible);

    QString name() const;
    void setName(const QString &name);
    QStringList ipAllow() const;
    void setIpAllow(const QStringList &ranges);
    QStringList devices() const;
    // choices: the live devices; ticked: the key's (kept even when not live now).
    void setDevices(const QStringList &choices, const QStringList &ticked);

private:
    QFormLayout *m_form;
    QLineEdit *m_name;
    QLineEdit *m_ipAllow;
    ChoiceList *m_devices;
};
