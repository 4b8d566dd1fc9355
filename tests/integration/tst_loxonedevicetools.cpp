// The device tools over Loxone inside one process: the MCP engine, the real gate with real
// keys, LoxoneClient and LoxoneDevices against the fake Miniserver. Each test asserts what
// the caller saw and what the Miniserver received.
#include "FakeMiniserver.h"
#include "LoxoneClient.h"
#include "LoxoneDevices.h"
#include "McpSession.h"
#include "McpTestClient.h"
#include "ServedDevices.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace std::chrono_literals;
using Client = McpTestClient;

class tst_LoxoneDeviceTools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listDevicesShowsTheWholeMiniserver();
    void listRoomsComesFromTheStructureFile();
    void getDeviceStateAnswersFromTheLiveStates();
    void jalousiePositionIsConvertedOnTheWay();
    void switchOn();
    void loxoneSendCommandIsCheckedAgainstTheGrammar();
    void operatorsCannotTouchTheAlarm();
    void systemStatusReportsLoxone();
    void aStoppedBackendRefusesEverything();

private:
    QJsonObject call(const Caller &caller, const QString &tool, const QJsonObject &arguments);
    QList<FakeMiniserver::Command> commandsSince(int before) const;

    FakeMiniserver m_fake;
    std::unique_ptr<LoxoneClient> m_client;
    std::unique_ptr<LoxoneDevices> m_devices;
    ServedDevices m_served;
};

namespace {

const QString BLINDS = QStringLiteral("0f5e3a01-0102-1b0a-ffff504f9412ab34");
const QString SWITCH = QStringLiteral("0f5e3a01-0101-1b0a-ffff504f9412ab34");
const QString THERMOSTAT = QStringLiteral("0f5e3a01-0104-1b0a-ffff504f9412ab34");
const QString TEMP_ACTUAL = QStringLiteral("0f5e3a01-0104-1b01-ffff504f9412ab34");
const QString ALARM = QStringLiteral("0f5e3a01-0108-1b0a-ffff504f9412ab34");
const int DEVICES = 24; // 19 controls, 5 subcontrols

QString id(const QString &uuid)
{
    return QStringLiteral("loxone:") + uuid;
}

} // namespace

void tst_LoxoneDeviceTools::initTestCase()
{
    QVERIFY(m_served.gate().isValid());
    QString error;
    QVERIFY2(m_fake.loadStructure(FakeMiniserver::fixturePath(QStringLiteral(
                                          "ondrejlevy-loxone-mcp_structure_file.json")),
                     &error),
            qPrintable(error));
    m_fake.setCredentials(QStringLiteral("homewarden"), QStringLiteral("s3cret"));
    QVERIFY(m_fake.listen());

    LoxoneClient::Config config;
    config.baseUrl = m_fake.url();
    config.user = QStringLiteral("homewarden");
    config.password = QStringLiteral("s3cret");
    config.requestTimeout = 2000ms;
    config.reconnectDelay = 50ms;
    config.maxReconnectDelay = 200ms;
    m_client = std::make_unique<LoxoneClient>(config);
    m_client->setRequestGuard(m_served.stopSource());
    m_devices = std::make_unique<LoxoneDevices>(m_client.get());
    m_devices->setRefusalSource(m_served.stopSource());
    QVERIFY2(m_served.serve(m_devices.get(), &error), qPrintable(error));
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isConnected(), 5000);
}

void tst_LoxoneDeviceTools::init()
{
    m_served.stop.clear();
    if (m_client->isSuspended())
        m_client->resume();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isConnected(), 5000);
}

QJsonObject tst_LoxoneDeviceTools::call(
        const Caller &caller, const QString &tool, const QJsonObject &arguments)
{
    return m_served.call(caller, tool, arguments);
}

QList<FakeMiniserver::Command> tst_LoxoneDeviceTools::commandsSince(int before) const
{
    return m_fake.commands().mid(before);
}

