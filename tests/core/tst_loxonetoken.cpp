#include "BackendReply.h"
#include "FakeMiniserver.h"
#include "LoxoneClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace std::chrono_literals;

// Loxone's token flow end to end, asserted on what the fake Miniserver received: the login
// proves the password without sending it and asks for an app token; every HTTP request is
// signed with autht=HMAC(token, key), never basic authentication unless allowed; the token is
// refreshed before it runs out, reused after a reconnect, replaced when the Miniserver drops
// it, and killed when the client goes.
class tst_LoxoneToken final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loginAsksForAnAppTokenAndSignsEveryRequest();
    void theFakeRefusesAForgedTokenAndBasicAuth();
    void tokenIsRefreshedBeforeItRunsOut();
    void reconnectingReusesTheToken();
    void aRevokedTokenLeadsToAFreshLogin();
    void killsTheTokenWhenItGoes();
    void oldFirmwareGetsALegacyToken();
    void basicAuthOnlyWhenAllowedAndAnnounced();

private:
    std::unique_ptr<LoxoneClient> makeClient(bool allowBasicAuth = false);
    static bool logIn(LoxoneClient *client);
    static bool send(LoxoneClient *client, const QString &command, QString *error = nullptr);
    int httpStatus(const QString &pathAndQuery, const QByteArray &authorization = {});

    std::unique_ptr<FakeMiniserver> m_fake;
};

namespace {

const QString BUTTON = QStringLiteral("0f86a20d-02ad-17f0-ffff373f9870b52a"); // a Pushbutton

} // namespace

void tst_LoxoneToken::init()
{
    m_fake = std::make_unique<FakeMiniserver>();
    QString error;
    QVERIFY2(m_fake->startExampleHouse(&error), qPrintable(error));
}

void tst_LoxoneToken::cleanup()
{
    m_fake.reset();
}

std::unique_ptr<LoxoneClient> tst_LoxoneToken::makeClient(bool allowBasicAuth)
{
    LoxoneClient::Config config;
    config.baseUrl = m_fake->url();
    config.user = QStringLiteral("homewarden");
    config.password = QStringLiteral("s3cret");
    config.requestTimeout = 2000ms;
    config.reconnectDelay = 50ms;
    config.maxReconnectDelay = 200ms;
    config.allowBasicAuth = allowBasicAuth;
    return std::make_unique<LoxoneClient>(config);
}

bool tst_LoxoneToken::logIn(LoxoneClient *client)
{
    client->start();
    return QTest::qWaitFor([client] { return client->isConnected(); }, 3000);
}

bool tst_LoxoneToken::send(LoxoneClient *client, const QString &command, QString *error)
{
    std::unique_ptr<BackendReply> reply(client->sendCommand(BUTTON, command));
    if (!reply->isFinished()) {
        QSignalSpy finished(reply.get(), &BackendReply::finished);
        if (!finished.wait(3000))
            return false;
    }
    if (error)
        *error = reply->errorString();
    return reply->isOk();
}

int tst_LoxoneToken::httpStatus(const QString &pathAndQuery, const QByteArray &authorization)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_fake->url().toString() + pathAndQuery));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(3000))
        return -1;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void tst_LoxoneToken::loginAsksForAnAppTokenAndSignsEveryRequest()
{
    auto client = makeClient();
    QVERIFY(logIn(client.get()));
    QCOMPARE(m_fake->tokenEvents(), QStringList{QStringLiteral("getjwt 4")});
    QCOMPARE(m_fake->liveTokenCount(), 1);
    // The structure file came with the token (the version check too, on reconnects).
    QCOMPARE(client->controlCount(), 6);
    const int signedSoFar = m_fake->tokenRequestCount();
    QVERIFY(signedSoFar >= 1);

    QString error;
    QVERIFY2(send(client.get(), QStringLiteral("on"), &error), qPrintable(error));
    QCOMPARE(m_fake->commands().size(), 1);
    QCOMPARE(m_fake->commands().at(0).via, QStringLiteral("http"));
    QCOMPARE(m_fake->tokenRequestCount(), signedSoFar + 1);
    QCOMPARE(m_fake->basicRequestCount(), 0);
    QCOMPARE(m_fake->loginFailures(), 0);
}

void tst_LoxoneToken::theFakeRefusesAForgedTokenAndBasicAuth()
{
    // The fake checks autht as a Miniserver does, so the tests above prove the real hashing.
    auto client = makeClient();
    QVERIFY(logIn(client.get()));
    const QString path = QStringLiteral("/jdev/sps/io/%1/on").arg(BUTTON);
    QCOMPARE(httpStatus(path
                     + QStringLiteral("?autht=%1&user=homewarden")
                               .arg(QString(64, QLatin1Char('a')))),
            401);
    QCOMPARE(httpStatus(path, "Basic " + QByteArray("homewarden:s3cret").toBase64()), 401);
    QCOMPARE(httpStatus(path), 401);
    QCOMPARE(m_fake->commands().size(), 0);
    m_fake->setAcceptBasicAuth(true);
    QCOMPARE(httpStatus(path, "Basic " + QByteArray("homewarden:s3cret").toBase64()), 200);
}

