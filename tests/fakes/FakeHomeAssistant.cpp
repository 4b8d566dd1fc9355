#include "FakeHomeAssistant.h"

#include <QAbstractHttpServer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

#include <cmath>
#include <memory>

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

const QString HA_VERSION = QStringLiteral("2024.6.0");
// The one user every long-lived token of the fake belongs to; HA puts the caller's user id
// into the context of each API call.
const QString API_USER_ID = QStringLiteral("6f0f5f3c2d9e4b8a9c1e7d2b4a6c8e0f");
const QStringList TARGET_KEYS = {QStringLiteral("entity_id"), QStringLiteral("device_id"),
        QStringLiteral("area_id"), QStringLiteral("floor_id"), QStringLiteral("label_id")};

// A frame or body that no JSON parser accepts, but that looks like something a broken proxy
// could send.
const QByteArray GARBAGE = QByteArrayLiteral("<html><body>502 Bad Gateway</body></html>\x01{");

// HA's timestamps: microseconds and an explicit UTC offset.
QString timestamp(const QDateTime &utc = QDateTime::currentDateTimeUtc())
{
    return utc.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QStringLiteral("000+00:00");
}

// Context ids are ULIDs in HA: 48 bits of milliseconds and 80 random bits, Crockford base32.
QString ulid()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString text(26, u'0');
    quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 9; i >= 0; --i) {
        text[i] = QLatin1Char(alphabet[ms & 31]);
        ms >>= 5;
    }
    for (int i = 10; i < 26; ++i)
        text[i] = QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]);
    return text;
}

QJsonObject newContext(const QJsonValue &userId)
{
    return QJsonObject{{QStringLiteral("id"), ulid()},
            {QStringLiteral("parent_id"), QJsonValue::Null}, {QStringLiteral("user_id"), userId}};
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void writeJson(QHttpServerResponder &responder, const QJsonDocument &document,
        StatusCode status = StatusCode::Ok)
{
    responder.write(document.toJson(QJsonDocument::Compact),
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}}, status);
}

void writeJson(QHttpServerResponder &responder, const QJsonObject &object,
        StatusCode status = StatusCode::Ok)
{
    writeJson(responder, QJsonDocument(object), status);
}

void writeJson(QHttpServerResponder &responder, const QJsonArray &array)
{
    writeJson(responder, QJsonDocument(array));
}

// HA's plain aiohttp errors ("401: Unauthorized", "400: Bad Request") are text, not JSON.
void writeText(QHttpServerResponder &responder, const QByteArray &text, StatusCode status)
{
    responder.write(text, QByteArrayLiteral("text/plain; charset=utf-8"), status);
}

QJsonObject message(const QString &text)
{
    return QJsonObject{{QStringLiteral("message"), text}};
}

// "light.kitchen" or "light.a, light.b" or ["light.a"]: HA accepts all three.
QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    if (value.isString()) {
        const auto parts = value.toString().split(u',', Qt::SkipEmptyParts);
        for (const QString &part : parts)
            out.append(part.trimmed());
    } else if (value.isArray()) {
        const auto array = value.toArray();
        for (const QJsonValue &v : array) {
            if (v.isString())
                out.append(v.toString());
        }
    }
    return out;
}

// Moves the target keys of data into target (HA merges service_data's entity_id etc. into the
// target the same way) and writes each as an array of strings.
void splitTarget(QJsonObject *data, QJsonObject *target)
{
    for (const QString &key : TARGET_KEYS) {
        QStringList values = stringList(target->value(key));
        if (data->contains(key)) {
            const QStringList more = stringList(data->value(key));
            for (const QString &v : more) {
                if (!values.contains(v))
                    values.append(v);
            }
            data->remove(key);
        }
        if (values.isEmpty())
            target->remove(key);
        else
            target->insert(key, QJsonArray::fromStringList(values));
    }
}

// voluptuous-style messages, as HA's invalid_format errors carry them.
QString checkNumber(
        const QJsonObject &data, const QString &key, double min, double max, bool required)
{
    if (!data.contains(key)) {
        return required ? QStringLiteral("required key not provided @ data['%1']").arg(key)
                        : QString();
    }
    const QJsonValue v = data.value(key);
    if (!v.isDouble())
        return QStringLiteral("expected float for dictionary value @ data['%1']").arg(key);
    if (v.toDouble() < min)
        return QStringLiteral("value must be at least %1 for dictionary value @ data['%2']")
                .arg(min)
                .arg(key);
    if (v.toDouble() > max)
        return QStringLiteral("value must be at most %1 for dictionary value @ data['%2']")
                .arg(max)
                .arg(key);
    return {};
}

QString validate(const QString &domain, const QString &service, const QJsonObject &data)
{
    const auto is = [&](const char *d, const char *s) {
        return domain == QLatin1String(d) && service == QLatin1String(s);
    };
    if (is("light", "turn_on") || is("light", "toggle")) {
        QString error = checkNumber(data, QStringLiteral("brightness_pct"), 0, 100, false);
        if (error.isEmpty())
            error = checkNumber(data, QStringLiteral("brightness"), 0, 255, false);
        return error;
    }
    if (is("media_player", "volume_set"))
        return checkNumber(data, QStringLiteral("volume_level"), 0, 1, true);
    if (is("cover", "set_cover_position"))
        return checkNumber(data, QStringLiteral("position"), 0, 100, true);
    if (is("fan", "set_percentage"))
        return checkNumber(data, QStringLiteral("percentage"), 0, 100, true);
    if (is("fan", "turn_on"))
        return checkNumber(data, QStringLiteral("percentage"), 0, 100, false);
    if (is("climate", "set_hvac_mode") && !data.value(QLatin1String("hvac_mode")).isString())
        return QStringLiteral("required key not provided @ data['hvac_mode']");
    return {};
}

// The services whose effect on an entity the fake knows: known even without loadServices().
const QHash<QString, QStringList> &builtinServices()
{
    static const QHash<QString, QStringList> services = {
            {QStringLiteral("light"),
                    {QStringLiteral("turn_on"), QStringLiteral("turn_off"),
                            QStringLiteral("toggle")}},
            {QStringLiteral("switch"),
                    {QStringLiteral("turn_on"), QStringLiteral("turn_off"),
                            QStringLiteral("toggle")}},
            {QStringLiteral("input_boolean"),
                    {QStringLiteral("turn_on"), QStringLiteral("turn_off"),
                            QStringLiteral("toggle")}},
            {QStringLiteral("fan"),
                    {QStringLiteral("turn_on"), QStringLiteral("turn_off"),
                            QStringLiteral("toggle"), QStringLiteral("set_percentage")}},
            {QStringLiteral("media_player"),
                    {QStringLiteral("turn_on"), QStringLiteral("turn_off"),
                            QStringLiteral("toggle"), QStringLiteral("media_play"),
                            QStringLiteral("media_pause"), QStringLiteral("media_stop"),
                            QStringLiteral("media_play_pause"), QStringLiteral("volume_set"),
                            QStringLiteral("volume_mute")}},
            {QStringLiteral("cover"),
                    {QStringLiteral("open_cover"), QStringLiteral("close_cover"),
                            QStringLiteral("stop_cover"), QStringLiteral("set_cover_position"),
                            QStringLiteral("toggle")}},
            {QStringLiteral("climate"),
                    {QStringLiteral("set_temperature"), QStringLiteral("set_hvac_mode"),
                            QStringLiteral("turn_on"), QStringLiteral("turn_off"),
                            QStringLiteral("set_fan_mode"), QStringLiteral("set_preset_mode")}},
            {QStringLiteral("lock"),
                    {QStringLiteral("lock"), QStringLiteral("unlock"), QStringLiteral("open")}},
            {QStringLiteral("alarm_control_panel"),
                    {QStringLiteral("alarm_arm_away"), QStringLiteral("alarm_arm_home"),
                            QStringLiteral("alarm_arm_night"), QStringLiteral("alarm_arm_vacation"),
                            QStringLiteral("alarm_arm_custom_bypass"),
                            QStringLiteral("alarm_disarm"), QStringLiteral("alarm_trigger")}},
            {QStringLiteral("scene"), {QStringLiteral("turn_on")}},
            {QStringLiteral("homeassistant"),
                    {QStringLiteral("turn_on"), QStringLiteral("turn_off"),
                            QStringLiteral("toggle")}},
    };
    return services;
}

