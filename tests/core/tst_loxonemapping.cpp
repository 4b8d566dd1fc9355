#include "DeviceTools.h"
#include "LoxoneCommandGrammar.h"
#include "LoxoneMapping.h"
#include "LoxoneStateCache.h"
#include "LoxoneStructure.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

// How both fixtures' controls become devices, how control_device's actions become Loxone
// commands (a Jalousie's position counted the other way round), and which raw commands
// loxone_send_command lets through.
class tst_LoxoneMapping final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyControlIsADevice_data();
    void everyControlIsADevice();
    void typesAndSecurity_data();
    void typesAndSecurity();
    void jalousiePositionBothWays();
    void liveStatesMakeTheSummary();
    void actionsBecomeCommands_data();
    void actionsBecomeCommands();
    void valuesOutOfRangeAreRefused_data();
    void valuesOutOfRangeAreRefused();
    void dimmerKeepsToItsOwnRange();
    void scenesByNameOrNumber();
    void grammarAccepts_data();
    void grammarAccepts();
    void grammarRefuses_data();
    void grammarRefuses();

private:
    static const LoxoneStructure &structure(const QString &fileName);
    static Device device(
            const QString &fileName, const QString &controlId, const LoxoneStateCache &states = {});
};

namespace {

const QString REAL = QStringLiteral("smarteon-java_LoxAPP3.json");
const QString SYNTHETIC = QStringLiteral("ondrejlevy-loxone-mcp_structure_file.json");

const QString BLINDS = QStringLiteral("0f5e3a01-0102-1b0a-ffff504f9412ab34");
const QString SWITCH = QStringLiteral("0f5e3a01-0101-1b0a-ffff504f9412ab34");
const QString EIB_DIMMER = QStringLiteral("0f5e3a01-0103-1b0a-ffff504f9412ab34");
const QString THERMOSTAT = QStringLiteral("0f5e3a01-0104-1b0a-ffff504f9412ab34");
const QString HOME_ALARM = QStringLiteral("0f5e3a01-0108-1b0a-ffff504f9412ab34");
const QString GRID_POWER = QStringLiteral("0f5e3a01-0109-1b0a-ffff504f9412ab34");
const QString BATTERY = QStringLiteral("0f5e3a01-010b-1b0a-ffff504f9412ab34");
const QString AUDIO = QStringLiteral("0f5e3a01-0110-1b0a-ffff504f9412ab34");
const QString INTERCOM = QStringLiteral("0f5e3a01-0111-1b0a-ffff504f9412ab34");
const QString WINDOW = QStringLiteral("0f5e3a01-0106-1b0a-ffff504f9412ab34");
const QString MOTION = QStringLiteral("0f5e3a01-0115-1b0a-ffff504f9412ab34");

const QString ALARM = QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a");
const QString ALARM_SENSORS = ALARM + QStringLiteral("/sensors");
const QString SMOKE = QStringLiteral("0f86a20d-0301-1814-ffff373f9870b52a");
const QString PUSHBUTTON = QStringLiteral("0f86a20d-02ad-17f0-ffff373f9870b52a");
const QString LIGHTS = QStringLiteral("0f86a20d-009d-178c-ffff373f9870b52a");
const QString RGB = LIGHTS + QStringLiteral("/AI1");
const QString DIMMER = LIGHTS + QStringLiteral("/AI2");
const QString IRC = QStringLiteral("0f8b7707-00dc-1049-ffff373f9870b52a");
const QString HEATING = QStringLiteral("0f8b7707-00dc-1013-ffff747a5b105600");
const QString CENTRAL = QStringLiteral("10a73e3b-01d5-1a35-ffff373f9870b52a");

} // namespace

