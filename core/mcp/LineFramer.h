#pragma once

#include <QByteArray>
#include <QList>

// Cuts a byte stream into newline-terminated messages, whatever the reads look like: a message
// split over several reads, several messages in one read. A line longer than the limit is
// reported once and skipped up to its newline, so one bad line never stalls the stream.
class LineFramer
{
public:
    struct Frame
    {
        enum class Kind { Line, Overlong };
        Kind kind;
        QByteArray text; // without the terminator; empty for Overlong
    };

    static constexpr qsizetype DEFAULT_MAX_LINE = 4 * 1024 * 1024;

    explicit LineFramer(qsizetype maxLineLength = DEFAULT_MAX_LINE);

    // Frames completed by this chunk. Blank lines are dropped.
    QList<Frame> feed(const QByteArray &chunk);

    // What is left when the stream ends: an unterminated last line counts as a message.
    QList<Frame> finish();

    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    void emitLine(QByteArray line, QList<Frame> *frames) const;

    qsizetype m_maxLineLength;
    QByteArray m_buffer;
    bool m_discarding = false;
};
