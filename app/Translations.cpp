#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

void installTranslations(QCoreApplication *app)
{
    auto *translator = new QTranslator(app);
    // qt_add_translations embeds the .qm files under :/i18n.
    if (translator->load(QLocale(), QStringLiteral("homewarden"), QStringLiteral("_"),
                QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}
