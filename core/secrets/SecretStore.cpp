#include "SecretStore.h"

#include "SecretNames.h"

#include <QEventLoop>
#include <QTimer>

SecretJob::Result SecretStore::wait(SecretJob *job, int timeoutMs)
{
    const QString name = job->name();
    SecretJob::Result result;
    QEventLoop loop;
    // The loop is the context: a job that ends after the timeout finds nobody to tell.
    QObject::connect(job, &SecretJob::finished, &loop, [&result, &loop](SecretJob *finished) {
        result = finished->result();
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&result, &loop, &name, timeoutMs] {
        result = {SecretJob::Error::Timeout,
                errorSentence(
                        SecretJob::Error::Timeout, name, QString::number((timeoutMs + 999) / 1000)),
                {}};
        loop.quit();
    });
    timer.start(timeoutMs);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return result;
}

SecretJob::Result SecretStore::readAndWait(const QString &name, int timeoutMs)
{
    return wait(read(name), timeoutMs);
}

SecretJob::Result SecretStore::writeAndWait(
        const QString &name, const QString &value, int timeoutMs)
{
    return wait(write(name, value), timeoutMs);
}

SecretJob::Result SecretStore::removeAndWait(const QString &name, int timeoutMs)
{
    return wait(remove(name), timeoutMs);
}

QString SecretStore::errorSentence(
        SecretJob::Error error, const QString &name, const QString &detail)
{
    switch (error) {
    case SecretJob::Error::None:
        return {};
    case SecretJob::Error::NotFound:
        return tr("There is no secret '%1' in the keychain: store it with 'homewarden secrets "
                  "set %1'.")
                .arg(name);
    case SecretJob::Error::InvalidName: {
        QString sentence;
        SecretNames::isValid(name, &sentence);
        return sentence;
    }
    case SecretJob::Error::NoSessionBus:
        return tr("The keychain cannot be reached because no D-Bus session bus is running: run "
                  "HomeWarden inside your desktop session (or under 'dbus-run-session') and try "
                  "again.");
    case SecretJob::Error::NoSecretService:
        return tr("No keychain service is running: start GNOME Keyring or KWallet (for example "
                  "with 'gnome-keyring-daemon --start --components=secrets') and try again.");
    case SecretJob::Error::NoDefaultCollection:
        return tr("The keychain has no default keyring to store secrets in: create one, for "
                  "example with Passwords and Keys (Seahorse), and try again.");
    case SecretJob::Error::Locked:
        return tr("The keychain is locked and was not unlocked (the prompt was dismissed or "
                  "could not be shown): unlock your login keyring, for example by logging in to "
                  "the desktop or in Passwords and Keys (Seahorse), and try again.");
    case SecretJob::Error::AccessDenied:
        return tr("The keychain denied HomeWarden access to '%1': allow HomeWarden in your "
                  "keychain's settings or answer its prompt, and try again.")
                .arg(name);
    case SecretJob::Error::Timeout:
        return tr("The keychain did not answer within %1 s: if it shows a prompt, answer it; "
                  "otherwise restart your keychain service and try again.")
                .arg(detail);
    case SecretJob::Error::Refused:
        return detail;
    case SecretJob::Error::Other:
        break;
    }
    return tr("The keychain failed unexpectedly (%1): check that your keychain service is "
              "running and unlocked, and try again.")
            .arg(detail);
}
