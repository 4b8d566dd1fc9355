#include "AuditLog.h"
#include "EditKeyDialog.h"
#include "GenerateKeyDialog.h"
#include "KeyText.h"
#include "KeysModel.h"
#include "KeysWindow.h"

#include "TestSupport.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The keys window driven through its widgets, checked with the real `homewarden keys` binary
// on the same state directory.
class tst_KeysWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void generatedKeyIsListedByTheCli();
    void generateShowsWhyAKeyIsRefused();
    void editChangesTheKey();
    void revokesAfterConfirmation();
    void keyCreatedByTheCliAppears();
    void filterLineNarrowsTheTable();

private:
    QJsonObject cliKey(const QString &id) const;
    GenerateKeyDialog *fillGenerateDialog(
            KeysWindow *window, const QString &name, const QString &role) const;
    QList<AuditRecord> auditOf(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_KeysWindow::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_KeysWindow::cleanup()
{
    m_home.reset();
}

QJsonObject tst_KeysWindow::cliKey(const QString &id) const
{
    QProcess process;
    process.setProcessEnvironment(TestSupport::serverEnvironment(m_home->path()));
    process.start(TestSupport::homewardenBinary(),
            {QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--format"),
                    QStringLiteral("json")});
    if (!process.waitForFinished(10000) || process.exitCode() != 0) {
        qWarning("keys list failed: %s", process.readAllStandardError().constData());
        return {};
    }
    const QJsonArray keys = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    for (const QJsonValue &key : keys) {
        if (key.toObject().value(QStringLiteral("id")).toString() == id)
            return key.toObject();
    }
    return {};
}

GenerateKeyDialog *tst_KeysWindow::fillGenerateDialog(
        KeysWindow *window, const QString &name, const QString &role) const
{
    GenerateKeyDialog *dialog = window->openGenerateDialog();
    if (!dialog)
        return nullptr;
    dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(name);
    auto *roles = dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"));
    roles->setCurrentIndex(roles->findData(role));
    return dialog;
}

QList<AuditRecord> tst_KeysWindow::auditOf(const QString &id) const
{
    const std::unique_ptr<AuditLog> log = AuditLog::open(m_home->path());
    AuditLog::Filter filter;
    filter.keyId = id;
    return log ? log->query(filter) : QList<AuditRecord>();
}

void tst_KeysWindow::generatedKeyIsListedByTheCli()
{
    KeysWindow window(m_home->path());
    window.setDeviceIdProvider([] {
        return QStringList{QStringLiteral("ha:light.kitchen"), QStringLiteral("ha:lock.front")};
    });
    window.show();
    GenerateKeyDialog *dialog =
            fillGenerateDialog(&window, QStringLiteral("Kitchen panel"), QStringLiteral("device"));
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>(QStringLiteral("expiryDaysSpin"))->setValue(30);
    dialog->findChild<QLineEdit *>(QStringLiteral("ipAllowEdit"))
            ->setText(QStringLiteral("192.168.1.0/24, ::1/128"));
    auto *devices =
            dialog->findChild<QWidget *>(QStringLiteral("devicesList"))->findChild<QListWidget *>();
    const QList<QListWidgetItem *> kitchen =
            devices->findItems(QStringLiteral("ha:light.kitchen"), Qt::MatchExactly);
    QCOMPARE(kitchen.size(), 1);
    kitchen.first()->setCheckState(Qt::Checked);
    dialog->findChild<QPushButton *>(QStringLiteral("generateButton"))->click();

    // Shown once, with a Copy button and the warning.
    const QString keyText = dialog->findChild<QLineEdit *>(QStringLiteral("keyTextEdit"))->text();
    const std::optional<KeyText::Parts> parts = KeyText::parse(keyText);
    QVERIFY2(parts, qPrintable(keyText));
    QCOMPARE(parts->role, Role::Device);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("keyWarningLabel"))
                    ->text()
                    .contains(QStringLiteral("shown only this once")));
    dialog->findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), keyText);
    dialog->reject();
    QCOMPARE(window.selectedKeyId(), parts->id);

    const QJsonObject listed = cliKey(parts->id);
    QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("Kitchen panel"));
    QCOMPARE(listed.value(QStringLiteral("role")).toString(), QStringLiteral("device"));
    QCOMPARE(listed.value(QStringLiteral("created_by")).toString(), QStringLiteral("tray"));
    QCOMPARE(listed.value(QStringLiteral("devices")).toArray(),
            QJsonArray{QStringLiteral("ha:light.kitchen")});
    QCOMPARE(listed.value(QStringLiteral("ip_allow")).toArray(),
            QJsonArray({QStringLiteral("192.168.1.0/24"), QStringLiteral("::1/128")}));
    QVERIFY(!listed.value(QStringLiteral("expires_at")).isNull());

    // Audited as the CLI audits, with source "tray".
    QList<AuditRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT(!(records = auditOf(parts->id)).isEmpty(), 5000);
    QCOMPARE(records.first().event.event, QLatin1String(AuditEvent::KEY_CREATED));
    QCOMPARE(records.first().event.source, QStringLiteral("tray"));
    QCOMPARE(records.first().event.action, QStringLiteral("keys generate"));
    QCOMPARE(records.first().event.result, QStringLiteral("ok"));
}

