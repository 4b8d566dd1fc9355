#include "KeysWindow.h"

#include "AuditTrail.h"
#include "DatabaseChangeWatcher.h"
#include "EditKeyDialog.h"
#include "GenerateKeyDialog.h"
#include "KeyAdministration.h"
#include "KeyText.h"
#include "KeysModel.h"
#include "MessageLabel.h"
#include "StateDatabase.h"
#include "UntrustedText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <chrono>

namespace {

// How often the window asks whether the database changed: changes by the CLI appear within
// this, and asking costs microseconds.
constexpr std::chrono::milliseconds WATCH_INTERVAL{1000};

} // namespace

KeysWindow::KeysWindow(const QString &stateDirectory, QWidget *parent)
    : QWidget(parent)
    , m_model(new KeysModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_generate(new QPushButton(tr("&Generate…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_revoke(new QPushButton(tr("&Revoke…"), this))
    , m_status(new MessageLabel(this))
{
    setWindowTitle(tr("HomeWarden API keys"));
    resize(960, 480); // room for the ten columns without scrolling sideways
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter keys"));
    m_filter->setClearButtonEnabled(true);
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_status->setObjectName(QStringLiteral("statusLabel"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(KeysModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("keysView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(KeysModel::IdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_generate);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_generate, &QPushButton::clicked, this, &KeysWindow::openGenerateDialog);
    connect(m_edit, &QPushButton::clicked, this, &KeysWindow::openEditDialog);
    connect(m_view, &QTableView::doubleClicked, this, &KeysWindow::openEditDialog);
    connect(m_revoke, &QPushButton::clicked, this, &KeysWindow::confirmRevoke);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeysWindow::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &KeysWindow::updateActions);

    QString error;
    m_database = StateDatabase::open(stateDirectory, StateDatabase::Durability::Normal, &error);
    if (!m_database) {
        m_status->showMessage(error, MessageLabel::Kind::Problem);
        updateActions();
        return;
    }
    m_store = std::make_unique<SqlKeyStore>(m_database.get());
    // A change the audit trail could not record is not made: without the trail, look only.
    m_trail = AuditTrail::open(stateDirectory, &error);
    if (m_trail) {
        m_administration = std::make_unique<KeyAdministration>(
                m_store.get(), m_trail.get(), QStringLiteral("tray"));
        connect(m_trail.get(), &AuditTrail::writeFailed, this, [this](const QString &reason) {
            m_status->showMessage(reason, MessageLabel::Kind::Problem);
        });
    } else {
        m_status->showMessage(
                tr("Keys cannot be changed here: %1").arg(error), MessageLabel::Kind::Problem);
    }
    m_watcher = new DatabaseChangeWatcher(stateDirectory, WATCH_INTERVAL, this);
    connect(m_watcher, &DatabaseChangeWatcher::changed, this, &KeysWindow::refresh);
    refresh();
    m_view->resizeColumnsToContents();
}

KeysWindow::~KeysWindow() = default;

void KeysWindow::setDeviceIdProvider(DeviceIdProvider provider)
{
    m_deviceIds = std::move(provider);
}

QString KeysWindow::selectedKeyId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row()))
        return {};
    return current.data(KeysModel::KeyIdRole).toString();
}

void KeysWindow::selectKey(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectRow(index.row());
    m_view->scrollTo(index);
}

GenerateKeyDialog *KeysWindow::openGenerateDialog()
{
    if (!m_administration)
        return nullptr;
    auto *dialog = new GenerateKeyDialog(deviceIds(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GenerateKeyDialog::keyRequested, this,
            [this, dialog](const SqlKeyStore::NewKey &spec) { generate(dialog, spec); });
    dialog->open();
    return dialog;
}

EditKeyDialog *KeysWindow::openEditDialog()
{
    const int row = m_model->rowOf(selectedKeyId());
    if (!m_administration || row < 0 || m_model->keyAt(row).isRevoked())
        return nullptr;
    auto *dialog = new EditKeyDialog(m_model->keyAt(row), deviceIds(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EditKeyDialog::changesRequested, this,
            [this, dialog](const QString &id, const SqlKeyStore::KeyChanges &changes) {
                applyChanges(dialog, id, changes);
            });
    dialog->open();
    return dialog;
}

void KeysWindow::confirmRevoke()
{
    const int row = m_model->rowOf(selectedKeyId());
    if (!m_administration || row < 0 || m_model->keyAt(row).isRevoked())
        return;
    const ApiKey &key = m_model->keyAt(row);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revoke key"),
            tr("Revoke %1 (%2)? Every HomeWarden process refuses it from then on, and it cannot "
               "be used again.")
                    .arg(key.id, UntrustedText::printable(key.name)),
            QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("&Revoke"));
    box->setDefaultButton(QMessageBox::Cancel);
    const QString id = key.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            revoke(id);
    });
    box->open();
}

void KeysWindow::refresh()
{
    if (!m_store)
        return;
    QString error;
    const QList<ApiKey> keys = m_store->list(&error);
    if (!error.isEmpty()) {
        m_status->showMessage(error, MessageLabel::Kind::Problem);
        return;
    }
    m_model->setKeys(keys, QDateTime::currentDateTimeUtc());
    updateActions();
}

void KeysWindow::generate(GenerateKeyDialog *dialog, const SqlKeyStore::NewKey &spec)
{
    QString error;
    const std::optional<QString> keyText = m_administration->generate(spec, &error);
    if (!keyText) {
        dialog->showError(tr("The key cannot be created: %1").arg(error));
        return;
    }
    dialog->showKey(*keyText);
    refresh();
    const QString id = KeyText::parse(*keyText)->id;
    selectKey(id);
    m_status->showMessage(tr("Key %1 was created.").arg(id));
}

void KeysWindow::applyChanges(
        EditKeyDialog *dialog, const QString &id, const SqlKeyStore::KeyChanges &changes)
{
    QString error;
    if (!m_administration->update(id, changes, &error)) {
        dialog->showError(tr("Key %1 cannot be changed: %2").arg(id, error));
        return;
    }
    dialog->accept();
    refresh();
    m_status->showMessage(tr("Key %1 is updated.").arg(id));
}

void KeysWindow::revoke(const QString &id)
{
    QString error;
    if (!m_administration->revoke(id, &error)) {
        m_status->showMessage(error, MessageLabel::Kind::Problem);
        return;
    }
    refresh();
    m_status->showMessage(
            tr("Key %1 is revoked; every HomeWarden process refuses it from now on.").arg(id));
}

QStringList KeysWindow::deviceIds() const
{
    if (!m_deviceIds)
        return {};
    QStringList ids = m_deviceIds();
    ids.sort();
    return ids;
}

void KeysWindow::updateActions()
{
    const int row = m_model->rowOf(selectedKeyId());
    const bool changeable = m_administration && row >= 0 && !m_model->keyAt(row).isRevoked();
    m_generate->setEnabled(m_administration != nullptr);
    m_edit->setEnabled(changeable);
    m_revoke->setEnabled(changeable);
}
