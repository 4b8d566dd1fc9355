#include "HttpConnection.h"

#include <QDateTime>
#include <QLocale>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

namespace {

constexpr int LINGER_MS = 2000; // after an answer with Connection: close

QByteArray httpDate()
{
    return QLocale::c()
                   .toString(QDateTime::currentDateTimeUtc(),
                           QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                   .toLatin1()
            + " GMT";
}

} // namespace

HttpConnection::HttpConnection(
        QTcpSocket *socket, const HttpLimits &limits, const Timeouts &timeouts, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_timeouts(timeouts)
    , m_peer(socket->peerAddress())
    , m_encrypted(qobject_cast<QSslSocket *>(socket) != nullptr)
{
    socket->setParent(this);
    // Answers and stream events are whole messages already: send each at once.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_idleTimer.setSingleShot(true);
    m_headTimer.setSingleShot(true);
    m_lingerTimer.setSingleShot(true);
    connect(&m_lingerTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
        close();
    });
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::close);
    connect(&m_headTimer, &QTimer::timeout, this, [this] {
        // A client that trickles its head in (slowloris) holds a slot for nothing.
        if (m_busy)
            return;
        m_busy = true;
        m_closeAfterResponse = true;
        respond(HttpResponse::text(408, QStringLiteral("The request took too long to arrive.")));
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            close();
    });
    m_idleTimer.start(m_timeouts.idleMs);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readAvailable, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isOpen() const
{
    return !m_closed && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::readAvailable()
{
    if (!m_socket)
        return;
    if (m_closing) {
        // Lingering close: read and drop what the client still sends, so that closing does
        // not turn into a reset that could destroy the answer on its way.
        m_socket->readAll();
        return;
    }
    // The limits bound the buffer: a head over them is refused before it grows further.
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_busy || m_closed || m_closing || m_buffer.isEmpty())
        return;
    const HttpRequestParser::Result result = HttpRequestParser::parse(m_buffer, m_limits);
    switch (result.status) {
    case HttpRequestParser::Result::Status::Incomplete:
        m_idleTimer.stop();
        if (!m_headTimer.isActive())
            m_headTimer.start(m_timeouts.headMs);
        return;
    case HttpRequestParser::Result::Status::Error: {
        m_busy = true;
        m_closeAfterResponse = true;
        m_buffer.clear();
        HttpResponse response = HttpResponse::text(result.errorStatus, result.error);
        response.setHeader("Connection", "close");
        respond(response);
        return;
    }
    case HttpRequestParser::Result::Status::Complete:
        break;
    }
    m_headTimer.stop();
    m_idleTimer.stop();
    m_buffer.remove(0, result.consumed);
    HttpRequest request = result.request;
    request.peer = m_peer;
    request.encrypted = m_encrypted;
    m_busy = true;
    m_closeAfterResponse = request.wantsClose();
    Q_EMIT requestReceived(this, request);
}

QByteArray HttpConnection::formatHead(
        int status, QList<QPair<QByteArray, QByteArray>> headers, qsizetype bodyLength) const
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' '
            + HttpResponse::reasonPhrase(status) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    for (const auto &header : headers) {
        if (header.first.compare("connection", Qt::CaseInsensitive) == 0
                || header.first.compare("content-length", Qt::CaseInsensitive) == 0)
            continue;
        head += header.first + ": " + header.second + "\r\n";
    }
    if (bodyLength >= 0)
        head += "Content-Length: " + QByteArray::number(bodyLength) + "\r\n";
    else
        head += "Transfer-Encoding: chunked\r\n";
    head += m_closeAfterResponse ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    head += "\r\n";
    return head;
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_busy || m_streaming || !isOpen())
        return;
    if (response.header("Connection").compare("close", Qt::CaseInsensitive) == 0)
        m_closeAfterResponse = true;
    // One write: a head sent alone would leave the body waiting for the client's delayed
    // ACK (Nagle), 40 ms per answer on Linux loopback.
    m_socket->write(
            formatHead(response.status, response.headers, response.body.size()) + response.body);
    finishResponse();
}

void HttpConnection::beginStream(const HttpResponse &head)
{
    if (!m_busy || m_streaming || !isOpen())
        return;
    m_streaming = true;
    m_socket->write(formatHead(head.status, head.headers, -1));
    if (!head.body.isEmpty())
        writeToStream(head.body);
}

void HttpConnection::writeToStream(const QByteArray &data)
{
    if (!m_streaming || !isOpen() || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void HttpConnection::endStream()
{
    if (!m_streaming)
        return;
    m_streaming = false;
    if (isOpen())
        m_socket->write("0\r\n\r\n");
    finishResponse();
}

void HttpConnection::finishResponse()
{
    m_busy = false;
    if (m_closeAfterResponse) {
        // Not closed at once: a client still sending (the body of a request refused by its
        // head, e.g. 413) would get a TCP reset for the unread bytes and lose the answer
        // (RFC 9112 section 9.6). Linger instead: end our side, drop what still arrives, and
        // close when the client does, or after LINGER_MS.
        beginLingeringClose();
        return;
    }
    m_idleTimer.start(m_timeouts.idleMs);
    // A pipelined request may already wait in the buffer.
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
}

void HttpConnection::beginLingeringClose()
{
    if (!m_socket || m_closing)
        return;
    m_closing = true;
    m_buffer.clear();
    m_lingerTimer.start(LINGER_MS);
    auto *ssl = qobject_cast<QSslSocket *>(m_socket.data());
    if (ssl) {
        // TLS ends with its own close_notify.
        ssl->disconnectFromHost();
        return;
    }
    auto shutdownWhenWritten = [this] {
        if (m_socket && m_socket->bytesToWrite() == 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, shutdownWhenWritten);
    shutdownWhenWritten();
}

void HttpConnection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_streaming = false;
    m_idleTimer.stop();
    m_headTimer.stop();
    m_lingerTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->disconnectFromHost();
    }
    Q_EMIT closed(this);
    deleteLater();
}