// What a service does to one entity of its domain. Returns false when the service has no
// effect the fake models (the call is still recorded and answered).
bool applyEffect(const QString &domain, QString service, const QJsonObject &data, QString *state,
        QJsonObject *attributes)
{
    const auto set = [&](const char *key, const QJsonValue &value) {
        attributes->insert(QLatin1String(key), value);
    };
    const bool on = *state != QLatin1String("off");
    if (service == QLatin1String("toggle") && domain != QLatin1String("cover"))
        service = on ? QStringLiteral("turn_off") : QStringLiteral("turn_on");

    if (domain == QLatin1String("light")) {
        if (service == QLatin1String("turn_on")) {
            if (data.contains(QLatin1String("brightness_pct"))) {
                // HA: round(pct / 100 * 255) with Python's round, i.e. half to even.
                const double pct = data.value(QLatin1String("brightness_pct")).toDouble();
                set("brightness", std::nearbyint(pct / 100.0 * 255.0));
            } else if (data.contains(QLatin1String("brightness"))) {
                set("brightness", data.value(QLatin1String("brightness")));
            } else if (attributes->value(QLatin1String("brightness")).toDouble() <= 0) {
                // Off lights report no brightness; the fake's lights come back at full.
                set("brightness", 255);
            }
            for (const char *key : {"rgb_color", "hs_color", "xy_color", "color_temp_kelvin",
                         "color_temp", "effect"}) {
                if (data.contains(QLatin1String(key)))
                    set(key, data.value(QLatin1String(key)));
            }
            // Brightness 0 turns a light off in HA.
            if (attributes->value(QLatin1String("brightness")).toDouble() == 0) {
                *state = QStringLiteral("off");
                set("brightness", QJsonValue::Null);
            } else {
                *state = QStringLiteral("on");
            }
            return true;
        }
        if (service == QLatin1String("turn_off")) {
            *state = QStringLiteral("off");
            set("brightness", QJsonValue::Null);
            return true;
        }
        return false;
    }
    if (domain == QLatin1String("switch") || domain == QLatin1String("input_boolean")) {
        if (service == QLatin1String("turn_on") || service == QLatin1String("turn_off")) {
            *state = service == QLatin1String("turn_on") ? QStringLiteral("on")
                                                         : QStringLiteral("off");
            return true;
        }
        return false;
    }
    if (domain == QLatin1String("fan")) {
        if (service == QLatin1String("set_percentage")
                || (service == QLatin1String("turn_on")
                        && data.contains(QLatin1String("percentage")))) {
            const double pct = data.value(QLatin1String("percentage")).toDouble();
            set("percentage", pct);
            *state = pct > 0 ? QStringLiteral("on") : QStringLiteral("off");
            return true;
        }
        if (service == QLatin1String("turn_on") || service == QLatin1String("turn_off")) {
            *state = service == QLatin1String("turn_on") ? QStringLiteral("on")
                                                         : QStringLiteral("off");
            return true;
        }
        return false;
    }
    if (domain == QLatin1String("media_player")) {
        static const QHash<QString, QString> next = {
                {QStringLiteral("turn_on"), QStringLiteral("on")},
                {QStringLiteral("turn_off"), QStringLiteral("off")},
                {QStringLiteral("media_play"), QStringLiteral("playing")},
                {QStringLiteral("media_pause"), QStringLiteral("paused")},
                {QStringLiteral("media_stop"), QStringLiteral("idle")},
        };
        if (next.contains(service)) {
            *state = next.value(service);
            return true;
        }
        if (service == QLatin1String("media_play_pause")) {
            *state = *state == QLatin1String("playing") ? QStringLiteral("paused")
                                                        : QStringLiteral("playing");
            return true;
        }
        if (service == QLatin1String("volume_set")) {
            set("volume_level", data.value(QLatin1String("volume_level")));
            return true;
        }
        if (service == QLatin1String("volume_mute")) {
            set("is_volume_muted", data.value(QLatin1String("is_volume_muted")).toBool());
            return true;
        }
        return false;
    }
    if (domain == QLatin1String("cover")) {
        const bool hasPosition = attributes->contains(QLatin1String("current_position"));
        if (service == QLatin1String("toggle"))
            service = *state == QLatin1String("closed") ? QStringLiteral("open_cover")
                                                        : QStringLiteral("close_cover");
        if (service == QLatin1String("open_cover")) {
            *state = QStringLiteral("open");
            if (hasPosition)
                set("current_position", 100);
            return true;
        }
        if (service == QLatin1String("close_cover")) {
            *state = QStringLiteral("closed");
            if (hasPosition)
                set("current_position", 0);
            return true;
        }
        if (service == QLatin1String("set_cover_position")) {
            const int position = data.value(QLatin1String("position")).toInt();
            set("current_position", position);
            *state = position > 0 ? QStringLiteral("open") : QStringLiteral("closed");
            return true;
        }
        if (service == QLatin1String("stop_cover")) {
            // The fake's covers move instantly, so a stop finds them where they are.
            if (*state == QLatin1String("opening") || *state == QLatin1String("closing"))
                *state = QStringLiteral("open");
            return true;
        }
        return false;
    }
    if (domain == QLatin1String("climate")) {
        if (service == QLatin1String("set_temperature")) {
            for (const char *key : {"temperature", "target_temp_high", "target_temp_low"}) {
                if (data.contains(QLatin1String(key)))
                    set(key, data.value(QLatin1String(key)));
            }
            if (data.value(QLatin1String("hvac_mode")).isString())
                *state = data.value(QLatin1String("hvac_mode")).toString();
            return true;
        }
        if (service == QLatin1String("set_hvac_mode")) {
            *state = data.value(QLatin1String("hvac_mode")).toString();
            return true;
        }
        if (service == QLatin1String("turn_off")) {
            *state = QStringLiteral("off");
            return true;
        }
        if (service == QLatin1String("turn_on")) {
            if (*state == QLatin1String("off")) {
                *state = QStringLiteral("heat");
                const auto modes = attributes->value(QLatin1String("hvac_modes")).toArray();
                for (const QJsonValue &mode : modes) {
                    if (mode.toString() != QLatin1String("off")) {
                        *state = mode.toString();
                        break;
                    }
                }
            }
            return true;
        }
        for (const char *key : {"fan_mode", "preset_mode"}) {
            if (service == QStringLiteral("set_%1").arg(QLatin1String(key))) {
                set(key, data.value(QLatin1String(key)));
                return true;
            }
        }
        return false;
    }
    if (domain == QLatin1String("lock")) {
        static const QHash<QString, QString> next = {
                {QStringLiteral("lock"), QStringLiteral("locked")},
                {QStringLiteral("unlock"), QStringLiteral("unlocked")},
                {QStringLiteral("open"), QStringLiteral("open")}};
        if (!next.contains(service))
            return false;
        *state = next.value(service);
        return true;
    }
    if (domain == QLatin1String("alarm_control_panel")) {
        static const QHash<QString, QString> next = {
                {QStringLiteral("alarm_arm_away"), QStringLiteral("armed_away")},
                {QStringLiteral("alarm_arm_home"), QStringLiteral("armed_home")},
                {QStringLiteral("alarm_arm_night"), QStringLiteral("armed_night")},
                {QStringLiteral("alarm_arm_vacation"), QStringLiteral("armed_vacation")},
                {QStringLiteral("alarm_arm_custom_bypass"), QStringLiteral("armed_custom_bypass")},
                {QStringLiteral("alarm_disarm"), QStringLiteral("disarmed")},
                {QStringLiteral("alarm_trigger"), QStringLiteral("triggered")}};
        if (!next.contains(service))
            return false;
        *state = next.value(service);
        return true;
    }
    if (domain == QLatin1String("scene") && service == QLatin1String("turn_on")) {
        // A scene's state is the time it was last activated.
        *state = timestamp();
        return true;
    }
    return false;
}

