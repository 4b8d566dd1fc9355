// The device tools end to end inside one process: the MCP engine, the real gate with real
// keys, the Home Assistant client and the fake Home Assistant loaded with the real state
// dump. Each test asserts what the caller saw and what Home Assistant received.
#include "FakeHomeAssistant.h"
#include "HomeAssistantClient.h"
#include "HomeAssistantDevices.h"
#include "McpSession.h"
#include "McpTestClient.h"
#include "ServedDevices.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using Client = McpTestClient;

class tst_DeviceTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listDevicesPagesTheWholeHouse();
    void listDevicesFilters();
    void aCursorBelongsToItsFilters();
    void getDeviceStateAnswersFromTheLiveCache();
    void unknownAndMalformedDevicesAreNamed();
    void controlDeviceCallsTheMappedService();
    void badValuesNeverReachHomeAssistant();
    void rolesDecideWhoMayControlWhat();
    void deviceKeysSeeOnlyTheirDevices();
    void haCallServiceIsGuarded();
    void systemStatusReportsHomeAssistant();
    void aStoppedBackendRefusesEverything();
    void anUnreachableHomeAssistantIsAClearError();

private:
    QJsonObject call(const Caller &caller, const QString &tool, const QJsonObject &arguments);
    QList<FakeHomeAssistant::ServiceCall> callsSince(int before) const;

    FakeHomeAssistant m_fake;
    std::unique_ptr<HomeAssistantClient> m_client;
    std::unique_ptr<HomeAssistantDevices> m_devices;
    ServedDevices m_served;
};

void tst_DeviceTools::initTestCase()
{
    QVERIFY(m_served.gate().isValid());
    QString error;
    QVERIFY2(m_fake.loadFixtures(&error), qPrintable(error));
    m_fake.setRegistries(FakeHomeAssistant::exampleRegistries());
    for (const QJsonObject &added : FakeHomeAssistant::exampleAddedEntities())
        m_fake.addEntity(added);
    QVERIFY(m_fake.listen());

    HomeAssistantClient::Options options;
    options.baseUrl = m_fake.url();
    options.token = m_fake.token();
    options.requestTimeoutMs = 1000;
    options.minReconnectDelayMs = 50;
    options.maxReconnectDelayMs = 200;
    m_client = std::make_unique<HomeAssistantClient>(options);
    m_client->setRequestGuard(m_served.stopSource());
    m_devices = std::make_unique<HomeAssistantDevices>(m_client.get());
    m_devices->setRefusalSource(m_served.stopSource());
    QVERIFY2(m_served.serve(m_devices.get(), &error), qPrintable(error));
    m_client->start();
}

void tst_DeviceTools::init()
{
    m_fake.setFault(FakeHomeAssistant::Fault::None);
    m_served.stop.clear();
    m_client->resume();
}

QJsonObject tst_DeviceTools::call(
        const Caller &caller, const QString &tool, const QJsonObject &arguments)
{
    return m_served.call(caller, tool, arguments);
}

QList<FakeHomeAssistant::ServiceCall> tst_DeviceTools::callsSince(int before) const
{
    return m_fake.serviceCalls().mid(before);
}

