#include "KeyExport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

// toml++ is used here only, as a header-only library without exceptions: parse errors come
// back as values, and nothing can throw through Qt's event loop.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <string_view>

namespace KeyExport {

namespace {

constexpr qint64 MAX_FILE_SIZE = 16 * 1024 * 1024;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// A TOML basic string: quotes, backslashes and control characters escaped, the rest as is.
QString tomlString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString tomlValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toInteger());
    case QJsonValue::String:
        return tomlString(value.toString());
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(tomlValue(item));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Null:
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QByteArray writeToml(const QList<ApiKey> &keys)
{
    QString text = QStringLiteral("# HomeWarden keys: hashes only, no secrets.\n");
    for (const ApiKey &key : keys) {
        const QJsonObject json = key.toJson();
        text += QStringLiteral("\n[[keys]]\n");
        for (const QString &field : ApiKey::exportFields()) {
            const QJsonValue value = json.value(field);
            // TOML has no null: an absent field reads back as null.
            if (value.isNull() || value.isUndefined())
                continue;
            text += QStringLiteral("%1 = %2\n").arg(field, tomlValue(value));
        }
    }
    return text.toUtf8();
}

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// TOML values in JSON's terms, so that both formats go through ApiKey::fromJson.
QJsonValue toJsonValue(const toml::node &node)
{
    switch (node.type()) {
    case toml::node_type::string:
        return fromStd(node.as_string()->get());
    case toml::node_type::integer:
        return QJsonValue(qint64(node.as_integer()->get()));
    case toml::node_type::floating_point:
        return node.as_floating_point()->get();
    case toml::node_type::boolean:
        return node.as_boolean()->get();
    case toml::node_type::date_time: {
        const toml::date_time &when = node.as_date_time()->get();
        const QDate date(when.date.year, when.date.month, when.date.day);
        const QTime time(when.time.hour, when.time.minute, when.time.second,
                int(when.time.nanosecond / 1000000));
        // Without an offset it stays without a zone, and fromJson refuses it by name.
        const QDateTime parsed = when.offset
                ? QDateTime(date, time, Qt::OffsetFromUTC, when.offset->minutes * 60).toUTC()
                : QDateTime(date, time);
        if (!parsed.isValid())
            return QStringLiteral("(not a valid date)");
        return parsed.toString(Qt::ISODateWithMs);
    }
    case toml::node_type::date: {
        const toml::date &date = node.as_date()->get();
        return QDate(date.year, date.month, date.day).toString(Qt::ISODate);
    }
    case toml::node_type::time: {
        const toml::time &time = node.as_time()->get();
        return QTime(time.hour, time.minute, time.second).toString(Qt::ISODate);
    }
    case toml::node_type::array: {
        QJsonArray array;
        for (const toml::node &item : *node.as_array())
            array.append(toJsonValue(item));
        return array;
    }
    case toml::node_type::table: {
        QJsonObject object;
        for (auto &&[name, item] : *node.as_table())
            object.insert(fromStd(name.str()), toJsonValue(item));
        return object;
    }
    case toml::node_type::none:
        break;
    }
    return {};
}

std::optional<QJsonArray> tomlEntries(const QByteArray &content, QString *error)
{
    const toml::parse_result result =
            toml::parse(std::string_view(content.constData(), size_t(content.size())));
    if (!result) {
        const toml::parse_error &problem = result.error();
        fail(error,
                QStringLiteral("it is not valid TOML (line %1, column %2: %3).")
                        .arg(problem.source().begin.line)
                        .arg(problem.source().begin.column)
                        .arg(fromStd(problem.description())));
        return std::nullopt;
    }
    const toml::table &root = result.table();
    QJsonArray entries;
    for (auto &&[name, node] : root) {
        if (name.str() != "keys") {
            fail(error,
                    QStringLiteral("it holds '%1' where only [[keys]] tables belong.")
                            .arg(fromStd(name.str())));
            return std::nullopt;
        }
        if (!node.is_array_of_tables()) {
            fail(error, QStringLiteral("keys must be written as [[keys]] tables."));
            return std::nullopt;
        }
        entries = toJsonValue(node).toArray();
    }
    return entries;
}

std::optional<QJsonArray> jsonEntries(const QByteArray &content, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error,
                QStringLiteral("it is not valid JSON (%1 at offset %2).")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isArray()) {
        fail(error, QStringLiteral("it must be a JSON array of keys."));
        return std::nullopt;
    }
    return document.array();
}

} // namespace