QString hexId(const QString &seed)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex());
}

// Registry entries in the shape config/*_registry/list answers in HA 2024.6.
QJsonObject areaEntry(const QString &id, const QString &name)
{
    return QJsonObject{{QStringLiteral("aliases"), QJsonArray()}, {QStringLiteral("area_id"), id},
            {QStringLiteral("floor_id"), QJsonValue::Null},
            {QStringLiteral("icon"), QJsonValue::Null}, {QStringLiteral("labels"), QJsonArray()},
            {QStringLiteral("name"), name}, {QStringLiteral("picture"), QJsonValue::Null}};
}

QJsonObject deviceEntry(const QString &key, const QString &name, const QJsonValue &areaId,
        const QString &platform, const QString &manufacturer, const QString &model)
{
    // One (integration, id) pair; appended, since QJsonArray{QJsonArray{...}} reads as a copy.
    QJsonArray identifiers;
    identifiers.append(QJsonArray{platform, key});
    return QJsonObject{{QStringLiteral("area_id"), areaId},
            {QStringLiteral("configuration_url"), QJsonValue::Null},
            {QStringLiteral("config_entries"), QJsonArray{hexId(platform)}},
            {QStringLiteral("connections"), QJsonArray()},
            {QStringLiteral("disabled_by"), QJsonValue::Null},
            {QStringLiteral("entry_type"), QJsonValue::Null},
            {QStringLiteral("hw_version"), QJsonValue::Null},
            {QStringLiteral("id"), hexId(QStringLiteral("device:") + key)},
            {QStringLiteral("identifiers"), identifiers}, {QStringLiteral("labels"), QJsonArray()},
            {QStringLiteral("manufacturer"), manufacturer}, {QStringLiteral("model"), model},
            {QStringLiteral("name_by_user"), QJsonValue::Null}, {QStringLiteral("name"), name},
            {QStringLiteral("serial_number"), QJsonValue::Null},
            {QStringLiteral("sw_version"), QJsonValue::Null},
            {QStringLiteral("via_device_id"), QJsonValue::Null}};
}

QJsonObject entityEntry(const QString &entityId, const QString &deviceKey, const QJsonValue &areaId,
        const QString &platform)
{
    return QJsonObject{{QStringLiteral("area_id"), areaId},
            {QStringLiteral("categories"), QJsonObject()},
            {QStringLiteral("config_entry_id"), hexId(platform)},
            {QStringLiteral("device_id"),
                    deviceKey.isEmpty() ? QJsonValue(QJsonValue::Null)
                                        : QJsonValue(hexId(QStringLiteral("device:") + deviceKey))},
            {QStringLiteral("disabled_by"), QJsonValue::Null},
            {QStringLiteral("entity_category"), QJsonValue::Null},
            {QStringLiteral("entity_id"), entityId}, {QStringLiteral("has_entity_name"), false},
            {QStringLiteral("hidden_by"), QJsonValue::Null},
            {QStringLiteral("icon"), QJsonValue::Null},
            {QStringLiteral("id"), hexId(QStringLiteral("entity:") + entityId)},
            {QStringLiteral("labels"), QJsonArray()}, {QStringLiteral("name"), QJsonValue::Null},
            {QStringLiteral("options"), QJsonObject()},
            {QStringLiteral("original_name"), QJsonValue::Null},
            {QStringLiteral("platform"), platform},
            {QStringLiteral("translation_key"), QJsonValue::Null},
            {QStringLiteral("unique_id"), QStringLiteral("fake-") + entityId}};
}

std::optional<QJsonDocument> readJson(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("%1 is not JSON: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    return doc;
}

} // namespace

// Our own dispatch instead of QHttpServer's router: the fake needs to see every request (for
// the counters and the faults) and to decide per request whether to answer at all.
class FakeHomeAssistant::HttpFront : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpFront(FakeHomeAssistant *fake)
        : QAbstractHttpServer(fake)
        , m_fake(fake)
    { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Qt 6.4 offers a WebSocket upgrade to handleRequest() first and upgrades only if it
        // returns true having written nothing; false sends it to missingHandler() and hangs up.
        if (header(request, QByteArrayLiteral("upgrade"))
                        .compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive)
                == 0)
            return request.url().path() == QLatin1String("/api/websocket");
        // In Qt 6.4 a responder that is destroyed unwritten sends nothing and leaves the
        // connection open: that is how the hang fault never answers.
        QHttpServerResponder responder = makeResponder(request, socket);
        m_fake->handleHttp(request, responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Only an upgrade on another path comes here; HA answers it 404.
        QHttpServerResponder responder = makeResponder(request, socket);
        writeText(responder, "404: Not Found", StatusCode::NotFound);
    }

private:
    FakeHomeAssistant *m_fake;
};

FakeHomeAssistant::FakeHomeAssistant(QObject *parent)
    : QObject(parent)
    , m_http(new HttpFront(this))
    , m_tcpServer(new QTcpServer(m_http))
    , m_token(QStringLiteral("fake-ha-token"))
{
    // Qt 6.4 refuses a WebSocket upgrade unless this signal is connected when it arrives.
    connect(m_http, &QAbstractHttpServer::newWebSocketConnection, this,
            &FakeHomeAssistant::acceptWebSockets);
}

FakeHomeAssistant::~FakeHomeAssistant()
{
    close();
}

bool FakeHomeAssistant::listen(quint16 port)
{
    if (m_tcpServer->isListening())
        return port == 0 || port == m_tcpServer->serverPort();
    if (!m_tcpServer->listen(QHostAddress::LocalHost, port))
        return false;
    // bind() connects the server once; the same QTcpServer listens again after close(), since
    // Qt 6.4's QAbstractHttpServer cannot unbind one.
    if (!m_bound) {
        m_http->bind(m_tcpServer);
        m_bound = true;
    }
    return true;
}

