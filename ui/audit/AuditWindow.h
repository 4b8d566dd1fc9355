#pragma once

#include <QWidget>

class AuditFilterBar;
class AuditModel;
class ChainVerifier;
class MessageLabel;
class QPushButton;
class QTableView;

// "Audit log": the trail of every HomeWarden process, newest first and live, with filters,
// a check of the hash chain and an export of what the filters select.
class AuditWindow : public QWidget
{
    Q_OBJECT

public:
    explicit AuditWindow(const QString &stateDirectory, QWidget *parent = nullptr);
    ~AuditWindow() override;

    // Checks the chain in the background; the result shows as one sentence.
    void verifyChain();
    // Asks for a file, then exportTo() it.
    void exportRows();
    // Writes the events the filters select, as JSON lines; false (and says why) on failure.
    bool exportTo(const QString &path);

private:
    // After new rows arrived at the top.
    void keepMemoryFlatAtTop();
    void sizeColumns();

    AuditFilterBar *m_filterBar;
    AuditModel *m_model;
    QTableView *m_view;
    ChainVerifier *m_verifier;
    QPushButton *m_verify;
    QPushButton *m_export;
    MessageLabel *m_message;
};
