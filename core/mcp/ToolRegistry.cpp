#include "ToolRegistry.h"

#include "ProtocolRevision.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

// MCP 2025-11-25: 1-128 characters of A-Z, a-z, 0-9, '_', '-' and '.'.
bool isValidToolName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    return pattern.match(name).hasMatch();
}

} // namespace

AccessRequest ToolDefinition::accessFor(const QJsonObject &arguments) const
{
    AccessRequest request;
    request.kind = access;
    if (!targetArgument.isEmpty())
        request.target = arguments.value(targetArgument).toString();
    if (refineAccess)
        refineAccess(arguments, &request);
    return request;
}

bool ToolRegistry::add(const ToolDefinition &definition, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!isValidToolName(definition.name))
        return fail(QStringLiteral("Invalid tool name '%1'.").arg(definition.name));
    if (find(definition.name))
        return fail(
                QStringLiteral("A tool named '%1' is already registered.").arg(definition.name));
    if (!definition.handler)
        return fail(QStringLiteral("Tool '%1' has no handler.").arg(definition.name));
    if (definition.inputSchema.value(QLatin1String("type")).toString() != QLatin1String("object"))
        return fail(QStringLiteral("The input schema of '%1' must be of type object.")
                            .arg(definition.name));

    QString schemaError;
    Tool tool{definition, JsonSchema::compile(definition.inputSchema, &schemaError), {}};
    if (!tool.input.isValid())
        return fail(QStringLiteral("Tool '%1': %2").arg(definition.name, schemaError));
    if (!definition.outputSchema.isEmpty()) {
        tool.output = JsonSchema::compile(definition.outputSchema, &schemaError);
        if (!tool.output.isValid())
            return fail(QStringLiteral("Tool '%1': %2").arg(definition.name, schemaError));
    }
    m_tools.append(std::move(tool));
    m_listResults.clear();
    return true;
}

const ToolRegistry::Tool *ToolRegistry::find(const QString &name) const
{
    for (const Tool &tool : m_tools) {
        if (tool.definition.name == name)
            return &tool;
    }
    return nullptr;
}

QByteArray ToolRegistry::listResult(const ProtocolRevision &revision) const
{
    QByteArray &cached = m_listResults[revision.toString()];
    if (cached.isEmpty()) {
        QJsonArray tools;
        for (const Tool &tool : m_tools)
            tools.append(describe(tool, revision));
        cached = QJsonDocument(QJsonObject{{QStringLiteral("tools"), tools}})
                         .toJson(QJsonDocument::Compact);
    }
    return cached;
}

QJsonObject ToolRegistry::describe(const Tool &tool, const ProtocolRevision &revision)
{
    const ToolDefinition &d = tool.definition;
    QJsonObject json{
            {QStringLiteral("name"), d.name},
            {QStringLiteral("description"), d.description},
            {QStringLiteral("inputSchema"), d.inputSchema},
    };
    if (revision.hasStructuredToolOutput()) {
        json.insert(QStringLiteral("title"), d.title);
        if (!d.outputSchema.isEmpty())
            json.insert(QStringLiteral("outputSchema"), d.outputSchema);
    }
    if (revision.hasToolAnnotations()) {
        QJsonObject annotations{
                {QStringLiteral("readOnlyHint"), d.annotations.readOnly},
                {QStringLiteral("destructiveHint"), d.annotations.destructive},
                {QStringLiteral("idempotentHint"), d.annotations.idempotent},
                {QStringLiteral("openWorldHint"), d.annotations.openWorld},
        };
        // Before titles had their own field, the annotations carried them.
        if (!revision.hasStructuredToolOutput())
            annotations.insert(QStringLiteral("title"), d.title);
        json.insert(QStringLiteral("annotations"), annotations);
    }
    return json;
}
