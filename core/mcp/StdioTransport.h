#pragma once

#include "LineFramer.h"

#include <QObject>
#include <QPointer>

class McpSession;
class QSocketNotifier;

// MCP over stdio: newline-delimited JSON-RPC on stdin/stdout. Only protocol goes to stdout;
// diagnostics belong on stderr. The end of stdin ends the conversation.
class StdioTransport : public QObject
{
    Q_OBJECT

public:
    explicit StdioTransport(
            McpSession *session, int inputFd = 0, int outputFd = 1, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    // stdin reached its end or stdout can no longer be written: time to exit.
    void closed();

private:
    void readAvailable();
    void handleFrames(const QList<LineFramer::Frame> &frames);
    void write(const QByteArray &message);
    void close();

    QPointer<McpSession> m_session;
    int m_inputFd;
    int m_outputFd;
    LineFramer m_framer;
    QSocketNotifier *m_notifier = nullptr;
    bool m_closed = false;
};
