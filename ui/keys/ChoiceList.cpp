#include "ChoiceList.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

ChoiceList::ChoiceList(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    m_filter->setObjectName(QStringLiteral("choiceFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter"));
    m_list->setObjectName(QStringLiteral("choiceListWidget"));
    m_list->setUniformItemSizes(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);

    connect(m_filter, &QLineEdit::textChanged, this, &ChoiceList::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &ChoiceList::addTypedItem);
    connect(m_list, &QListWidget::itemChanged, this, &ChoiceList::tickedItemsChanged);
}

void ChoiceList::setChoices(const QStringList &choices, const QStringList &ticked)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString &choice : choices)
        addItem(choice, ticked.contains(choice));
    for (const QString &item : ticked) {
        if (!choices.contains(item))
            addItem(item, true);
    }
    applyFilter(m_filter->text());
    Q_EMIT tickedItemsChanged();
}

QStringList ChoiceList::tickedItems() const
{
    QStringList ticked;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            ticked.append(item->text());
    }
    return ticked;
}

void ChoiceList::setAddingAllowed(bool allowed)
{
    m_addingAllowed = allowed;
}

void ChoiceList::setPlaceholderText(const QString &text)
{
    m_filter->setPlaceholderText(text);
}

void ChoiceList::applyFilter(const QString &text)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!item->text().contains(text, Qt::CaseInsensitive));
    }
}

void ChoiceList::addTypedItem()
{
    const QString text = m_filter->text().trimmed();
    if (!m_addingAllowed || text.isEmpty())
        return;
    const QList<QListWidgetItem *> found = m_list->findItems(text, Qt::MatchExactly);
    if (found.isEmpty())
        addItem(text, true);
    else
        found.first()->setCheckState(Qt::Checked);
    m_filter->clear();
}

QListWidgetItem *ChoiceList::addItem(const QString &text, bool ticked)
{
    auto *item = new QListWidgetItem(text, m_list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
    return item;
}