void tst_DeviceTools::listDevicesPagesTheWholeHouse()
{
    const Caller admin = m_served.gate().login(Role::Admin);
    QSet<QString> seen;
    QString cursor;
    int pages = 0;
    int total = -1;
    do {
        QJsonObject arguments{{QStringLiteral("limit"), 50}};
        if (!cursor.isEmpty())
            arguments.insert(QStringLiteral("cursor"), cursor);
        const QJsonObject result = call(admin, QStringLiteral("list_devices"), arguments);
        QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
        const QJsonObject page = Client::structured(result);
        total = page.value(QLatin1String("total")).toInt();
        const QJsonArray devices = page.value(QLatin1String("devices")).toArray();
        QVERIFY(devices.size() <= 50);
        for (const QJsonValue &device : devices)
            seen.insert(device.toObject().value(QLatin1String("id")).toString());
        cursor = page.value(QLatin1String("next_cursor")).toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(total, m_fake.entityCount());
    QCOMPARE(int(seen.size()), total);
    QCOMPARE(pages, (total + 49) / 50);
    QVERIFY(seen.contains(QStringLiteral("ha:light.kitchen")));
}

void tst_DeviceTools::listDevicesFilters()
{
    const Caller monitor = m_served.gate().login(Role::Monitor);
    QJsonObject result = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("type"), QStringLiteral("light")}});
    QJsonArray devices = Client::structured(result).value(QLatin1String("devices")).toArray();
    QCOMPARE(devices.size(), 31); // the dump's lights
    for (const QJsonValue &device : devices)
        QCOMPARE(
                device.toObject().value(QLatin1String("type")).toString(), QStringLiteral("light"));

    result = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("room"), QStringLiteral("kitchen")}});
    devices = Client::structured(result).value(QLatin1String("devices")).toArray();
    QVERIFY2(!devices.isEmpty(), qPrintable(Client::text(result)));
    for (const QJsonValue &device : devices)
        QCOMPARE(device.toObject().value(QLatin1String("room")).toString().toLower(),
                QStringLiteral("kitchen"));

    result = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("query"), QStringLiteral("ECOBEE")}});
    devices = Client::structured(result).value(QLatin1String("devices")).toArray();
    QCOMPARE(devices.size(), 6); // the thermostat, its sensors, weather and tracker
    for (const QJsonValue &device : devices)
        QVERIFY(device.toObject()
                        .value(QLatin1String("id"))
                        .toString()
                        .contains(QLatin1String("ecobee")));
    QVERIFY(Client::text(result).contains(QStringLiteral("ha:climate.my_ecobee3 — My ecobee3")));
}

void tst_DeviceTools::aCursorBelongsToItsFilters()
{
    const Caller monitor = m_served.gate().login(Role::Monitor);
    const QJsonObject first =
            call(monitor, QStringLiteral("list_devices"), {{QStringLiteral("limit"), 5}});
    const QString cursor = Client::structured(first).value(QLatin1String("next_cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    const QJsonObject other = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("cursor"), cursor},
                    {QStringLiteral("type"), QStringLiteral("light")}});
    QVERIFY(Client::isError(other));
    QVERIFY(Client::text(other).contains(QLatin1String("cursor")));
    const QJsonObject garbage = call(monitor, QStringLiteral("list_devices"),
            {{QStringLiteral("cursor"), QStringLiteral("%%%")}});
    QVERIFY(Client::isError(garbage));
}

void tst_DeviceTools::getDeviceStateAnswersFromTheLiveCache()
{
    const Caller monitor = m_served.gate().login(Role::Monitor);
    m_fake.setState(QStringLiteral("sensor.allergy_index_today"), QStringLiteral("7.5"));
    QTRY_COMPARE(m_client->states()
                         .value(QStringLiteral("sensor.allergy_index_today"))
                         .value(QLatin1String("state"))
                         .toString(),
            QStringLiteral("7.5"));
    const QJsonObject result = call(monitor, QStringLiteral("get_device_state"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:sensor.allergy_index_today")}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    const QJsonObject device = Client::structured(result);
    QCOMPARE(device.value(QLatin1String("state")).toString(), QStringLiteral("7.5"));
    QVERIFY(device.value(QLatin1String("attributes"))
                    .toObject()
                    .contains(QLatin1String("friendly_name")));
    QCOMPARE(device.value(QLatin1String("actions")).toArray().size(), 0);
}

void tst_DeviceTools::unknownAndMalformedDevicesAreNamed()
{
    const Caller monitor = m_served.gate().login(Role::Monitor);
    QJsonObject result = call(monitor, QStringLiteral("get_device_state"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:light.nowhere")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("There is no device ha:light.nowhere")),
            qPrintable(Client::text(result)));
    result = call(monitor, QStringLiteral("get_device_state"),
            {{QStringLiteral("device_id"), QStringLiteral("light.kitchen")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("ha:light.kitchen")),
            qPrintable(Client::text(result)));
}

void tst_DeviceTools::controlDeviceCallsTheMappedService()
{
    const Caller operatorKey = m_served.gate().login(Role::Operator);
    const int before = int(m_fake.serviceCalls().size());
    const QJsonObject result = call(operatorKey, QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
                    {QStringLiteral("action"), QStringLiteral("brightness")},
                    {QStringLiteral("value"), 80}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    const QList<FakeHomeAssistant::ServiceCall> calls = callsSince(before);
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().domain, QStringLiteral("light"));
    QCOMPARE(calls.first().service, QStringLiteral("turn_on"));
    QCOMPARE(calls.first().serviceData.value(QLatin1String("brightness_pct")).toInt(), 80);
    QCOMPARE(calls.first().target.value(QLatin1String("entity_id")).toArray(),
            QJsonArray{QStringLiteral("light.kitchen")});
    QCOMPARE(m_fake.state(QStringLiteral("light.kitchen")).value(QLatin1String("state")).toString(),
            QStringLiteral("on"));

    const QJsonObject cover = call(operatorKey, QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:cover.living_room_blinds")},
                    {QStringLiteral("action"), QStringLiteral("position")},
                    {QStringLiteral("value"), 30}});
    QVERIFY2(!Client::isError(cover), qPrintable(Client::text(cover)));
    QCOMPARE(callsSince(before).last().service, QStringLiteral("set_cover_position"));
    QCOMPARE(callsSince(before).last().serviceData.value(QLatin1String("position")).toInt(), 30);
}

void tst_DeviceTools::badValuesNeverReachHomeAssistant()
{
    const Caller operatorKey = m_served.gate().login(Role::Operator);
    const int before = int(m_fake.serviceCalls().size());
    QJsonObject result = call(operatorKey, QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
                    {QStringLiteral("action"), QStringLiteral("brightness")},
                    {QStringLiteral("value"), 150}});
    QVERIFY(Client::isError(result));
    QVERIFY(Client::text(result).contains(QLatin1String("between 0 and 100")));
    result = call(operatorKey, QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:sensor.allergy_index_today")},
                    {QStringLiteral("action"), QStringLiteral("on")}});
    QVERIFY(Client::isError(result));
    result = call(operatorKey, QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
                    {QStringLiteral("action"), QStringLiteral("explode")}});
    QVERIFY(Client::isError(result));
    QCOMPARE(callsSince(before).size(), 0);
}