void tst_LoxoneDeviceTools::listDevicesShowsTheWholeMiniserver()
{
    const Caller monitor = m_served.gate().login(Role::Monitor);
    QJsonObject result = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("backend"), QStringLiteral("loxone")}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    QJsonObject page = Client::structured(result);
    QCOMPARE(page.value(QLatin1String("total")).toInt(), DEVICES);
    const QJsonArray devices = page.value(QLatin1String("devices")).toArray();
    QCOMPARE(devices.size(), DEVICES);
    for (const QJsonValue &device : devices)
        QVERIFY(device.toObject()
                        .value(QLatin1String("id"))
                        .toString()
                        .startsWith(QLatin1String("loxone:")));
    QVERIFY(Client::text(result).contains(id(BLINDS) + QStringLiteral(" — Bedroom Blinds")));

    result = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("type"), QStringLiteral("cover")}});
    page = Client::structured(result);
    QCOMPARE(page.value(QLatin1String("total")).toInt(), 2); // the two Jalousies
    result = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("room"), QStringLiteral("kitchen")}, {QStringLiteral("limit"), 2}});
    page = Client::structured(result);
    QCOMPARE(page.value(QLatin1String("total")).toInt(), 3); // switch, light, audio
    QCOMPARE(page.value(QLatin1String("devices")).toArray().size(), 2);
    QVERIFY(page.contains(QLatin1String("next_cursor")));
}

