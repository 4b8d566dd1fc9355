// How Home Assistant's entities become devices and control_device's actions service calls,
// checked on the real state dump in tests/fixtures/ha.
#include "HomeAssistantMapping.h"
#include "HomeAssistantRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class tst_HomeAssistantMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFixtureEntityBecomesADevice();
    void roomsComeFromEntityThenDevice();
    void securityDevicesAreMarked();
    void brightnessMapsToPercent();
    void valuesOutOfRangeAreRefusedWithTheRange();
    void readOnlyDevicesCannotBeControlled();
    void temperatureIsCelsiusEvenForFahrenheitEntities();
    void modesComeFromTheEntity();
    void alarmArmModesAndCodes();
    void groupsUseTheGenericService();
    void entityIdsAreValidated();

private:
    Device device(const QString &entityId) const;
    QHash<QString, QJsonObject> m_states;
    HomeAssistantRegistry m_registry;
};

void tst_HomeAssistantMapping::initTestCase()
{
    QFile file(QStringLiteral(
            HOMEWARDEN_SOURCE_DIR "/tests/fixtures/ha/hubot-home-assistant_states.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray states = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(states.size(), 131);
    for (const QJsonValue &state : states) {
        const QJsonObject object = state.toObject();
        m_states.insert(object.value(QLatin1String("entity_id")).toString(), object);
    }
    // Added for the test (the dump has no registries): the kitchen area holds light.kitchen
    // directly, and light.den through its device.
    m_registry.setAreas({QJsonObject{{QStringLiteral("area_id"), QStringLiteral("kitchen")},
                                 {QStringLiteral("name"), QStringLiteral("Kitchen")}},
            QJsonObject{{QStringLiteral("area_id"), QStringLiteral("den")},
                    {QStringLiteral("name"), QStringLiteral("Den")}}});
    m_registry.setDevices({QJsonObject{{QStringLiteral("id"), QStringLiteral("dev1")},
            {QStringLiteral("area_id"), QStringLiteral("den")}}});
    m_registry.setEntities(
            {QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("light.kitchen")},
                     {QStringLiteral("area_id"), QStringLiteral("kitchen")}},
                    QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("light.den")},
                            {QStringLiteral("device_id"), QStringLiteral("dev1")},
                            {QStringLiteral("area_id"), QJsonValue::Null}}});
}

Device tst_HomeAssistantMapping::device(const QString &entityId) const
{
    return HomeAssistantMapping::toDevice(m_states.value(entityId), m_registry);
}

void tst_HomeAssistantMapping::everyFixtureEntityBecomesADevice()
{
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        const Device d = HomeAssistantMapping::toDevice(*it, m_registry);
        QCOMPARE(d.id, QStringLiteral("ha:") + it.key());
        QVERIFY2(!d.name.isEmpty(), qPrintable(it.key()));
        QVERIFY2(!d.type.isEmpty(), qPrintable(it.key()));
        QVERIFY(HomeAssistantMapping::isValidEntityId(it.key()));
    }
    const Device light = device(QStringLiteral("light.kitchen"));
    QCOMPARE(light.name, QStringLiteral("Kitchen"));
    QCOMPARE(light.type, QStringLiteral("light"));
    QCOMPARE(light.state, QStringLiteral("off"));
    QVERIFY(light.actions.contains(QStringLiteral("brightness")));
    QVERIFY(light.lastChanged.isValid());
    const Device sensor = device(QStringLiteral("sensor.allergy_index_today"));
    QVERIFY(sensor.actions.isEmpty());
}

void tst_HomeAssistantMapping::roomsComeFromEntityThenDevice()
{
    QCOMPARE(device(QStringLiteral("light.kitchen")).room, QStringLiteral("Kitchen"));
    QCOMPARE(device(QStringLiteral("light.den")).room, QStringLiteral("Den"));
    QVERIFY(device(QStringLiteral("light.nightstand")).room.isEmpty());
}

void tst_HomeAssistantMapping::securityDevicesAreMarked()
{
    const Device alarm = device(QStringLiteral("alarm_control_panel.simplisafe"));
    QCOMPARE(alarm.type, QStringLiteral("alarm"));
    QVERIFY(alarm.security);
    QCOMPARE(alarm.actions, (QStringList{QStringLiteral("arm"), QStringLiteral("disarm")}));
    QVERIFY(!device(QStringLiteral("light.kitchen")).security);

    // Added: the dump has no covers; a garage door is one, a blind is not.
    auto cover = [this](const char *deviceClass) {
        return HomeAssistantMapping::toDevice(
                QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("cover.x")},
                        {QStringLiteral("state"), QStringLiteral("closed")},
                        {QStringLiteral("attributes"),
                                QJsonObject{{QStringLiteral("device_class"),
                                        QLatin1String(deviceClass)}}}},
                m_registry);
    };
    QVERIFY(cover("garage").security);
    QVERIFY(!cover("blind").security);
}

void tst_HomeAssistantMapping::brightnessMapsToPercent()
{
    QString error;
    const auto call = HomeAssistantMapping::serviceFor(
            device(QStringLiteral("light.kitchen")), QStringLiteral("brightness"), 80, &error);
    QVERIFY2(call, qPrintable(error));
    QCOMPARE(call->domain, QStringLiteral("light"));
    QCOMPARE(call->service, QStringLiteral("turn_on"));
    QCOMPARE(call->data.value(QLatin1String("brightness_pct")).toInt(), 80);
}

