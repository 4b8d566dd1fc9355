#include "AuditSettings.h"

#include "BackendSettings.h"
#include "ServerSettings.h"

#include <QDir>
#include <QSettings>

namespace AuditSettings {

namespace {

QVariant iniValue(const QString &stateDirectory, const char *key)
{
    const QSettings ini(QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)),
            QSettings::IniFormat);
    return ini.value(QLatin1String(key));
}

} // namespace

int retentionDays(const QString &stateDirectory)
{
    bool ok = false;
    const int days = iniValue(stateDirectory, RETENTION_DAYS_KEY).toString().trimmed().toInt(&ok);
    // A typo must never delete the trail: only a clear number of days does.
    return ok && days > 0 ? days : 0;
}

bool recordsParameters(const QString &stateDirectory)
{
    // Anything but a clear yes keeps personal data out of the trail.
    return ServerSettings::parseBool(iniValue(stateDirectory, RECORD_PARAMETERS_KEY).toString())
            .value_or(false);
}

} // namespace AuditSettings
