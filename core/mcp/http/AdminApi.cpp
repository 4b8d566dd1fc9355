#include "AdminApi.h"

#include "KillSwitch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray stateJson(const KillSwitch *killSwitch)
{
    QString error;
    const QList<KillStop> stops = killSwitch->engagedStops(&error);
    QJsonArray array;
    for (const KillStop &stop : stops) {
        array.append(QJsonObject{{QStringLiteral("scope"), KillScopes::name(stop.scope)},
                {QStringLiteral("by"), stop.by},
                {QStringLiteral("since"), stop.since.toString(Qt::ISODate)},
                {QStringLiteral("reason"), stop.reason},
                {QStringLiteral("sentence"), stop.sentence()}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("engaged"), !stops.isEmpty()},
                                 {QStringLiteral("stops"), array}})
            .toJson(QJsonDocument::Compact);
}

bool isAdmin(const Caller &caller)
{
    return caller.role == QLatin1String("admin");
}

} // namespace

HttpResponse AdminApi::killSwitch(KillSwitch *killSwitch, const HttpRequest &request, const Caller &caller)
{
    if (request.method == "GET") {
        if (!isAdmin(caller) && caller.role != QLatin1String("monitor"))
            return HttpResponse::text(403,
                    tr("The kill-switch state needs an admin or monitor key; %1 is a %2 key.")
                            .arg(caller.keyId, caller.role));
        return HttpResponse::json(200, stateJson(killSwitch));
    }
    if (request.method != "POST") {
        return HttpResponse::text(405,
                tr("Only GET and POST: a stop is released by a person, in the tray or with "
                   "'homewarden resume'."))
                .setHeader("Allow", "GET, POST");
    }
    if (!isAdmin(caller))
        return HttpResponse::text(403,
                tr("Engaging the kill switch over HTTP needs an admin key; %1 is a %2 key.")
                        .arg(caller.keyId, caller.role));

    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
    const std::optional<KillScope> scope =
            KillScopes::fromName(body.value(QLatin1String("scope")).toString(QStringLiteral("all")));
    if (parseError.error != QJsonParseError::NoError || !scope)
        return HttpResponse::text(400,
                tr("Send a JSON object like {\"scope\": \"all\", \"reason\": \"...\"}; scope is "
                   "ha, loxone or all."));
    QString error;
    if (!killSwitch->engage(*scope, caller.keyId, body.value(QLatin1String("reason")).toString(), &error))
        return HttpResponse::text(503, error);
    return HttpResponse::json(200, stateJson(killSwitch));
}
