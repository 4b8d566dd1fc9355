#include "JsonSchema.h"

// valijson reports a schema it cannot use by throwing; only this file sees that.
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <exception>

namespace {

// valijson describes the location as ["<root>", "[field]", "[0]", ...].
QString fieldPath(const std::vector<std::string> &context)
{
    QStringList parts;
    for (const std::string &element : context) {
        QString part = QString::fromStdString(element);
        if (part == QLatin1String("<root>"))
            continue;
        if (part.startsWith(QLatin1Char('[')) && part.endsWith(QLatin1Char(']')))
            part = part.mid(1, part.size() - 2);
        part.remove(QLatin1Char('"'));
        parts.append(part);
    }
    return parts.join(QLatin1Char('.'));
}

} // namespace

JsonSchema JsonSchema::compile(const QJsonObject &schema, QString *error)
{
    JsonSchema result;
    try {
        auto compiled = std::make_shared<valijson::Schema>();
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(valijson::adapters::QtJsonAdapter(schema), *compiled);
        result.m_compiled = std::move(compiled);
        result.m_source = schema;
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("Invalid JSON Schema: %1").arg(QString::fromUtf8(e.what()));
    }
    return result;
}

JsonSchema::JsonSchema() = default;
JsonSchema::~JsonSchema() = default;
JsonSchema::JsonSchema(const JsonSchema &other) = default;
JsonSchema &JsonSchema::operator=(const JsonSchema &other) = default;

QString JsonSchema::check(const QJsonValue &value) const
{
    if (!m_compiled)
        return QStringLiteral("The schema for this value could not be compiled.");

    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    try {
        if (validator.validate(*m_compiled, valijson::adapters::QtJsonAdapter(value), &results))
            return {};
    } catch (const std::exception &e) {
        return QStringLiteral("The value could not be checked: %1").arg(QString::fromUtf8(e.what()));
    }

    // valijson reports each failure on every level it passes through; the deepest one names
    // the field that is actually wrong.
    valijson::ValidationResults::Error deepest;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        if (deepest.description.empty() || error.context.size() > deepest.context.size())
            deepest = error;
    }
    const QString path = fieldPath(deepest.context);
    const QString description = QString::fromStdString(deepest.description);
    if (path.isEmpty())
        return QStringLiteral("Arguments are invalid: %1").arg(description);
    return QStringLiteral("Argument '%1' is invalid: %2").arg(path, description);
}