void FakeHomeAssistant::close()
{
    dropWebSockets();
    m_tcpServer->close();
    // Accepted sockets are children of the QTcpServer, and QAbstractHttpServer deletes each
    // one when it disconnects; aborting them drops keep-alive and hung requests alike.
    const auto sockets = m_tcpServer->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

void FakeHomeAssistant::dropWebSockets()
{
    const auto sockets = m_sessions.keys();
    for (QWebSocket *socket : sockets) {
        socket->abort();
        m_sessions.remove(socket);
        socket->deleteLater();
    }
}

quint16 FakeHomeAssistant::port() const
{
    return m_tcpServer->isListening() ? m_tcpServer->serverPort() : 0;
}

QUrl FakeHomeAssistant::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeHomeAssistant::setToken(const QString &token)
{
    m_token = token;
}

QString FakeHomeAssistant::token() const
{
    return m_token;
}

bool FakeHomeAssistant::loadStates(const QString &statesJsonPath, QString *error)
{
    const auto doc = readJson(statesJsonPath, error);
    if (!doc)
        return false;
    if (!doc->isArray()) {
        if (error)
            *error = QStringLiteral("%1 is not a GET /api/states array").arg(statesJsonPath);
        return false;
    }
    QStringList order;
    QHash<QString, QJsonObject> states;
    const auto array = doc->array();
    for (const QJsonValue &value : array) {
        const QJsonObject state = value.toObject();
        const QString entityId = state.value(QLatin1String("entity_id")).toString();
        if (entityId.isEmpty() || !entityId.contains(u'.')) {
            if (error)
                *error = QStringLiteral("%1 has a state without an entity_id").arg(statesJsonPath);
            return false;
        }
        if (!states.contains(entityId))
            order.append(entityId);
        states.insert(entityId, state);
    }
    m_entityOrder = order;
    m_states = states;
    return true;
}

bool FakeHomeAssistant::loadServices(const QString &servicesJsonPath, QString *error)
{
    const auto doc = readJson(servicesJsonPath, error);
    if (!doc)
        return false;
    if (!doc->isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not a {domain: {service: ...}} object")
                             .arg(servicesJsonPath);
        return false;
    }
    m_services = doc->object();
    return true;
}

bool FakeHomeAssistant::loadFixtures(QString *error)
{
    return loadStates(fixturePath(QStringLiteral("hubot-home-assistant_states.json")), error)
            && loadServices(fixturePath(QStringLiteral("beatrix_mocks_services.json")), error);
}

QString FakeHomeAssistant::fixturePath(const QString &fileName)
{
    return QStringLiteral(HW_HA_FIXTURE_DIR "/") + fileName;
}

void FakeHomeAssistant::addEntity(const QJsonObject &state)
{
    const QString entityId = state.value(QLatin1String("entity_id")).toString();
    if (entityId.isEmpty())
        return;
    QJsonObject full = state;
    const QString now = timestamp();
    for (const char *key : {"last_changed", "last_reported", "last_updated"}) {
        if (!full.contains(QLatin1String(key)))
            full.insert(QLatin1String(key), now);
    }
    if (!full.contains(QLatin1String("attributes")))
        full.insert(QStringLiteral("attributes"), QJsonObject());
    if (!full.contains(QLatin1String("context")))
        full.insert(QStringLiteral("context"), newContext(QJsonValue::Null));
    const bool existed = m_states.contains(entityId);
    const QJsonObject old = m_states.value(entityId);
    if (!existed)
        m_entityOrder.append(entityId);
    m_states.insert(entityId, full);
    fireEvent(QStringLiteral("state_changed"),
            QJsonObject{{QStringLiteral("entity_id"), entityId},
                    {QStringLiteral("old_state"),
                            existed ? QJsonValue(old) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("new_state"), full}},
            full.value(QLatin1String("context")).toObject());
}

void FakeHomeAssistant::setRegistries(
        const QJsonArray &areas, const QJsonArray &devices, const QJsonArray &entities)
{
    m_registries = Registries{areas, devices, entities};
}

void FakeHomeAssistant::setRegistries(const Registries &registries)
{
    m_registries = registries;
}

FakeHomeAssistant::Registries FakeHomeAssistant::exampleRegistries()
{
    // SYNTHETIC: added for tests, not part of either fixture. The entity ids are the
    // fixture's (and exampleAddedEntities()'s); areas, devices and their links are made up.
    Registries r;
    const QJsonValue none = QJsonValue::Null;
    const QString kitchen = QStringLiteral("kitchen");
    const QString livingRoom = QStringLiteral("living_room");
    const QString bedroom = QStringLiteral("bedroom");
    r.areas = {areaEntry(kitchen, QStringLiteral("Kitchen")),
            areaEntry(livingRoom, QStringLiteral("Living Room")),
            areaEntry(bedroom, QStringLiteral("Bedroom"))};

    const QString hue = QStringLiteral("hue");
    r.devices = {
            deviceEntry(QStringLiteral("kitchen_fan"), QStringLiteral("Kitchen Fan Light"), kitchen,
                    hue, QStringLiteral("Signify"), QStringLiteral("Hue White Ambiance")),
            deviceEntry(QStringLiteral("living_room_downlights"),
                    QStringLiteral("Living Room Downlights"), livingRoom, hue,
                    QStringLiteral("Signify"), QStringLiteral("Hue White Downlight")),
            deviceEntry(QStringLiteral("end_tables"), QStringLiteral("End Table Lamps"), livingRoom,
                    hue, QStringLiteral("Signify"), QStringLiteral("Hue Go")),
            deviceEntry(QStringLiteral("living_room_apple_tv"),
                    QStringLiteral("Living Room Apple TV"), livingRoom, QStringLiteral("apple_tv"),
                    QStringLiteral("Apple"), QStringLiteral("Apple TV 4K")),
            deviceEntry(QStringLiteral("bedroom_apple_tv"), QStringLiteral("Bedroom Apple TV"),
                    bedroom, QStringLiteral("apple_tv"), QStringLiteral("Apple"),
                    QStringLiteral("Apple TV HD")),
            deviceEntry(QStringLiteral("ecobee"), QStringLiteral("My ecobee3"), none,
                    QStringLiteral("ecobee"), QStringLiteral("ecobee"), QStringLiteral("ecobee3")),
            deviceEntry(QStringLiteral("simplisafe"), QStringLiteral("SimpliSafe"), none,
                    QStringLiteral("simplisafe"), QStringLiteral("SimpliSafe"),
                    QStringLiteral("SimpliSafe 3")),
            deviceEntry(QStringLiteral("front_door_lock"), QStringLiteral("Front Door Lock"), none,
                    QStringLiteral("zwave_js"), QStringLiteral("Yale"),
                    QStringLiteral("Assure Lock 2")),
            deviceEntry(QStringLiteral("garage_door"), QStringLiteral("Garage Door Opener"), none,
                    QStringLiteral("myq"), QStringLiteral("Chamberlain"), QStringLiteral("MyQ")),
    };

    // Lights placed by their own area_id (no device) ...
    r.entities = {
            entityEntry(QStringLiteral("light.kitchen"), {}, kitchen, hue),
            entityEntry(QStringLiteral("light.kitchen_sink"), {}, kitchen, hue),
            entityEntry(QStringLiteral("light.living_room"), {}, livingRoom, hue),
            entityEntry(QStringLiteral("light.bedroom"), {}, bedroom, hue),
            entityEntry(QStringLiteral("light.nightstand"), {}, bedroom, hue),
            // ... lights that inherit their device's area ...
            entityEntry(
                    QStringLiteral("light.kitchen_fan"), QStringLiteral("kitchen_fan"), none, hue),
            entityEntry(QStringLiteral("light.kitchen_fan_2"), QStringLiteral("kitchen_fan"), none,
                    hue),
            entityEntry(QStringLiteral("light.left_end_table"), QStringLiteral("end_tables"), none,
                    hue),
            // ... and one whose own area_id overrides its device's (living room -> bedroom).
            entityEntry(QStringLiteral("light.right_end_table"), QStringLiteral("end_tables"),
                    bedroom, hue),
            entityEntry(QStringLiteral("media_player.living_room_apple_tv"),
                    QStringLiteral("living_room_apple_tv"), none, QStringLiteral("apple_tv")),
            entityEntry(QStringLiteral("media_player.bedroom_apple_tv"),
                    QStringLiteral("bedroom_apple_tv"), none, QStringLiteral("apple_tv")),
            entityEntry(QStringLiteral("climate.my_ecobee3"), QStringLiteral("ecobee"), none,
                    QStringLiteral("ecobee")),
            entityEntry(QStringLiteral("alarm_control_panel.simplisafe"),
                    QStringLiteral("simplisafe"), none, QStringLiteral("simplisafe")),
            entityEntry(QStringLiteral("lock.front_door"), QStringLiteral("front_door_lock"), none,
                    QStringLiteral("zwave_js")),
            entityEntry(QStringLiteral("cover.garage_door"), QStringLiteral("garage_door"), none,
                    QStringLiteral("myq")),
            entityEntry(QStringLiteral("cover.living_room_blinds"), {}, livingRoom,
                    QStringLiteral("template")),
    };
    for (const char *id : {"light.living_room_downlight", "light.living_room_downlight_2",
                 "light.living_room_downlight_3", "light.living_room_downlight_4",
                 "light.living_room_downlight_5", "light.living_room_downlight_6"}) {
        r.entities.append(entityEntry(
                QString::fromLatin1(id), QStringLiteral("living_room_downlights"), none, hue));
    }
    return r;
}

QList<QJsonObject> FakeHomeAssistant::exampleAddedEntities()
{
    // SYNTHETIC: added for tests, not part of the fixture (it has no lock.* or cover.*).
    // Attributes follow what HA's lock and cover entities report.
    return {
            QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("lock.front_door")},
                    {QStringLiteral("state"), QStringLiteral("locked")},
                    {QStringLiteral("attributes"),
                            QJsonObject{
                                    {QStringLiteral("friendly_name"), QStringLiteral("Front Door")},
                                    {QStringLiteral("supported_features"), 1}}}},
            QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("cover.garage_door")},
                    {QStringLiteral("state"), QStringLiteral("closed")},
                    {QStringLiteral("attributes"),
                            QJsonObject{{QStringLiteral("device_class"), QStringLiteral("garage")},
                                    {QStringLiteral("friendly_name"),
                                            QStringLiteral("Garage Door")},
                                    {QStringLiteral("supported_features"), 3}}}},
            QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("cover.living_room_blinds")},
                    {QStringLiteral("state"), QStringLiteral("open")},
                    {QStringLiteral("attributes"),
                            QJsonObject{{QStringLiteral("current_position"), 100},
                                    {QStringLiteral("device_class"), QStringLiteral("blind")},
                                    {QStringLiteral("friendly_name"),
                                            QStringLiteral("Living Room Blinds")},
                                    {QStringLiteral("supported_features"), 15}}}},
    };
}

