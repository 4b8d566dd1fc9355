#include "HttpServer.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{ }

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const Options &options, QString *error)
{
    m_options = options;
    if (options.tls) {
        auto *listener = new QSslServer(this);
        listener->setSslConfiguration(*options.tls);
        listener->setHandshakeTimeout(options.timeouts.headMs);
        m_listener = listener;
    } else {
        m_listener = new QTcpServer(this);
    }
    m_listener->setMaxPendingConnections(options.maxConnections);
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    if (!m_listener->listen(options.address, options.port)) {
        if (error)
            *error = QStringLiteral("Cannot listen on %1 port %2: %3.")
                             .arg(options.address.toString())
                             .arg(options.port)
                             .arg(m_listener->errorString());
        return false;
    }
    return true;
}

quint16 HttpServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void HttpServer::acceptPending()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        const QHostAddress peer = socket->peerAddress();
        int fromPeer = 0;
        for (const QHostAddress &address : std::as_const(m_connections))
            fromPeer += address.isEqual(peer) ? 1 : 0;
        if (m_connections.size() >= m_options.maxConnections
                || fromPeer >= m_options.maxConnectionsPerAddress) {
            // Over the cap: say so once and hang up, without reading the request.
            const HttpResponse busy = HttpResponse::text(
                    503, QStringLiteral("Too many connections; try again shortly."));
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                          "Retry-After: 1\r\nConnection: close\r\nContent-Length: "
                    + QByteArray::number(busy.body.size()) + "\r\n\r\n" + busy.body);
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        auto *connection = new HttpConnection(socket, m_options.limits, m_options.timeouts, this);
        m_connections.insert(connection, peer);
        connect(connection, &HttpConnection::requestReceived, this, &HttpServer::requestReceived);
        connect(connection, &HttpConnection::closed, this,
                [this](HttpConnection *closed) { m_connections.remove(closed); });
    }
}