void tst_DeviceTools::rolesDecideWhoMayControlWhat()
{
    const int before = int(m_fake.serviceCalls().size());
    const QJsonObject unlock{{QStringLiteral("device_id"), QStringLiteral("ha:lock.front_door")},
            {QStringLiteral("action"), QStringLiteral("unlock")}};
    QJsonObject result =
            call(m_served.gate().login(Role::Monitor), QStringLiteral("control_device"),
                    {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
                            {QStringLiteral("action"), QStringLiteral("on")}});
    QVERIFY(Client::isError(result));
    QVERIFY(Client::text(result).contains(QLatin1String("ha:control")));
    result = call(m_served.gate().login(Role::Operator), QStringLiteral("control_device"), unlock);
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("security")),
            qPrintable(Client::text(result)));
    // The garage door is a security device because of its device class, not its domain.
    result = call(m_served.gate().login(Role::Operator), QStringLiteral("control_device"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:cover.garage_door")},
                    {QStringLiteral("action"), QStringLiteral("open")}});
    QVERIFY(Client::isError(result));
    QCOMPARE(callsSince(before).size(), 0);

    result = call(m_served.gate().login(Role::Admin), QStringLiteral("control_device"), unlock);
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    QCOMPARE(callsSince(before).size(), 1);
    QCOMPARE(callsSince(before).first().service, QStringLiteral("unlock"));
}

void tst_DeviceTools::deviceKeysSeeOnlyTheirDevices()
{
    const Caller device = m_served.gate().login(
            Role::Device, {QStringLiteral("ha:light.kitchen"), QStringLiteral("ha:light.den")});
    QJsonObject result = call(device, QStringLiteral("list_devices"), {});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    QCOMPARE(Client::structured(result).value(QLatin1String("total")).toInt(), 2);
    result = call(device, QStringLiteral("get_device_state"),
            {{QStringLiteral("device_id"), QStringLiteral("ha:light.nightstand")}});
    QVERIFY(Client::isError(result));
    result = call(device, QStringLiteral("list_rooms"), {});
    const QJsonArray rooms = Client::structured(result).value(QLatin1String("rooms")).toArray();
    int devicesInRooms = 0;
    for (const QJsonValue &room : rooms)
        devicesInRooms += room.toObject().value(QLatin1String("device_count")).toInt();
    QVERIFY(devicesInRooms <= 2);
}

