#include "JsonSchema.h"

// valijson reports a schema it cannot use by throwing; only this file sees that.
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <QJsonArray>
#include <QJsonDocument>

#include <exception>

namespace {

// valijson names a location as ["<root>", "[field]", "[0]", ...].
QStringList pathOf(const std::vector<std::string> &context)
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
    return parts;
}

// The subschema and the value at a path, so that a message can say what was expected.
QJsonObject subschemaAt(QJsonObject schema, const QStringList &path)
{
    for (const QString &part : path) {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        if (properties.contains(part))
            schema = properties.value(part).toObject();
        else
            schema = schema.value(QLatin1String("items")).toObject();
    }
    return schema;
}

QJsonValue valueAt(QJsonValue value, const QStringList &path)
{
    for (const QString &part : path)
        value = value.isArray() ? value.toArray().at(part.toInt()) : value.toObject().value(part);
    return value;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return value.toDouble() == double(value.toInteger()) ? QStringLiteral("integer")
                                                             : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString withArticle(const QString &type)
{
    if (type == QLatin1String("boolean"))
        return QStringLiteral("true or false");
    if (type == QLatin1String("null") || type == QLatin1String("nothing"))
        return type;
    const bool vowel = type.startsWith(QLatin1Char('a')) || type.startsWith(QLatin1Char('i'))
            || type.startsWith(QLatin1Char('o'));
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + type;
}

QString joined(const QJsonArray &values)
{
    QStringList parts;
    for (const QJsonValue &value : values)
        parts.append(value.isString() ? value.toString()
                                      : QString::fromUtf8(QJsonDocument(QJsonArray{value})
                                                                  .toJson(QJsonDocument::Compact)
                                                                  .mid(1)
                                                                  .chopped(1)));
    return parts.join(QStringLiteral(", "));
}

QString quotedAfterLastColon(const QString &description)
{
    const qsizetype colon = description.lastIndexOf(QLatin1Char(':'));
    QString name = description.mid(colon + 1).trimmed();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    name.remove(QLatin1Char('\''));
    return name;
}

QString rangeText(const QJsonObject &schema)
{
    const QJsonValue minimum = schema.value(QLatin1String("minimum"));
    const QJsonValue maximum = schema.value(QLatin1String("maximum"));
    if (!minimum.isUndefined() && !maximum.isUndefined())
        return QStringLiteral("between %1 and %2").arg(minimum.toDouble()).arg(maximum.toDouble());
    if (!minimum.isUndefined())
        return QStringLiteral("at least %1").arg(minimum.toDouble());
    return QStringLiteral("at most %1").arg(maximum.toDouble());
}

// Turns valijson's wording into a sentence a model can act on: which argument, what it must be.
QString describe(const QJsonObject &schema, const QJsonValue &value,
        const valijson::ValidationResults::Error &error)
{
    const QStringList path = pathOf(error.context);
    const QString field = path.join(QLatin1Char('.'));
    const QString prefix = field.isEmpty() ? QString() : field + QLatin1Char('.');
    const QString description = QString::fromStdString(error.description);
    const QJsonObject sub = subschemaAt(schema, path);

    if (description.startsWith(QLatin1String("Missing required property")))
        return QStringLiteral("Missing required argument '%1%2'.")
                .arg(prefix, quotedAfterLastColon(description).section(QLatin1Char(' '), -1));
    if (description.contains(QLatin1String("'additionalProperties'"))) {
        const QStringList accepted = sub.value(QLatin1String("properties")).toObject().keys();
        const QString unknown = prefix + quotedAfterLastColon(description);
        if (accepted.isEmpty())
            return QStringLiteral("Unknown argument '%1'; this takes no arguments.").arg(unknown);
        return QStringLiteral("Unknown argument '%1'; accepted: %2.")
                .arg(unknown, accepted.join(QStringLiteral(", ")));
    }
    if (description.contains(QLatin1String("'type' constraint"))) {
        const QJsonValue expected = sub.value(QLatin1String("type"));
        return QStringLiteral("Argument '%1' must be %2, not %3.")
                .arg(field,
                        expected.isArray() ? joined(expected.toArray())
                                           : withArticle(expected.toString()),
                        withArticle(typeName(valueAt(value, path))));
    }
    if (description.contains(QLatin1String("enum values")))
        return QStringLiteral("Argument '%1' must be one of: %2.")
                .arg(field, joined(sub.value(QLatin1String("enum")).toArray()));
    if (description.startsWith(QLatin1String("Expected number")))
        return QStringLiteral("Argument '%1' must be %2.").arg(field, rangeText(sub));
    // A pattern means little to a model; the field's description says what is wanted.
    if (description.contains(QLatin1String("regex"))
            && sub.value(QLatin1String("description")).isString())
        return QStringLiteral("Argument '%1' is not valid: %2")
                .arg(field, sub.value(QLatin1String("description")).toString());
    if (description.contains(QLatin1String("regex")))
        return QStringLiteral("Argument '%1' must match the pattern %2.")
                .arg(field, sub.value(QLatin1String("pattern")).toString());
    if (field.isEmpty())
        return QStringLiteral("Arguments are invalid: %1").arg(description);
    return QStringLiteral("Argument '%1' is invalid: %2").arg(field, description);
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
        return QStringLiteral("The value could not be checked: %1")
                .arg(QString::fromUtf8(e.what()));
    }

    // valijson reports each failure on every level it passes through; the deepest one names
    // the field that is actually wrong.
    valijson::ValidationResults::Error deepest;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        if (deepest.description.empty() || error.context.size() > deepest.context.size())
            deepest = error;
    }
    return describe(m_source, value, deepest);
}
