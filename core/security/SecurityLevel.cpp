#include "SecurityLevel.h"

#include "BackendSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

namespace SecurityLevels {

QString name(SecurityLevel level)
{
    switch (level) {
    case SecurityLevel::Development:
        return QStringLiteral("development");
    case SecurityLevel::Staging:
        return QStringLiteral("staging");
    case SecurityLevel::Production:
        return QStringLiteral("production");
    }
    return {};
}

QString summary(SecurityLevel level)
{
    switch (level) {
    case SecurityLevel::Development:
        return QCoreApplication::translate("SecurityLevels",
                "keys optional on loopback and stdio, no rate limit, secrets from the "
                "environment accepted, no TLS required");
    case SecurityLevel::Staging:
        return QCoreApplication::translate("SecurityLevels",
                "keys required, secrets only from the keychain, TLS not required off loopback");
    case SecurityLevel::Production:
        return QCoreApplication::translate("SecurityLevels",
                "keys required, secrets only from the keychain, TLS off loopback");
    }
    return {};
}

std::optional<SecurityLevel> fromName(const QString &name)
{
    for (SecurityLevel level :
            {SecurityLevel::Development, SecurityLevel::Staging, SecurityLevel::Production}) {
        if (SecurityLevels::name(level) == name)
            return level;
    }
    return std::nullopt;
}

std::optional<SecurityLevel> configured(const QString &stateDirectory, QString *error)
{
    QString value = qEnvironmentVariable("HOMEWARDEN_SECURITY_LEVEL").trimmed();
    QString origin = QStringLiteral("HOMEWARDEN_SECURITY_LEVEL");
    if (value.isEmpty()) {
        const QSettings ini(
                QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)),
                QSettings::IniFormat);
        value = ini.value(QLatin1String(INI_KEY)).toString().trimmed();
        origin = QStringLiteral("security/level in homewarden.ini");
    }
    if (value.isEmpty())
        return SecurityLevel::Production;
    const std::optional<SecurityLevel> level = fromName(value);
    if (!level && error)
        *error = QStringLiteral("%1 is '%2'; use development, staging or production.")
                         .arg(origin, value);
    return level;
}

} // namespace SecurityLevels
