#include "UntrustedText.h"

QString UntrustedText::printable(const QString &text)
{
    QString shown = text;
    for (QChar &c : shown) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format
                || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            c = QLatin1Char(' ');
    }
    return shown;
}
