#pragma once

#include "SecurityLevel.h"
#include "ServerSettings.h"

#include <QString>
#include <QStringList>
#include <QUrl>

// Everything the setup wizard's pages gather, written at the end by SetupCommit. Empty secrets
// keep what the keychain holds (the wizard is run again to change one thing).
struct SetupChoices
{
    QUrl homeAssistantUrl; // empty: Home Assistant is not used
    QString homeAssistantToken;
    QUrl loxoneUrl; // empty: no Loxone Miniserver
    QString loxoneUser;
    QString loxonePassword;

    SecurityLevel securityLevel = SecurityLevel::Production;
    bool serverEnabled = true;
    QString serverHost = QStringLiteral("127.0.0.1");
    int serverPort = ServerSettings::DEFAULT_PORT;
    QString tlsCertificate;
    QString tlsKey;

    bool registerClaudeDesktop = false;
    QString clientRole = QStringLiteral("operator");
    QStringList clientDevices;
    QString claudeConfigPath;

    bool startAtLogin = true;
};
