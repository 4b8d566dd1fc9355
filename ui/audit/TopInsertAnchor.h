#pragma once

#include <QObject>

class QTableView;

// A table whose model inserts rows at the top (the newest first): while the person looks at
// the top, the new rows come into sight; once they scrolled away, the rows they read stay
// where they are, instead of sliding down with each insertion.
class TopInsertAnchor : public QObject
{
    Q_OBJECT

public:
    // Watches the view's current model (set it first). Gives the view rows of one height and
    // per-pixel scrolling, so that an insertion's height is known without measuring rows.
    explicit TopInsertAnchor(QTableView *view);

private:
    void rowsAboutToBeInserted(int first);
    void rowsInserted(int first, int last);

    QTableView *m_view; // the parent
    bool m_wasAtTop = true;
};
