#pragma once

#include <QHash>
#include <QString>

#include <optional>

// The Miniserver's live states as the WebSocket's event tables report them: state uuid →
// number (value states) or text (text states). Keys are lower case; lookups ignore case.
class LoxoneStateCache
{
public:
    // Each returns whether the state is new or changed.
    bool setValue(const QString &stateUuid, double value);
    bool setText(const QString &stateUuid, const QString &text);

    std::optional<double> value(const QString &stateUuid) const;
    std::optional<QString> text(const QString &stateUuid) const;

    qsizetype size() const { return m_values.size() + m_texts.size(); }
    void clear();

private:
    QHash<QString, double> m_values;
    QHash<QString, QString> m_texts;
};
