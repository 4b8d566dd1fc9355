#include "SettingsInput.h"

#include "AuditSettings.h"
#include "AutostartEntry.h"
#include "BackendSettings.h"
#include "ConfigChange.h"
#include "LanguageSetting.h"
#include "ServerHost.h"
#include "ServerSettings.h"
#include "TlsFiles.h"

#include <QDir>
#include <QHostAddress>
#include <QSettings>
#include <QUrl>

namespace {

// "https://example.org" or "http://host:8080": a scheme, a host, at most a port.
bool isWebOrigin(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            && !url.host().isEmpty() && (url.path().isEmpty() || url.path() == QLatin1String("/"))
            && !url.hasQuery() && !url.hasFragment() && url.userInfo().isEmpty();
}

} // namespace

SettingsInput SettingsInput::load(const QString &stateDirectory)
{
    // What is in force now, with the defaults where the file says nothing (or nonsense, which
    // ServerSettings reports at the tray's start).
    const ServerSettings server = ServerSettings::load(stateDirectory);
    const QSettings ini(QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)),
            QSettings::IniFormat);
    SettingsInput input;
    input.serverEnabled = server.enabled;
    input.host = server.address.toString();
    input.port = QString::number(server.port);
    input.tlsCertificate = server.tlsCertificate;
    input.tlsKey = server.tlsKey;
    input.allowedOrigins = server.allowedOrigins;
    const std::optional<SecurityLevel> level = SecurityLevels::fromName(
            ini.value(QLatin1String(SecurityLevels::INI_KEY)).toString().trimmed());
    input.level = level.value_or(SecurityLevel::Production);
    input.recordParameters = AuditSettings::recordsParameters(stateDirectory);
    input.retentionDays = AuditSettings::retentionDays(stateDirectory);
    input.language = LanguageSetting::configured(stateDirectory);
    input.startAtLogin = AutostartEntry::isEnabled();
    return input;
}

SecurityLevel SettingsInput::effectiveLevel() const
{
    const std::optional<SecurityLevel> forced =
            SecurityLevels::fromName(qEnvironmentVariable("HOMEWARDEN_SECURITY_LEVEL").trimmed());
    return forced.value_or(level);
}

QString SettingsInput::problem() const
{
    const QHostAddress address(host.trimmed());
    if (address.isNull()) {
        return tr("'%1' is not an IP address: use 127.0.0.1 for this computer only, or 0.0.0.0 "
                  "for every network.")
                .arg(host.trimmed());
    }
    bool portOk = false;
    const uint number = port.trimmed().toUInt(&portOk);
    if (!portOk || number < 1 || number > 65535)
        return tr("The port must be a number from 1 to 65535.");
    const bool tls = !tlsCertificate.trimmed().isEmpty() || !tlsKey.trimmed().isEmpty();
    if (tls) {
        QString error;
        if (!TlsFiles::load(tlsCertificate.trimmed(), tlsKey.trimmed(), &error))
            return error;
    }
    for (const QString &origin : allowedOrigins) {
        if (!origin.trimmed().isEmpty() && !isWebOrigin(origin.trimmed())) {
            return tr("'%1' is not a web origin; write one per line, like https://example.org.")
                    .arg(origin.trimmed());
        }
    }
    if (serverEnabled && ServerHost::needsTls(effectiveLevel(), address, tls))
        return ServerHost::needsTlsReason(address);
    return QString();
}

void SettingsInput::stage(const SettingsInput &before, ConfigChange *change) const
{
    const auto stageIf = [change](bool differs, const char *key, const QVariant &value) {
        if (differs)
            change->set(QLatin1String(key), value);
    };
    stageIf(serverEnabled != before.serverEnabled, ServerSettings::ENABLED_KEY, serverEnabled);
    stageIf(host.trimmed() != before.host, ServerSettings::HOST_KEY, host.trimmed());
    stageIf(port.trimmed() != before.port, ServerSettings::PORT_KEY, port.trimmed().toInt());
    stageIf(tlsCertificate.trimmed() != before.tlsCertificate, ServerSettings::TLS_CERT_KEY,
            tlsCertificate.trimmed());
    stageIf(tlsKey.trimmed() != before.tlsKey, ServerSettings::TLS_KEY_KEY, tlsKey.trimmed());
    QStringList origins;
    for (const QString &origin : allowedOrigins) {
        if (!origin.trimmed().isEmpty())
            origins.append(origin.trimmed());
    }
    stageIf(origins != before.allowedOrigins, ServerSettings::ALLOW_ORIGINS_KEY, origins);
    stageIf(level != before.level, SecurityLevels::INI_KEY, SecurityLevels::name(level));
    stageIf(recordParameters != before.recordParameters, AuditSettings::RECORD_PARAMETERS_KEY,
            recordParameters);
    // 0 removes the key: the whole trail is kept.
    stageIf(retentionDays != before.retentionDays, AuditSettings::RETENTION_DAYS_KEY,
            retentionDays > 0 ? QVariant(retentionDays) : QVariant());
    stageIf(language != before.language, LanguageSetting::INI_KEY, language);
}
