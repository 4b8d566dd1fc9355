#pragma once

#include "SecretJob.h"

#include <QCoreApplication>
#include <QString>

// Which keychain QtKeychain 0.13 talks to here, and why a call to it failed. QtKeychain does
// not say which backend it picked, and it reports a missing session bus, a missing Secret
// Service and a missing default keyring alike as OtherError with GLib's technical (and
// translated) text, while a locked keyring whose prompt was dismissed reads as "not found".
// The session bus itself tells these apart, so that each gets its own sentence.
class KeychainBackend
{
    Q_DECLARE_TR_FUNCTIONS(KeychainBackend)

public:
    enum class Kind {
        SecretService, // libsecret, talking to gnome-keyring, KWallet or KeePassXC over D-Bus
        KWallet, // KWallet's own D-Bus interface (no libsecret installed, KDE session)
        GnomeKeyring, // the old libgnome-keyring
        Native, // macOS Keychain, Windows Credential Store
    };

    // The backend QtKeychain chooses, by QtKeychain's own rules: libsecret when it can be
    // loaded, else the desktop's wallet.
    static Kind kind();
    // For people: e.g. "Secret Service through libsecret, provided by gnome-keyring-daemon".
    static QString describe();

    // libsecret delivers its answers through GLib's main loop, which Qt's event loop drives
    // unless QT_NO_GLIB is set; without it every call would hang. Empty when all is well,
    // else the sentence to show.
    static QString eventLoopProblem();

    // After a failed call (or a read that found nothing): what the session bus shows is
    // wrong, or Error::None when it shows nothing wrong. Asks the bus synchronously; only
    // failures pay for it.
    static SecretJob::Error diagnose();
};
