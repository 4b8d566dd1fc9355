#pragma once

#include "SetupPage.h"

#include <QUrl>

class LoxoneProbe;
class ConnectionTestRow;
class QLineEdit;

// Loxone (optional): the Miniserver's address, user and password, with "Test connection"
// showing its name, firmware and number of controls, or what is wrong. Next refuses when
// neither this nor Home Assistant is set up.
class LoxonePage : public SetupPage
{
    Q_OBJECT

public:
    LoxonePage(const SetupChoices &initial, QWidget *parent = nullptr);

    bool validatePage() override;
    void collect(SetupChoices *choices) const override;

private:
    void testConnection();
    QUrl url() const;

    bool m_wasConfigured;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    ConnectionTestRow *m_test;
    LoxoneProbe *m_probe;
};