void tst_LoxoneToken::tokenIsRefreshedBeforeItRunsOut()
{
    m_fake->setTokenLifetime(3s);
    auto client = makeClient();
    QSignalSpy connected(client.get(), &LoxoneClient::connectedChanged);
    QVERIFY(logIn(client.get()));

    // After 80 % of its life, well before it would run out.
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->tokenEvents().contains(QStringLiteral("refreshjwt")), 3000);
    // Past the first token's end: the fresh one signs the command.
    QTest::qWait(1500);
    QString error;
    QVERIFY2(send(client.get(), QStringLiteral("on"), &error), qPrintable(error));
    QCOMPARE(m_fake->commands().size(), 1);
    QCOMPARE(m_fake->tokenEvents().first(), QStringLiteral("getjwt 4"));
    QCOMPARE(m_fake->tokenEvents().count(QStringLiteral("getjwt 4")), 1); // no new login
    QCOMPARE(connected.size(), 1); // never dropped
    QCOMPARE(m_fake->loginFailures(), 0);
}

void tst_LoxoneToken::reconnectingReusesTheToken()
{
    auto client = makeClient();
    QVERIFY(logIn(client.get()));
    m_fake->drop();
    QTRY_VERIFY_WITH_TIMEOUT(!client->isConnected(), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    // No second token piles up on the Miniserver.
    QCOMPARE(m_fake->tokenEvents(),
            (QStringList{QStringLiteral("getjwt 4"), QStringLiteral("authwithtoken")}));
    QCOMPARE(m_fake->liveTokenCount(), 1);
    QString error;
    QVERIFY2(send(client.get(), QStringLiteral("on"), &error), qPrintable(error));
}

void tst_LoxoneToken::aRevokedTokenLeadsToAFreshLogin()
{
    auto client = makeClient();
    QVERIFY(logIn(client.get()));
    m_fake->revokeTokens();

    QString error;
    QVERIFY(!send(client.get(), QStringLiteral("on"), &error));
    QVERIFY2(error.contains(QLatin1String("HTTP 401")), qPrintable(error));
    // A new login with the password, and commands go through again.
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->tokenEvents().count(QStringLiteral("getjwt 4")) == 2, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 3000);
    QVERIFY2(send(client.get(), QStringLiteral("on"), &error), qPrintable(error));
    QCOMPARE(m_fake->liveTokenCount(), 1);
}

void tst_LoxoneToken::killsTheTokenWhenItGoes()
{
    auto client = makeClient();
    QVERIFY(logIn(client.get()));
    QCOMPARE(m_fake->liveTokenCount(), 1);
    client.reset();
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->tokenEvents().contains(QStringLiteral("killtoken")), 2000);
    QCOMPARE(m_fake->liveTokenCount(), 0);
}

void tst_LoxoneToken::oldFirmwareGetsALegacyToken()
{
    m_fake->setLegacyFirmware(true);
    m_fake->setTokenLifetime(2s);
    auto client = makeClient();
    QVERIFY(logIn(client.get()));
    QCOMPARE(m_fake->tokenEvents().first(), QStringLiteral("gettoken 4"));
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->tokenEvents().contains(QStringLiteral("refreshtoken")), 3000);
    QString error;
    QVERIFY2(send(client.get(), QStringLiteral("on"), &error), qPrintable(error));
    QVERIFY(client->isConnected());
}

void tst_LoxoneToken::basicAuthOnlyWhenAllowedAndAnnounced()
{
    m_fake->setAcceptBasicAuth(true);
    // Not allowed: without a token nothing leaves, not even with a Miniserver that takes it.
    auto strict = makeClient(false);
    QString error;
    QVERIFY(!send(strict.get(), QStringLiteral("on"), &error));
    QVERIFY2(error.contains(QLatin1String("is not logged in to the Loxone Miniserver")),
            qPrintable(error));
    QCOMPARE(m_fake->requestCount(), 0);

    // Allowed (loxone/allow_basic_auth): it goes, and says so once.
    auto lenient = makeClient(true);
    QSignalSpy used(lenient.get(), &LoxoneClient::basicAuthenticationUsed);
    QVERIFY2(send(lenient.get(), QStringLiteral("on"), &error), qPrintable(error));
    QVERIFY2(send(lenient.get(), QStringLiteral("off"), &error), qPrintable(error));
    QCOMPARE(m_fake->basicRequestCount(), 2);
    QCOMPARE(used.size(), 1);
    QVERIFY2(used.at(0).at(0).toString().contains(QLatin1String("loxone/allow_basic_auth")),
            qPrintable(used.at(0).at(0).toString()));

    // Once it holds a token, the token signs the requests even when basic is allowed.
    QVERIFY(logIn(lenient.get()));
    const int basic = m_fake->basicRequestCount();
    QVERIFY2(send(lenient.get(), QStringLiteral("on"), &error), qPrintable(error));
    QCOMPARE(m_fake->basicRequestCount(), basic);
}

QTEST_GUILESS_MAIN(tst_LoxoneToken)
#include "tst_loxonetoken.moc"