void tst_LoxoneDeviceTools::listRoomsComesFromTheStructureFile()
{
    const QJsonObject result = call(m_served.gate().login(Role::Monitor),
            QStringLiteral("list_rooms"), {{QStringLiteral("backend"), QStringLiteral("loxone")}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    const QJsonArray rooms = Client::structured(result).value(QLatin1String("rooms")).toArray();
    QStringList names;
    int devices = 0;
    for (const QJsonValue &room : rooms) {
        names << room.toObject().value(QLatin1String("name")).toString();
        QVERIFY(room.toObject()
                        .value(QLatin1String("id"))
                        .toString()
                        .startsWith(QLatin1String("loxone:")));
        devices += room.toObject().value(QLatin1String("device_count")).toInt();
    }
    names.sort();
    QCOMPARE(names,
            QStringList({QStringLiteral("Bathroom"), QStringLiteral("Bedroom"),
                    QStringLiteral("Kitchen"), QStringLiteral("Living Room")}));
    QCOMPARE(devices, DEVICES);
}

void tst_LoxoneDeviceTools::getDeviceStateAnswersFromTheLiveStates()
{
    m_fake.setValue(TEMP_ACTUAL, 21.5);
    QTRY_COMPARE(m_client->stateValue(TEMP_ACTUAL), std::optional<double>(21.5));
    const QJsonObject result = call(m_served.gate().login(Role::Monitor),
            QStringLiteral("get_device_state"), {{QStringLiteral("device_id"), id(THERMOSTAT)}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    const QJsonObject device = Client::structured(result);
    QCOMPARE(device.value(QLatin1String("type")).toString(), QStringLiteral("climate"));
    QCOMPARE(device.value(QLatin1String("room")).toString(), QStringLiteral("Bathroom"));
    QCOMPARE(device.value(QLatin1String("state")).toString(), QStringLiteral("21.5"));
    const QJsonObject attributes = device.value(QLatin1String("attributes")).toObject();
    QCOMPARE(attributes.value(QLatin1String("control_type")).toString(),
            QStringLiteral("IRoomControllerV2"));
    QCOMPARE(attributes.value(QLatin1String("states"))
                     .toObject()
                     .value(QLatin1String("tempActual"))
                     .toDouble(),
            21.5);
    QCOMPARE(device.value(QLatin1String("actions")).toArray(),
            QJsonArray{QStringLiteral("set_temperature")});
}

void tst_LoxoneDeviceTools::jalousiePositionIsConvertedOnTheWay()
{
    const int before = int(m_fake.commands().size());
    const QJsonObject result =
            call(m_served.gate().login(Role::Operator), QStringLiteral("control_device"),
                    {{QStringLiteral("device_id"), id(BLINDS)},
                            {QStringLiteral("action"), QStringLiteral("position")},
                            {QStringLiteral("value"), 30}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    const QList<FakeMiniserver::Command> commands = commandsSince(before);
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands.first().uuid, BLINDS);
    // 30 % open is 70 % down.
    QCOMPARE(commands.first().command, QStringLiteral("manualPosition/70"));
    QCOMPARE(m_fake.value(BLINDS + QStringLiteral("/position")), std::optional<double>(0.7));
    QCOMPARE(Client::structured(result).value(QLatin1String("device_id")).toString(), id(BLINDS));

    const QJsonObject refused =
            call(m_served.gate().login(Role::Operator), QStringLiteral("control_device"),
                    {{QStringLiteral("device_id"), id(BLINDS)},
                            {QStringLiteral("action"), QStringLiteral("position")},
                            {QStringLiteral("value"), 130}});
    QVERIFY(Client::isError(refused));
    QVERIFY2(Client::text(refused).contains(QLatin1String("between 0 and 100")),
            qPrintable(Client::text(refused)));
    QCOMPARE(commandsSince(before).size(), 1);
}

void tst_LoxoneDeviceTools::switchOn()
{
    const int before = int(m_fake.commands().size());
    const QJsonObject result =
            call(m_served.gate().login(Role::Operator), QStringLiteral("control_device"),
                    {{QStringLiteral("device_id"), id(SWITCH)},
                            {QStringLiteral("action"), QStringLiteral("on")}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    QVERIFY(Client::text(result).startsWith(QLatin1String("Done (on): ") + id(SWITCH)));
    const QList<FakeMiniserver::Command> commands = commandsSince(before);
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands.first().uuid, SWITCH);
    QCOMPARE(commands.first().command, QStringLiteral("on"));
    QCOMPARE(m_fake.value(SWITCH + QStringLiteral("/active")), std::optional<double>(1));
}

void tst_LoxoneDeviceTools::loxoneSendCommandIsCheckedAgainstTheGrammar()
{
    const Caller operatorKey = m_served.gate().login(Role::Operator);
    const int before = int(m_fake.commands().size());
    QJsonObject result = call(operatorKey, QStringLiteral("loxone_send_command"),
            {{QStringLiteral("uuid"), BLINDS},
                    {QStringLiteral("command"), QStringLiteral("FullUp")}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    QJsonObject structured = Client::structured(result);
    QCOMPARE(structured.value(QLatin1String("uuid")).toString(), BLINDS);
    QCOMPARE(structured.value(QLatin1String("device_id")).toString(), id(BLINDS));
    QCOMPARE(structured.value(QLatin1String("value")).toString(), QStringLiteral("1"));
    QCOMPARE(structured.value(QLatin1String("device")).toObject().value(QLatin1String("type")),
            QJsonValue(QStringLiteral("cover")));

    // As a device id, in any case: the Miniserver gets Loxone's spelling.
    result = call(operatorKey, QStringLiteral("loxone_send_command"),
            {{QStringLiteral("uuid"), id(BLINDS)},
                    {QStringLiteral("command"), QStringLiteral("manualposition/25")}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    QList<FakeMiniserver::Command> commands = commandsSince(before);
    QCOMPARE(commands.size(), 2);
    QCOMPARE(commands.at(0).command, QStringLiteral("FullUp"));
    QCOMPARE(commands.at(1).command, QStringLiteral("manualPosition/25"));

    for (const QString &bad : {QStringLiteral("manualPosition/150"), QStringLiteral("explode"),
                 QStringLiteral("FullUp/../../dev/sys/reboot")}) {
        result = call(operatorKey, QStringLiteral("loxone_send_command"),
                {{QStringLiteral("uuid"), BLINDS}, {QStringLiteral("command"), bad}});
        QVERIFY2(Client::isError(result), qPrintable(bad));
        QVERIFY2(Client::text(result).contains(QStringLiteral("manualPosition/<0–100>")),
                qPrintable(Client::text(result)));
    }
    // (An operator would not even get this far: a device nobody knows counts as a security
    // device.)
    result = call(m_served.gate().login(Role::Admin), QStringLiteral("loxone_send_command"),
            {{QStringLiteral("uuid"), QStringLiteral("0f5e3a01-9999-1b0a-ffff504f9412ab34")},
                    {QStringLiteral("command"), QStringLiteral("on")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("There is no device")),
            qPrintable(Client::text(result)));
    QCOMPARE(commandsSince(before).size(), 2);

    // A monitor may not send commands at all.
    result = call(m_served.gate().login(Role::Monitor), QStringLiteral("loxone_send_command"),
            {{QStringLiteral("uuid"), SWITCH}, {QStringLiteral("command"), QStringLiteral("on")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("loxone:control")),
            qPrintable(Client::text(result)));
    QCOMPARE(commandsSince(before).size(), 2);
}

void tst_LoxoneDeviceTools::operatorsCannotTouchTheAlarm()
{
    const int before = int(m_fake.commands().size());
    const Caller operatorKey = m_served.gate().login(Role::Operator);
    QJsonObject result = call(operatorKey, QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), id(ALARM)},
                    {QStringLiteral("action"), QStringLiteral("disarm")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("loxone:security")),
            qPrintable(Client::text(result)));
    // The same device by its plain uuid is the same security device.
    result = call(operatorKey, QStringLiteral("loxone_send_command"),
            {{QStringLiteral("uuid"), ALARM}, {QStringLiteral("command"), QStringLiteral("off")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("loxone:security")),
            qPrintable(Client::text(result)));
    QCOMPARE(commandsSince(before).size(), 0);

    // Not even an admin key: this alarm wants its visualisation password (isSecured), which
    // HomeWarden does not have, so nothing is sent rather than a failed attempt counted.
    result = call(m_served.gate().login(Role::Admin), QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), id(ALARM)},
                    {QStringLiteral("action"), QStringLiteral("arm")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("protected by a visualisation password")),
            qPrintable(Client::text(result)));
    QCOMPARE(commandsSince(before).size(), 0);
}

void tst_LoxoneDeviceTools::systemStatusReportsLoxone()
{
    const QJsonObject result =
            call(m_served.gate().login(Role::Monitor), QStringLiteral("get_system_status"), {});
    const QJsonArray backends =
            Client::structured(result).value(QLatin1String("backends")).toArray();
    QCOMPARE(backends.size(), 1);
    const QJsonObject loxone = backends.first().toObject();
    QVERIFY(loxone.value(QLatin1String("connected")).toBool());
    QCOMPARE(loxone.value(QLatin1String("device_count")).toInt(), DEVICES);
    QVERIFY2(loxone.value(QLatin1String("detail"))
                     .toString()
                     .startsWith(
                             QLatin1String("Loxone Miniserver \"Test Miniserver\", 24 controls")),
            qPrintable(loxone.value(QLatin1String("detail")).toString()));
}

void tst_LoxoneDeviceTools::aStoppedBackendRefusesEverything()
{
    m_served.stop = QStringLiteral("A person stopped all AI access to Loxone.");
    m_client->abortAll(m_served.stop);
    const int requests = m_fake.requestCount();
    const int commands = int(m_fake.commands().size());
    const Caller admin = m_served.gate().login(Role::Admin);
    for (const auto &[tool, arguments] : QList<std::pair<QString, QJsonObject>>{
                 {QStringLiteral("list_devices"), {}},
                 {QStringLiteral("list_rooms"), {}},
                 {QStringLiteral("get_device_state"), {{QStringLiteral("device_id"), id(SWITCH)}}},
                 {QStringLiteral("control_device"),
                         {{QStringLiteral("device_id"), id(SWITCH)},
                                 {QStringLiteral("action"), QStringLiteral("on")}}},
                 {QStringLiteral("loxone_send_command"),
                         {{QStringLiteral("uuid"), SWITCH},
                                 {QStringLiteral("command"), QStringLiteral("pulse")}}},
         }) {
        const QJsonObject result = call(admin, tool, arguments);
        QVERIFY2(Client::isError(result), qPrintable(tool));
        QCOMPARE(Client::text(result), m_served.stop);
    }
    QCOMPARE(m_fake.requestCount(), requests);
    QCOMPARE(int(m_fake.commands().size()), commands);
}

QTEST_GUILESS_MAIN(tst_LoxoneDeviceTools)
#include "tst_loxonedevicetools.moc"