void FakeHomeAssistant::setState(
        const QString &entityId, const QString &state, const QJsonObject &attributes)
{
    QJsonObject merged = m_states.value(entityId).value(QLatin1String("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        merged.insert(it.key(), it.value());
    // An integration's own update: no user in the context.
    applyState(entityId, state, merged, newContext(QJsonValue::Null));
}

QJsonObject FakeHomeAssistant::state(const QString &entityId) const
{
    return m_states.value(entityId);
}

int FakeHomeAssistant::entityCount() const
{
    return int(m_states.size());
}

void FakeHomeAssistant::setFault(Fault fault)
{
    m_fault = fault;
}

FakeHomeAssistant::Fault FakeHomeAssistant::fault() const
{
    return m_fault;
}

QString FakeHomeAssistant::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::Hang:
        return QStringLiteral("hang");
    case Fault::HangAll:
        return QStringLiteral("hang_all");
    case Fault::ServerError:
        return QStringLiteral("server_error");
    case Fault::Garbage:
        return QStringLiteral("garbage");
    }
    return {};
}

std::optional<FakeHomeAssistant::Fault> FakeHomeAssistant::faultFromName(const QString &name)
{
    for (Fault f : {Fault::None, Fault::Hang, Fault::HangAll, Fault::ServerError, Fault::Garbage}) {
        if (faultName(f) == name)
            return f;
    }
    return std::nullopt;
}

QList<FakeHomeAssistant::ServiceCall> FakeHomeAssistant::serviceCalls() const
{
    return m_calls;
}

void FakeHomeAssistant::clearServiceCalls()
{
    m_calls.clear();
}

QJsonObject FakeHomeAssistant::toJson(const ServiceCall &call)
{
    return QJsonObject{{QStringLiteral("domain"), call.domain},
            {QStringLiteral("service"), call.service},
            {QStringLiteral("service_data"), call.serviceData},
            {QStringLiteral("target"), call.target}, {QStringLiteral("via"), call.via}};
}

int FakeHomeAssistant::requestCount() const
{
    return m_requestCount;
}

int FakeHomeAssistant::webSocketConnectionCount() const
{
    return int(m_sessions.size());
}

QString FakeHomeAssistant::haVersion()
{
    return HA_VERSION;
}

// --- REST ---------------------------------------------------------------------------------

void FakeHomeAssistant::handleHttp(
        const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path();
    if (path.startsWith(QLatin1String("/_fake/"))) {
        handleControl(request, responder);
        return;
    }
    ++m_requestCount;
    Q_EMIT requestReceived(methodName(request.method()) + u' ' + path);
    switch (m_fault) {
    case Fault::Hang:
    case Fault::HangAll:
        return; // the responder is dropped unwritten: the client waits for ever
    case Fault::ServerError:
        // aiohttp's own text for an unhandled error in a view.
        writeText(responder, "500 Internal Server Error\n\nServer got itself in trouble",
                StatusCode::InternalServerError);
        return;
    case Fault::Garbage:
        responder.write(GARBAGE, QByteArrayLiteral("application/json"), StatusCode::Ok);
        return;
    case Fault::None:
        break;
    }
    handleApi(request, responder);
}

