#include "KeychainBackend.h"

#include <QAbstractEventDispatcher>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define HW_FREEDESKTOP_KEYCHAIN 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#endif

namespace {

#ifdef HW_FREEDESKTOP_KEYCHAIN
constexpr char SECRET_SERVICE[] = "org.freedesktop.secrets";
constexpr char SECRET_SERVICE_PATH[] = "/org/freedesktop/secrets";
constexpr int BUS_TIMEOUT_MS = 5000;

// QtKeychain 0.13 loads "secret-1" at run time (Debian: libsecret-1-0) and uses it whenever
// it loads; the same test gives the same answer.
bool libsecretLoads()
{
    static const bool loads = [] {
        QLibrary libsecret(QStringLiteral("secret-1"), 0);
        return libsecret.load() && libsecret.resolve("secret_password_lookup");
    }();
    return loads;
}

// QtKeychain's desktop detection (itself Chromium's), for systems without libsecret.
bool isKdeSession()
{
    const QByteArray desktop = qgetenv("XDG_CURRENT_DESKTOP");
    const QByteArray session = qgetenv("DESKTOP_SESSION");
    return desktop == "KDE" || session == "kde" || session == "kde4"
            || (desktop.isEmpty() && session.isEmpty()
                    && qEnvironmentVariableIsSet("KDE_FULL_SESSION"));
}

// The program that owns the Secret Service name, e.g. "gnome-keyring-daemon".
QString secretServiceProvider()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return {};
    const QDBusReply<uint> pid = bus.interface()->servicePid(QLatin1String(SECRET_SERVICE));
    if (!pid.isValid())
        return {};
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid.value()));
    if (!cmdline.open(QIODevice::ReadOnly))
        return {};
    const QByteArray program = cmdline.readAll().split('\0').value(0);
    return QFileInfo(QString::fromLocal8Bit(program)).fileName();
}
#endif

} // namespace

KeychainBackend::Kind KeychainBackend::kind()
{
#ifdef HW_FREEDESKTOP_KEYCHAIN
    if (libsecretLoads())
        return Kind::SecretService;
    if (isKdeSession())
        return Kind::KWallet;
    QLibrary gnomeKeyring(QStringLiteral("gnome-keyring"), 0);
    return gnomeKeyring.load() ? Kind::GnomeKeyring : Kind::KWallet;
#else
    return Kind::Native;
#endif
}

QString KeychainBackend::describe()
{
    switch (kind()) {
    case Kind::SecretService: {
#ifdef HW_FREEDESKTOP_KEYCHAIN
        const QString provider = secretServiceProvider();
        if (!provider.isEmpty())
            return tr("Secret Service through libsecret, provided by %1").arg(provider);
#endif
        return tr("Secret Service through libsecret");
    }
    case Kind::KWallet:
        return qgetenv("KDE_SESSION_VERSION") == "5" ? tr("KWallet (kwalletd5)")
                                                     : tr("KWallet (kwalletd)");
    case Kind::GnomeKeyring:
        return tr("GNOME Keyring through libgnome-keyring");
    case Kind::Native:
        break;
    }
#if defined(Q_OS_DARWIN)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Store");
#else
    return tr("the system keychain");
#endif
}

QString KeychainBackend::eventLoopProblem()
{
    if (kind() != Kind::SecretService)
        return {};
    const QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (dispatcher && dispatcher->inherits("QEventDispatcherGlib"))
        return {};
    return tr("The keychain cannot answer because Qt runs without its GLib event loop: unset "
              "QT_NO_GLIB and try again.");
}

SecretJob::Error KeychainBackend::diagnose()
{
#ifdef HW_FREEDESKTOP_KEYCHAIN
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return SecretJob::Error::NoSessionBus;
    if (kind() != Kind::SecretService || !bus.interface())
        return SecretJob::Error::None;
    const QDBusReply<bool> registered =
            bus.interface()->isServiceRegistered(QLatin1String(SECRET_SERVICE));
    if (!registered.isValid() || !registered.value())
        return SecretJob::Error::NoSecretService;

    QDBusMessage readAlias = QDBusMessage::createMethodCall(QLatin1String(SECRET_SERVICE),
            QLatin1String(SECRET_SERVICE_PATH), QStringLiteral("org.freedesktop.Secret.Service"),
            QStringLiteral("ReadAlias"));
    readAlias << QStringLiteral("default");
    const QDBusReply<QDBusObjectPath> alias = bus.call(readAlias, QDBus::Block, BUS_TIMEOUT_MS);
    if (!alias.isValid())
        return SecretJob::Error::None;
    // The Secret Service API's "no such object".
    if (alias.value().path() == QLatin1String("/"))
        return SecretJob::Error::NoDefaultCollection;

    QDBusMessage getLocked =
            QDBusMessage::createMethodCall(QLatin1String(SECRET_SERVICE), alias.value().path(),
                    QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    getLocked << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusReply<QDBusVariant> locked = bus.call(getLocked, QDBus::Block, BUS_TIMEOUT_MS);
    if (locked.isValid() && locked.value().variant().toBool())
        return SecretJob::Error::Locked;
#endif
    return SecretJob::Error::None;
}
