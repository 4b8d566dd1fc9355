#pragma once

#include "SetupPage.h"

#include <QUrl>

class HomeAssistantProbe;
class ConnectionTestRow;
class QLineEdit;

// Home Assistant (optional): its address and a long-lived access token, with "Test connection"
// showing HA's version, location name and entity count, or what is wrong.
class HomeAssistantPage : public SetupPage
{
    Q_OBJECT

public:
    HomeAssistantPage(const SetupChoices &initial, QWidget *parent = nullptr);

    bool validatePage() override;
    void collect(SetupChoices *choices) const override;

private:
    void testConnection();
    QUrl url() const;

    bool m_wasConfigured;
    QLineEdit *m_url;
    QLineEdit *m_token;
    ConnectionTestRow *m_test;
    HomeAssistantProbe *m_probe;
};