void FakeHomeAssistant::handleApi(
        const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    if (m_token.isEmpty()
            || header(request, QByteArrayLiteral("authorization"))
                    != QByteArrayLiteral("Bearer ") + m_token.toUtf8()) {
        writeText(responder, "401: Unauthorized", StatusCode::Unauthorized);
        return;
    }
    const QString path = request.url().path();
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    const auto methodNotAllowed = [&] {
        writeText(responder, "405: Method Not Allowed", StatusCode::MethodNotAllowed);
    };

    if (path == QLatin1String("/api/") || path == QLatin1String("/api")) {
        if (!get)
            return methodNotAllowed();
        writeJson(responder, message(QStringLiteral("API running.")));
    } else if (path == QLatin1String("/api/config")) {
        if (!get)
            return methodNotAllowed();
        writeJson(responder, config());
    } else if (path == QLatin1String("/api/states")) {
        if (!get)
            return methodNotAllowed();
        writeJson(responder, allStates());
    } else if (path.startsWith(QLatin1String("/api/states/"))) {
        if (!get)
            return methodNotAllowed();
        const QString entityId = path.mid(int(qstrlen("/api/states/")));
        if (!m_states.contains(entityId))
            writeJson(
                    responder, message(QStringLiteral("Entity not found.")), StatusCode::NotFound);
        else
            writeJson(responder, m_states.value(entityId));
    } else if (path == QLatin1String("/api/services")) {
        if (!get)
            return methodNotAllowed();
        writeJson(responder, servicesList());
    } else if (path.startsWith(QLatin1String("/api/services/"))
            && path.mid(int(qstrlen("/api/services/"))).split(u'/').size() == 2) {
        if (!post)
            return methodNotAllowed();
        const QStringList parts = path.mid(int(qstrlen("/api/services/"))).split(u'/');
        QJsonObject data;
        if (!request.body().trimmed().isEmpty()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
            if (error.error != QJsonParseError::NoError) {
                writeJson(responder, message(QStringLiteral("Data should be valid JSON.")),
                        StatusCode::BadRequest);
                return;
            }
            // HA's REST API takes the service data itself (entity_id at the top level); a
            // "target" key is refused by the service schemas, so a client that sends the
            // WebSocket shape here must fail as it would against HA.
            if (!doc.isObject() || doc.object().contains(QLatin1String("target"))) {
                writeText(responder, "400: Bad Request", StatusCode::BadRequest);
                return;
            }
            data = doc.object();
        }
        const CallOutcome outcome =
                callService(parts.at(0), parts.at(1), data, {}, QStringLiteral("rest"));
        if (outcome.status != CallOutcome::Status::Ok)
            writeText(responder, "400: Bad Request", StatusCode::BadRequest);
        else
            writeJson(responder, outcome.changedStates);
    } else {
        writeText(responder, "404: Not Found", StatusCode::NotFound);
    }
}

void FakeHomeAssistant::handleControl(
        const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path();
    const auto method = request.method();
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();

    if (path == QLatin1String("/_fake/calls") && method == QHttpServerRequest::Method::Get) {
        QJsonArray calls;
        for (const ServiceCall &call : std::as_const(m_calls))
            calls.append(toJson(call));
        writeJson(responder, calls);
    } else if (path == QLatin1String("/_fake/calls")
            && method == QHttpServerRequest::Method::Delete) {
        const qsizetype cleared = m_calls.size();
        clearServiceCalls();
        writeJson(responder, QJsonObject{{QStringLiteral("cleared"), cleared}});
    } else if (path == QLatin1String("/_fake/requests")
            && method == QHttpServerRequest::Method::Get) {
        writeJson(responder, QJsonObject{{QStringLiteral("count"), m_requestCount}});
    } else if (path == QLatin1String("/_fake/fault")
            && method == QHttpServerRequest::Method::Post) {
        const QString name = body.value(QLatin1String("fault")).toString();
        const auto fault = faultFromName(name);
        if (!fault) {
            writeJson(responder,
                    message(QStringLiteral("fault must be none, hang, hang_all, "
                                           "server_error or garbage")),
                    StatusCode::BadRequest);
            return;
        }
        setFault(*fault);
        writeJson(responder, QJsonObject{{QStringLiteral("fault"), name}});
    } else if (path == QLatin1String("/_fake/state")
            && method == QHttpServerRequest::Method::Post) {
        const QString entityId = body.value(QLatin1String("entity_id")).toString();
        const QJsonValue state = body.value(QLatin1String("state"));
        if (!entityId.contains(u'.') || !state.isString()) {
            writeJson(responder, message(QStringLiteral("entity_id and state are required")),
                    StatusCode::BadRequest);
            return;
        }
        setState(entityId, state.toString(), body.value(QLatin1String("attributes")).toObject());
        writeJson(responder, m_states.value(entityId));
    } else if (path == QLatin1String("/_fake/drop") && method == QHttpServerRequest::Method::Post) {
        const int dropped = webSocketConnectionCount();
        dropWebSockets();
        writeJson(responder, QJsonObject{{QStringLiteral("dropped"), dropped}});
    } else {
        writeJson(responder, message(QStringLiteral("Not found.")), StatusCode::NotFound);
    }
}

// --- WebSocket ----------------------------------------------------------------------------

void FakeHomeAssistant::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> owned = m_http->nextPendingWebSocketConnection();
        if (!owned)
            break;
        QWebSocket *socket = owned.release();
        socket->setParent(this);
        m_sessions.insert(socket, WsSession());
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { handleWsText(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            if (m_sessions.remove(socket))
                socket->deleteLater();
        });
        if (m_fault != Fault::HangAll) {
            socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("auth_required")},
                            {QStringLiteral("ha_version"),
                                    HA_VERSION}}).toJson(QJsonDocument::Compact)));
        }
    }
}

void FakeHomeAssistant::handleWsText(QWebSocket *socket, const QString &text)
{
    auto session = m_sessions.find(socket);
    if (session == m_sessions.end())
        return;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    const auto sendRaw = [socket](const QJsonObject &object) {
        socket->sendTextMessage(
                QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    };

    if (!session->authenticated) {
        if (m_fault == Fault::HangAll)
            return;
        const QJsonObject auth = doc.object();
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()
                || auth.value(QLatin1String("type")).toString() != QLatin1String("auth")) {
            sendRaw({{QStringLiteral("type"), QStringLiteral("auth_invalid")},
                    {QStringLiteral("message"),
                            QStringLiteral("Auth message incorrectly formatted: expected auth "
                                           "message with access_token")}});
            socket->close();
            return;
        }
        if (!m_token.isEmpty() && auth.value(QLatin1String("access_token")).toString() == m_token) {
            session->authenticated = true;
            sendRaw({{QStringLiteral("type"), QStringLiteral("auth_ok")},
                    {QStringLiteral("ha_version"), HA_VERSION}});
        } else {
            sendRaw({{QStringLiteral("type"), QStringLiteral("auth_invalid")},
                    {QStringLiteral("message"),
                            QStringLiteral("Invalid access token or password")}});
            socket->close();
        }
        return;
    }

    ++m_requestCount;
    const QString type = doc.isArray()
            ? QStringLiteral("batch")
            : doc.object().value(QLatin1String("type")).toString(QStringLiteral("?"));
    // A slot connected to this may close the fake: nothing below may rely on `session`.
    Q_EMIT requestReceived(QStringLiteral("ws ") + type);
    if (!m_sessions.contains(socket))
        return;
    switch (m_fault) {
    case Fault::Hang:
    case Fault::HangAll:
        return;
    case Fault::Garbage:
        socket->sendTextMessage(QString::fromLatin1(GARBAGE));
        return;
    case Fault::None:
    case Fault::ServerError:
        break;
    }
    if (parseError.error != QJsonParseError::NoError) {
        // HA hangs up on a frame that is not JSON.
        socket->close(QWebSocketProtocol::CloseCodeWrongDatatype);
        return;
    }
    if (doc.isArray()) {
        // HA takes a JSON array of commands in one frame too.
        const auto commands = doc.array();
        for (const QJsonValue &command : commands)
            handleWsCommand(socket, command);
    } else {
        handleWsCommand(socket, doc.object());
    }
}

