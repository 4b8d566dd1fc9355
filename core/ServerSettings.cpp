#include "ServerSettings.h"

#include "BackendSettings.h"

#include <QDir>
#include <QSettings>

ServerSettings ServerSettings::load(const QString &stateDirectory)
{
    const QSettings ini(QDir(stateDirectory).filePath(QLatin1String(BackendSettings::FILE_NAME)),
            QSettings::IniFormat);
    ServerSettings settings;
    if (ini.contains(QLatin1String(ENABLED_KEY))) {
        const QString text = ini.value(QLatin1String(ENABLED_KEY)).toString();
        const std::optional<bool> enabled = parseBool(text);
        settings.enabled = enabled.value_or(false);
        if (!enabled) {
            settings.problems.append(tr("server/enabled '%1' in homewarden.ini is neither true "
                                        "nor false; HomeWarden does not serve over HTTP.")
                                             .arg(text));
        }
    }
    const QString host = ini.value(QLatin1String(HOST_KEY)).toString().trimmed();
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
    if (ini.contains(QLatin1String(PORT_KEY))) {
        bool ok = false;
        const uint port = ini.value(QLatin1String(PORT_KEY)).toUInt(&ok);
        if (ok && port > 0 && port <= 65535) {
            settings.port = quint16(port);
        } else {
            settings.problems.append(
                    tr("server/port in homewarden.ini must be between 1 and 65535; HomeWarden "
                       "uses %1.")
                            .arg(DEFAULT_PORT));
        }
    }
    settings.tlsCertificate = ini.value(QLatin1String(TLS_CERT_KEY)).toString().trimmed();
    settings.tlsKey = ini.value(QLatin1String(TLS_KEY_KEY)).toString().trimmed();
    // QSettings reads "a, b" as a list already.
    const QStringList origins = ini.value(QLatin1String(ALLOW_ORIGINS_KEY)).toStringList();
    for (const QString &origin : origins) {
        if (!origin.trimmed().isEmpty())
            settings.allowedOrigins.append(origin.trimmed());
    }
    return settings;
}

std::optional<bool> ServerSettings::parseBool(const QString &text)
{
    const QString word = text.trimmed().toLower();
    for (const char *yes : {"true", "1", "yes", "on"}) {
        if (word == QLatin1String(yes))
            return true;
    }
    for (const char *no : {"false", "0", "no", "off"}) {
        if (word == QLatin1String(no))
            return false;
    }
    return std::nullopt;
}