const LoxoneStructure &tst_LoxoneMapping::structure(const QString &fileName)
{
    static QHash<QString, LoxoneStructure> loaded;
    if (!loaded.contains(fileName)) {
        QFile file(QStringLiteral(HOMEWARDEN_SOURCE_DIR "/tests/fixtures/loxone/") + fileName);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read the fixture %s", qPrintable(fileName));
        QString error;
        const std::optional<LoxoneStructure> parsed =
                LoxoneStructure::parse(file.readAll(), &error);
        if (!parsed)
            qFatal("%s does not parse: %s", qPrintable(fileName), qPrintable(error));
        loaded.insert(fileName, *parsed);
    }
    return loaded[fileName];
}

Device tst_LoxoneMapping::device(
        const QString &fileName, const QString &controlId, const LoxoneStateCache &states)
{
    const LoxoneStructure &house = structure(fileName);
    const LoxoneControl *control = house.findControl(controlId);
    if (!control)
        qFatal("no control %s in %s", qPrintable(controlId), qPrintable(fileName));
    return LoxoneMapping::toDevice(*control, house, states);
}

void tst_LoxoneMapping::everyControlIsADevice_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("count");
    QTest::newRow("real") << REAL << 12;
    QTest::newRow("synthetic") << SYNTHETIC << 24;
}

void tst_LoxoneMapping::everyControlIsADevice()
{
    QFETCH(QString, fileName);
    QFETCH(int, count);
    const LoxoneStructure &house = structure(fileName);
    const QRegularExpression idPattern(DeviceTools::deviceIdPattern());
    QList<const LoxoneControl *> controls;
    for (const LoxoneControl &control : house.controls()) {
        controls.append(&control);
        for (const LoxoneControl &subControl : control.subControls)
            controls.append(&subControl);
    }
    QCOMPARE(controls.size(), count);
    QSet<QString> ids;
    for (const LoxoneControl *control : std::as_const(controls)) {
        const Device device = LoxoneMapping::toDevice(*control, house, LoxoneStateCache());
        QCOMPARE(device.id, QStringLiteral("loxone:") + control->uuid);
        QVERIFY2(idPattern.match(device.id).hasMatch(), qPrintable(device.id));
        QCOMPARE(device.backend, QStringLiteral("loxone"));
        QVERIFY(!device.name.isEmpty());
        QVERIFY2(device.type != QLatin1String("other"), qPrintable(control->type));
        QVERIFY2(!device.room.isEmpty(), qPrintable(device.id));
        // Nothing is known before the first event table.
        QCOMPARE(device.state, QStringLiteral("unknown"));
        QCOMPARE(device.attributes.value(QLatin1String("control_type")).toString(), control->type);
        // Every control it offers an action for has a grammar that takes commands.
        if (!device.actions.isEmpty())
            QVERIFY(!LoxoneCommandGrammar::formsOf(control->type).isEmpty());
        QVERIFY(LoxoneCommandGrammar::knowsType(control->type));
        ids.insert(device.id);
    }
    QCOMPARE(int(ids.size()), count);
}

