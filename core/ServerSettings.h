#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

// Where the tray's HTTP server listens: the [server] group of homewarden.ini in the state
// directory. `homewarden serve` takes the same from its command line instead.
//
//   [server]
//   host=127.0.0.1
//   port=3001
//   allow_origins=https://example.org, ...   (web origins allowed besides the loopback ones)
struct ServerSettings
{
    Q_DECLARE_TR_FUNCTIONS(ServerSettings)

public:
    static constexpr quint16 DEFAULT_PORT = 3001;

    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = DEFAULT_PORT;
    QStringList allowedOrigins;
    // Sentences about settings that could not be used; the default stands in for each.
    QStringList problems;

    static ServerSettings load(const QString &stateDirectory);
};
