#include "StateDirectory.h"

#include <QDir>
#include <QStandardPaths>

namespace {

constexpr char HOME_VARIABLE[] = "HOMEWARDEN_HOME";

} // namespace

QString StateDirectory::path()
{
    const QString overridden = qEnvironmentVariable(HOME_VARIABLE);
    if (!overridden.isEmpty())
        return QDir::cleanPath(QDir(overridden).absolutePath());
    return defaultPath();
}

QString StateDirectory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool StateDirectory::isOverridden()
{
    return !qEnvironmentVariableIsEmpty(HOME_VARIABLE);
}
