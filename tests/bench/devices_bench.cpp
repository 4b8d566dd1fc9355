// The device tools' own costs, against the fake Home Assistant in this process:
//  - list_devices through the MCP engine (request text in, response text out) over the real
//    state dump (134 entities with the added lock and covers), and over a 1,000-entity house
//    made by copying one of its lights under new ids (synthetic, for the size an issue names);
//  - a state change reaching the cache: FakeHomeAssistant::setState() sends state_changed over
//    the WebSocket; the clock stops when HomeAssistantClient::stateChanged() fires.
// Prints median and p99 of each.
#include "DeviceDirectory.h"
#include "DeviceTools.h"
#include "FakeHomeAssistant.h"
#include "HomeAssistantClient.h"
#include "HomeAssistantDevices.h"
#include "McpSession.h"
#include "OpenGate.h"
#include "ToolRegistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double percentile(std::vector<qint64> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    const size_t index = std::min(samples.size() - 1, size_t(p * double(samples.size())));
    return double(samples[index]) / 1000.0;
}

void report(const char *what, const std::vector<qint64> &nanoseconds)
{
    std::printf("%-58s median %8.1f us   p99 %8.1f us   (%zu runs)\n", what,
            percentile(nanoseconds, 0.5), percentile(nanoseconds, 0.99), nanoseconds.size());
}

bool waitFor(const std::function<bool()> &condition, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

// list_devices with limit 5000 through the engine, runs times; nanoseconds per call.
std::vector<qint64> timeListDevices(const DeviceDirectory &directory, int runs, int *total)
{
    ToolRegistry tools;
    for (const ToolDefinition &definition : DeviceTools::definitions(&directory))
        tools.add(definition);
    OpenGate gate;
    McpSession session(&tools, &gate, OpenGate::stdioCaller());
    QByteArray last;
    QObject::connect(
            &session, &McpSession::messageReady, [&last](const QByteArray &m) { last = m; });
    session.receive(
            R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}})");
    session.receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    std::vector<qint64> samples;
    for (int i = 1; i <= runs; ++i) {
        const QByteArray request = QByteArrayLiteral(R"({"jsonrpc":"2.0","id":)")
                + QByteArray::number(i)
                + R"(,"method":"tools/call","params":{"name":"list_devices","arguments":{"limit":5000}}})";
        last.clear();
        QElapsedTimer timer;
        timer.start();
        session.receive(request);
        // The handler waits for the backend's whenReady() through the event loop.
        waitFor([&last] { return !last.isEmpty(); }, 5000);
        samples.push_back(timer.nsecsElapsed());
    }
    gate.admitted.clear();
    *total = QJsonDocument::fromJson(last)
                     .object()
                     .value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("structuredContent"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt();
    return samples;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(20, atoi(argv[1])) : 200;

    FakeHomeAssistant fake;
    QString error;
    if (!fake.loadFixtures(&error)) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(error));
        return 1;
    }
    fake.setRegistries(FakeHomeAssistant::exampleRegistries());
    for (const QJsonObject &added : FakeHomeAssistant::exampleAddedEntities())
        fake.addEntity(added);
    fake.listen();

    auto connectClient = [&fake]() {
        HomeAssistantClient::Options options;
        options.baseUrl = fake.url();
        options.token = fake.token();
        auto client = std::make_unique<HomeAssistantClient>(options);
        client->start();
        if (!waitFor([&client] { return client->isReady(); }, 10000))
            std::fprintf(stderr, "not ready: %s\n", qPrintable(client->status().lastError));
        return client;
    };

    // A fresh client over what the fake holds now; list_devices timed over it.
    auto measureList = [&](HomeAssistantClient *client, const char *house) {
        HomeAssistantDevices devices(client);
        DeviceDirectory directory;
        directory.add(&devices);
        int total = 0;
        const std::vector<qint64> samples = timeListDevices(directory, runs, &total);
        char label[96];
        std::snprintf(label, sizeof label, "list_devices, %s (%d devices)", house, total);
        report(label, samples);
    };

    {
        auto client = connectClient();
        measureList(client.get(), "whole fixture");

        // State change -> cache.
        std::vector<qint64> changes;
        QElapsedTimer timer;
        bool arrived = false;
        QObject::connect(client.get(), &HomeAssistantClient::stateChanged, [&] {
            changes.push_back(timer.nsecsElapsed());
            arrived = true;
        });
        for (int i = 0; i < runs; ++i) {
            arrived = false;
            timer.start();
            fake.setState(QStringLiteral("light.kitchen"),
                    i % 2 ? QStringLiteral("on") : QStringLiteral("off"),
                    {{QStringLiteral("brightness"), i % 256}});
            waitFor([&arrived] { return arrived; }, 5000);
        }
        report("state change: fake Home Assistant -> HomeWarden's cache", changes);
    }

    // A 1,000-entity house: copies of one fixture light under new ids (synthetic).
    int copy = 0;
    while (fake.entityCount() < 1000) {
        const QJsonObject kitchen = fake.state(QStringLiteral("light.kitchen"));
        QJsonObject clone = kitchen;
        clone.insert(QStringLiteral("entity_id"), QStringLiteral("light.synthetic_%1").arg(copy++));
        fake.addEntity(clone);
    }
    measureList(connectClient().get(), "synthetic house");
    return 0;
}
