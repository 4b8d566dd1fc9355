#pragma once

#include "LoxoneStateCache.h"
#include "LoxoneStructure.h"
#include "LoxoneToken.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class BackendReply;
class LoxoneRequest;
class LoxoneSession;
class QNetworkAccessManager;
class QNetworkRequest;

// HomeWarden's connection to one Loxone Miniserver. start() opens the WebSocket and logs in
// with Loxone's token flow (LoxoneSession), loads the structure file over HTTP, then keeps a
// live cache of every state from the event tables. When the connection breaks it reconnects
// after 1 s, 2 s, 4 s … up to 60 s, with the same token while the Miniserver takes it, and
// resyncs: the structure file again if it changed (jdev/sps/LoxAPPversion3), and every state
// afresh. The token is refreshed before it runs out and killed when the client goes.
// HTTP requests (structure file, /jdev/sps/io/<uuid>/<command>) carry
// "?autht=<HMAC(token, key)>&user=<user>", never the password; without a token they are
// refused, unless Config::allowBasicAuth lets them send the password with basic
// authentication (for firmware without tokens; announced by basicAuthenticationUsed()).
// Commands never wait longer than the request timeout. The owner may veto every request
// (setRequestGuard) and stop everything at once (abortAll), as the kill switch does.
class LoxoneClient : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl baseUrl; // http://host:port or https://host:port
        QString user;
        QString password; // resolved by the caller (keychain, or the environment in development)
        std::chrono::milliseconds requestTimeout{10000}; // each HTTP request and WebSocket step
        std::chrono::milliseconds reconnectDelay{1000}; // the first; doubles after each failure
        std::chrono::milliseconds maxReconnectDelay{60000};
        std::chrono::milliseconds keepaliveInterval{30000};
        // Basic authentication when no token is at hand: the password then travels with
        // every request (base64, readable on plain http). Only for old firmware, on request.
        bool allowBasicAuth = false;
    };

    explicit LoxoneClient(const Config &config, QObject *parent = nullptr);
    // Kills the token on the Miniserver (jdev/sys/killtoken) when logged in.
    ~LoxoneClient() override;

    // Called before every HTTP request and before every (re)connection: an empty string
    // lets it through, a sentence refuses it with that sentence and nothing is sent.
    void setRequestGuard(std::function<QString()> guard);
    // The password arrives after construction when it comes from the keychain.
    void setPassword(const QString &password) { m_config.password = password; }
    // The client cannot work (no password is stored): it refuses every request with sentence
    // instead of trying a login the Miniserver would count as failed.
    void setUnavailable(const QString &sentence);

    // Connects (and keeps reconnecting). Does nothing while abortAll() is in force.
    void start();
    // Aborts every request in flight with reason, closes the WebSocket and stays
    // disconnected, refusing new commands with reason, until resume().
    void abortAll(const QString &reason);
    // Lifts abortAll() (or a login the Miniserver refused) and connects again.
    void resume();

    // Sends command (e.g. "on", "FullDown", "manualPosition/40") to a control or subcontrol:
    // uuidOrSubcontrolId is a Loxone uuid, optionally with "/suffix". The reply is never
    // nullptr and always finishes, from the event loop: with the "value" of the Miniserver's
    // answer as a JSON string, or one sentence. Delete it after finished(); replies are
    // children of the client and go with it.
    BackendReply *sendCommand(const QString &uuidOrSubcontrolId, const QString &command);

    bool isConnected() const { return m_connected; }
    QDateTime connectedSince() const { return m_connectedSince; } // invalid when not connected
    bool isSuspended() const { return m_suspended; }
    bool hasStructure() const { return m_structure.has_value(); }
    const LoxoneStructure &structure() const; // empty before structureLoaded()
    LoxoneMsInfo msInfo() const { return structure().msInfo(); }
    int controlCount() const { return structure().controlCount(); }
    // The last failure, one sentence; empty once connected again.
    QString lastError() const { return m_lastError; }

    std::optional<double> stateValue(const QString &stateUuid) const;
    std::optional<QString> stateText(const QString &stateUuid) const;
    const LoxoneStateCache &states() const { return m_states; }

    // The Miniserver as shown to people: scheme, host and port, never the credentials.
    QString server() const { return m_server; }
    std::chrono::milliseconds requestTimeout() const { return m_config.requestTimeout; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    void structureLoaded();
    void stateChanged(const QString &stateUuid); // lower case
    void errorOccurred(const QString &error);
    // A request went out with basic authentication (allowBasicAuth); once per spell without
    // a token. sentence says so and what to do.
    void basicAuthenticationUsed(const QString &sentence);

private:
    enum class Phase { Idle, Checking, Loading, Connecting, Connected, Waiting };

    void connectNow();
    void checkVersion();
    void loadStructure();
    void openSession();
    void onSessionAuthenticated();
    void onStructureCurrent();
    void onSessionReady();
    void onSessionFailed(const QString &error);
    void scheduleReconnect();
    void failCycle(const QString &error);
    // A request of the cycle failed: a refused token is renewed, refused credentials are
    // remembered (no retry until they change), anything else fails the cycle.
    void failCycleRequest(bool withToken, const QString &error);
    void setConnected(bool connected);
    void dropSession();
    void dropCycleRequest();
    // A request with a token the Miniserver refused: the token goes, the login starts over.
    void onTokenRefused(const QString &error);

    // A request to path (below the base URL, already percent-encoded) that has passed the
    // guard and carries the token (*withToken) or basic authentication, or one that finishes
    // with the refusal.
    LoxoneRequest *request(const QByteArray &path, const QString &what, bool *withToken = nullptr);
    QString refusal() const;
    QString notLoggedIn() const;
    // What the Miniserver's answer to command means: an empty string and *value when it
    // succeeded, else the sentence that says why not.
    static QString commandOutcome(
            const QString &target, const QString &command, const QByteArray &body, QString *value);

    Config m_config;
    QString m_server;
    QString m_configError;
    QString m_unavailable;
    QString m_clientUuid;
    std::function<QString()> m_guard;
    QNetworkAccessManager *m_network;
    std::optional<LoxoneStructure> m_structure;
    LoxoneStateCache m_states;
    QPointer<LoxoneRequest> m_cycleRequest; // the version check or structure download
    LoxoneSession *m_session = nullptr;
    std::optional<LoxoneToken> m_token; // the session's, kept for the next one
    bool m_basicAnnounced = false;
    QList<QPointer<BackendReply>> m_replies;
    QTimer m_reconnect;
    std::chrono::milliseconds m_nextDelay;
    Phase m_phase = Phase::Idle;
    bool m_connected = false;
    QDateTime m_connectedSince;
    bool m_suspended = false;
    QString m_suspendReason;
    bool m_credentialsRefused = false;
    QString m_lastError;
};