void tst_DeviceTools::haCallServiceIsGuarded()
{
    const Caller operatorKey = m_served.gate().login(Role::Operator);
    const int before = int(m_fake.serviceCalls().size());
    QJsonObject result = call(operatorKey, QStringLiteral("ha_call_service"),
            {{QStringLiteral("domain"), QStringLiteral("homeassistant")},
                    {QStringLiteral("service"), QStringLiteral("restart")}});
    QVERIFY(Client::isError(result));
    QVERIFY(Client::text(result).contains(QLatin1String("not on HomeWarden's list")));
    result = call(operatorKey, QStringLiteral("ha_call_service"),
            {{QStringLiteral("domain"), QStringLiteral("light")},
                    {QStringLiteral("service"), QStringLiteral("turn_on")},
                    {QStringLiteral("data"),
                            QJsonObject{
                                    {QStringLiteral("entity_id"), QStringLiteral("light.den")}}}});
    QVERIFY(Client::isError(result));
    result = call(operatorKey, QStringLiteral("ha_call_service"),
            {{QStringLiteral("domain"), QStringLiteral("lock")},
                    {QStringLiteral("service"), QStringLiteral("unlock")},
                    {QStringLiteral("entity_id"), QStringLiteral("lock.front_door")}});
    QVERIFY(Client::isError(result));
    QCOMPARE(callsSince(before).size(), 0);

    result = call(operatorKey, QStringLiteral("ha_call_service"),
            {{QStringLiteral("domain"), QStringLiteral("light")},
                    {QStringLiteral("service"), QStringLiteral("turn_on")},
                    {QStringLiteral("entity_id"), QStringLiteral("light.den")},
                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("brightness_pct"), 20}}}});
    QVERIFY2(!Client::isError(result), qPrintable(Client::text(result)));
    QCOMPARE(callsSince(before).size(), 1);
    QCOMPARE(callsSince(before).first().serviceData.value(QLatin1String("brightness_pct")).toInt(),
            20);
}

void tst_DeviceTools::systemStatusReportsHomeAssistant()
{
    const QJsonObject result =
            call(m_served.gate().login(Role::Monitor), QStringLiteral("get_system_status"), {});
    const QJsonArray backends =
            Client::structured(result).value(QLatin1String("backends")).toArray();
    QCOMPARE(backends.size(), 1);
    const QJsonObject ha = backends.first().toObject();
    QVERIFY(ha.value(QLatin1String("connected")).toBool());
    QCOMPARE(ha.value(QLatin1String("version")).toString(), FakeHomeAssistant::haVersion());
    QCOMPARE(ha.value(QLatin1String("device_count")).toInt(), m_fake.entityCount());
    QVERIFY(ha.contains(QLatin1String("connected_since")));
}

void tst_DeviceTools::aStoppedBackendRefusesEverything()
{
    QTRY_VERIFY(m_client->isReady());
    m_served.stop = QStringLiteral("A person stopped all AI access to Home Assistant.");
    m_client->abortAll(m_served.stop);
    const int requests = m_fake.requestCount();
    const Caller admin = m_served.gate().login(Role::Admin);
    for (const auto &[tool, arguments] : QList<std::pair<QString, QJsonObject>>{
                 {QStringLiteral("list_devices"), {}},
                 {QStringLiteral("list_rooms"), {}},
                 {QStringLiteral("get_device_state"),
                         {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")}}},
                 {QStringLiteral("control_device"),
                         {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
                                 {QStringLiteral("action"), QStringLiteral("on")}}},
                 {QStringLiteral("ha_call_service"),
                         {{QStringLiteral("domain"), QStringLiteral("light")},
                                 {QStringLiteral("service"), QStringLiteral("turn_on")}}},
         }) {
        const QJsonObject result = call(admin, tool, arguments);
        QVERIFY2(Client::isError(result), qPrintable(tool));
        QCOMPARE(Client::text(result), m_served.stop);
    }
    QCOMPARE(m_fake.requestCount(), requests);
}

void tst_DeviceTools::anUnreachableHomeAssistantIsAClearError()
{
    QTRY_VERIFY(m_client->isReady());
    m_fake.setFault(FakeHomeAssistant::Fault::Hang);
    const QJsonObject result =
            call(m_served.gate().login(Role::Operator), QStringLiteral("control_device"),
                    {{QStringLiteral("device_id"), QStringLiteral("ha:light.kitchen")},
                            {QStringLiteral("action"), QStringLiteral("off")}});
    QVERIFY(Client::isError(result));
    QVERIFY2(Client::text(result).contains(QLatin1String("did not answer within 1 s")),
            qPrintable(Client::text(result)));
}

QTEST_GUILESS_MAIN(tst_DeviceTools)
#include "tst_devicetools.moc"