void tst_LoxoneMapping::typesAndSecurity_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("security");
    QTest::addColumn<QString>("actions");
    QTest::addColumn<QString>("room");

    QTest::newRow("Jalousie") << SYNTHETIC << BLINDS << "cover" << false
                              << "open,close,stop,position,shade"
                              << "Bedroom";
    QTest::newRow("Switch") << SYNTHETIC << SWITCH << "switch" << false << "on,off,toggle"
                            << "Kitchen";
    QTest::newRow("EIBDimmer") << SYNTHETIC << EIB_DIMMER << "light" << false << "on,off,brightness"
                               << "Living Room";
    QTest::newRow("IRoomControllerV2")
            << SYNTHETIC << THERMOSTAT << "climate" << false << "set_temperature"
            << "Bathroom";
    QTest::newRow("Alarm") << SYNTHETIC << HOME_ALARM << "alarm" << true << "arm,disarm"
                           << "Living Room";
    QTest::newRow("AudioZone") << SYNTHETIC << AUDIO << "media_player" << false
                               << "play,pause,volume"
                               << "Living Room";
    QTest::newRow("Intercom") << SYNTHETIC << INTERCOM << "intercom" << true << ""
                              << "Living Room";
    QTest::newRow("InfoOnlyAnalog") << SYNTHETIC << GRID_POWER << "sensor" << false << ""
                                    << "Living Room";
    QTest::newRow("InfoOnlyDigital") << SYNTHETIC << WINDOW << "binary_sensor" << false << ""
                                     << "Living Room";
    QTest::newRow("subcontrol") << SYNTHETIC << MOTION << "binary_sensor" << false << ""
                                << "Living Room";
    QTest::newRow("real Alarm") << REAL << ALARM << "alarm" << true << "arm,disarm"
                                << "Centrál";
    QTest::newRow("inside an Alarm") << REAL << ALARM_SENSORS << "sensor" << true << ""
                                     << "Centrál";
    QTest::newRow("SmokeAlarm") << REAL << SMOKE << "alarm" << true << ""
                                << "Centrál";
    QTest::newRow("Pushbutton") << REAL << PUSHBUTTON << "switch" << false << "on,off,activate"
                                << "Centrál";
    QTest::newRow("LightController") << REAL << LIGHTS << "light" << false << "on,off,activate"
                                     << "Obývací pokoj";
    QTest::newRow("Colorpicker") << REAL << RGB << "light" << false << "on,off,brightness"
                                 << "Obývací pokoj";
    QTest::newRow("Dimmer") << REAL << DIMMER << "light" << false << "on,off,brightness"
                            << "Obývací pokoj";
    QTest::newRow("IRoomController") << REAL << IRC << "climate" << false << "set_temperature"
                                     << "Obývací pokoj";
    QTest::newRow("IRCDaytimer") << REAL << HEATING << "sensor" << false << ""
                                 << "Obývací pokoj";
    QTest::newRow("CentralLightController") << REAL << CENTRAL << "light" << false << ""
                                            << "Centrál";
}

void tst_LoxoneMapping::typesAndSecurity()
{
    QFETCH(QString, fileName);
    QFETCH(QString, id);
    QFETCH(QString, type);
    QFETCH(bool, security);
    QFETCH(QString, actions);
    QFETCH(QString, room);
    const Device mapped = device(fileName, id);
    QCOMPARE(mapped.type, type);
    QCOMPARE(mapped.security, security);
    QCOMPARE(mapped.actions.join(QLatin1Char(',')), actions);
    QCOMPARE(mapped.room, room);
}

void tst_LoxoneMapping::jalousiePositionBothWays()
{
    QCOMPARE(LoxoneMapping::percentOpen(0), 100.0); // fully up
    QCOMPARE(LoxoneMapping::percentOpen(1), 0.0); // fully down
    QCOMPARE(qRound(LoxoneMapping::percentOpen(0.55)), 45);
    QCOMPARE(LoxoneMapping::manualPositionFor(30), 70.0);
    QCOMPARE(LoxoneMapping::manualPositionFor(100), 0.0);

    LoxoneStateCache states;
    states.setValue(BLINDS + QStringLiteral("/position"), 0.55);
    states.setValue(BLINDS + QStringLiteral("/up"), 0);
    states.setValue(BLINDS + QStringLiteral("/down"), 0);
    Device blinds = device(SYNTHETIC, BLINDS, states);
    QCOMPARE(blinds.state, QStringLiteral("open"));
    QCOMPARE(blinds.summary, QStringLiteral("open, 45 % open"));
    QCOMPARE(blinds.attributes.value(QLatin1String("states"))
                     .toObject()
                     .value(QLatin1String("position"))
                     .toDouble(),
            0.55);

    QString error;
    QCOMPARE(LoxoneMapping::commandFor(blinds, QStringLiteral("position"), 30, &error),
            std::optional<QString>(QStringLiteral("manualPosition/70")));
    QCOMPARE(LoxoneMapping::commandFor(blinds, QStringLiteral("position"), 0, &error),
            std::optional<QString>(QStringLiteral("manualPosition/100")));
    QCOMPARE(LoxoneMapping::commandFor(blinds, QStringLiteral("open"), {}, &error),
            std::optional<QString>(QStringLiteral("FullUp")));
    QCOMPARE(LoxoneMapping::commandFor(blinds, QStringLiteral("close"), {}, &error),
            std::optional<QString>(QStringLiteral("FullDown")));

    states.setValue(BLINDS + QStringLiteral("/position"), 1);
    QCOMPARE(device(SYNTHETIC, BLINDS, states).state, QStringLiteral("closed"));
    states.setValue(BLINDS + QStringLiteral("/up"), 1);
    QCOMPARE(device(SYNTHETIC, BLINDS, states).summary, QStringLiteral("opening, 0 % open"));
}

