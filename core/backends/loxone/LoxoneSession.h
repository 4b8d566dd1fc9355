#pragma once

#include "LoxoneEventTable.h"
#include "LoxoneMessageHeader.h"
#include "LoxoneToken.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>

class QWebSocket;
struct LoxoneResponse;

// One WebSocket connection to the Miniserver (/ws/rfc6455, subprotocol "remotecontrol"):
//   1. with a token from an earlier session: jdev/sys/getkey → key, then
//      authwithtoken/<HMAC(token, key)>/<user>; if the Miniserver no longer takes it, or
//      without one:
//      jdev/sys/getkey2/<user> → key, salt, hash algorithm, then
//      jdev/sys/getjwt/<hash>/<user>/4/<uuid>/<info> → a token: the password is proven, never
//      sent (jdev/sys/gettoken/... when the firmware does not know getjwt, before 10.2)
//   → authenticated(): the owner may sign HTTP requests with the token now
//   2. enableUpdates(): jdev/sps/enablebinstatusupdate → every state once, then each change
//   3. "keepalive" every keepaliveInterval, answered by a KeepAlive header
//   4. jdev/sys/refreshjwt/<HMAC(token, key)>/<user> after 80 % of the token's lifetime
//   5. killToken() at shutdown: jdev/sys/killtoken/<HMAC(token, key)>/<user>
// Every step, keepalive and refresh has to be answered within the timeout. Any failure ends
// the session with failed(sentence); the owner deletes it and decides about reconnecting.
class LoxoneSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl url; // ws:// or wss://
        QString server; // the Miniserver as shown to people
        QString user;
        QString password;
        QString clientUuid; // identifies this client to the Miniserver's token list
        QString clientInfo; // a name for the token list
        std::chrono::milliseconds timeout{10000};
        std::chrono::milliseconds keepaliveInterval{30000};
        // A token of an earlier session, tried first (authwithtoken), so that reconnecting
        // does not pile up tokens on the Miniserver.
        std::optional<LoxoneToken> token;
    };

    explicit LoxoneSession(const Options &options, QObject *parent = nullptr);
    ~LoxoneSession() override;

    void open();
    // Closes the WebSocket at once, without failed().
    void close();
    // After authenticated(): asks for the event tables; ready() once the Miniserver agrees.
    void enableUpdates();
    // Asks the Miniserver to invalidate the token, then closes, for an orderly shutdown. The
    // message is flushed to the network before the socket closes; no answer is awaited.
    void killToken();

    bool isAuthenticated() const;
    bool isReady() const { return m_step == Step::Running; }
    std::optional<LoxoneToken> token() const { return m_token; }
    // Whether it failed because the Miniserver refused the user or password.
    bool failedOnCredentials() const { return m_credentialsRefused; }

Q_SIGNALS:
    void authenticated();
    void tokenChanged(const LoxoneToken &token); // acquired, confirmed or refreshed
    void tokenRevoked(); // the Miniserver no longer takes the token it had
    void ready();
    void failed(const QString &error);
    void valueStatesReceived(const QList<LoxoneEventTable::ValueEvent> &events);
    void textStatesReceived(const QList<LoxoneEventTable::TextEvent> &events);

private:
    enum class Step {
        Idle,
        Connecting,
        GetTokenKey,
        AuthWithToken,
        GetKey,
        GetToken,
        Authenticated,
        EnableUpdates,
        Running,
        Failed
    };

    void onConnected();
    void onDisconnected();
    void onBinaryFrame(const QByteArray &frame);
    void onTextFrame(const QString &text);
    void onPayload(LoxoneMessageHeader::Kind kind, const QByteArray &payload);
    void onResponse(const LoxoneResponse &response);
    void onKeyForToken(const LoxoneResponse &response);
    void onKeyForPassword(const LoxoneResponse &response);
    void onToken(const LoxoneResponse &response);
    void onRefreshed(const LoxoneResponse &response);
    void onDeadline();
    void requestToken();
    void dropToken();
    void setAuthenticated();
    void scheduleRefresh();
    void refreshToken();
    void sendKeepalive();
    void send(const QString &command, Step next);
    void fail(const QString &sentence);
    void stopTimers();
    QString stepName() const;
    QString tokenCommand(const QString &command) const; // "<command>/<token hash>/<user>"

    Options m_options;
    QWebSocket *m_socket = nullptr;
    Step m_step = Step::Idle;
    std::optional<LoxoneMessageHeader> m_header; // announced, payload not yet here
    std::optional<LoxoneToken> m_token;
    QString m_tokenKey; // the key of this socket's jdev/sys/getkey, for authwithtoken
    QString m_hashAlg; // of the last getkey2
    bool m_legacyTokens = false; // getjwt is unknown: gettoken
    QTimer m_deadline; // the current step's
    QTimer m_keepalive;
    QTimer m_keepaliveDeadline;
    QTimer m_refresh;
    QTimer m_refreshDeadline;
    bool m_credentialsRefused = false;
};
