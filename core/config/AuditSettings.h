#pragma once

#include <QString>

// The [audit] group of homewarden.ini. record_parameters=true stores tool-call parameters in
// the trail (they can hold personal data, so the default is false); each process reads it
// when it opens its SecurityStack.
namespace AuditSettings {

inline constexpr char RECORD_PARAMETERS_KEY[] = "audit/record_parameters";
// retention_days=N deletes events older than N days (the tray does it at start and daily);
// absent, 0 or anything but a whole number of days keeps the whole trail.
inline constexpr char RETENTION_DAYS_KEY[] = "audit/retention_days";

bool recordsParameters(const QString &stateDirectory);
int retentionDays(const QString &stateDirectory);

} // namespace AuditSettings
