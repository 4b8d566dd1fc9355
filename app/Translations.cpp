#include "Translations.h"

#include "LanguageSetting.h"
#include "StateDirectory.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

void installTranslations(QCoreApplication *app)
{
    // The settings window's choice, else the system locale; read once, so a change applies
    // at the next start.
    const QLocale locale =
            LanguageSetting::locale(LanguageSetting::configured(StateDirectory::path()));
    auto *translator = new QTranslator(app);
    // qt_add_translations embeds the .qm files under :/i18n.
    if (translator->load(locale, QStringLiteral("homewarden"), QStringLiteral("_"),
                QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    // Qt's own words (the wizard's Next and Finish, dialog buttons) from qt6-translations-l10n.
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}
