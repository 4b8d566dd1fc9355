#pragma once

#include "HttpMessage.h"
#include "HttpRequestParser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

// One client connection. It reads one request at a time and answers in order (a pipelined
// request waits until the one before it is answered), honours Connection: close, drops a
// client that is idle or sends its head too slowly, and outlives nothing: a handler that
// answers after the client left writes into nothing instead of crashing.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    struct Timeouts
    {
        int idleMs = 7000; // between requests
        int headMs = 10000; // from the first byte of a request to its last
    };

    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, const Timeouts &timeouts,
            QObject *parent = nullptr);
    ~HttpConnection() override;

    QHostAddress peer() const { return m_peer; }
    bool isOpen() const;

    // Answers the current request.
    void respond(const HttpResponse &response);

    // Answers the current request with a stream (server-sent events): the head now, data as it
    // comes (chunked), until endStream() or until the client leaves.
    void beginStream(const HttpResponse &head);
    void writeToStream(const QByteArray &data);
    void endStream();
    bool isStreaming() const { return m_streaming; }

    void close();

Q_SIGNALS:
    void requestReceived(HttpConnection *connection, const HttpRequest &request);
    void closed(HttpConnection *connection);

private:
    void readAvailable();
    void processBuffer();
    void finishResponse();
    void beginLingeringClose();
    QByteArray formatHead(
            int status, QList<QPair<QByteArray, QByteArray>> headers, qsizetype bodyLength) const;

    QPointer<QTcpSocket> m_socket;
    HttpLimits m_limits;
    Timeouts m_timeouts;
    QHostAddress m_peer;
    bool m_encrypted = false;
    QByteArray m_buffer;
    bool m_busy = false; // a request is being handled
    bool m_closeAfterResponse = false;
    bool m_streaming = false;
    bool m_closing = false; // answered for the last time; draining before the close
    bool m_closed = false;
    QTimer m_idleTimer;
    QTimer m_headTimer;
    QTimer m_lingerTimer;
};
