#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// The roles of DESIGN.md ("Keys, roles, permissions").
enum class Role { Admin, Operator, Monitor, Device, Custom };

namespace Roles {

// "admin", "operator", "monitor", "device", "custom".
QString name(Role role);
// Accepts "viewer" as the alias of monitor. Case-sensitive, as in key texts.
std::optional<Role> fromName(const QString &name);
QStringList names();
// Calls per minute when the key sets no limit of its own.
int defaultRateLimit(Role role);

} // namespace Roles
