#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

// The language the windows speak: ui/language in homewarden.ini, "system" (or absent: the
// system locale), "en" or "de". Read once at start; the settings window writes it.
namespace LanguageSetting {

inline constexpr char INI_KEY[] = "ui/language";
inline constexpr char SYSTEM[] = "system";

// "system", "en", "de": what the file may say.
QStringList choices();
// The file's choice; "system" when absent or not one of choices().
QString configured(const QString &stateDirectory);
// The locale whose catalogue to load for that choice.
QLocale locale(const QString &choice);

} // namespace LanguageSetting
