#pragma once

#include "LoxoneEventTable.h"
#include "LoxoneMessageHeader.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>

class QWebSocket;
struct LoxoneResponse;

// One WebSocket connection to the Miniserver (/ws/rfc6455, subprotocol "remotecontrol"):
//   1. jdev/sys/getkey2/<user>            → key, salt, hash algorithm
//   2. jdev/sys/getjwt/<hash>/<user>/...  → a token: the password is proven, never sent
//   3. jdev/sps/enablebinstatusupdate     → every state once, then each change, as event tables
//   4. "keepalive" every keepaliveInterval, answered by a KeepAlive header
// Every step and every keepalive has to be answered within the timeout. Any failure ends the
// session with failed(sentence); the owner deletes it and decides about reconnecting.
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
    };

    explicit LoxoneSession(const Options &options, QObject *parent = nullptr);
    ~LoxoneSession() override;

    void open();
    // Closes the WebSocket at once, without failed().
    void close();
    bool isReady() const { return m_step == Step::Running; }
    // Whether it failed because the Miniserver refused the user or password.
    bool failedOnCredentials() const { return m_credentialsRefused; }

Q_SIGNALS:
    void ready();
    void failed(const QString &error);
    void valueStatesReceived(const QList<LoxoneEventTable::ValueEvent> &events);
    void textStatesReceived(const QList<LoxoneEventTable::TextEvent> &events);

private:
    enum class Step { Idle, Connecting, GetKey, GetToken, EnableUpdates, Running, Failed };

    void onConnected();
    void onDisconnected();
    void onBinaryFrame(const QByteArray &frame);
    void onTextFrame(const QString &text);
    void onPayload(LoxoneMessageHeader::Kind kind, const QByteArray &payload);
    void onResponse(const LoxoneResponse &response);
    void onDeadline();
    void sendKeepalive();
    void send(const QString &command, Step next);
    void fail(const QString &sentence);
    QString stepName() const;

    Options m_options;
    QWebSocket *m_socket = nullptr;
    Step m_step = Step::Idle;
    std::optional<LoxoneMessageHeader> m_header; // announced, payload not yet here
    QTimer m_deadline; // the current step's, or the outstanding keepalive's
    QTimer m_keepalive;
    bool m_keepaliveOutstanding = false;
    bool m_credentialsRefused = false;
};