void FakeHomeAssistant::handleWsCommand(QWebSocket *socket, const QJsonValue &value)
{
    if (!m_sessions.contains(socket))
        return;
    WsSession &session = m_sessions[socket];
    const QJsonObject msg = value.toObject();
    const qint64 id = msg.value(QLatin1String("id")).toInteger(0);
    const QString type = msg.value(QLatin1String("type")).toString();
    if (!value.isObject() || id <= 0 || type.isEmpty()) {
        // HA echoes whatever id came, null when there was none.
        const QJsonValue rawId = msg.value(QLatin1String("id"));
        QJsonObject error{
                {QStringLiteral("id"), rawId.isUndefined() ? QJsonValue(QJsonValue::Null) : rawId},
                {QStringLiteral("type"), QStringLiteral("result")},
                {QStringLiteral("success"), false},
                {QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_format")},
                                {QStringLiteral("message"),
                                        QStringLiteral("Message incorrectly formatted.")}}}};
        sendWs(socket, error);
        return;
    }
    if (id <= session.lastId) {
        sendWsError(socket, id, QStringLiteral("id_reuse"),
                QStringLiteral("Identifier values have to increase."));
        return;
    }
    static const QSet<QString> known = {
            QStringLiteral("ping"),
            QStringLiteral("get_states"),
            QStringLiteral("get_config"),
            QStringLiteral("get_services"),
            QStringLiteral("config/area_registry/list"),
            QStringLiteral("config/device_registry/list"),
            QStringLiteral("config/entity_registry/list"),
            QStringLiteral("subscribe_events"),
            QStringLiteral("unsubscribe_events"),
            QStringLiteral("call_service"),
            QStringLiteral("supported_features"),
    };
    if (!known.contains(type)) {
        // As in HA, an unknown command does not advance the last id.
        sendWsError(
                socket, id, QStringLiteral("unknown_command"), QStringLiteral("Unknown command."));
        return;
    }
    session.lastId = id;
    if (m_fault == Fault::ServerError) {
        sendWsError(socket, id, QStringLiteral("unknown_error"), QStringLiteral("Unknown error"));
        return;
    }

    if (type == QLatin1String("ping")) {
        sendWs(socket,
                {{QStringLiteral("id"), id}, {QStringLiteral("type"), QStringLiteral("pong")}});
    } else if (type == QLatin1String("get_states")) {
        sendWsResult(socket, id, allStates());
    } else if (type == QLatin1String("get_config")) {
        sendWsResult(socket, id, config());
    } else if (type == QLatin1String("get_services")) {
        sendWsResult(socket, id, m_services);
    } else if (type == QLatin1String("config/area_registry/list")) {
        sendWsResult(socket, id, m_registries.areas);
    } else if (type == QLatin1String("config/device_registry/list")) {
        sendWsResult(socket, id, m_registries.devices);
    } else if (type == QLatin1String("config/entity_registry/list")) {
        sendWsResult(socket, id, m_registries.entities);
    } else if (type == QLatin1String("supported_features")) {
        sendWsResult(socket, id, QJsonValue::Null);
    } else if (type == QLatin1String("subscribe_events")) {
        session.subscriptions.insert(id, msg.value(QLatin1String("event_type")).toString());
        sendWsResult(socket, id, QJsonValue::Null);
    } else if (type == QLatin1String("unsubscribe_events")) {
        const qint64 subscription = msg.value(QLatin1String("subscription")).toInteger(0);
        if (session.subscriptions.remove(subscription))
            sendWsResult(socket, id, QJsonValue::Null);
        else
            sendWsError(socket, id, QStringLiteral("not_found"),
                    QStringLiteral("Subscription not found."));
    } else if (type == QLatin1String("call_service")) {
        for (const char *key : {"domain", "service"}) {
            if (!msg.value(QLatin1String(key)).isString()) {
                sendWsError(socket, id, QStringLiteral("invalid_format"),
                        QStringLiteral("required key not provided @ data['%1']")
                                .arg(QLatin1String(key)));
                return;
            }
        }
        const CallOutcome outcome = callService(msg.value(QLatin1String("domain")).toString(),
                msg.value(QLatin1String("service")).toString(),
                msg.value(QLatin1String("service_data")).toObject(),
                msg.value(QLatin1String("target")).toObject(), QStringLiteral("websocket"));
        if (!m_sessions.contains(socket))
            return; // a serviceCalled slot closed the fake
        switch (outcome.status) {
        case CallOutcome::Status::NotFound:
            sendWsError(
                    socket, id, QStringLiteral("not_found"), QStringLiteral("Service not found."));
            break;
        case CallOutcome::Status::Invalid:
            sendWsError(socket, id, QStringLiteral("invalid_format"), outcome.error);
            break;
        case CallOutcome::Status::Ok:
            sendWsResult(socket, id, QJsonObject{{QStringLiteral("context"), outcome.context}});
            break;
        }
    }
}

