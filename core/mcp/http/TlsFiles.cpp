#include "TlsFiles.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace {

void setError(QString *error, const QString &sentence)
{
    if (error)
        *error = sentence;
}

} // namespace

std::optional<QSslConfiguration> TlsFiles::load(
        const QString &certificatePath, const QString &keyPath, QString *error)
{
    if (certificatePath.isEmpty() || keyPath.isEmpty()) {
        setError(error, tr("HTTPS needs both a certificate file and a private key file."));
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty()) {
        setError(error,
                tr("No PEM certificate could be read from %1.")
                        .arg(QDir::toNativeSeparators(certificatePath)));
        return std::nullopt;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        setError(error,
                tr("The key file %1 cannot be read.").arg(QDir::toNativeSeparators(keyPath)));
        return std::nullopt;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        setError(error,
                tr("No unencrypted PEM private key could be read from %1.")
                        .arg(QDir::toNativeSeparators(keyPath)));
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}