void tst_LoxoneMapping::liveStatesMakeTheSummary()
{
    LoxoneStateCache states;
    states.setValue(SWITCH + QStringLiteral("/active"), 1);
    QCOMPARE(device(SYNTHETIC, SWITCH, states).state, QStringLiteral("on"));
    states.setValue(GRID_POWER + QStringLiteral("/value"), 1234.56);
    const Device power = device(SYNTHETIC, GRID_POWER, states);
    QCOMPARE(power.state, QStringLiteral("1234.56"));
    QCOMPARE(power.summary, QStringLiteral("1234.6 W")); // the control's own "%.1f W"
    states.setValue(BATTERY + QStringLiteral("/value"), 80.4);
    QCOMPARE(device(SYNTHETIC, BATTERY, states).summary, QStringLiteral("80%"));
    states.setValue(QStringLiteral("0f5e3a01-0104-1b01-ffff504f9412ab34"), 21.5);
    states.setValue(QStringLiteral("0f5e3a01-0104-1b02-ffff504f9412ab34"), 22);
    const Device thermostat = device(SYNTHETIC, THERMOSTAT, states);
    QCOMPARE(thermostat.state, QStringLiteral("21.5"));
    QCOMPARE(thermostat.summary, QStringLiteral("21.5 °C now, set to 22 °C"));
    states.setValue(HOME_ALARM + QStringLiteral("/armed"), 1);
    states.setValue(HOME_ALARM + QStringLiteral("/level"), 0);
    QCOMPARE(device(SYNTHETIC, HOME_ALARM, states).state, QStringLiteral("armed"));
    states.setValue(HOME_ALARM + QStringLiteral("/level"), 2);
    QCOMPARE(device(SYNTHETIC, HOME_ALARM, states).state, QStringLiteral("triggered"));

    // The real file's states are plain uuids, texts included.
    states.setValue(QStringLiteral("0f86a20d-009d-1789-ffff0beffc15bedd"), 2);
    states.setText(QStringLiteral("0f86a20d-009d-174a-ffff0beffc15bedd"),
            QStringLiteral("1=\"Reading\",2=\"Cinema\",9=\"All on\""));
    QCOMPARE(device(REAL, LIGHTS, states).summary, QStringLiteral("on, scene 2 (Cinema)"));
    states.setText(
            QStringLiteral("0f86a20d-009d-177d-ffff0beffc15bedd"), QStringLiteral("hsv(120,50,0)"));
    QCOMPARE(device(REAL, RGB, states).state, QStringLiteral("off"));
    // The subcontrol is named with its parent.
    QCOMPARE(device(REAL, DIMMER).name, QStringLiteral("Ovládání osvětlení / Dimmer"));
}