void FakeHomeAssistant::sendWs(QWebSocket *socket, const QJsonObject &message)
{
    if (m_fault == Fault::Garbage) {
        socket->sendTextMessage(QString::fromLatin1(GARBAGE));
        return;
    }
    socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void FakeHomeAssistant::sendWsResult(QWebSocket *socket, qint64 id, const QJsonValue &result)
{
    sendWs(socket,
            {{QStringLiteral("id"), id}, {QStringLiteral("type"), QStringLiteral("result")},
                    {QStringLiteral("success"), true}, {QStringLiteral("result"), result}});
}

void FakeHomeAssistant::sendWsError(
        QWebSocket *socket, qint64 id, const QString &code, const QString &message)
{
    sendWs(socket,
            {{QStringLiteral("id"), id}, {QStringLiteral("type"), QStringLiteral("result")},
                    {QStringLiteral("success"), false},
                    {QStringLiteral("error"),
                            QJsonObject{{QStringLiteral("code"), code},
                                    {QStringLiteral("message"), message}}}});
}

// --- the state machine --------------------------------------------------------------------

bool FakeHomeAssistant::isKnownService(const QString &domain, const QString &service) const
{
    if (m_services.value(domain).toObject().contains(service))
        return true;
    return builtinServices().value(domain).contains(service);
}

QStringList FakeHomeAssistant::resolveTargets(const QJsonObject &target) const
{
    QStringList ids = stringList(target.value(QLatin1String("entity_id")));
    const QStringList areas = stringList(target.value(QLatin1String("area_id")));
    QStringList devices = stringList(target.value(QLatin1String("device_id")));
    const auto addId = [&ids](const QString &id) {
        if (!ids.contains(id))
            ids.append(id);
    };
    // As HA: an area targets its devices' entities (unless an entity has an area of its own)
    // and the entities placed in it directly.
    QHash<QString, QString> deviceArea;
    for (const QJsonValue &d : std::as_const(m_registries.devices)) {
        const QJsonObject device = d.toObject();
        deviceArea.insert(device.value(QLatin1String("id")).toString(),
                device.value(QLatin1String("area_id")).toString());
    }
    for (const QJsonValue &e : std::as_const(m_registries.entities)) {
        const QJsonObject entity = e.toObject();
        const QString entityId = entity.value(QLatin1String("entity_id")).toString();
        const QString deviceId = entity.value(QLatin1String("device_id")).toString();
        QString area = entity.value(QLatin1String("area_id")).toString();
        if (area.isEmpty())
            area = deviceArea.value(deviceId);
        if ((!area.isEmpty() && areas.contains(area))
                || (!deviceId.isEmpty() && devices.contains(deviceId)))
            addId(entityId);
    }
    return ids;
}

FakeHomeAssistant::CallOutcome FakeHomeAssistant::callService(const QString &domain,
        const QString &service, QJsonObject data, QJsonObject target, const QString &via)
{
    CallOutcome outcome;
    if (!isKnownService(domain, service)) {
        outcome.status = CallOutcome::Status::NotFound;
        return outcome;
    }
    splitTarget(&data, &target);
    outcome.error = validate(domain, service, data);
    if (!outcome.error.isEmpty()) {
        outcome.status = CallOutcome::Status::Invalid;
        return outcome;
    }
    outcome.context = newContext(API_USER_ID);

    const ServiceCall call{domain, service, data, target, via};
    m_calls.append(call);
    Q_EMIT serviceCalled(call);

    // HA fires call_service on the bus before the service runs.
    QJsonObject eventData = data;
    for (auto it = target.begin(); it != target.end(); ++it)
        eventData.insert(it.key(), it.value());
    fireEvent(QStringLiteral("call_service"),
            QJsonObject{{QStringLiteral("domain"), domain}, {QStringLiteral("service"), service},
                    {QStringLiteral("service_data"), eventData}},
            outcome.context);

    QStringList entityIds = resolveTargets(target);
    if (entityIds.contains(QLatin1String("all"))) {
        entityIds.removeAll(QStringLiteral("all"));
        for (const QString &id : std::as_const(m_entityOrder)) {
            if (domain == QLatin1String("homeassistant") || id.section(u'.', 0, 0) == domain)
                entityIds.append(id);
        }
    }
    for (const QString &entityId : std::as_const(entityIds)) {
        // Unknown entities, entities of another domain and unavailable ones are skipped
        // without an error, as HA's entity services do.
        if (!m_states.contains(entityId))
            continue;
        const QString entityDomain = entityId.section(u'.', 0, 0);
        if (domain != QLatin1String("homeassistant") && entityDomain != domain)
            continue;
        const QJsonObject current = m_states.value(entityId);
        QString state = current.value(QLatin1String("state")).toString();
        if (state == QLatin1String("unavailable"))
            continue;
        QJsonObject attributes = current.value(QLatin1String("attributes")).toObject();
        if (!applyEffect(entityDomain, service, data, &state, &attributes))
            continue;
        const QJsonObject changed = applyState(entityId, state, attributes, outcome.context);
        if (!changed.isEmpty())
            outcome.changedStates.append(changed);
    }
    return outcome;
}

QJsonObject FakeHomeAssistant::applyState(const QString &entityId, const QString &state,
        const QJsonObject &attributes, const QJsonObject &context)
{
    const bool existed = m_states.contains(entityId);
    const QJsonObject old = m_states.value(entityId);
    const bool sameState = existed && old.value(QLatin1String("state")).toString() == state;
    // As HA: writing the same state and attributes again changes nothing and fires nothing.
    if (sameState && old.value(QLatin1String("attributes")).toObject() == attributes)
        return {};
    const QString now = timestamp();
    const QJsonObject updated{{QStringLiteral("entity_id"), entityId},
            {QStringLiteral("state"), state}, {QStringLiteral("attributes"), attributes},
            {QStringLiteral("last_changed"),
                    sameState ? old.value(QLatin1String("last_changed")) : QJsonValue(now)},
            {QStringLiteral("last_reported"), now}, {QStringLiteral("last_updated"), now},
            {QStringLiteral("context"), context}};
    if (!existed)
        m_entityOrder.append(entityId);
    m_states.insert(entityId, updated);
    fireEvent(QStringLiteral("state_changed"),
            QJsonObject{{QStringLiteral("entity_id"), entityId},
                    {QStringLiteral("old_state"),
                            existed ? QJsonValue(old) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("new_state"), updated}},
            context);
    return updated;
}

void FakeHomeAssistant::fireEvent(
        const QString &eventType, const QJsonObject &data, const QJsonObject &context)
{
    // A hung HA pushes nothing either.
    if (m_fault == Fault::Hang || m_fault == Fault::HangAll)
        return;
    const QJsonObject event{{QStringLiteral("event_type"), eventType},
            {QStringLiteral("data"), data}, {QStringLiteral("origin"), QStringLiteral("LOCAL")},
            {QStringLiteral("time_fired"), timestamp()}, {QStringLiteral("context"), context}};
    QList<QPair<QWebSocket *, qint64>> targets;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (!it->authenticated)
            continue;
        for (auto sub = it->subscriptions.cbegin(); sub != it->subscriptions.cend(); ++sub) {
            if (sub.value().isEmpty() || sub.value() == eventType)
                targets.append({it.key(), sub.key()});
        }
    }
    for (const auto &[socket, subscriptionId] : std::as_const(targets)) {
        sendWs(socket,
                {{QStringLiteral("id"), subscriptionId},
                        {QStringLiteral("type"), QStringLiteral("event")},
                        {QStringLiteral("event"), event}});
    }
}

QJsonArray FakeHomeAssistant::allStates() const
{
    QJsonArray states;
    for (const QString &id : m_entityOrder)
        states.append(m_states.value(id));
    return states;
}

QJsonArray FakeHomeAssistant::servicesList() const
{
    QJsonArray list;
    for (auto it = m_services.begin(); it != m_services.end(); ++it) {
        list.append(QJsonObject{
                {QStringLiteral("domain"), it.key()}, {QStringLiteral("services"), it.value()}});
    }
    return list;
}

QJsonObject FakeHomeAssistant::config() const
{
    // hass.config.as_dict() of 2024.6, for a home where the fixture was recorded (Nashville,
    // US units: the fixture's climate reports °F).
    QSet<QString> components = {QStringLiteral("api"), QStringLiteral("config"),
            QStringLiteral("http"), QStringLiteral("websocket_api"), QStringLiteral("frontend"),
            QStringLiteral("homeassistant")};
    for (const QString &id : m_entityOrder)
        components.insert(id.section(u'.', 0, 0));
    for (auto it = m_services.begin(); it != m_services.end(); ++it)
        components.insert(it.key());
    QStringList sorted(components.begin(), components.end());
    sorted.sort();
    return QJsonObject{
            {QStringLiteral("allowlist_external_dirs"), QJsonArray{QStringLiteral("/config/www")}},
            {QStringLiteral("allowlist_external_urls"), QJsonArray()},
            {QStringLiteral("components"), QJsonArray::fromStringList(sorted)},
            {QStringLiteral("config_dir"), QStringLiteral("/config")},
            {QStringLiteral("config_source"), QStringLiteral("storage")},
            {QStringLiteral("country"), QStringLiteral("US")},
            {QStringLiteral("currency"), QStringLiteral("USD")}, {QStringLiteral("elevation"), 182},
            {QStringLiteral("external_url"), QJsonValue::Null},
            {QStringLiteral("internal_url"), QJsonValue::Null},
            {QStringLiteral("language"), QStringLiteral("en")},
            {QStringLiteral("latitude"), 36.1627},
            {QStringLiteral("location_name"), QStringLiteral("Fake Home")},
            {QStringLiteral("longitude"), -86.7816}, {QStringLiteral("radius"), 100},
            {QStringLiteral("recovery_mode"), false}, {QStringLiteral("safe_mode"), false},
            {QStringLiteral("state"), QStringLiteral("RUNNING")},
            {QStringLiteral("time_zone"), QStringLiteral("America/Chicago")},
            {QStringLiteral("unit_system"),
                    QJsonObject{{QStringLiteral("length"), QStringLiteral("mi")},
                            {QStringLiteral("accumulated_precipitation"), QStringLiteral("in")},
                            {QStringLiteral("mass"), QStringLiteral("lb")},
                            {QStringLiteral("pressure"), QStringLiteral("psi")},
                            {QStringLiteral("temperature"), QStringLiteral("°F")},
                            {QStringLiteral("volume"), QStringLiteral("gal")},
                            {QStringLiteral("wind_speed"), QStringLiteral("mph")}}},
            {QStringLiteral("version"), HA_VERSION},
            {QStringLiteral("whitelist_external_dirs"), QJsonArray{QStringLiteral("/config/www")}}};
}

#include "FakeHomeAssistant.moc"