void tst_HomeAssistantMapping::valuesOutOfRangeAreRefusedWithTheRange()
{
    QString error;
    QVERIFY(!HomeAssistantMapping::serviceFor(
            device(QStringLiteral("light.kitchen")), QStringLiteral("brightness"), 150, &error));
    QVERIFY2(error.contains(QLatin1String("between 0 and 100")), qPrintable(error));
    QVERIFY(!HomeAssistantMapping::serviceFor(device(QStringLiteral("light.kitchen")),
            QStringLiteral("brightness"), QStringLiteral("bright"), &error));
    QVERIFY2(error.contains(QLatin1String("number")), qPrintable(error));
    QVERIFY(!HomeAssistantMapping::serviceFor(
            device(QStringLiteral("light.kitchen")), QStringLiteral("on"), 3, &error));
    QVERIFY2(error.contains(QLatin1String("takes no value")), qPrintable(error));
    const auto volume = HomeAssistantMapping::serviceFor(
            device(QStringLiteral("media_player.living_room_apple_tv")), QStringLiteral("volume"),
            40, &error);
    QVERIFY(volume);
    QCOMPARE(volume->data.value(QLatin1String("volume_level")).toDouble(), 0.4);
}

void tst_HomeAssistantMapping::readOnlyDevicesCannotBeControlled()
{
    QString error;
    QVERIFY(!HomeAssistantMapping::serviceFor(device(QStringLiteral("sensor.allergy_index_today")),
            QStringLiteral("on"), {}, &error));
    QVERIFY2(error.contains(QLatin1String("can only be read")), qPrintable(error));
    QVERIFY(!HomeAssistantMapping::serviceFor(
            device(QStringLiteral("light.kitchen")), QStringLiteral("unlock"), {}, &error));
    QVERIFY2(error.contains(QLatin1String("on, off, toggle, brightness")), qPrintable(error));
}

void tst_HomeAssistantMapping::temperatureIsCelsiusEvenForFahrenheitEntities()
{
    const Device ecobee = device(QStringLiteral("climate.my_ecobee3"));
    QString error;
    const auto call =
            HomeAssistantMapping::serviceFor(ecobee, QStringLiteral("set_temperature"), 22, &error);
    QVERIFY2(call, qPrintable(error));
    QCOMPARE(call->data.value(QLatin1String("temperature")).toDouble(), 71.6);
    // 45–95 °F is 7.2–35 °C.
    QVERIFY(!HomeAssistantMapping::serviceFor(
            ecobee, QStringLiteral("set_temperature"), 5, &error));
    QVERIFY2(error.contains(QLatin1String("between 7.2 and 35")), qPrintable(error));
}

void tst_HomeAssistantMapping::modesComeFromTheEntity()
{
    const Device ecobee = device(QStringLiteral("climate.my_ecobee3"));
    QString error;
    const auto heat = HomeAssistantMapping::serviceFor(
            ecobee, QStringLiteral("set_mode"), QStringLiteral("heat"), &error);
    QVERIFY(heat);
    QCOMPARE(heat->service, QStringLiteral("set_hvac_mode"));
    QVERIFY(!HomeAssistantMapping::serviceFor(
            ecobee, QStringLiteral("set_mode"), QStringLiteral("sauna"), &error));
    QVERIFY2(error.contains(QLatin1String("auxHeatOnly")), qPrintable(error));
}

void tst_HomeAssistantMapping::alarmArmModesAndCodes()
{
    Device alarm = device(QStringLiteral("alarm_control_panel.simplisafe"));
    QString error;
    auto arm = HomeAssistantMapping::serviceFor(alarm, QStringLiteral("arm"), {}, &error);
    QVERIFY(arm);
    QCOMPARE(arm->service, QStringLiteral("alarm_arm_away"));
    arm = HomeAssistantMapping::serviceFor(
            alarm, QStringLiteral("arm"), QStringLiteral("night"), &error);
    QCOMPARE(arm->service, QStringLiteral("alarm_arm_night"));
    QVERIFY(!HomeAssistantMapping::serviceFor(
            alarm, QStringLiteral("arm"), QStringLiteral("party"), &error));
    alarm.attributes.insert(QStringLiteral("code_format"), QStringLiteral("number"));
    QVERIFY(!HomeAssistantMapping::serviceFor(alarm, QStringLiteral("disarm"), {}, &error));
    QVERIFY2(error.contains(QLatin1String("code")), qPrintable(error));
}

void tst_HomeAssistantMapping::groupsUseTheGenericService()
{
    const QString group =
            m_states.keys().filter(QRegularExpression(QStringLiteral("^group\\."))).value(0);
    QVERIFY(!group.isEmpty());
    QString error;
    const auto call =
            HomeAssistantMapping::serviceFor(device(group), QStringLiteral("off"), {}, &error);
    QVERIFY(call);
    QCOMPARE(call->domain, QStringLiteral("homeassistant"));
    QCOMPARE(call->service, QStringLiteral("turn_off"));
}

void tst_HomeAssistantMapping::entityIdsAreValidated()
{
    QVERIFY(HomeAssistantMapping::isValidEntityId(QStringLiteral("light.kitchen_2")));
    QVERIFY(!HomeAssistantMapping::isValidEntityId(QStringLiteral("all")));
    QVERIFY(!HomeAssistantMapping::isValidEntityId(QStringLiteral("light.Kitchen")));
    QVERIFY(!HomeAssistantMapping::isValidEntityId(QStringLiteral("light.kitchen; rm")));
    QVERIFY(!HomeAssistantMapping::isValidEntityId(QStringLiteral("light.")));
}

QTEST_GUILESS_MAIN(tst_HomeAssistantMapping)
#include "tst_homeassistantmapping.moc"
