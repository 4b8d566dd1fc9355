#include "ClientRegistration.h"

#include "AuditEvent.h"
#include "AuditTrail.h"
#include "AutostartEntry.h"
#include "ClaudeDesktopConfig.h"
#include "KeyAdministration.h"
#include "KeyText.h"
#include "SecretNames.h"
#include "SecretStore.h"
#include "SqlKeyStore.h"
#include "StateDatabase.h"
#include "StateDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace {

constexpr char KEY_NAME[] = "Claude Desktop";

QString secretName()
{
    return SecretNames::client(QLatin1String(ClaudeDesktopConfig::CLIENT_NAME));
}

QString absolute(const QString &path)
{
    return QFileInfo(path.isEmpty() ? ClaudeDesktopConfig::defaultPath() : path).absoluteFilePath();
}

} // namespace

ClientRegistration::ClientRegistration(const QString &stateDirectory, SecretStore *secrets,
        AuditTrail *audit, const QString &source)
    : m_stateDirectory(stateDirectory)
    , m_secrets(secrets)
    , m_audit(audit)
    , m_source(source)
{ }

bool ClientRegistration::storedKeyId(QString *keyId, QString *secret, QString *error) const
{
    keyId->clear();
    secret->clear();
    const SecretJob::Result result = m_secrets->readAndWait(secretName());
    if (result.error == SecretJob::Error::NotFound)
        return true;
    if (!result.isOk()) {
        *error = result.errorString;
        return false;
    }
    *secret = result.value;
    // Anything else stored there is replaced like a key, but names no key to revoke.
    if (const std::optional<KeyText::Parts> parts = KeyText::parse(result.value))
        *keyId = parts->id;
    return true;
}

QString ClientRegistration::notRevoked(const QString &keyId, const QString &error)
{
    return tr("Key %1 could not be revoked (%2); revoke it with 'homewarden keys revoke %1'.")
            .arg(keyId, error);
}

QString ClientRegistration::revokeQuietly(KeyAdministration *administration, const QString &keyId)
{
    QString error;
    const std::optional<ApiKey> key = administration->store()->find(keyId, &error);
    // A key this state directory does not know, or one revoked already, lets nobody in here.
    if (!key || key->isRevoked())
        return error.isEmpty() ? QString()
                               : tr("Key %1 could not be looked up (%2); revoke it with "
                                    "'homewarden keys revoke %1'.")
                                         .arg(keyId, error);
    if (administration->revoke(keyId, &error))
        return QString();
    return notRevoked(keyId, error);
}

void ClientRegistration::auditConfigChange(const QString &action, const QString &keyId,
        const QString &path, const QString &reason) const
{
    AuditEvent event;
    event.event = QLatin1String(AuditEvent::CONFIG_CHANGED);
    event.keyId = keyId;
    event.source = m_source;
    event.action = action;
    event.target = path;
    event.result = QStringLiteral("ok");
    event.reason = reason;
    m_audit->append(event);
}

SqlKeyStore::NewKey ClientRegistration::newKey(const Request &request)
{
    SqlKeyStore::NewKey spec;
    spec.name = QLatin1String(KEY_NAME);
    spec.role = Roles::fromName(request.role).value_or(Role::Monitor);
    spec.devices = request.devices;
    spec.permissions = request.permissions;
    return spec;
}

bool ClientRegistration::validate(const Request &request, QString *error)
{
    QString reason;
    if (!Roles::fromName(request.role)) {
        reason = tr("'%1' is not a role; choose admin, operator, monitor (or viewer), device or "
                    "custom.")
                         .arg(request.role);
    } else if (!SqlKeyStore::validate(newKey(request), QDateTime::currentDateTimeUtc(), &reason)) {
        reason = tr("The key for Claude Desktop cannot be created: %1").arg(reason);
    }
    if (error)
        *error = reason;
    return reason.isEmpty();
}

