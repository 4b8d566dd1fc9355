#include "LoxoneRequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

LoxoneRequest::LoxoneRequest(const QString &what, const QString &server, QObject *parent)
    : QObject(parent)
    , m_what(what)
    , m_server(server)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        dropReply();
        finish(Error::Timeout, {},
                tr("%1 failed: the Loxone Miniserver at %2 did not answer within %3 s; check "
                   "that it is reachable and not overloaded.")
                        .arg(m_what, m_server,
                                QString::number(double(m_timeout.count()) / 1000.0)));
    });
}

LoxoneRequest::~LoxoneRequest()
{
    dropReply();
}

void LoxoneRequest::start(QNetworkAccessManager *network, const QNetworkRequest &request,
        std::chrono::milliseconds timeout)
{
    if (m_finished || m_reply)
        return;
    m_timeout = timeout;
    m_reply = network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &LoxoneRequest::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received <= MAX_BODY)
            return;
        dropReply();
        finish(Error::HttpStatus, {},
                tr("%1 failed: the Loxone Miniserver at %2 sent more than %3 MiB; check that the "
                   "Loxone URL points to a Miniserver.")
                        .arg(m_what, m_server, QString::number(MAX_BODY / (1024 * 1024))));
    });
    m_timer.start(timeout);
}

void LoxoneRequest::refuse(const QString &reason)
{
    finishLater(Error::Refused, reason);
}

void LoxoneRequest::abort(const QString &reason)
{
    if (m_finished)
        return;
    dropReply();
    finishLater(Error::Aborted, reason.isEmpty() ? tr("%1 was aborted.").arg(m_what) : reason);
}

void LoxoneRequest::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 || status == 403) {
        finish(Error::Authentication, {},
                tr("%1 failed: the Loxone Miniserver at %2 refused the user name or password "
                   "(HTTP %3); check the Loxone user and its password.")
                        .arg(m_what, m_server, QString::number(status)));
        return;
    }
    if (status >= 300 && status < 400) {
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        // Redirects are not followed: they would carry the credentials to another place.
        finish(Error::HttpStatus, {},
                tr("%1 failed: the Loxone Miniserver at %2 redirects to %3; set the Loxone URL "
                   "to that address instead.")
                        .arg(m_what, m_server,
                                target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath
                                        | QUrl::RemoveQuery)));
        return;
    }
    if (status != 0 && status != 200) {
        finish(Error::HttpStatus, {},
                tr("%1 failed: the Loxone Miniserver at %2 answered HTTP %3; check the "
                   "Miniserver's state and its log.")
                        .arg(m_what, m_server, QString::number(status)));
        return;
    }
    switch (reply->error()) {
    case QNetworkReply::NoError:
        finish(Error::None, reply->readAll(), {});
        return;
    case QNetworkReply::ConnectionRefusedError:
        finish(Error::Unreachable, {},
                tr("%1 failed: the Loxone Miniserver at %2 refused the connection; check that it "
                   "is running and that the Loxone URL is right.")
                        .arg(m_what, m_server));
        return;
    case QNetworkReply::HostNotFoundError:
        finish(Error::Unreachable, {},
                tr("%1 failed: the host of %2 is unknown; check the Loxone URL.")
                        .arg(m_what, m_server));
        return;
    case QNetworkReply::RemoteHostClosedError:
        finish(Error::Unreachable, {},
                tr("%1 failed: the Loxone Miniserver at %2 closed the connection without an "
                   "answer; check that it is running and not restarting.")
                        .arg(m_what, m_server));
        return;
    default:
        finish(Error::Unreachable, {},
                tr("%1 failed: the Loxone Miniserver at %2 could not be reached (%3); check the "
                   "network and the Loxone URL.")
                        .arg(m_what, m_server, reply->errorString()));
        return;
    }
}

void LoxoneRequest::finish(Error error, const QByteArray &body, const QString &sentence)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_timer.stop();
    Q_EMIT finished(error == Error::None, body, sentence);
}

void LoxoneRequest::finishLater(Error error, const QString &sentence)
{
    if (m_finished)
        return;
    // Taken now, so that nothing else can finish it in between; announced from the event loop.
    m_finished = true;
    m_error = error;
    m_timer.stop();
    QMetaObject::invokeMethod(
            this, [this, sentence] { Q_EMIT finished(false, {}, sentence); }, Qt::QueuedConnection);
}

void LoxoneRequest::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}
