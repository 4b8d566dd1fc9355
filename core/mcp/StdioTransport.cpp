#include "StdioTransport.h"

#include "JsonRpc.h"
#include "McpSession.h"

#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>

namespace {

constexpr qsizetype READ_CHUNK = 64 * 1024;

} // namespace

StdioTransport::StdioTransport(McpSession *session, int inputFd, int outputFd, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_inputFd(inputFd)
    , m_outputFd(outputFd)
{
    connect(session, &McpSession::messageReady, this, &StdioTransport::write);
}

void StdioTransport::start()
{
    m_notifier = new QSocketNotifier(m_inputFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdioTransport::readAvailable);
}

void StdioTransport::readAvailable()
{
    QByteArray chunk(READ_CHUNK, Qt::Uninitialized);
    const ssize_t n = ::read(m_inputFd, chunk.data(), size_t(chunk.size()));
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN)
            return;
        qWarning("stdin could not be read (%s); ending the session.", strerror(errno));
        return close();
    }
    if (n == 0) {
        handleFrames(m_framer.finish());
        return close();
    }
    chunk.truncate(n);
    handleFrames(m_framer.feed(chunk));
}

void StdioTransport::handleFrames(const QList<LineFramer::Frame> &frames)
{
    for (const LineFramer::Frame &frame : frames) {
        if (m_closed || !m_session)
            return;
        if (frame.kind == LineFramer::Frame::Kind::Overlong) {
            write(JsonRpc::error(QJsonValue::Null, JsonRpc::ErrorCode::InvalidRequest,
                    QStringLiteral("Invalid request: the message is longer than "
                                   "%1 MiB and was skipped.")
                            .arg(LineFramer::DEFAULT_MAX_LINE / (1024 * 1024))));
            continue;
        }
        m_session->receive(frame.text);
    }
}

void StdioTransport::write(const QByteArray &message)
{
    if (m_closed)
        return;
    QByteArray line = message;
    line.append('\n');
    const char *data = line.constData();
    qsizetype left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(m_outputFd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            qWarning("stdout could not be written (%s); ending the session.", strerror(errno));
            return close();
        }
        data += n;
        left -= n;
    }
}

void StdioTransport::close()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    Q_EMIT closed();
}
