#include "HomeAssistantProbe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

HomeAssistantProbe::HomeAssistantProbe(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("%1 did not answer in time; check that it is running and that the address and "
                "port are right.")
                        .arg(where()));
    });
}

HomeAssistantProbe::~HomeAssistantProbe()
{
    cancel();
}

QString HomeAssistantProbe::where() const
{
    return tr("Home Assistant at %1").arg(m_baseUrl.toDisplayString(QUrl::RemoveUserInfo));
}

void HomeAssistantProbe::start(const QUrl &baseUrl, const QString &token, int timeoutMs)
{
    cancel();
    m_baseUrl = baseUrl.adjusted(QUrl::StripTrailingSlash);
    m_token = token;
    m_result = Result();
    m_sslErrors.clear();
    const QString scheme = m_baseUrl.scheme().toLower();
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        // Through the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this] {
            fail(tr("'%1' is not an http:// or https:// address; enter Home Assistant's address, "
                    "for example http://homeassistant.local:8123.")
                            .arg(m_baseUrl.toDisplayString(QUrl::RemoveUserInfo)));
        });
        return;
    }
    if (m_token.trimmed().isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            fail(tr("Enter a long-lived access token; Home Assistant creates one in your profile, "
                    "under Security."));
        });
        return;
    }
    m_timeout.start(timeoutMs);
    request(Step::Config);
}

void HomeAssistantProbe::request(Step step)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path()
            + (step == Step::Config ? QLatin1String("/api/config") : QLatin1String("/api/states")));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.trimmed().toUtf8());
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    // Kept to tell an untrusted certificate from a failed handshake; never ignored.
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, step] { onReplyFinished(reply, step); });
}

QString HomeAssistantProbe::failureSentence(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 || status == 403)
        return tr("%1 refused the access token; create a new long-lived access token in your Home "
                  "Assistant profile and paste it here.")
                .arg(where());
    if (status >= 300 && status < 400)
        return tr("%1 redirects elsewhere; enter the address it redirects to.").arg(where());
    if (status != 0)
        return tr("%1 answered with HTTP status %2; check that the address is Home Assistant's.")
                .arg(where())
                .arg(status);
    // A server that speaks plain HTTP hangs up on a TLS handshake.
    const bool https = m_baseUrl.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    if (https && reply->error() == QNetworkReply::RemoteHostClosedError)
        return tlsFailure(reply);
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        if (!m_sslErrors.isEmpty())
            return tr("The TLS certificate of %1 is not trusted (%2); use the address the "
                      "certificate was made for, or install the certificate on this computer.")
                    .arg(where(), m_sslErrors.first());
        return tlsFailure(reply);
    case QNetworkReply::HostNotFoundError:
        return tr("%1 cannot be found; check the host name.").arg(where());
    case QNetworkReply::ConnectionRefusedError:
        return tr("%1 refused the connection; check that Home Assistant is running and that the "
                  "port is right.")
                .arg(where());
    default:
        return tr("%1 cannot be reached (%2); check the address and the network.")
                .arg(where(), reply->errorString());
    }
}

QString HomeAssistantProbe::tlsFailure(QNetworkReply *reply) const
{
    return tr("The TLS connection to %1 failed (%2); check that this port serves https, or use "
              "http://.")
            .arg(where(), reply->errorString());
}

void HomeAssistantProbe::onReplyFinished(QNetworkReply *reply, Step step)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // cancelled
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        fail(failureSentence(reply));
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    const QString notHomeAssistant =
            tr("%1 answered, but not as Home Assistant does; check the address and the port.")
                    .arg(where());
    if (step == Step::Config) {
        const QJsonObject config = document.object();
        if (!document.isObject() || !config.value(QLatin1String("version")).isString()) {
            fail(notHomeAssistant);
            return;
        }
        m_result.version = config.value(QLatin1String("version")).toString();
        m_result.locationName = config.value(QLatin1String("location_name")).toString();
        request(Step::States);
        return;
    }
    if (!document.isArray()) {
        fail(notHomeAssistant);
        return;
    }
    m_result.entityCount = int(document.array().size());
    m_result.ok = true;
    finish(m_result);
}

void HomeAssistantProbe::fail(const QString &sentence)
{
    cancel();
    Result result;
    result.error = sentence;
    finish(result);
}

void HomeAssistantProbe::finish(const Result &result)
{
    m_timeout.stop();
    Q_EMIT finished(result);
}

void HomeAssistantProbe::cancel()
{
    m_timeout.stop();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->abort();
    }
}
