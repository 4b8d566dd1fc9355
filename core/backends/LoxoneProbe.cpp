#include "LoxoneProbe.h"

#include "LoxoneClient.h"

LoxoneProbe::LoxoneProbe(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The Loxone Miniserver at %1 did not answer in time; check that it is running and "
                "that the address is right.")
                        .arg(m_baseUrl.toDisplayString(QUrl::RemoveUserInfo)));
    });
}

LoxoneProbe::~LoxoneProbe()
{
    stopClient();
}

void LoxoneProbe::start(
        const QUrl &baseUrl, const QString &user, const QString &password, int timeoutMs)
{
    stopClient();
    m_baseUrl = baseUrl;
    if (password.isEmpty()) {
        // Through the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this] {
            fail(tr("Enter the password of the Loxone user HomeWarden logs in with."));
        });
        return;
    }
    LoxoneClient::Config config;
    config.baseUrl = baseUrl;
    config.user = user;
    config.password = password;
    config.requestTimeout = std::chrono::milliseconds(timeoutMs);
    // One attempt only; the timeout ends the probe long before a retry would start.
    config.reconnectDelay = std::chrono::milliseconds(timeoutMs * 10);
    config.maxReconnectDelay = config.reconnectDelay;
    m_client = std::make_unique<LoxoneClient>(config);
    connect(m_client.get(), &LoxoneClient::connectedChanged, this, [this](bool connected) {
        if (connected)
            succeed();
    });
    connect(m_client.get(), &LoxoneClient::errorOccurred, this,
            [this](const QString &error) { fail(error); });
    m_timeout.start(timeoutMs);
    m_client->start();
}

void LoxoneProbe::succeed()
{
    Result result;
    result.ok = true;
    result.name = m_client->msInfo().msName;
    result.firmware = m_client->msInfo().swVersion;
    result.controlCount = m_client->controlCount();
    stopClient();
    Q_EMIT finished(result);
}

void LoxoneProbe::fail(const QString &sentence)
{
    stopClient();
    Result result;
    result.error = sentence;
    Q_EMIT finished(result);
}

void LoxoneProbe::stopClient()
{
    m_timeout.stop();
    if (!m_client)
        return;
    m_client->disconnect(this);
    // A client that logged in ends its session itself when deleted (the token is killed on the
    // Miniserver); one that did not is stopped first, so that it tries nothing more.
    if (!m_client->isConnected())
        m_client->abortAll(QString());
    // The client may be inside one of its own signals: delete it from the event loop.
    m_client.release()->deleteLater();
}
