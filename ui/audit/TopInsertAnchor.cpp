#include "TopInsertAnchor.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

TopInsertAnchor::TopInsertAnchor(QTableView *view)
    : QObject(view)
    , m_view(view)
{
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    const QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) { rowsAboutToBeInserted(first); });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { rowsInserted(first, last); });
}

void TopInsertAnchor::rowsAboutToBeInserted(int first)
{
    if (first == 0)
        m_wasAtTop = m_view->verticalScrollBar()->value() == 0;
}

void TopInsertAnchor::rowsInserted(int first, int last)
{
    if (first != 0 || m_wasAtTop)
        return;
    QScrollBar *bar = m_view->verticalScrollBar();
    const int value = bar->value();
    // The view lays its rows out later, in a posted event; the range must grow first, or the
    // new value would be cut to the old end.
    m_view->doItemsLayout();
    bar->setValue(value + (last - first + 1) * m_view->verticalHeader()->defaultSectionSize());
}
