#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

// One HTTP/1.1 request as the server hands it to a handler: the head already checked against
// the limits, the body complete.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: path and query
    QByteArray path; // target without the query
    QByteArray version; // "HTTP/1.1" or "HTTP/1.0"
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, in order
    QByteArray body;
    QHostAddress peer;
    bool encrypted = false;

    // The first value of a header (name in lower case); empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep.
    bool wantsClose() const;
};

// A response; the server adds Date, Content-Length and Connection.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static QByteArray reasonPhrase(int status);
    // A plain-text (or JSON) response with one sentence, for errors.
    static HttpResponse text(int status, const QString &sentence);
    static HttpResponse json(int status, const QByteArray &json);
};
