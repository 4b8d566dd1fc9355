#include "AuditWindow.h"

#include "AuditFilterBar.h"
#include "AuditModel.h"
#include "ChainVerifier.h"
#include "MessageLabel.h"
#include "TopInsertAnchor.h"

#include <QDir>
#include <QFileDialog>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Rows kept while the person watches the top of a busy trail; older ones are read again
// when they scroll down.
constexpr int ROWS_KEPT_AT_TOP = 8 * AuditModel::PAGE_ROWS;

} // namespace

AuditWindow::AuditWindow(const QString &stateDirectory, QWidget *parent)
    : QWidget(parent)
    , m_filterBar(new AuditFilterBar(this))
    , m_model(new AuditModel(stateDirectory, this))
    , m_view(new QTableView(this))
    , m_verifier(new ChainVerifier(stateDirectory, this))
    , m_verify(new QPushButton(tr("&Verify chain"), this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_message(new MessageLabel(this))
{
    setWindowTitle(tr("HomeWarden audit log"));
    resize(1100, 600); // every column and a screenful of rows
    m_view->setObjectName(QStringLiteral("auditView"));
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_message->setObjectName(QStringLiteral("messageLabel"));

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    new TopInsertAnchor(m_view);
    sizeColumns();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_verify);
    buttons->addWidget(m_export);
    buttons->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_filterBar, &AuditFilterBar::filterChanged, m_model, &AuditModel::setFilter);
    connect(m_model, &AuditModel::readFailed, m_message, [this](const QString &sentence) {
        m_message->showMessage(sentence, MessageLabel::Kind::Problem);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) {
                if (first == 0)
                    keepMemoryFlatAtTop();
            });
    connect(m_verify, &QPushButton::clicked, this, &AuditWindow::verifyChain);
    connect(m_export, &QPushButton::clicked, this, &AuditWindow::exportRows);
    connect(m_verifier, &ChainVerifier::finished, this,
            [this](const AuditLog::Verification &verification) {
                m_verify->setEnabled(true);
                if (verification.ok) {
                    m_message->showMessage(tr("The audit trail is intact: %n event(s) checked, "
                                              "none changed, added or removed.",
                            nullptr, int(verification.rowsChecked)));
                } else {
                    m_message->showMessage(verification.reason, MessageLabel::Kind::Problem);
                }
            });

    if (!m_model->errorString().isEmpty()) {
        m_message->showMessage(m_model->errorString(), MessageLabel::Kind::Problem);
        m_verify->setEnabled(false);
        m_export->setEnabled(false);
    }
}

AuditWindow::~AuditWindow() = default;

void AuditWindow::verifyChain()
{
    m_verify->setEnabled(false);
    m_message->showMessage(tr("Checking the audit trail…"));
    m_verifier->start();
}

void AuditWindow::exportRows()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audit events"),
            QDir::home().filePath(QStringLiteral("homewarden-audit.jsonl")),
            tr("JSON lines (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool AuditWindow::exportTo(const QString &path)
{
    QSaveFile file(path);
    QString error;
    qint64 written = -1;
    if (file.open(QIODevice::WriteOnly)) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        written = m_model->log()->writeJsonLines(m_model->filter(), &file, &error);
        QGuiApplication::restoreOverrideCursor();
    }
    if (written < 0 || !file.commit()) {
        m_message->showMessage(tr("The events cannot be exported to %1: %2")
                                       .arg(QDir::toNativeSeparators(path),
                                               error.isEmpty() ? file.errorString() : error),
                MessageLabel::Kind::Problem);
        return false;
    }
    m_message->showMessage(tr("Exported %n event(s) to %1.", nullptr, int(written))
                                   .arg(QDir::toNativeSeparators(path)));
    return true;
}

void AuditWindow::keepMemoryFlatAtTop()
{
    if (m_view->verticalScrollBar()->value() == 0)
        m_model->discardRowsAfter(ROWS_KEPT_AT_TOP);
}

void AuditWindow::sizeColumns()
{
    // Widths from sample texts, not from the rows: measuring a column's contents would read
    // every loaded row.
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&metrics](const char *sample) {
        return metrics.horizontalAdvance(QLatin1String(sample)) + 16;
    };
    QHeaderView *header = m_view->horizontalHeader();
    header->resizeSection(AuditModel::SeqColumn, width("00000000"));
    header->resizeSection(AuditModel::TimeColumn, width("0000-00-00 00:00:00"));
    header->resizeSection(AuditModel::EventColumn, width("rate_limit.exceeded"));
    header->resizeSection(AuditModel::KeyColumn, width("hwk_operator_000"));
    header->resizeSection(AuditModel::SourceColumn, width("192.168.100.100"));
    header->resizeSection(AuditModel::ActionColumn, width("control_device"));
    header->resizeSection(AuditModel::TargetColumn, width("ha:light.living_room_ceiling"));
    header->resizeSection(AuditModel::ResultColumn, width("allowed"));
}
