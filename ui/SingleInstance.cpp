#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace {

// The whole conversation: a later start sends the request, the running one confirms.
constexpr char REQUEST[] = "show\n";
constexpr char CONFIRMATION[] = "ok\n";
// Longer lines are not ours; a peer sending them is dropped.
constexpr qint64 MAX_LINE = 64;
// A socket file nobody accepts on within this time was left behind by a crash.
constexpr int STALE_CHECK_MS = 500;
// A peer that says nothing for this long is hung up on.
constexpr int PEER_TIMEOUT_MS = 5000;

} // namespace

SingleInstance::SingleInstance(const QString &stateDirectory, QObject *parent)
    : QObject(parent)
    , m_name(serverName(stateDirectory))
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &stateDirectory)
{
    // Local sockets share one namespace (the temp directory); the home directory keeps two
    // users apart, the state directory two HOMEWARDEN_HOMEs of one user.
    const QString key = QDir::homePath() + QLatin1Char('\n') + QDir(stateDirectory).absolutePath();
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("homewarden-tray-") + QString::fromLatin1(hash.toHex().left(24));
}

bool SingleInstance::notifyRunning(int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(REQUEST);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine(MAX_LINE) == CONFIRMATION;
}

bool SingleInstance::listen(QString *error)
{
    if (!m_server) {
        m_server = new QLocalServer(this);
        // Only this user may ask the tray to show itself.
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
    }
    if (m_server->listen(m_name))
        return true;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (!probe.waitForConnected(STALE_CHECK_MS)) {
            QLocalServer::removeServer(m_name);
            if (m_server->listen(m_name))
                return true;
        }
    }
    if (error) {
        *error = tr("HomeWarden cannot make sure it runs only once (%1); a second start may "
                    "open a second tray.")
                         .arg(m_server->errorString());
    }
    return false;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(PEER_TIMEOUT_MS, socket, &QLocalSocket::abort);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MAX_LINE)
                    socket->abort();
                return;
            }
            const bool asked = socket->readLine(MAX_LINE) == REQUEST;
            if (asked)
                socket->write(CONFIRMATION);
            socket->disconnectFromServer();
            if (asked)
                Q_EMIT activationRequested();
        });
    }
}