void tst_LoxoneMapping::actionsBecomeCommands_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("command");

    const QJsonValue none;
    QTest::newRow("switch on") << SYNTHETIC << SWITCH << "on" << none << "on";
    QTest::newRow("switch off") << SYNTHETIC << SWITCH << "off" << none << "off";
    QTest::newRow("switch toggle") << SYNTHETIC << SWITCH << "toggle" << none << "pulse";
    QTest::newRow("pushbutton") << REAL << PUSHBUTTON << "activate" << none << "pulse";
    QTest::newRow("dimmer on") << SYNTHETIC << EIB_DIMMER << "on" << none << "100";
    QTest::newRow("dimmer off") << SYNTHETIC << EIB_DIMMER << "off" << none << "0";
    QTest::newRow("dimmer 40") << SYNTHETIC << EIB_DIMMER << "brightness" << QJsonValue(40) << "40";
    QTest::newRow("jalousie stop") << SYNTHETIC << BLINDS << "stop" << none << "stop";
    QTest::newRow("jalousie shade") << SYNTHETIC << BLINDS << "shade" << none << "shade";
    QTest::newRow("irc v2") << SYNTHETIC << THERMOSTAT << "set_temperature" << QJsonValue(21.5)
                            << "setComfortTemperature/21.5";
    QTest::newRow("irc v1") << REAL << IRC << "set_temperature" << QJsonValue(21) << "settemp/1/21";
    QTest::newRow("arm") << SYNTHETIC << HOME_ALARM << "arm" << none << "on";
    QTest::newRow("arm away") << SYNTHETIC << HOME_ALARM << "arm"
                              << QJsonValue(QStringLiteral("away")) << "on";
    QTest::newRow("arm delayed") << SYNTHETIC << HOME_ALARM << "arm"
                                 << QJsonValue(QStringLiteral("delayed")) << "delayedon";
    QTest::newRow("disarm") << SYNTHETIC << HOME_ALARM << "disarm" << none << "off";
    QTest::newRow("play") << SYNTHETIC << AUDIO << "play" << none << "play";
    QTest::newRow("pause") << SYNTHETIC << AUDIO << "pause" << none << "pause";
    QTest::newRow("volume") << SYNTHETIC << AUDIO << "volume" << QJsonValue(35.4) << "volume/35";
    QTest::newRow("lights on") << REAL << LIGHTS << "on" << none << "on";
    QTest::newRow("colour dark") << REAL << RGB << "off" << none << "hsv(0,0,0)";
    QTest::newRow("colour 60") << REAL << RGB << "brightness" << QJsonValue(60) << "hsv(0,0,60)";
}

void tst_LoxoneMapping::actionsBecomeCommands()
{
    QFETCH(QString, fileName);
    QFETCH(QString, id);
    QFETCH(QString, action);
    QFETCH(QJsonValue, value);
    QFETCH(QString, command);
    QString error;
    const std::optional<QString> made =
            LoxoneMapping::commandFor(device(fileName, id), action, value, &error);
    QVERIFY2(made, qPrintable(error));
    QCOMPARE(*made, command);
}

void tst_LoxoneMapping::valuesOutOfRangeAreRefused_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    const QJsonValue none;
    QTest::newRow("position 150") << SYNTHETIC << BLINDS << "position" << QJsonValue(150)
                                  << "between 0 and 100 %; 150 is not";
    QTest::newRow("position -1") << SYNTHETIC << BLINDS << "position" << QJsonValue(-1)
                                 << "between 0 and 100";
    QTest::newRow("position text") << SYNTHETIC << BLINDS << "position"
                                   << QJsonValue(QStringLiteral("half")) << "needs a number";
    QTest::newRow("too hot") << SYNTHETIC << THERMOSTAT << "set_temperature" << QJsonValue(60)
                             << "between 5 and 40 °C";
    QTest::newRow("volume 101") << SYNTHETIC << AUDIO << "volume" << QJsonValue(101)
                                << "between 0 and 100";
    QTest::newRow("brightness 120")
            << SYNTHETIC << EIB_DIMMER << "brightness" << QJsonValue(120) << "between 0 and 100";
    QTest::newRow("arm night") << SYNTHETIC << HOME_ALARM << "arm"
                               << QJsonValue(QStringLiteral("night")) << "not 'night'";
    QTest::newRow("switch with value")
            << SYNTHETIC << SWITCH << "on" << QJsonValue(1) << "takes no value";
    QTest::newRow("switch cannot dim")
            << SYNTHETIC << SWITCH << "brightness" << QJsonValue(1) << "it can do: on, off, toggle";
    QTest::newRow("intercom") << SYNTHETIC << INTERCOM << "unlock" << none << "can only be read";
    QTest::newRow("smoke alarm") << REAL << SMOKE << "disarm" << none << "can only be read";
    QTest::newRow("sensor") << SYNTHETIC << GRID_POWER << "on" << none << "can only be read";
}

