#include "AuditSettings.h"

#include "BackendSettings.h"
#include "ServerSettings.h"

#include <QDir>
#include <QSettings>

namespace AuditSettings {

bool recordsParameters(const QString &stateDirectory)
{
    const QSettings ini(QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)),
            QSettings::IniFormat);
    // Anything but a clear yes keeps personal data out of the trail.
    return ServerSettings::parseBool(ini.value(QLatin1String(RECORD_PARAMETERS_KEY)).toString())
            .value_or(false);
}

} // namespace AuditSettings
