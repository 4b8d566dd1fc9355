#pragma once

#include "ToolGate.h"

// The gate of a process whose security services could not start (database unreadable, ...):
// every call is refused with the one sentence that says what to do. Fail closed.
class ClosedGate : public ToolGate
{
public:
    explicit ClosedGate(const QString &reason)
        : m_reason(reason)
    { }

    Admission admit(const ToolCall &) override { return {false, m_reason, {}}; }
    void finished(const ToolCall &, const ToolResult &) override { }

private:
    QString m_reason;
};
