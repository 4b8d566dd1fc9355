#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>

namespace valijson {
class Schema;
}

// A JSON Schema compiled once (valijson, draft-07 keywords, which our schemas keep to so that
// they read the same under 2020-12, MCP's default dialect) and used to check values.
class JsonSchema
{
public:
    // Returns an invalid JsonSchema and sets *error when the schema itself is broken.
    static JsonSchema compile(const QJsonObject &schema, QString *error = nullptr);

    JsonSchema();
    ~JsonSchema();
    JsonSchema(const JsonSchema &other);
    JsonSchema &operator=(const JsonSchema &other);

    bool isValid() const { return m_compiled != nullptr; }
    QJsonObject source() const { return m_source; }

    // An empty string when the value conforms; otherwise one sentence naming the offending
    // field, e.g. "Argument 'limit' must be at most 5000."
    QString check(const QJsonValue &value) const;

private:
    QJsonObject m_source;
    // Compiled schemas are immutable, so copies of a JsonSchema share one.
    std::shared_ptr<const valijson::Schema> m_compiled;
};