void tst_LoxoneMapping::valuesOutOfRangeAreRefused()
{
    QFETCH(QString, fileName);
    QFETCH(QString, id);
    QFETCH(QString, action);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QString sentence;
    QVERIFY(!LoxoneMapping::commandFor(device(fileName, id), action, value, &sentence));
    QVERIFY2(sentence.contains(error), qPrintable(sentence));
}

void tst_LoxoneMapping::dimmerKeepsToItsOwnRange()
{
    LoxoneStateCache states;
    states.setValue(QStringLiteral("0f86a20d-009d-1771-ffff0beffc15bedd"), 20); // min
    states.setValue(QStringLiteral("0f86a20d-009d-1772-ffff0beffc15bedd"), 80); // max
    states.setValue(QStringLiteral("0f86a20d-009d-177e-ffff0beffc15bedd"), 50); // position
    const Device dimmer = device(REAL, DIMMER, states);
    QCOMPARE(dimmer.summary, QStringLiteral("on, 50 % brightness"));
    QString error;
    QCOMPARE(LoxoneMapping::commandFor(dimmer, QStringLiteral("brightness"), 50, &error),
            std::optional<QString>(QStringLiteral("50")));
    QCOMPARE(LoxoneMapping::commandFor(dimmer, QStringLiteral("brightness"), 0, &error),
            std::optional<QString>(QStringLiteral("0"))); // off is always allowed
    QCOMPARE(LoxoneMapping::commandFor(dimmer, QStringLiteral("on"), {}, &error),
            std::optional<QString>(QStringLiteral("80")));
    QVERIFY(!LoxoneMapping::commandFor(dimmer, QStringLiteral("brightness"), 10, &error));
    QVERIFY2(error.contains(QLatin1String("between 20 and 80 %")), qPrintable(error));
}

void tst_LoxoneMapping::scenesByNameOrNumber()
{
    LoxoneStateCache states;
    states.setText(QStringLiteral("0f86a20d-009d-174a-ffff0beffc15bedd"),
            QStringLiteral("1=\"Reading\",2=\"Cinema\""));
    const Device lights = device(REAL, LIGHTS, states);
    QString error;
    QCOMPARE(LoxoneMapping::commandFor(
                     lights, QStringLiteral("activate"), QStringLiteral("cinema"), &error),
            std::optional<QString>(QStringLiteral("2")));
    QCOMPARE(LoxoneMapping::commandFor(lights, QStringLiteral("activate"), 1, &error),
            std::optional<QString>(QStringLiteral("1")));
    QVERIFY(!LoxoneMapping::commandFor(
            lights, QStringLiteral("activate"), QStringLiteral("disco"), &error));
    QVERIFY2(error.contains(QLatin1String("Reading (1), Cinema (2)")), qPrintable(error));
    // Scene 12 does not exist on a LightController: the grammar stops it.
    QVERIFY(!LoxoneMapping::commandFor(lights, QStringLiteral("activate"), 12, &error));
    QVERIFY2(error.contains(QLatin1String("out of range")), qPrintable(error));
}

