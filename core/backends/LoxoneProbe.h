#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <memory>

class LoxoneClient;

// "Test connection" for a Loxone Miniserver, as the setup wizard offers it. It connects the
// way HomeWarden will (LoxoneClient: the token login, then the structure file) and finishes
// once, from the event loop, with the Miniserver's name, firmware and number of controls, or
// the client's own sentence for the first thing that went wrong. It never retries: a wrong
// password is tried once, so the Miniserver does not count a series of failed logins.
class LoxoneProbe : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        QString error; // one sentence when !ok
        QString name; // msInfo.msName
        QString firmware; // msInfo.swVersion
        int controlCount = 0;
    };

    static constexpr int DEFAULT_TIMEOUT_MS = 10000;

    explicit LoxoneProbe(QObject *parent = nullptr);
    ~LoxoneProbe() override;

    // Starts a probe; one in flight is cancelled without finishing.
    void start(const QUrl &baseUrl, const QString &user, const QString &password,
            int timeoutMs = DEFAULT_TIMEOUT_MS);
    bool isRunning() const { return m_client != nullptr; }

Q_SIGNALS:
    void finished(const LoxoneProbe::Result &result);

private:
    void succeed();
    void fail(const QString &sentence);
    void stopClient();

    std::unique_ptr<LoxoneClient> m_client;
    QTimer m_timeout;
    QUrl m_baseUrl;
};
