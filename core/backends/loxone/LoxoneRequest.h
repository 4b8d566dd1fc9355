#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// One HTTP GET to the Miniserver, with every way it can fail turned into one sentence that
// names what failed and what to do. It finishes exactly once: with the body, an error, its
// timeout, or abort(). finished() always comes from the event loop, never from start().
class LoxoneRequest : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        None,
        Refused, // the request guard or the client refused it before anything was sent
        Unreachable, // connection refused, host unknown, network down, TLS failure
        Timeout,
        Authentication, // HTTP 401 or 403
        HttpStatus, // any other status but 200
        Aborted,
    };
    Q_ENUM(Error)

    // what: the operation for the sentences ("Loading the Loxone structure file");
    // server: the Miniserver as shown to people (no user info).
    LoxoneRequest(const QString &what, const QString &server, QObject *parent = nullptr);
    // Aborts the network request too: a reply nobody waits for must not hang on in the
    // network manager.
    ~LoxoneRequest() override;

    // Sends request; fails with the timeout sentence unless it completes within timeout.
    void start(QNetworkAccessManager *network, const QNetworkRequest &request,
            std::chrono::milliseconds timeout);
    // Finishes with reason (Error::Refused) without sending anything.
    void refuse(const QString &reason);
    // Stops the request and finishes with reason (Error::Aborted) unless already finished.
    void abort(const QString &reason);

    bool isFinished() const { return m_finished; }
    Error error() const { return m_error; }
    QString what() const { return m_what; }

    // The largest answer accepted: a big installation's structure file is a few MiB.
    static constexpr qint64 MAX_BODY = 64 * 1024 * 1024;

Q_SIGNALS:
    void finished(bool ok, const QByteArray &body, const QString &error);

private:
    void onReplyFinished();
    void finish(Error error, const QByteArray &body, const QString &sentence);
    void finishLater(Error error, const QString &sentence);
    void dropReply();

    QString m_what;
    QString m_server;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{0};
    bool m_finished = false;
    Error m_error = Error::None;
};
