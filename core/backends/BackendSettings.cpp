#include "BackendSettings.h"

#include <QDir>
#include <QSettings>

namespace {

// An http(s) URL with a host, else an empty URL and a problem noted.
QUrl backendUrl(const QString &text, const QString &what, QStringList *problems)
{
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        problems->append(BackendSettings::tr("The %1 address '%2' is not an http:// or https:// "
                                             "URL; correct it in the settings.")
                                 .arg(what, text));
        return {};
    }
    return url;
}

} // namespace

BackendSettings BackendSettings::load(
        const QString &stateDirectory, const QProcessEnvironment &environment)
{
    const QSettings ini(
            QDir(stateDirectory).filePath(QLatin1String(FILE_NAME)), QSettings::IniFormat);
    BackendSettings settings;
    auto value = [&](const char *variable, const char *key) {
        const QString fromEnvironment = environment.value(QLatin1String(variable));
        return fromEnvironment.isEmpty() ? ini.value(QLatin1String(key)).toString().trimmed()
                                         : fromEnvironment.trimmed();
    };
    settings.homeAssistantUrl = backendUrl(value("HOMEWARDEN_HA_URL", "homeassistant/url"),
            QStringLiteral("Home Assistant"), &settings.problems);
    settings.loxoneUrl = backendUrl(value("HOMEWARDEN_LOXONE_URL", "loxone/url"),
            QStringLiteral("Loxone"), &settings.problems);
    settings.loxoneUser = value("HOMEWARDEN_LOXONE_USER", "loxone/user");
    settings.loxoneAllowBasicAuth = ini.value(QStringLiteral("loxone/allow_basic_auth")).toBool();

    // QSettings reads "a, b, c" as a list already.
    const QStringList domains =
            ini.value(QStringLiteral("homeassistant/service_domains")).toStringList();
    settings.homeAssistantDomains = defaultHomeAssistantDomains();
    if (!domains.isEmpty()) {
        settings.homeAssistantDomains.clear();
        for (const QString &domain : domains) {
            if (!domain.trimmed().isEmpty())
                settings.homeAssistantDomains.append(domain.trimmed());
        }
    }

    bool ok = false;
    const int timeout = ini.value(QStringLiteral("backends/request_timeout_ms")).toInt(&ok);
    if (ok && timeout >= 100 && timeout <= 120000)
        settings.requestTimeoutMs = timeout;
    else if (ini.contains(QStringLiteral("backends/request_timeout_ms")))
        settings.problems.append(tr("backends/request_timeout_ms must be between 100 and 120000; "
                                    "HomeWarden uses %1.")
                                         .arg(DEFAULT_TIMEOUT_MS));
    return settings;
}

QStringList BackendSettings::defaultHomeAssistantDomains()
{
    // What control_device covers. homeassistant (restart, stop), notify, shell_command, hassio
    // and the like stay out unless a person adds them.
    return {QStringLiteral("light"), QStringLiteral("switch"), QStringLiteral("cover"),
            QStringLiteral("climate"), QStringLiteral("fan"), QStringLiteral("media_player"),
            QStringLiteral("scene"), QStringLiteral("script"), QStringLiteral("input_boolean"),
            QStringLiteral("lock"), QStringLiteral("alarm_control_panel")};
}
