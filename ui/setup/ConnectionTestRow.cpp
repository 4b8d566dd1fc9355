#include "ConnectionTestRow.h"

#include "MessageLabel.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

ConnectionTestRow::ConnectionTestRow(const QString &namePrefix, QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(tr("Test connection"), this))
    , m_result(new MessageLabel(this))
{
    m_button->setObjectName(namePrefix + QStringLiteral("TestButton"));
    m_result->setObjectName(namePrefix + QStringLiteral("ResultLabel"));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_button);
    buttonRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttonRow);
    layout->addWidget(m_result);
    connect(m_button, &QPushButton::clicked, this, &ConnectionTestRow::testRequested);
}

void ConnectionTestRow::begin(const QString &address)
{
    m_button->setEnabled(false);
    m_result->showMessage(tr("Connecting to %1 …").arg(address));
}

void ConnectionTestRow::finish(bool ok, const QString &sentence)
{
    m_button->setEnabled(true);
    m_result->showMessage(sentence, ok ? MessageLabel::Kind::Note : MessageLabel::Kind::Problem);
}
