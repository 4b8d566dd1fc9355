#include "ServerSettings.h"

#include "BackendSettings.h"

#include <QDir>
#include <QSettings>

ServerSettings ServerSettings::load(const QString &stateDirectory)
{
    const QSettings ini(QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)),
            QSettings::IniFormat);
    ServerSettings settings;
    const QString host = ini.value(QStringLiteral("server/host")).toString().trimmed();
    if (!host.isEmpty()) {
        const QHostAddress address(host);
        if (address.isNull()) {
            settings.problems.append(tr("server/host '%1' in homewarden.ini is not an IP address; "
                                        "HomeWarden listens on %2.")
                                             .arg(host, settings.address.toString()));
        } else {
            settings.address = address;
        }
    }
    if (ini.contains(QStringLiteral("server/port"))) {
        bool ok = false;
        const uint port = ini.value(QStringLiteral("server/port")).toUInt(&ok);
        if (ok && port > 0 && port <= 65535) {
            settings.port = quint16(port);
        } else {
            settings.problems.append(
                    tr("server/port in homewarden.ini must be between 1 and 65535; HomeWarden "
                       "uses %1.")
                            .arg(DEFAULT_PORT));
        }
    }
    // QSettings reads "a, b" as a list already.
    const QStringList origins = ini.value(QStringLiteral("server/allow_origins")).toStringList();
    for (const QString &origin : origins) {
        if (!origin.trimmed().isEmpty())
            settings.allowedOrigins.append(origin.trimmed());
    }
    return settings;
}
