#pragma once

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QString>

#include <optional>

// The PEM certificate chain and private key that HTTPS serves with, read the same way by
// `homewarden serve`, the tray and the settings window (which checks them before saving).
class TlsFiles
{
    Q_DECLARE_TR_FUNCTIONS(TlsFiles)

public:
    // A server configuration (TLS 1.2 or later) with the chain and the key; nothing and
    // *error (one sentence) when a path is empty or a file is unreadable or not PEM.
    static std::optional<QSslConfiguration> load(
            const QString &certificatePath, const QString &keyPath, QString *error = nullptr);
};
