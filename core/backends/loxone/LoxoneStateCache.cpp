#include "LoxoneStateCache.h"

bool LoxoneStateCache::setValue(const QString &stateUuid, double value)
{
    const QString key = stateUuid.toLower();
    const auto it = m_values.constFind(key);
    // An unchanged reading is not news (a NaN never equals itself, so it always counts).
    if (it != m_values.constEnd() && it.value() == value)
        return false;
    m_values.insert(key, value);
    return true;
}

bool LoxoneStateCache::setText(const QString &stateUuid, const QString &text)
{
    const QString key = stateUuid.toLower();
    const auto it = m_texts.constFind(key);
    if (it != m_texts.constEnd() && it.value() == text)
        return false;
    m_texts.insert(key, text);
    return true;
}

std::optional<double> LoxoneStateCache::value(const QString &stateUuid) const
{
    const auto it = m_values.constFind(stateUuid.toLower());
    if (it == m_values.constEnd())
        return std::nullopt;
    return it.value();
}

std::optional<QString> LoxoneStateCache::text(const QString &stateUuid) const
{
    const auto it = m_texts.constFind(stateUuid.toLower());
    if (it == m_texts.constEnd())
        return std::nullopt;
    return it.value();
}

void LoxoneStateCache::clear()
{
    m_values.clear();
    m_texts.clear();
}
