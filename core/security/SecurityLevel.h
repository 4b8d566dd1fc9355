#pragma once

#include <QString>

#include <optional>

// HOMEWARDEN_SECURITY_LEVEL: how much the gate relaxes for a developer's machine.
// development: env secrets allowed, keys optional on loopback and stdio, no rate limit.
// staging: keys required. production (the default): keys required, env secrets refused,
// TLS required off loopback.
enum class SecurityLevel { Development, Staging, Production };

namespace SecurityLevels {

QString name(SecurityLevel level);
// What the level requires and relaxes, in a few words for people ("keys required, ...").
QString summary(SecurityLevel level);
std::optional<SecurityLevel> fromName(const QString &name);
// The level from the environment; an unknown value is an error (nothing is guessed), with
// *error saying which values exist.
std::optional<SecurityLevel> fromEnvironment(QString *error = nullptr);

} // namespace SecurityLevels
