#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

// Where the house's systems are and how HomeWarden may talk to them: homewarden.ini in the
// state directory, with HOMEWARDEN_HA_URL, HOMEWARDEN_LOXONE_URL and HOMEWARDEN_LOXONE_USER
// over it. Secrets are never here; they come from CredentialSource.
//
//   [homeassistant]
//   url=http://homeassistant.local:8123
//   service_domains=light, switch, cover, ...   (ha_call_service's allow-list)
//   [loxone]
//   url=http://192.168.1.77
//   user=homewarden
//   allow_basic_auth=false   (true: the password with basic authentication when no token is at
//                             hand, for Miniserver firmware before 9.0; audited when used)
//   [backends]
//   request_timeout_ms=10000
struct BackendSettings
{
    Q_DECLARE_TR_FUNCTIONS(BackendSettings)

public:
    static constexpr char FILE_NAME[] = "homewarden.ini";
    static constexpr int DEFAULT_TIMEOUT_MS = 10000;

    QUrl homeAssistantUrl; // empty: Home Assistant is not set up
    QStringList homeAssistantDomains;
    QUrl loxoneUrl;
    QString loxoneUser;
    bool loxoneAllowBasicAuth = false;
    int requestTimeoutMs = DEFAULT_TIMEOUT_MS;
    // Sentences about settings that could not be used (a malformed URL, ...).
    QStringList problems;

    static QStringList defaultHomeAssistantDomains();
    static BackendSettings load(const QString &stateDirectory,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};
