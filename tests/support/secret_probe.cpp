// hw_secret_probe read|write|delete NAME [VALUE] | lock: one call to the OS keychain through
// KeychainSecretStore, for tests that need a process of its own (another session bus, none,
// a locked keyring). Prints "ERROR<TAB>SENTENCE-OR-VALUE" (ERROR as in SecretJob::Error) and
// exits 0 when the call succeeded, 1 when it failed, 2 on bad usage. `lock` locks the Secret
// Service's default collection, as a screen lock or a timeout does.
#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QMetaEnum>

#include <cstdio>

namespace {

int report(const SecretJob::Result &result)
{
    const QMetaEnum errors = QMetaEnum::fromType<SecretJob::Error>();
    std::printf("%s\t%s\n", errors.valueToKey(int(result.error)),
            qPrintable(result.isOk() ? result.value : result.errorString));
    return result.isOk() ? 0 : 1;
}

int lockDefaultCollection()
{
    QDBusMessage lock = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath>{
            QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(lock);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        std::fprintf(stderr, "lock failed: %s\n", qPrintable(reply.errorMessage()));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const QString verb = arguments.value(1);
    if (verb == QLatin1String("lock") && arguments.size() == 2)
        return lockDefaultCollection();

    KeychainSecretStore store;
    if (verb == QLatin1String("read") && arguments.size() == 3)
        return report(store.readAndWait(arguments.at(2), 20000));
    if (verb == QLatin1String("write") && arguments.size() == 4)
        return report(store.writeAndWait(arguments.at(2), arguments.at(3), 20000));
    if (verb == QLatin1String("delete") && arguments.size() == 3)
        return report(store.removeAndWait(arguments.at(2), 20000));
    std::fprintf(stderr, "usage: hw_secret_probe read|write|delete NAME [VALUE] | lock\n");
    return 2;
}
