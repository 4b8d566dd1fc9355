#include "HttpRequestParser.h"

namespace HttpRequestParser {

namespace {

Result error(int status, const QString &sentence)
{
    Result result;
    result.status = Result::Status::Error;
    result.errorStatus = status;
    result.error = sentence;
    return result;
}

// RFC 9110 token characters, for methods and header names.
bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool hasControlCharacters(const QByteArray &text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

// The end of the line starting at from (the index of its '\n'), or -1.
qsizetype lineEnd(const QByteArray &buffer, qsizetype from)
{
    return buffer.indexOf('\n', from);
}

QByteArray chompCr(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

Result parse(const QByteArray &buffer, const HttpLimits &limits)
{
    // Request line.
    const qsizetype firstEnd = lineEnd(buffer, 0);
    if (firstEnd < 0) {
        if (buffer.size() > limits.maxRequestLine)
            return error(414,
                    QStringLiteral("The request line is longer than %1 bytes.")
                            .arg(limits.maxRequestLine));
        return {};
    }
    if (firstEnd > limits.maxRequestLine)
        return error(414,
                QStringLiteral("The request line is longer than %1 bytes.")
                        .arg(limits.maxRequestLine));
    const QByteArray requestLine = chompCr(buffer.left(firstEnd));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty()
            || hasControlCharacters(parts.at(1)))
        return error(400, QStringLiteral("The request line is malformed."));
    HttpRequest request;
    request.method = parts.at(0);
    request.target = parts.at(1);
    request.version = parts.at(2);
    if (request.version != "HTTP/1.1" && request.version != "HTTP/1.0") {
        if (request.version.startsWith("HTTP/"))
            return error(505, QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are served."));
        return error(400, QStringLiteral("The request line is malformed."));
    }
    if (!request.target.startsWith('/') && request.target != "*")
        return error(400, QStringLiteral("The request target must be a path."));
    const qsizetype query = request.target.indexOf('?');
    request.path = query < 0 ? request.target : request.target.left(query);

    // Header fields, each checked as soon as it is complete.
    qsizetype position = firstEnd + 1;
    const qsizetype headStart = position;
    qsizetype contentLength = 0;
    bool haveLength = false;
    for (;;) {
        const qsizetype end = lineEnd(buffer, position);
        if (end < 0) {
            if (buffer.size() - headStart > limits.maxHeaderBytes)
                return error(431,
                        QStringLiteral("The request headers are larger than %1 bytes.")
                                .arg(limits.maxHeaderBytes));
            return {};
        }
        if (end + 1 - headStart > limits.maxHeaderBytes)
            return error(431,
                    QStringLiteral("The request headers are larger than %1 bytes.")
                            .arg(limits.maxHeaderBytes));
        const QByteArray line = chompCr(buffer.mid(position, end - position));
        position = end + 1;
        if (line.isEmpty())
            break;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return error(400, QStringLiteral("Folded header lines are not accepted."));
        if (request.headers.size() >= limits.maxHeaderCount)
            return error(431,
                    QStringLiteral("The request has more than %1 headers.")
                            .arg(limits.maxHeaderCount));
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).toLower();
        if (colon <= 0 || !isToken(name))
            return error(400, QStringLiteral("A header line is malformed."));
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (hasControlCharacters(value))
            return error(400, QStringLiteral("A header value holds control characters."));
        if (name == "transfer-encoding")
            return error(501,
                    QStringLiteral("Chunked or otherwise encoded request bodies are not "
                                   "accepted; send Content-Length."));
        if (name == "content-length") {
            bool ok = false;
            const qsizetype length = value.toLongLong(&ok);
            if (!ok || length < 0 || value.contains('+') || (haveLength && length != contentLength))
                return error(400, QStringLiteral("The Content-Length header is invalid."));
            if (length > limits.maxBody)
                return error(413,
                        QStringLiteral("The request body is larger than %1 bytes.")
                                .arg(limits.maxBody));
            contentLength = length;
            haveLength = true;
        }
        request.headers.append({name, value});
    }
    if (request.version == "HTTP/1.1" && !request.hasHeader("host"))
        return error(400, QStringLiteral("HTTP/1.1 requests must carry a Host header."));

    if (buffer.size() - position < contentLength)
        return {};
    request.body = buffer.mid(position, contentLength);

    Result result;
    result.status = Result::Status::Complete;
    result.request = request;
    result.consumed = position + contentLength;
    return result;
}

} // namespace HttpRequestParser
