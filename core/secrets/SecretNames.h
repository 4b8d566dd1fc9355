#pragma once

#include <QString>

// The entries HomeWarden keeps in the keychain (service "HomeWarden"): the Home Assistant
// token, the Loxone password, and one API key per named MCP client ("client:NAME"), which
// `homewarden --stdio --client NAME` reads so that the client's configuration holds no key.
namespace SecretNames {

QString haToken(); // "ha-token"
QString loxonePassword(); // "loxone-password"
// "client:NAME"; the name must pass isValidClientName().
QString client(const QString &clientName);

// 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit: it appears in
// command lines and MCP client configurations.
bool isValidClientName(const QString &clientName);
// The client name of a "client:NAME" entry, or an empty string for any other entry.
QString clientOf(const QString &name);

// Whether name is one of the entries above; if not, *error says which exist.
bool isValid(const QString &name, QString *error = nullptr);

} // namespace SecretNames
