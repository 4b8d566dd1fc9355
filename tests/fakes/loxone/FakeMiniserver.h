#pragma once

#include "FakeLoxoneHouse.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
class QWebSocket;

// A Loxone Miniserver for tests, on one loopback port:
//   GET /data/LoxAPP3.json, /jdev/sps/LoxAPPversion3, /jdev/sps/io/<id>/<command...>
//     authenticated with "?autht=<HMAC(token, key)>&user=<user>" of a live token (recomputed
//     here with the fake's own key), else 401; basic authentication only after
//     setAcceptBasicAuth(true). An unknown control id answers LL code 404.
//   WebSocket /ws/rfc6455: jdev/sys/getkey2/<user> → key, salt, hashAlg;
//     jdev/sys/getjwt/<hash>/<user>/<permission>/<uuid>/<info> → a token (token, key,
//     validUntil in seconds since 2009), or code 401 (gettoken instead with setLegacyFirmware,
//     where getjwt answers 400); jdev/sys/getkey → the key; authwithtoken/<hash>/<user>;
//     jdev/sys/refreshjwt|refreshtoken/<hash>/<user> → a new token (the old one runs out);
//     jdev/sys/killtoken/<hash>/<user>; jdev/sps/enablebinstatusupdate → every state, then
//     each change, as event tables; keepalive → a KeepAlive header. Each message is an 8-byte
//     header frame, then the payload. Tokens die at validUntil (setTokenLifetime).
// Commands change the house's states (FakeLoxoneHouse) and push them to every WebSocket that
// enabled status updates. Faults drive a client's error paths.
//
// For tests in another process the same port serves /_fake/ (no auth, not counted):
// GET /_fake/commands ([{uuid, command}]), DELETE /_fake/commands, GET /_fake/requests
// ({count}), POST /_fake/fault {"fault":"none|hang|http500|garbage|close"}, POST /_fake/drop
// (drop every connection, keep listening), POST /_fake/state {"uuid", "value"|"text"},
// GET /_fake/tokens ({events: ["getjwt", "refreshjwt", ...], live, autht, basic}),
// POST /_fake/token_lifetime {"seconds"} (for tokens issued from then on).
//
// Not the real thing: no RSA/AES key exchange or command encryption (a real Miniserver wants
// getjwt encrypted before 11.2), one key for every token, no visualisation passwords.
class FakeMiniserver : public QObject
{
    Q_OBJECT

public:
    enum class Fault {
        None,
        Hang, // HTTP requests get no answer; the WebSocket works on
        ServerError, // HTTP 500 to every request
        Garbage, // HTTP 200 with a body that is not JSON
        Close, // open connections are dropped, new ones closed at once without an answer
    };
    Q_ENUM(Fault)

    struct Command
    {
        QString uuid;
        QString command;
        QString via; // "http" or "websocket"
    };

    explicit FakeMiniserver(QObject *parent = nullptr);
    ~FakeMiniserver() override;

    bool loadStructure(const QString &path, QString *error = nullptr);
    bool setStructure(const QByteArray &json, QString *error = nullptr);
    // A file of tests/fixtures/loxone.
    static QString fixturePath(const QString &fileName);

    // The one user the Miniserver knows (default admin / admin).
    void setCredentials(const QString &user, const QString &password);
    void setHashAlgorithm(const QString &hashAlg); // "SHA256" (default) or "SHA1"
    // How long tokens issued from now on live (default one hour).
    void setTokenLifetime(std::chrono::seconds lifetime) { m_tokenLifetime = lifetime; }
    // Whether HTTP basic authentication is taken (default no, as with tokens on a Miniserver
    // whose admin turned it off).
    void setAcceptBasicAuth(bool accept) { m_acceptBasicAuth = accept; }
    // Firmware before 10.2: getjwt is unknown (code 400), gettoken and refreshtoken serve.
    void setLegacyFirmware(bool legacy) { m_legacyFirmware = legacy; }
    // Every token dies, as when the admin revokes them in Loxone Config.
    void revokeTokens() { m_tokens.clear(); }