ClientRegistration::Outcome ClientRegistration::registerClaudeDesktop(const Request &request)
{
    Outcome outcome;
    outcome.configPath = absolute(request.configPath);
    const QString path = outcome.configPath;
    if (!m_secrets || !m_audit) {
        return outcome.failed(
                tr("Claude Desktop was not registered because the keychain or the audit "
                   "trail is not available."));
    }

    // Everything that can be checked is checked before anything changes.
    const QString executable =
            request.executable.isEmpty() ? AutostartEntry::defaultExecutable() : request.executable;
    if (!QFileInfo(executable).isAbsolute()) {
        return outcome.failed(
                tr("HomeWarden cannot find its own 'homewarden' program to name in Claude "
                   "Desktop's configuration; reinstall HomeWarden or put it on PATH."));
    }
    QString error;
    if (!validate(request, &error))
        return outcome.failed(error);
    const SqlKeyStore::NewKey spec = newKey(request);

    const std::optional<ClaudeDesktopConfig::Content> content =
            ClaudeDesktopConfig::read(path, &error);
    if (!content)
        return outcome.failed(error);
    const QString stateDirectory = QDir::cleanPath(m_stateDirectory);
    const QJsonObject entry = ClaudeDesktopConfig::serverEntry(executable,
            stateDirectory == QDir::cleanPath(StateDirectory::defaultPath()) ? QString()
                                                                             : stateDirectory);
    const std::optional<QJsonObject> merged =
            ClaudeDesktopConfig::withServer(content->config, entry, &error);
    if (!merged)
        return outcome.failed(error);

    QString oldKeyId;
    QString oldSecret;
    if (!storedKeyId(&oldKeyId, &oldSecret, &error))
        return outcome.failed(error);

    const std::unique_ptr<StateDatabase> database =
            StateDatabase::open(m_stateDirectory, StateDatabase::Durability::Normal, &error);
    if (!database)
        return outcome.failed(error);
    SqlKeyStore store(database.get());
    KeyAdministration administration(&store, m_audit, m_source);
    const std::optional<QString> keyText = administration.generate(spec, &error);
    if (!keyText)
        return outcome.failed(tr("The key for Claude Desktop cannot be created: %1").arg(error));
    const QString keyId = KeyText::parse(*keyText)->id;

    // From here on, each failure undoes what was done: the new key goes, the keychain gets
    // back what it held.
    const auto undo = [&](const QString &reason) {
        if (oldSecret.isEmpty())
            m_secrets->removeAndWait(secretName());
        else
            m_secrets->writeAndWait(secretName(), oldSecret);
        administration.revoke(keyId);
        m_audit->flush();
        return outcome.failed(reason);
    };
    const SecretJob::Result stored = m_secrets->writeAndWait(secretName(), *keyText);
    if (!stored.isOk()) {
        // Nothing was written, so the keychain still holds what it held.
        administration.revoke(keyId);
        m_audit->flush();
        return outcome.failed(stored.errorString);
    }
    if (content->exists) {
        outcome.backupPath =
                ClaudeDesktopConfig::backup(path, QDateTime::currentDateTime(), &error);
        if (outcome.backupPath.isEmpty())
            return undo(error);
    }
    if (!ClaudeDesktopConfig::write(path, *merged, &error)) {
        if (!outcome.backupPath.isEmpty())
            QFile::remove(outcome.backupPath);
        outcome.backupPath.clear();
        return undo(error);
    }
    auditConfigChange(QStringLiteral("register claude-desktop"), keyId, path,
            QStringLiteral("mcpServers.homewarden runs %1 --stdio --client %2%3")
                    .arg(executable, QLatin1String(ClaudeDesktopConfig::CLIENT_NAME),
                            outcome.backupPath.isEmpty()
                                    ? QString()
                                    : QStringLiteral("; backup %1").arg(outcome.backupPath)));

    if (!oldKeyId.isEmpty() && oldKeyId != keyId) {
        const QString warning = revokeQuietly(&administration, oldKeyId);
        if (warning.isEmpty())
            outcome.revokedKeyId = oldKeyId;
        else
            outcome.warnings.append(warning);
    }
    m_audit->flush();
    outcome.ok = true;
    outcome.keyId = keyId;
    return outcome;
}

ClientRegistration::Outcome ClientRegistration::unregisterClaudeDesktop(const QString &configPath)
{
    Outcome outcome;
    outcome.configPath = absolute(configPath);
    const QString path = outcome.configPath;
    if (!m_secrets || !m_audit) {
        return outcome.failed(
                tr("Claude Desktop was not unregistered because the keychain or the audit "
                   "trail is not available."));
    }

    QString error;
    const std::optional<ClaudeDesktopConfig::Content> content =
            ClaudeDesktopConfig::read(path, &error);
    if (!content)
        return outcome.failed(error);
    const bool hasEntry = content->config.value(QLatin1String(ClaudeDesktopConfig::SERVERS_KEY))
                                  .toObject()
                                  .contains(QLatin1String(ClaudeDesktopConfig::SERVER_NAME));
    const std::optional<QJsonObject> remaining =
            ClaudeDesktopConfig::withoutServer(content->config, &error);
    if (!remaining)
        return outcome.failed(error);
    QString keyId;
    QString secret;
    if (!storedKeyId(&keyId, &secret, &error))
        return outcome.failed(error);
    if (!hasEntry && secret.isEmpty()) {
        return outcome.failed(
                tr("HomeWarden is not registered with Claude Desktop in %1; nothing was "
                   "changed.")
                        .arg(QDir::toNativeSeparators(path)));
    }

    if (hasEntry) {
        outcome.backupPath =
                ClaudeDesktopConfig::backup(path, QDateTime::currentDateTime(), &error);
        if (outcome.backupPath.isEmpty())
            return outcome.failed(error);
        if (!ClaudeDesktopConfig::write(path, *remaining, &error)) {
            QFile::remove(outcome.backupPath);
            outcome.backupPath.clear();
            return outcome.failed(error);
        }
        auditConfigChange(QStringLiteral("unregister claude-desktop"), keyId, path,
                QStringLiteral("mcpServers.homewarden removed; backup %1").arg(outcome.backupPath));
    }
    if (!keyId.isEmpty()) {
        const std::unique_ptr<StateDatabase> database =
                StateDatabase::open(m_stateDirectory, StateDatabase::Durability::Normal, &error);
        if (database) {
            SqlKeyStore store(database.get());
            KeyAdministration administration(&store, m_audit, m_source);
            const QString warning = revokeQuietly(&administration, keyId);
            if (!warning.isEmpty())
                outcome.warnings.append(warning);
        } else {
            outcome.warnings.append(notRevoked(keyId, error));
        }
    }
    if (!secret.isEmpty()) {
        const SecretJob::Result removed = m_secrets->removeAndWait(secretName());
        if (!removed.isOk() && removed.error != SecretJob::Error::NotFound)
            outcome.warnings.append(removed.errorString);
    }
    m_audit->flush();
    outcome.ok = true;
    outcome.keyId = keyId;
    return outcome;
}
