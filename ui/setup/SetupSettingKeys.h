#pragma once

#include "SecurityLevel.h"
#include "ServerSettings.h"

// The homewarden.ini keys the setup wizard writes, as BackendSettings, ServerSettings and
// SecurityLevels read them (the last two name their own).
namespace SetupSettingKeys {

inline constexpr char HOME_ASSISTANT_URL[] = "homeassistant/url";
inline constexpr char LOXONE_URL[] = "loxone/url";
inline constexpr char LOXONE_USER[] = "loxone/user";
inline constexpr const char *SECURITY_LEVEL = SecurityLevels::INI_KEY;
inline constexpr const char *SERVER_ENABLED = ServerSettings::ENABLED_KEY;
inline constexpr const char *SERVER_HOST = ServerSettings::HOST_KEY;
inline constexpr const char *SERVER_PORT = ServerSettings::PORT_KEY;
inline constexpr const char *TLS_CERTIFICATE = ServerSettings::TLS_CERT_KEY;
inline constexpr const char *TLS_KEY = ServerSettings::TLS_KEY_KEY;

} // namespace SetupSettingKeys
