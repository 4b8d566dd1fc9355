#include "LineFramer.h"

LineFramer::LineFramer(qsizetype maxLineLength)
    : m_maxLineLength(maxLineLength)
{ }

QList<LineFramer::Frame> LineFramer::feed(const QByteArray &chunk)
{
    QList<Frame> frames;
    qsizetype start = 0;
    while (start < chunk.size()) {
        const qsizetype newline = chunk.indexOf('\n', start);
        const qsizetype end = newline < 0 ? chunk.size() : newline;
        if (!m_discarding) {
            if (m_buffer.size() + (end - start) > m_maxLineLength) {
                // Report at once, not at the newline that may never come.
                m_buffer.clear();
                m_discarding = true;
                frames.append({Frame::Kind::Overlong, {}});
            } else {
                m_buffer.append(chunk.constData() + start, end - start);
            }
        }
        if (newline < 0)
            break;
        if (!m_discarding)
            emitLine(std::exchange(m_buffer, {}), &frames);
        m_discarding = false;
        start = newline + 1;
    }
    return frames;
}

QList<LineFramer::Frame> LineFramer::finish()
{
    QList<Frame> frames;
    if (!m_discarding)
        emitLine(std::exchange(m_buffer, {}), &frames);
    m_discarding = false;
    return frames;
}

void LineFramer::emitLine(QByteArray line, QList<Frame> *frames) const
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    frames->append({Frame::Kind::Line, std::move(line)});
}
