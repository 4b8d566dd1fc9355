#pragma once

#include "HttpMessage.h"
#include "ToolGate.h"

#include <QCoreApplication>

class KillSwitch;

// The admin REST API next to /mcp (DESIGN.md, "Other HTTP endpoints"), answered behind the
// same checks as /mcp (McpHttpService::addRoute).
//
// /api/killswitch: GET shows the stops (admin or monitor key); POST {"scope": "ha" | "loxone"
// | "all", "reason": "..."} engages one (admin key). Nothing over HTTP releases a stop: an
// admin key may sit in an AI client's configuration, and releasing is for a person at the
// tray or the shell ('homewarden resume').
class AdminApi
{
    Q_DECLARE_TR_FUNCTIONS(AdminApi)

public:
    static constexpr char KILL_SWITCH_PATH[] = "/api/killswitch";

    static HttpResponse killSwitch(KillSwitch *killSwitch, const HttpRequest &request, const Caller &caller);
};
