#pragma once

#include <QString>

// The [audit] group of homewarden.ini. record_parameters=true stores tool-call parameters in
// the trail (they can hold personal data, so the default is false); each process reads it
// when it opens its SecurityStack.
namespace AuditSettings {

inline constexpr char RECORD_PARAMETERS_KEY[] = "audit/record_parameters";

bool recordsParameters(const QString &stateDirectory);

} // namespace AuditSettings
