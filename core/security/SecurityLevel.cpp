#include "SecurityLevel.h"

#include <QCoreApplication>

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

std::optional<SecurityLevel> fromEnvironment(QString *error)
{
    const QString value = qEnvironmentVariable("HOMEWARDEN_SECURITY_LEVEL").trimmed();
    if (value.isEmpty())
        return SecurityLevel::Production;
    const std::optional<SecurityLevel> level = fromName(value);
    if (!level && error)
        *error = QStringLiteral("HOMEWARDEN_SECURITY_LEVEL is '%1'; use development, staging or "
                                "production.")
                         .arg(value);
    return level;
}

} // namespace SecurityLevels