void tst_KeysWindow::generateShowsWhyAKeyIsRefused()
{
    KeysWindow window(m_home->path());
    // A device key with no device is refused; the form stays for a correction.
    GenerateKeyDialog *dialog =
            fillGenerateDialog(&window, QStringLiteral("No devices"), QStringLiteral("device"));
    QVERIFY(dialog);
    dialog->findChild<QPushButton *>(QStringLiteral("generateButton"))->click();
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error->isVisibleTo(dialog));
    QVERIFY2(error->text().contains(QStringLiteral("devices")), qPrintable(error->text()));
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("keyTextEdit"))->text().isEmpty());
    QCOMPARE(window.findChild<KeysModel *>()->rowCount(), 0);
}

void tst_KeysWindow::editChangesTheKey()
{
    const QString keyText = TestSupport::generateKey(m_home->path(), QStringLiteral("operator"));
    const QString id = KeyText::parse(keyText)->id;
    KeysWindow window(m_home->path());
    window.selectKey(id);
    EditKeyDialog *dialog = window.openEditDialog();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Renamed"));
    dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();

    QCOMPARE(cliKey(id).value(QStringLiteral("name")).toString(), QStringLiteral("Renamed"));
    auto *model = window.findChild<KeysModel *>();
    QCOMPARE(model->keyAt(model->rowOf(id)).name, QStringLiteral("Renamed"));
    QList<AuditRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT((records = auditOf(id)).size() == 2, 5000);
    QCOMPARE(records.first().event.event, QLatin1String(AuditEvent::KEY_UPDATED));
    QCOMPARE(records.first().event.reason, QStringLiteral("Changed name."));
    QCOMPARE(records.first().event.source, QStringLiteral("tray"));
}

void tst_KeysWindow::revokesAfterConfirmation()
{
    const QString keyText = TestSupport::generateKey(m_home->path(), QStringLiteral("monitor"));
    const QString id = KeyText::parse(keyText)->id;
    KeysWindow window(m_home->path());
    window.show();
    window.selectKey(id);

    // Cancel leaves the key alone.
    window.confirmRevoke();
    auto *box = window.findChild<QMessageBox *>();
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(cliKey(id).value(QStringLiteral("revoked_at")).isNull());

    QTRY_VERIFY(!window.findChild<QMessageBox *>()); // deleted on close
    window.confirmRevoke();
    box = window.findChild<QMessageBox *>();
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    const QJsonObject listed = cliKey(id);
    QVERIFY(!listed.value(QStringLiteral("revoked_at")).isNull());
    QCOMPARE(listed.value(QStringLiteral("active")).toBool(true), false);

    auto *model = window.findChild<KeysModel *>();
    QCOMPARE(model->data(model->index(model->rowOf(id), KeysModel::StatusColumn)).toString(),
            QStringLiteral("revoked"));
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("revokeButton"))->isEnabled());
    QVERIFY(!window.openEditDialog());
    QList<AuditRecord> records;
    QTRY_VERIFY_WITH_TIMEOUT((records = auditOf(id)).size() == 2, 5000);
    QCOMPARE(records.first().event.event, QLatin1String(AuditEvent::KEY_REVOKED));
    QCOMPARE(records.first().event.source, QStringLiteral("tray"));
}

void tst_KeysWindow::keyCreatedByTheCliAppears()
{
    KeysWindow window(m_home->path());
    auto *model = window.findChild<KeysModel *>();
    QCOMPARE(model->rowCount(), 0);

    const QString keyText = TestSupport::generateKey(m_home->path(), QStringLiteral("admin"));
    const QString id = KeyText::parse(keyText)->id;
    QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(id), 0, 5000);
    QCOMPARE(model->data(model->index(0, KeysModel::RoleColumn)).toString(),
            QStringLiteral("admin"));

    // ... and a revocation by the CLI too.
    QProcess revoke;
    revoke.setProcessEnvironment(TestSupport::serverEnvironment(m_home->path()));
    revoke.start(TestSupport::homewardenBinary(),
            {QStringLiteral("keys"), QStringLiteral("revoke"), id});
    QVERIFY(revoke.waitForFinished(10000));
    QCOMPARE(revoke.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, KeysModel::StatusColumn)).toString(),
            QStringLiteral("revoked"), 5000);
}

void tst_KeysWindow::filterLineNarrowsTheTable()
{
    TestSupport::generateKey(m_home->path(), QStringLiteral("operator"));
    TestSupport::generateKey(m_home->path(), QStringLiteral("monitor"));
    KeysWindow window(m_home->path());
    auto *view = window.findChild<QTableView *>(QStringLiteral("keysView"));
    QCOMPARE(view->model()->rowCount(), 2);
    window.findChild<QLineEdit *>(QStringLiteral("filterEdit"))->setText(QStringLiteral("MONITOR"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, KeysModel::RoleColumn).data().toString(),
            QStringLiteral("monitor"));
}

QTEST_MAIN(tst_KeysWindow)
#include "tst_keyswindow.moc"