std::optional<Format> formatFromName(const QString &name)
{
    if (name == QLatin1String("json"))
        return Format::Json;
    if (name == QLatin1String("toml"))
        return Format::Toml;
    return std::nullopt;
}

QString formatName(Format format)
{
    return format == Format::Toml ? QStringLiteral("toml") : QStringLiteral("json");
}

Format detectFormat(const QString &fileName, const QByteArray &content)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (const std::optional<Format> format = formatFromName(suffix))
        return *format;
    // A JSON export is an array of objects: "[" then "{" or "]". TOML starts with a comment,
    // "[[keys]]" or a bare key.
    const QByteArray text = content.trimmed();
    if (text.startsWith('[')) {
        const QByteArray rest = text.mid(1).trimmed();
        if (rest.startsWith('{') || rest.startsWith(']'))
            return Format::Json;
        return Format::Toml;
    }
    return text.startsWith('{') ? Format::Json : Format::Toml;
}

QByteArray write(const QList<ApiKey> &keys, Format format)
{
    if (format == Format::Toml)
        return writeToml(keys);
    QJsonArray array;
    for (const ApiKey &key : keys)
        array.append(key.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

std::optional<QList<ApiKey>> read(const QByteArray &content, Format format, QString *error)
{
    const std::optional<QJsonArray> entries =
            format == Format::Toml ? tomlEntries(content, error) : jsonEntries(content, error);
    if (!entries)
        return std::nullopt;
    QList<ApiKey> keys;
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const QJsonValue entry = entries->at(i);
        if (!entry.isObject()) {
            fail(error, QStringLiteral("entry %1 is not a key.").arg(i + 1));
            return std::nullopt;
        }
        QString reason;
        const std::optional<ApiKey> key = ApiKey::fromJson(entry.toObject(), &reason);
        if (!key) {
            const QString id = entry.toObject().value(QLatin1String("id")).toString();
            fail(error,
                    QStringLiteral("entry %1%2: %3")
                            .arg(i + 1)
                            .arg(id.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(id),
                                    reason));
            return std::nullopt;
        }
        keys.append(*key);
    }
    return keys;
}

bool writeFile(const QString &path, const QList<ApiKey> &keys, Format format, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(
                error, QStringLiteral("%1 cannot be written (%2).").arg(path, file.errorString()));
    // Set on the temporary file before anything is in it; the rename keeps the mode.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return fail(error,
                QStringLiteral("%1 cannot be made private to its owner (%2).")
                        .arg(path, file.errorString()));
    }
    const QByteArray content = write(keys, format);
    if (file.write(content) != content.size() || !file.commit())
        return fail(
                error, QStringLiteral("%1 cannot be written (%2).").arg(path, file.errorString()));
    return true;
}

std::optional<QList<ApiKey>> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("%1 cannot be read (%2).").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > MAX_FILE_SIZE) {
        fail(error, QStringLiteral("%1 is too large to be a key export.").arg(path));
        return std::nullopt;
    }
    const QByteArray content = file.readAll();
    QString reason;
    std::optional<QList<ApiKey>> keys = read(content, detectFormat(path, content), &reason);
    if (!keys)
        fail(error, QStringLiteral("%1 cannot be imported: %2").arg(path, reason));
    return keys;
}

} // namespace KeyExport
