// hw_fake_loxone: FakeMiniserver as a process of its own, for cross-process tests and
// end-to-end scripts. Prints "listening <port>" on stdout once it accepts connections;
// /_fake/ on the same port lets the test inspect and steer it (see FakeMiniserver.h).

#include "FakeMiniserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hw_fake_loxone"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("A fake Loxone Miniserver (HTTP + WebSocket) on 127.0.0.1."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
            QStringLiteral("Port to listen on (0 = any free port)."), QStringLiteral("P"),
            QStringLiteral("0"));
    const QCommandLineOption structureOption(QStringLiteral("structure"),
            QStringLiteral("The structure file (LoxAPP3.json) to serve."), QStringLiteral("FILE"),
            FakeMiniserver::fixturePath(QStringLiteral("smarteon-java_LoxAPP3.json")));
    const QCommandLineOption userOption(QStringLiteral("user"),
            QStringLiteral("The user the Miniserver accepts."), QStringLiteral("USER"),
            QStringLiteral("admin"));
    const QCommandLineOption passwordOption(QStringLiteral("password"),
            QStringLiteral("That user's password."), QStringLiteral("PASSWORD"),
            QStringLiteral("admin"));
    const QCommandLineOption hashOption(QStringLiteral("hash"),
            QStringLiteral("The hash algorithm of the token flow: SHA256 or SHA1."),
            QStringLiteral("ALG"), QStringLiteral("SHA256"));
    const QCommandLineOption basicOption(QStringLiteral("accept-basic-auth"),
            QStringLiteral("Take HTTP basic authentication too (default: tokens only)."));
    const QCommandLineOption lifetimeOption(QStringLiteral("token-lifetime"),
            QStringLiteral("Seconds a token lives (default 3600)."), QStringLiteral("SECONDS"),
            QStringLiteral("3600"));
    parser.addOptions({portOption, structureOption, userOption, passwordOption, hashOption,
            basicOption, lifetimeOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "hw_fake_loxone: --port must be a number from 0 to 65535.\n");
        return 2;
    }
    const QString hash = parser.value(hashOption);
    if (hash != QLatin1String("SHA256") && hash != QLatin1String("SHA1")) {
        std::fprintf(stderr, "hw_fake_loxone: --hash must be SHA256 or SHA1.\n");
        return 2;
    }

    const int lifetime = parser.value(lifetimeOption).toInt();
    if (lifetime < 1) {
        std::fprintf(stderr, "hw_fake_loxone: --token-lifetime must be a whole number >= 1.\n");
        return 2;
    }

    FakeMiniserver fake;
    QString error;
    if (!fake.loadStructure(parser.value(structureOption), &error)) {
        std::fprintf(stderr, "hw_fake_loxone: %s\n", qPrintable(error));
        return 1;
    }
    fake.setCredentials(parser.value(userOption), parser.value(passwordOption));
    fake.setHashAlgorithm(hash);
    fake.setAcceptBasicAuth(parser.isSet(basicOption));
    fake.setTokenLifetime(std::chrono::seconds(lifetime));
    if (!fake.listen(quint16(port))) {
        std::fprintf(stderr, "hw_fake_loxone: cannot listen on 127.0.0.1:%u.\n", port);
        return 1;
    }
    std::printf("listening %u\n", unsigned(fake.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
