#include "AuditFilterBar.h"

#include "AuditEvent.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace {

constexpr int TYPING_PAUSE_MS = 300;

// The result choices that are not a single stored value.
const QString ANY_RESULT;
const QString FAILURES = QStringLiteral("failures");

} // namespace

AuditFilterBar::AuditFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_event(new QComboBox(this))
    , m_key(new QLineEdit(this))
    , m_result(new QComboBox(this))
    , m_text(new QLineEdit(this))
{
    m_event->setObjectName(QStringLiteral("eventCombo"));
    m_event->addItem(tr("All events"), QString());
    for (const QString &name : AuditEvent::names())
        m_event->addItem(name, name);
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setPlaceholderText(tr("Key id"));
    m_key->setClearButtonEnabled(true);
    m_result->setObjectName(QStringLiteral("resultCombo"));
    m_result->addItem(tr("Any result"), ANY_RESULT);
    m_result->addItem(tr("Failures (denied or error)"), FAILURES);
    for (const char *result : {"allowed", "ok", "denied", "error"})
        m_result->addItem(QLatin1String(result), QLatin1String(result));
    m_text->setObjectName(QStringLiteral("textEdit"));
    m_text->setPlaceholderText(tr("Search target, reason, source…"));
    m_text->setClearButtonEnabled(true);
    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(TYPING_PAUSE_MS);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_event);
    layout->addWidget(m_key);
    layout->addWidget(m_result);
    layout->addWidget(m_text, 1);

    connect(m_event, &QComboBox::currentIndexChanged, this, &AuditFilterBar::reportChange);
    connect(m_result, &QComboBox::currentIndexChanged, this, &AuditFilterBar::reportChange);
    connect(m_key, &QLineEdit::textChanged, &m_typingPause, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::textChanged, &m_typingPause, qOverload<>(&QTimer::start));
    connect(&m_typingPause, &QTimer::timeout, this, &AuditFilterBar::reportChange);
}

AuditLog::Filter AuditFilterBar::filter() const
{
    AuditLog::Filter filter;
    filter.event = m_event->currentData().toString();
    filter.keyId = m_key->text().trimmed();
    const QString result = m_result->currentData().toString();
    if (result == FAILURES)
        filter.results = AuditEvent::failureResults();
    else if (!result.isEmpty())
        filter.results = QStringList{result};
    filter.text = m_text->text().trimmed();
    return filter;
}

void AuditFilterBar::reportChange()
{
    m_typingPause.stop();
    Q_EMIT filterChanged(filter());
}
