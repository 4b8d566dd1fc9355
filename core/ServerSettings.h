#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

#include <optional>

// Where the tray's HTTP server listens: the [server] group of homewarden.ini in the state
// directory. `homewarden serve` takes the same from its command line instead.
//
//   [server]
//   enabled=true                              (false: the tray serves MCP over stdio only)
//   host=127.0.0.1
//   port=3001
//   tls_cert=/path/cert.pem                   (both or neither: HTTPS)
//   tls_key=/path/key.pem
//   allow_origins=https://example.org, ...   (web origins allowed besides the loopback ones)
struct ServerSettings
{
    Q_DECLARE_TR_FUNCTIONS(ServerSettings)

public:
    static constexpr quint16 DEFAULT_PORT = 3001;

    // The keys as homewarden.ini spells them (the settings window writes the same).
    static constexpr char ENABLED_KEY[] = "server/enabled";
    static constexpr char HOST_KEY[] = "server/host";
    static constexpr char PORT_KEY[] = "server/port";
    static constexpr char TLS_CERT_KEY[] = "server/tls_cert";
    static constexpr char TLS_KEY_KEY[] = "server/tls_key";
    static constexpr char ALLOW_ORIGINS_KEY[] = "server/allow_origins";

    bool enabled = true;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = DEFAULT_PORT;
    QString tlsCertificate; // PEM chain; empty: plain HTTP
    QString tlsKey; // PEM private key, unencrypted
    QStringList allowedOrigins;
    // Sentences about settings that could not be used; the default stands in for each (an
    // unreadable `enabled` turns the server off: when in doubt, HomeWarden does not listen).
    QStringList problems;

    // True when either TLS file is named: then HTTPS or nothing, never plain HTTP.
    bool wantsTls() const { return !tlsCertificate.isEmpty() || !tlsKey.isEmpty(); }

    static ServerSettings load(const QString &stateDirectory);
    // "true"/"false", "1"/"0", "yes"/"no", "on"/"off" (any case); nothing for anything else.
    static std::optional<bool> parseBool(const QString &text);
};
