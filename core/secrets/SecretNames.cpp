#include "SecretNames.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

constexpr char CLIENT_PREFIX[] = "client:";

} // namespace

namespace SecretNames {

QString haToken()
{
    return QStringLiteral("ha-token");
}

QString loxonePassword()
{
    return QStringLiteral("loxone-password");
}

QString client(const QString &clientName)
{
    return QLatin1String(CLIENT_PREFIX) + clientName;
}

bool isValidClientName(const QString &clientName)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(clientName).hasMatch();
}

QString clientOf(const QString &name)
{
    if (!name.startsWith(QLatin1String(CLIENT_PREFIX)))
        return {};
    return name.mid(int(qstrlen(CLIENT_PREFIX)));
}

bool isValid(const QString &name, QString *error)
{
    if (name == haToken() || name == loxonePassword())
        return true;
    if (name.startsWith(QLatin1String(CLIENT_PREFIX)) && isValidClientName(clientOf(name)))
        return true;
    if (error) {
        *error = name.startsWith(QLatin1String(CLIENT_PREFIX))
                ? QCoreApplication::translate("SecretNames",
                        "'%1' is not a valid client name: use 1 to 64 letters, digits, '.', "
                        "'_' or '-', starting with a letter or digit.")
                          .arg(clientOf(name))
                : QCoreApplication::translate("SecretNames",
                        "There is no secret called '%1': use ha-token, loxone-password or "
                        "client:NAME.")
                          .arg(name);
    }
    return false;
}

} // namespace SecretNames
