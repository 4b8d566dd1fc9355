#include "TestSupport.h"

#include <QJsonDocument>
#include <QTest>

namespace TestSupport {

QString homewardenBinary()
{
    return QStringLiteral(HOMEWARDEN_BINARY);
}

QJsonObject parseMessage(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not a JSON object: %s", text.constData());
    return document.object();
}

} // namespace TestSupport
