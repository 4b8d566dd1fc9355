#pragma once

#include "HttpMessage.h"

#include <QString>

// How much of a request the server reads before it refuses it. Checked on the head, before a
// byte of the body is buffered.
struct HttpLimits
{
    qsizetype maxRequestLine = 8 * 1024; // 414 beyond
    qsizetype maxHeaderBytes = 16 * 1024; // 431 beyond
    int maxHeaderCount = 64; // 431 beyond
    qsizetype maxBody = 1024 * 1024; // 413 beyond
};

// Reads one HTTP/1.1 request from the front of a buffer. A pure function, so that it can be
// fuzzed and tested byte by byte: no sockets, no state.
namespace HttpRequestParser {

struct Result
{
    enum class Status { Incomplete, Complete, Error };

    Status status = Status::Incomplete;
    HttpRequest request; // Complete: everything but peer/encrypted
    qsizetype consumed = 0; // Complete: bytes of the buffer the request took
    int errorStatus = 0; // Error: 400, 413, 414, 431, 501 or 505
    QString error; // Error: one sentence
};

Result parse(const QByteArray &buffer, const HttpLimits &limits = {});

} // namespace HttpRequestParser
