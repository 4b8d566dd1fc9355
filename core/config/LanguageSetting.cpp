#include "LanguageSetting.h"

#include "BackendSettings.h"

#include <QDir>
#include <QSettings>

namespace LanguageSetting {

QStringList choices()
{
    return {QLatin1String(SYSTEM), QStringLiteral("en"), QStringLiteral("de")};
}

QString configured(const QString &stateDirectory)
{
    const QSettings ini(QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)),
            QSettings::IniFormat);
    const QString choice = ini.value(QLatin1String(INI_KEY)).toString().trimmed().toLower();
    return choices().contains(choice) ? choice : QLatin1String(SYSTEM);
}

QLocale locale(const QString &choice)
{
    if (choice == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (choice == QLatin1String("de"))
        return QLocale(QLocale::German, QLocale::Germany);
    return QLocale();
}

} // namespace LanguageSetting