    bool listen(quint16 port = 0); // 127.0.0.1 only; may be called again after close()
    // What most tests start: the smarteon-java structure file, the user homewarden with the
    // password s3cret, listening. false and *error when that fails.
    bool startExampleHouse(QString *error);
    void close(); // the Miniserver goes down: stop listening, drop every connection
    void drop(); // drop every connection, keep listening
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:PORT

    void setFault(Fault fault);
    Fault fault() const { return m_fault; }
    static QString faultName(Fault fault);
    static std::optional<Fault> faultFromName(const QString &name);

    QList<Command> commands() const { return m_commands; }
    void clearCommands() { m_commands.clear(); }
    int requestCount() const { return m_requestCount; } // HTTP requests and WebSocket messages
    int loginFailures() const { return m_loginFailures; }
    // The token commands that succeeded, in order: "getjwt <permission>", "gettoken
    // <permission>", "authwithtoken", "refreshjwt", "refreshtoken", "killtoken".
    QStringList tokenEvents() const { return m_tokenEvents; }
    int liveTokenCount() const; // issued, neither killed, replaced nor expired
    int tokenRequestCount() const { return m_tokenRequests; } // HTTP requests with autht
    int basicRequestCount() const { return m_basicRequests; } // HTTP requests with basic auth
    int webSocketCount() const { return int(m_sockets.size()); } // logged in and not
    int statusSubscriberCount() const;

    // The house's state, as if something in the house changed: pushed to subscribers.
    void setValue(const QString &stateUuid, double value);
    void setText(const QString &stateUuid, const QString &text);
    std::optional<double> value(const QString &stateUuid) const;
    std::optional<QString> text(const QString &stateUuid) const;
    const FakeLoxoneHouse &house() const { return m_house; }

Q_SIGNALS:
    void commandReceived(const FakeMiniserver::Command &command);

private:
    class HttpFront;
    struct Session
    {
        QByteArray key; // hex, from the last getkey2
        QString salt;
        bool loggedIn = false;
        bool statusUpdates = false;
    };

    void handleHttp(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void handleControl(const QHttpServerRequest &request, QHttpServerResponder &responder);
    bool isAuthorized(const QHttpServerRequest &request);
    // The live token of user whose hash with the fake's key is hash; empty when none.
    QString tokenFor(const QString &user, const QString &hash) const;
    QJsonObject issueToken(const QString &user, int permission);
    void handleTokenCommand(QWebSocket *socket, const QString &text, const QStringList &parts);
    QByteArray runCommand(const QStringList &segments, const QString &via);
    void acceptWebSockets();
    void handleWebSocketText(QWebSocket *socket, const QString &text);
    void sendText(QWebSocket *socket, const QByteArray &text);
    void sendStates(QWebSocket *socket, const QStringList &stateUuids);
    void push(const QStringList &stateUuids);
    QString saltOf(const QString &user);

    HttpFront *m_http = nullptr;
    QTcpServer *m_tcpServer = nullptr;
    bool m_bound = false;
    FakeLoxoneHouse m_house;
    QString m_user = QStringLiteral("admin");
    QString m_password = QStringLiteral("admin");
    QString m_hashAlg = QStringLiteral("SHA256");
    QHash<QString, QString> m_salts; // per user, stable as a Miniserver's
    struct IssuedToken
    {
        QString user;
        QDateTime validUntil;
        int permission = 0;
    };
    QHash<QString, IssuedToken> m_tokens;
    QByteArray m_tokenKey; // hex; proves every token (getjwt's and getkey's "key")
    std::chrono::seconds m_tokenLifetime{3600};
    bool m_acceptBasicAuth = false;
    bool m_legacyFirmware = false;
    QStringList m_tokenEvents;
    int m_tokenRequests = 0;
    int m_basicRequests = 0;
    Fault m_fault = Fault::None;
    QHash<QWebSocket *, Session> m_sockets;
    QList<Command> m_commands;
    int m_requestCount = 0;
    int m_loginFailures = 0;
};