void tst_LoxoneMapping::grammarAccepts_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("sent");
    QTest::newRow("jalousie word") << "Jalousie"
                                   << "FullUp"
                                   << "FullUp";
    QTest::newRow("any case") << "Jalousie"
                              << "fullup"
                              << "FullUp";
    QTest::newRow("position") << "Jalousie"
                              << "manualPosition/40"
                              << "manualPosition/40";
    QTest::newRow("position decimal") << "Jalousie"
                                      << "manualPosition/40.5"
                                      << "manualPosition/40.5";
    QTest::newRow("edge") << "Jalousie"
                          << "manualPosition/100"
                          << "manualPosition/100";
    QTest::newRow("switch pulse") << "Switch"
                                  << "pulse"
                                  << "pulse";
    QTest::newRow("dimmer level") << "Dimmer"
                                  << "70"
                                  << "70";
    QTest::newRow("scene") << "LightController"
                           << "9"
                           << "9";
    QTest::newRow("mood") << "LightControllerV2"
                          << "changeTo/778"
                          << "changeTo/778";
    QTest::newRow("comfort") << "IRoomControllerV2"
                             << "setComfortTemperature/21.5"
                             << "setComfortTemperature/21.5";
    QTest::newRow("settemp") << "IRoomController"
                             << "settemp/1/21"
                             << "settemp/1/21";
    QTest::newRow("alarm") << "Alarm"
                           << "delayedon/1"
                           << "delayedon/1";
    QTest::newRow("volume") << "AudioZone"
                            << "volume/30"
                            << "volume/30";
    QTest::newRow("hsv") << "Colorpicker"
                         << "hsv(120,50,80)"
                         << "hsv(120,50,80)";
    QTest::newRow("temp") << "Colorpicker"
                          << "temp(80,3000)"
                          << "temp(80,3000)";
    QTest::newRow("gate") << "Gate"
                          << "open"
                          << "open";
}

void tst_LoxoneMapping::grammarAccepts()
{
    QFETCH(QString, type);
    QFETCH(QString, command);
    QFETCH(QString, sent);
    QString error;
    const std::optional<QString> checked = LoxoneCommandGrammar::check(type, command, &error);
    QVERIFY2(checked, qPrintable(error));
    QCOMPARE(*checked, sent);
}

void tst_LoxoneMapping::grammarRefuses_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown word") << "Jalousie"
                                  << "explode"
                                  << "'explode' is not a command a Loxone Jalousie takes; it "
                                     "takes: up, down, UpOff, DownOff, FullUp, FullDown, stop, "
                                     "shade, auto, NoAuto, manualPosition/<0–100>, "
                                     "manualLamelle/<0–100>.";
    QTest::newRow("out of range") << "Jalousie"
                                  << "manualPosition/150"
                                  << "'manualPosition/150' is out of range: a Loxone Jalousie "
                                     "takes manualPosition/<0–100>.";
    QTest::newRow("negative") << "Jalousie"
                              << "manualPosition/-5"
                              << "out of range";
    QTest::newRow("no number") << "Jalousie"
                               << "manualPosition/abc"
                               << "is not a command";
    QTest::newRow("extra part") << "Jalousie"
                                << "manualPosition/40/1"
                                << "is not a command";
    QTest::newRow("whole numbers") << "AudioZone"
                                   << "volume/30.5"
                                   << "needs whole numbers";
    QTest::newRow("alarm flag") << "Alarm"
                                << "on/2"
                                << "out of range";
    QTest::newRow("other type's word") << "Switch"
                                       << "FullUp"
                                       << "it takes: on, off, pulse";
    QTest::newRow("too cold") << "IRoomControllerV2"
                              << "setComfortTemperature/2"
                              << "setComfortTemperature/<5–40>";
    QTest::newRow("offset index") << "IRoomController"
                                  << "settemp/0/21"
                                  << "out of range";
    QTest::newRow("read only") << "InfoOnlyAnalog"
                               << "on"
                               << "can only be read";
    QTest::newRow("intercom") << "Intercom"
                              << "answer"
                              << "can only be read";
    QTest::newRow("unknown type") << "Sauna"
                                  << "on"
                                  << "does not know the commands";
    QTest::newRow("empty") << "Switch"
                           << ""
                           << "is not a command";
    QTest::newRow("path") << "Switch"
                          << "on/../../dev/sys/reboot"
                          << "is not a command";
}

void tst_LoxoneMapping::grammarRefuses()
{
    QFETCH(QString, type);
    QFETCH(QString, command);
    QFETCH(QString, error);
    QString sentence;
    QVERIFY(!LoxoneCommandGrammar::check(type, command, &sentence));
    QVERIFY2(sentence.contains(error), qPrintable(sentence));
}

QTEST_GUILESS_MAIN(tst_LoxoneMapping)
#include "tst_loxonemapping.moc"
