#include "KeyRevealPanel.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

KeyRevealPanel::KeyRevealPanel(QWidget *parent)
    : QWidget(parent)
    , m_warning(new QLabel(this))
    , m_keyText(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_copied(new QLabel(this))
{
    m_warning->setObjectName(QStringLiteral("keyWarningLabel"));
    m_warning->setWordWrap(true);
    m_warning->setText(tr("<b>Store this key now.</b> It is shown only this once and cannot be "
                          "shown again: HomeWarden keeps only a hash of it. Paste it into the "
                          "AI client's configuration or a password manager."));
    m_keyText->setObjectName(QStringLiteral("keyTextEdit"));
    m_keyText->setReadOnly(true);
    m_keyText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copied->setObjectName(QStringLiteral("copiedLabel"));

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyText, 1);
    keyRow->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_warning);
    layout->addLayout(keyRow);
    layout->addWidget(m_copied);
    layout->addStretch(1);

    connect(m_copy, &QPushButton::clicked, this, &KeyRevealPanel::copyToClipboard);
}

void KeyRevealPanel::setKeyText(const QString &keyText)
{
    m_keyText->setText(keyText);
    m_keyText->selectAll();
    m_keyText->setFocus();
    m_copied->clear();
}

void KeyRevealPanel::clear()
{
    m_keyText->clear();
    m_copied->clear();
}

void KeyRevealPanel::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(m_keyText->text());
    m_copied->setText(tr("Copied to the clipboard."));
}
