#pragma once

#include "HttpConnection.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QTcpServer;

// The embedded HTTP/1.1 server (plain or TLS). Ours rather than Qt HttpServer 6.4, which has
// no limits of its own, crashes when a held responder is written after the client left,
// answers pipelined requests out of order and ignores Connection: close. This one refuses
// oversized heads and bodies before buffering them, caps connections in total and per address,
// and hands each complete request to whoever listens to requestReceived().
class HttpServer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 3001; // 0: any free port
        std::optional<QSslConfiguration> tls;
        HttpLimits limits;
        HttpConnection::Timeouts timeouts;
        int maxConnections = 128;
        // For peers on the network; this computer's own clients (loopback) share only the
        // total, since every local MCP client and its event streams come from one address.
        int maxConnectionsPerAddress = 16;
    };

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    // false and *error (one sentence) when the address cannot be bound.
    bool listen(const Options &options, QString *error = nullptr);
    quint16 serverPort() const;
    bool isEncrypted() const { return m_options.tls.has_value(); }
    int connectionCount() const { return int(m_connections.size()); }

Q_SIGNALS:
    void requestReceived(HttpConnection *connection, const HttpRequest &request);

private:
    void acceptPending();

    Options m_options;
    QTcpServer *m_listener = nullptr;
    QHash<HttpConnection *, QHostAddress> m_connections;
};
