#pragma once

#include "HttpServer.h"
#include "SecurityLevel.h"

#include <QObject>
#include <QStringList>

#include <memory>

class McpHttpService;
class SecurityStack;
class ServerTools;

// One MCP server over Streamable HTTP, hosted the same way by `homewarden serve` and by the
// tray: it listens, puts the MCP service (with the admin routes) on the socket, and audits
// server.started / server.stopped. The backends are the caller's to start, so that a server
// that cannot listen touches no house.
class ServerHost : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        HttpServer::Options server;
        QStringList extraOrigins; // web origins allowed besides the loopback ones
        QString source; // who serves, for the audit trail: "serve", "tray"
    };

    // security and tools must outlive the host.
    ServerHost(SecurityStack *security, ServerTools *tools, QObject *parent = nullptr);
    // Stops serving (audited) if it still serves.
    ~ServerHost() override;

    // True when options would listen beyond this computer without TLS at a level that forbids
    // it (production): DESIGN.md keeps keys off the network in clear text.
    static bool needsTls(SecurityLevel level, const QHostAddress &address, bool tls);
    // The sentence that refuses such a start (also shown by the settings window).
    static QString needsTlsReason(const QHostAddress &address);

    // false and *error (one sentence) when it cannot serve: the address is taken or not ours,
    // or needsTls().
    bool start(const Options &options, QString *error = nullptr);
    // Closes the listener and every connection; audited as server.stopped.
    void stop();

    bool isServing() const { return m_server != nullptr; }
    // The MCP endpoint, "http://127.0.0.1:3001/mcp"; empty while not serving.
    QString url() const { return m_url; }

private:
    SecurityStack *m_security;
    ServerTools *m_tools;
    QString m_source;
    QString m_url;
    // Destroyed in this order (service first): it holds connections of the server.
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<McpHttpService> m_service;
};
