// hw_fake_ha: FakeHomeAssistant as a process of its own, for cross-process tests and end-to-end
// scripts. Prints "listening <port>" on stdout once it accepts connections; /_fake/ on the same
// port lets the test inspect and steer it (see FakeHomeAssistant.h).

#include "FakeHomeAssistant.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hw_fake_ha"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("A fake Home Assistant (REST + WebSocket API) on 127.0.0.1."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
            QStringLiteral("Port to listen on (0 = any free port)."), QStringLiteral("P"),
            QStringLiteral("0"));
    const QCommandLineOption statesOption(QStringLiteral("states"),
            QStringLiteral("A GET /api/states JSON array."), QStringLiteral("FILE"),
            FakeHomeAssistant::fixturePath(QStringLiteral("hubot-home-assistant_states.json")));
    const QCommandLineOption servicesOption(QStringLiteral("services"),
            QStringLiteral("A {domain: {service: ...}} JSON object."), QStringLiteral("FILE"),
            FakeHomeAssistant::fixturePath(QStringLiteral("beatrix_mocks_services.json")));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
            QStringLiteral("The accepted long-lived access token."), QStringLiteral("T"),
            QStringLiteral("fake-ha-token"));
    const QCommandLineOption addedOption(QStringLiteral("with-added-entities"),
            QStringLiteral("Add the synthetic lock.front_door, cover.garage_door and "
                           "cover.living_room_blinds, and the example area/device/entity "
                           "registries."));
    parser.addOptions({portOption, statesOption, servicesOption, tokenOption, addedOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "hw_fake_ha: --port must be a number from 0 to 65535.\n");
        return 2;
    }

    FakeHomeAssistant fake;
    fake.setToken(parser.value(tokenOption));
    QString error;
    if (!fake.loadStates(parser.value(statesOption), &error)
            || !fake.loadServices(parser.value(servicesOption), &error)) {
        std::fprintf(stderr, "hw_fake_ha: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(addedOption)) {
        // SYNTHETIC entities and registries, not from the fixture: see FakeHomeAssistant.h.
        const auto added = FakeHomeAssistant::exampleAddedEntities();
        for (const QJsonObject &entity : added)
            fake.addEntity(entity);
        fake.setRegistries(FakeHomeAssistant::exampleRegistries());
    }
    if (!fake.listen(quint16(port))) {
        std::fprintf(stderr, "hw_fake_ha: cannot listen on 127.0.0.1:%u.\n", port);
        return 1;
    }
    std::printf("listening %u\n", uint(fake.port()));
    std::fflush(stdout);
    return app.exec();
}
