#pragma once

#include "AccessRequest.h"

#include <QJsonObject>
#include <QString>

class ToolResult;

// Who is calling, as the transport established it.
struct Caller
{
    // Why no key was accepted, in the terms HTTP answers with (401, 403, 503).
    enum class Refusal { None, NoKey, BadKey, NotAllowedHere, Banned, Unavailable };

    QString keyId; // empty when no key was accepted
    QString role; // "admin", "operator", ...; empty when unauthenticated
    QString source; // "stdio" or the peer's address
    QString transport; // "stdio" or "streamable-http"
    QString refusal; // why no key was accepted (shown on every tool call), else empty
    Refusal refusalKind = Refusal::None;
    // The key's calls per minute as read when it was accepted: what an HTTP request right
    // after its authentication counts against (0 for the development identity).
    int rateLimit = 0;
    // HTTP counts every request against the rate limit already, so a tool call in it is not
    // counted twice.
    bool rateCountedByTransport = false;

    bool isAuthenticated() const { return !keyId.isEmpty(); }
};

// One tools/call as the gate sees it, after its arguments passed the schema.
struct ToolCall
{
    QString tool;
    AccessRequest access; // kind and target filled in from the tool's declaration
    QJsonObject arguments;
    Caller caller;
};

// The gate every tool call passes: authentication state, authorization, rate limit, audit.
// McpSession cannot run a tool without one.
class ToolGate
{
public:
    struct Admission
    {
        bool allowed = false;
        QString reason; // one sentence, for the client, when refused
        DeviceScope scope; // what the admitted caller may see
    };

    virtual ~ToolGate() = default;

    virtual Admission admit(const ToolCall &call) = 0;
    // The result of an admitted call, for the audit trail.
    virtual void finished(const ToolCall &call, const ToolResult &result) = 0;
};
