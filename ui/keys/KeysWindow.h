#pragma once

#include "SqlKeyStore.h"

#include <QWidget>

#include <functional>
#include <memory>

class AuditTrail;
class DatabaseChangeWatcher;
class EditKeyDialog;
class GenerateKeyDialog;
class KeyAdministration;
class KeysModel;
class MessageLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class StateDatabase;

// "API keys": the keys of homewarden.db in a table with a filter line; generate, edit and
// revoke them. Every change goes through KeyAdministration, so it is audited as the command
// line audits it, with source "tray". Keys changed by any other process (the CLI, the admin
// API) appear within a second: a DatabaseChangeWatcher reports each commit to the database.
class KeysWindow : public QWidget
{
    Q_OBJECT

public:
    // The ids offered in the device picker (the tray passes DeviceDirectory's live devices).
    using DeviceIdProvider = std::function<QStringList()>;

    explicit KeysWindow(const QString &stateDirectory, QWidget *parent = nullptr);
    ~KeysWindow() override;

    void setDeviceIdProvider(DeviceIdProvider provider);

    // The key of the current row; empty when none is selected.
    QString selectedKeyId() const;
    void selectKey(const QString &id);

    // Each opens its dialog without blocking (window-modal) and returns it; it deletes itself
    // when closed. Null when no key is selected, the key was revoked or changes are off.
    GenerateKeyDialog *openGenerateDialog();
    EditKeyDialog *openEditDialog();
    // Asks whether to revoke the selected key and revokes it on yes.
    void confirmRevoke();

    // Reads the keys again (also done on every change the watcher reports).
    void refresh();

private:
    void generate(GenerateKeyDialog *dialog, const SqlKeyStore::NewKey &spec);
    void applyChanges(
            EditKeyDialog *dialog, const QString &id, const SqlKeyStore::KeyChanges &changes);
    void revoke(const QString &id);
    QStringList deviceIds() const;
    void updateActions();

    std::unique_ptr<StateDatabase> m_database;
    std::unique_ptr<SqlKeyStore> m_store;
    std::unique_ptr<AuditTrail> m_trail;
    std::unique_ptr<KeyAdministration> m_administration; // null: changes are off
    DeviceIdProvider m_deviceIds;

    KeysModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_generate;
    QPushButton *m_edit;
    QPushButton *m_revoke;
    MessageLabel *m_status;
    DatabaseChangeWatcher *m_watcher = nullptr;
};
