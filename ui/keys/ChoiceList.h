#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

// A list of ids to tick (devices of a key, permissions of a custom key), with a line that
// narrows a long list as the person types. When adding is allowed, Enter on an id that is
// not listed adds it ticked: a device may be offline while its key is made.
class ChoiceList : public QWidget
{
    Q_OBJECT

public:
    explicit ChoiceList(QWidget *parent = nullptr);

    // choices are offered unticked, ticked are offered ticked (added if not among choices).
    void setChoices(const QStringList &choices, const QStringList &ticked = {});
    QStringList tickedItems() const;

    void setAddingAllowed(bool allowed);
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void tickedItemsChanged();

private:
    void applyFilter(const QString &text);
    void addTypedItem();
    QListWidgetItem *addItem(const QString &text, bool ticked);

    QLineEdit *m_filter;
    QListWidget *m_list;
    bool m_addingAllowed = false;
};
