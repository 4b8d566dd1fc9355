#pragma once

#include <QString>

#include <optional>

// HOMEWARDEN_SECURITY_LEVEL or [security] level: how much the gate relaxes for a developer's machine.
// development: env secrets allowed, keys optional on loopback and stdio, no rate limit.
// staging: keys required. production (the default): keys required, env secrets refused,
// TLS required off loopback.
enum class SecurityLevel { Development, Staging, Production };

namespace SecurityLevels {

// Where homewarden.ini keeps the level.
inline constexpr char INI_KEY[] = "security/level";

QString name(SecurityLevel level);
// What the level requires and relaxes, in a few words for people ("keys required, ...").
QString summary(SecurityLevel level);
std::optional<SecurityLevel> fromName(const QString &name);
// The level in force: HOMEWARDEN_SECURITY_LEVEL when set, else [security] level in the state
// directory's homewarden.ini (what the setup wizard and the settings window choose), else
// production. An unknown value is an error (nothing is guessed), with *error saying which
// values exist.
std::optional<SecurityLevel> configured(const QString &stateDirectory, QString *error = nullptr);

} // namespace SecurityLevels
