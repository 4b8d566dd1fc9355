#include "LoxoneStructure.h"
#include "LoxoneUuid.h"

#include <QFile>
#include <QTest>

// The structure file (LoxAPP3.json) as both fixtures have it, and Loxone's uuid shape.
class tst_LoxoneStructure final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realFileParses();
    void syntheticFileParses();
    void subcontrolsKeepTheirIds();
    void listStatesAreNumbered();
    void sharedStateUuidHasEveryUser();
    void notAStructureFile_data();
    void notAStructureFile();
    void controlWithBadIdIsSkipped();
    void validUuids_data();
    void validUuids();
    void invalidUuids_data();
    void invalidUuids();

private:
    static LoxoneStructure load(const QString &fileName);
};

LoxoneStructure tst_LoxoneStructure::load(const QString &fileName)
{
    QFile file(QStringLiteral(HOMEWARDEN_SOURCE_DIR "/tests/fixtures/loxone/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture %s", qPrintable(fileName));
    QString error;
    const std::optional<LoxoneStructure> structure = LoxoneStructure::parse(file.readAll(), &error);
    if (!structure)
        qFatal("%s does not parse: %s", qPrintable(fileName), qPrintable(error));
    return *structure;
}

void tst_LoxoneStructure::realFileParses()
{
    const LoxoneStructure structure = load(QStringLiteral("smarteon-java_LoxAPP3.json"));
    QCOMPARE(structure.lastModified(), QStringLiteral("2017-11-22 18:41:01"));
    QCOMPARE(structure.msInfo().serialNr, QStringLiteral("504F9410B84A"));
    QCOMPARE(structure.msInfo().msName, QStringLiteral("ShowRoom"));
    QCOMPARE(structure.msInfo().swVersion, QString()); // this file names none
    QCOMPARE(structure.controlCount(), 6);
    QCOMPARE(structure.subControlCount(), 6);
    QCOMPARE(structure.rooms().size(), 3);
    QCOMPARE(structure.rooms().value(QStringLiteral("0f869a64-026e-0c3c-ffffd4c75dbaf53c")).name,
            QStringLiteral("Ložnice"));
    QCOMPARE(structure.categories().size(), 3);
    QCOMPARE(structure.categories()
                     .value(QStringLiteral("0f869a64-0200-0af4-ffffd4c75dbaf53c"))
                     .type,
            QStringLiteral("lights"));
    QVERIFY(structure.warnings().isEmpty());

    const LoxoneControl *alarm =
            structure.findControl(QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a"));
    QVERIFY(alarm);
    QCOMPARE(alarm->type, QStringLiteral("Alarm"));
    QCOMPARE(alarm->name, QStringLiteral("Alarm"));
    QVERIFY(alarm->isSecured);
    QCOMPARE(alarm->roomUuid, QStringLiteral("0f869a64-028d-0cc2-ffffd4c75dbaf53c"));
    QCOMPARE(alarm->categoryUuid, QStringLiteral("0f869a64-0221-0b28-ffffd4c75dbaf53c"));
    QCOMPARE(alarm->states.value(QStringLiteral("armed")),
            QStringLiteral("0f86a2fe-0378-3e08-ffffb2d4efc8b5b6"));
    QCOMPARE(alarm->details.value(QLatin1String("presenceConnected")).toBool(), true);
    QCOMPARE(alarm->subControls.size(), 1);

    QStringList types;
    for (const LoxoneControl &control : structure.controls())
        types.append(control.type);
    types.sort();
    QCOMPARE(types,
            QStringList({QStringLiteral("Alarm"), QStringLiteral("CentralLightController"),
                    QStringLiteral("IRoomController"), QStringLiteral("LightController"),
                    QStringLiteral("Pushbutton"), QStringLiteral("SmokeAlarm")}));
    // A control without states or subcontrols is still a control.
    const LoxoneControl *central =
            structure.findControl(QStringLiteral("10a73e3b-01d5-1a35-ffff373f9870b52a"));
    QVERIFY(central);
    QVERIFY(central->states.isEmpty());
    QVERIFY(central->subControls.isEmpty());
}

void tst_LoxoneStructure::syntheticFileParses()
{
    const LoxoneStructure structure =
            load(QStringLiteral("ondrejlevy-loxone-mcp_structure_file.json"));
    QCOMPARE(structure.msInfo().swVersion, QStringLiteral("14.5.12.7"));
    QCOMPARE(structure.msInfo().projectName, QStringLiteral("Test Home"));
    QCOMPARE(structure.controlCount(), 19);
    QCOMPARE(structure.subControlCount(), 5);
    QCOMPARE(structure.rooms().size(), 4);
    QCOMPARE(structure.categories().size(), 5);

    const LoxoneControl *blinds =
            structure.findControl(QStringLiteral("0f5e3a01-0102-1b0a-ffff504f9412ab34"));
    QVERIFY(blinds);
    QCOMPARE(blinds->type, QStringLiteral("Jalousie"));
    QCOMPARE(blinds->name, QStringLiteral("Bedroom Blinds"));
    QCOMPARE(structure.rooms().value(blinds->roomUuid).name, QStringLiteral("Bedroom"));
    QCOMPARE(structure.categories().value(blinds->categoryUuid).name, QStringLiteral("Shading"));
    QCOMPARE(blinds->states.value(QStringLiteral("position")),
            QStringLiteral("0f5e3a01-0102-1b0a-ffff504f9412ab34/position"));
    QVERIFY(!blinds->isSecured);

    QMap<QString, int> types;
    for (const LoxoneControl &control : structure.controls())
        ++types[control.type];
    QCOMPARE(types.value(QStringLiteral("Switch")), 1);
    QCOMPARE(types.value(QStringLiteral("EIBDimmer")), 1);
    QCOMPARE(types.value(QStringLiteral("IRoomControllerV2")), 2);
    QCOMPARE(types.value(QStringLiteral("AudioZone")), 2);
    QCOMPARE(types.value(QStringLiteral("Intercom")), 1);
    QCOMPARE(types.value(QStringLiteral("InfoOnlyAnalog")), 4);
    QVERIFY(structure.findControl(QStringLiteral("0f5e3a01-0111-1b0a-ffff504f9412ab34"))
                    ->isSecured);
}

void tst_LoxoneStructure::subcontrolsKeepTheirIds()
{
    // "<parent>/<suffix>" ids, as the real file has them.
    const LoxoneStructure real = load(QStringLiteral("smarteon-java_LoxAPP3.json"));
    const QString parent = QStringLiteral("0f86a20d-009d-178c-ffff373f9870b52a");
    const LoxoneControl *rgb = real.findControl(parent + QStringLiteral("/AI1"));
    QVERIFY(rgb);
    QCOMPARE(rgb->type, QStringLiteral("Colorpicker"));
    QCOMPARE(rgb->parentUuid, parent);
    QCOMPARE(rgb->roomUuid, QStringLiteral("0f869a64-025f-0c2c-ffffd4c75dbaf53c")); // the parent's
    QCOMPARE(rgb->details.value(QLatin1String("pickerType")).toString(), QStringLiteral("Rgb"));
    const LoxoneControl *dimmer = real.findControl(parent + QStringLiteral("/AI2"));
    QVERIFY(dimmer);
    QCOMPARE(dimmer->type, QStringLiteral("Dimmer"));
    QCOMPARE(dimmer->states.value(QStringLiteral("position")),
            QStringLiteral("0f86a20d-009d-177e-ffff0beffc15bedd"));
    QVERIFY(real.findControl(QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a/sensors")));
    QVERIFY(!real.findControl(parent + QStringLiteral("/AI3")));
    // Subcontrols are found through their parent, not listed as controls of their own.
    QVERIFY(!real.controls().contains(parent + QStringLiteral("/AI1")));

    // Plain uuids of their own, as the synthetic file (and the real IRoomController) has them.
    const LoxoneStructure synthetic =
            load(QStringLiteral("ondrejlevy-loxone-mcp_structure_file.json"));
    const LoxoneControl *daytimer =
            synthetic.findControl(QStringLiteral("0f5e3a01-0104-1b20-ffff504f9412ab34"));
    QVERIFY(daytimer);
    QCOMPARE(daytimer->type, QStringLiteral("IRCV2Daytimer"));
    QCOMPARE(daytimer->parentUuid, QStringLiteral("0f5e3a01-0104-1b0a-ffff504f9412ab34"));
    const LoxoneControl *motion =
            synthetic.findControl(QStringLiteral("0f5e3a01-0115-1b0a-ffff504f9412ab34"));
    QVERIFY(motion);
    QCOMPARE(motion->type, QStringLiteral("InfoOnlyDigital"));
    QCOMPARE(synthetic.findControl(motion->parentUuid)->type, QStringLiteral("PresenceDetector"));
}

void tst_LoxoneStructure::listStatesAreNumbered()
{
    const LoxoneStructure structure = load(QStringLiteral("smarteon-java_LoxAPP3.json"));
    const LoxoneControl *controller =
            structure.findControl(QStringLiteral("0f8b7707-00dc-1049-ffff373f9870b52a"));
    QVERIFY(controller);
    QCOMPARE(controller->type, QStringLiteral("IRoomController"));
    QCOMPARE(controller->states.value(QStringLiteral("temperatures[0]")),
            QStringLiteral("0f8b7707-00dc-1028-ffff747a5b105600"));
    QCOMPARE(controller->states.value(QStringLiteral("temperatures[6]")),
            QStringLiteral("0f8b7707-00dc-102b-ffff747a5b105600"));
    QVERIFY(!controller->states.contains(QStringLiteral("temperatures")));
    QCOMPARE(
            controller->details.value(QLatin1String("format")).toString(), QStringLiteral("%.1f°"));
}

void tst_LoxoneStructure::sharedStateUuidHasEveryUser()
{
    const LoxoneStructure structure = load(QStringLiteral("smarteon-java_LoxAPP3.json"));
    const QList<LoxoneStateRef> users =
            structure.stateUsers(QStringLiteral("0F86A2FE-0378-3E15-FFFF373F9870B52A"));
    QCOMPARE(users.size(), 2);
    QStringList names;
    for (const LoxoneStateRef &user : users)
        names.append(user.controlUuid + QLatin1Char(':') + user.stateName);
    names.sort();
    QCOMPARE(names,
            QStringList({QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a/sensors:entries"),
                    QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a:sensors")}));
    QVERIFY(structure.stateUuids().contains(QStringLiteral("0f86a20d-009d-177e-ffff0beffc15bedd")));
    QVERIFY(structure.stateUsers(QStringLiteral("00000000-0000-0000-0000000000000000")).isEmpty());
}

void tst_LoxoneStructure::notAStructureFile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("garbage") << QByteArray("<html>It works!</html>");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("list") << QByteArray("[1, 2]");
    QTest::newRow("no controls") << QByteArray(R"({"msInfo": {}})");
    QTest::newRow("no msInfo") << QByteArray(R"({"controls": {}})");
}

void tst_LoxoneStructure::notAStructureFile()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!LoxoneStructure::parse(json, &error));
    QVERIFY2(error.contains(QLatin1String("structure file")), qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')), qPrintable(error));
}

void tst_LoxoneStructure::controlWithBadIdIsSkipped()
{
    const QByteArray json = R"({"msInfo": {"msName": "x"}, "controls": {
        "../../sys/reboot": {"name": "evil", "type": "Switch"},
        "0f86a20d-02ad-17f0-ffff373f9870b52a": {"name": "ok", "type": "Switch",
            "subControls": {"0f86a20d-02ad-17f0-ffff373f9870b52a/a b": {"name": "bad"}}}}})";
    const auto structure = LoxoneStructure::parse(json);
    QVERIFY(structure);
    QCOMPARE(structure->controlCount(), 1);
    QCOMPARE(structure->subControlCount(), 0);
    QCOMPARE(structure->warnings().size(), 2);
    QVERIFY(structure->warnings().at(0).contains(QLatin1String("../../sys/reboot")));
}

void tst_LoxoneStructure::validUuids_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("plain");
    QTest::newRow("plain") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e") << true;
    QTest::newRow("upper case") << QStringLiteral("0F869A3F-0155-8B3F-FFFF403FB0C34B9E") << true;
    QTest::newRow("AI1") << QStringLiteral("0f86a20d-009d-178c-ffff373f9870b52a/AI1") << false;
    QTest::newRow("sensors") << QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a/sensors")
                             << false;
    QTest::newRow("digit") << QStringLiteral("0f86a2fe-0378-3e15-ffff373f9870b52a/1") << false;
}

void tst_LoxoneStructure::validUuids()
{
    QFETCH(QString, id);
    QFETCH(bool, plain);
    QVERIFY(LoxoneUuid::isValid(id));
    QCOMPARE(LoxoneUuid::isPlain(id), plain);
}

void tst_LoxoneStructure::invalidUuids_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("RFC 4122 shape") << QStringLiteral("0f869a3f-0155-8b3f-ffff-403fb0c34b9e");
    QTest::newRow("short") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9");
    QTest::newRow("long") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e0");
    QTest::newRow("not hex") << QStringLiteral("0f869a3g-0155-8b3f-ffff403fb0c34b9e");
    QTest::newRow("device id") << QStringLiteral("loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e");
    QTest::newRow("trailing slash") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e/");
    QTest::newRow("two suffixes") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e/a/b");
    QTest::newRow("dot dot") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e/..");
    QTest::newRow("space") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e/A I");
    QTest::newRow("percent") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e/%2F");
    QTest::newRow("newline") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e\n");
    QTest::newRow("suffix too long") << QStringLiteral("0f869a3f-0155-8b3f-ffff403fb0c34b9e/")
                    + QString(65, QLatin1Char('a'));
}

void tst_LoxoneStructure::invalidUuids()
{
    QFETCH(QString, id);
    QVERIFY(!LoxoneUuid::isValid(id));
    QVERIFY(!LoxoneUuid::isPlain(id));
    QVERIFY(LoxoneUuid::toBinary(id).isEmpty());
}

QTEST_GUILESS_MAIN(tst_LoxoneStructure)
#include "tst_loxonestructure.moc"
