#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

// "Test connection" for Home Assistant, as the setup wizard offers it: GET /api/config (version
// and location name), then GET /api/states (how many entities), with the token as a Bearer
// header. Finishes once, from the event loop, with the facts or one sentence that tells a
// person what is wrong: unreachable, the token refused, a TLS problem, no answer in time, or
// something that is not Home Assistant. It never follows a redirect (the token would go along).
class HomeAssistantProbe : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        QString error; // one sentence when !ok
        QString version;
        QString locationName;
        int entityCount = 0;
    };

    static constexpr int DEFAULT_TIMEOUT_MS = 10000;

    explicit HomeAssistantProbe(QObject *parent = nullptr);
    ~HomeAssistantProbe() override;

    // Starts a probe; one in flight is cancelled without finishing. timeoutMs covers both requests.
    void start(const QUrl &baseUrl, const QString &token, int timeoutMs = DEFAULT_TIMEOUT_MS);
    bool isRunning() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void finished(const HomeAssistantProbe::Result &result);

private:
    enum class Step { Config, States };

    void request(Step step);
    void onReplyFinished(QNetworkReply *reply, Step step);
    void finish(const Result &result);
    void fail(const QString &sentence);
    void cancel();
    QString where() const;
    // The sentence for a reply that failed at the network or HTTP level.
    QString failureSentence(QNetworkReply *reply) const;
    QString tlsFailure(QNetworkReply *reply) const;

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QUrl m_baseUrl;
    QString m_token;
    Result m_result;
    QStringList m_sslErrors; // what the TLS handshake found wrong with the certificate
};
