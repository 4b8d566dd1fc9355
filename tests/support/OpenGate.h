#pragma once

#include "ToolGate.h"
#include "ToolResult.h"

#include <QList>

// A gate that admits every call and remembers what passed, for tests of the MCP engine itself.
// The product never uses it: there the Gatekeeper decides.
class OpenGate : public ToolGate
{
public:
    Admission admit(const ToolCall &call) override
    {
        admitted.append(call);
        if (!refuseWith.isEmpty())
            return {false, refuseWith, {}};
        return {true, {}, DeviceScope::everything()};
    }
    void finished(const ToolCall &call, const ToolResult &result) override
    {
        finishedCalls.append({call, result});
    }

    static Caller stdioCaller()
    {
        return {QStringLiteral("hwk_admin_001"), QStringLiteral("admin"), QStringLiteral("stdio"),
                QStringLiteral("stdio"), {}};
    }

    QString refuseWith; // when set, every call is refused with this reason
    QList<ToolCall> admitted;
    QList<QPair<ToolCall, ToolResult>> finishedCalls;
};
