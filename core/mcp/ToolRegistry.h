#pragma once

#include "AccessRequest.h"
#include "JsonSchema.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

class ProtocolRevision;
class ToolInvocation;

// Hints for the client; they promise nothing, the gate enforces.
struct ToolAnnotations
{
    bool readOnly = false;
    bool destructive = false;
    bool idempotent = false;
    bool openWorld = false;
};

// Handlers finish the invocation they are given, now or later.
using ToolHandler = std::function<void(ToolInvocation *invocation)>;

struct ToolDefinition
{
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    QJsonObject outputSchema; // empty when the tool has no structured output
    ToolAnnotations annotations;
    // What the gate checks: the kind of access, and which argument (if any) names the device.
    AccessRequest::Kind access = AccessRequest::Kind::Read;
    QString targetArgument;
    // For tools whose arguments say more than a device id (ha_call_service's domain, a
    // list's backend filter): completes the request after kind and target are filled in.
    std::function<void(const QJsonObject &arguments, AccessRequest *request)> refineAccess;
    ToolHandler handler;

    // What a call with these (schema-checked) arguments asks the gate for.
    AccessRequest accessFor(const QJsonObject &arguments) const;
};

// The tools a server offers. Each schema is compiled once, when the tool is added, and the
// very schema that tools/list shows is the one arguments are checked against.
class ToolRegistry
{
public:
    struct Tool
    {
        ToolDefinition definition;
        JsonSchema input;
        JsonSchema output;
    };

    // Refuses (false, *error set) a duplicate or malformed name, a schema that does not
    // compile, an input schema that is not of type object, or a missing handler.
    bool add(const ToolDefinition &definition, QString *error = nullptr);

    const Tool *find(const QString &name) const;
    const QList<Tool> &tools() const { return m_tools; }

    // The tools/list entry of one tool, as the negotiated revision expects it.
    static QJsonObject describe(const Tool &tool, const ProtocolRevision &revision);
    // The whole tools/list result, {"tools":[...]}, as compact JSON. Made once per revision
    // and kept until a tool is added: every session asks for the same text, and building it
    // (the schemas) cost more than everything else an HTTP request does.
    QByteArray listResult(const ProtocolRevision &revision) const;

private:
    QList<Tool> m_tools;
    mutable QHash<QString, QByteArray> m_listResults; // by revision
};
