#include "AiClientPage.h"

#include "AutostartEntry.h"
#include "ClaudeDesktopConfig.h"
#include "Role.h"
#include "ServerSettings.h"
#include "SetupChoices.h"
#include "SetupWizard.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

AiClientPage::AiClientPage(const SetupChoices &, QWidget *parent)
    : SetupPage(parent)
    , m_register(new QCheckBox(tr("Add HomeWarden to Claude Desktop"), this))
    , m_detection(new QLabel(this))
    , m_configPath(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_devices(new QLineEdit(this))
    , m_snippetChoice(new QComboBox(this))
    , m_snippet(new QPlainTextEdit(this))
    , m_snippetNote(new QLabel(this))
{
    setTitle(tr("AI client"));
    setSubTitle(tr("Connect Claude Desktop, or copy what other AI clients need."));

    m_register->setObjectName(QStringLiteral("registerClaudeCheck"));
    m_detection->setObjectName(QStringLiteral("claudeDetectionLabel"));
    m_detection->setWordWrap(true);
    m_configPath->setObjectName(QStringLiteral("claudeConfigEdit"));
    m_configPath->setText(QDir::toNativeSeparators(ClaudeDesktopConfig::defaultPath()));
    m_role->setObjectName(QStringLiteral("clientRoleCombo"));
    m_role->addItem(tr("Operator: read and control, but no locks, alarms or door openers"),
            Roles::name(Role::Operator));
    m_role->addItem(tr("Monitor: read only"), Roles::name(Role::Monitor));
    m_role->addItem(tr("Device: only the devices listed below"), Roles::name(Role::Device));
    m_role->addItem(tr("Admin: everything"), Roles::name(Role::Admin));
    m_devices->setObjectName(QStringLiteral("clientDevicesEdit"));
    m_devices->setPlaceholderText(tr("Optional: device ids, e.g. ha:light.kitchen, separated by "
                                     "commas"));

    auto *claude = new QGroupBox(tr("Claude Desktop"), this);
    auto *claudeLayout = new QVBoxLayout(claude);
    claudeLayout->addWidget(m_register);
    claudeLayout->addWidget(m_detection);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_configPath);
    auto *browse = new QPushButton(tr("Browse…"), claude);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Configuration file:"), pathRow);
    form->addRow(tr("Role of its key:"), m_role);
    form->addRow(tr("Devices:"), m_devices);
    claudeLayout->addLayout(form);
    auto *keyNote = new QLabel(tr("The key is stored in this computer's keychain; the "
                                  "configuration file only names the command that reads it. "
                                  "Other servers in the file stay as they are, and a backup of "
                                  "the file is kept."),
            claude);
    keyNote->setWordWrap(true);
    claudeLayout->addWidget(keyNote);
    contentLayout()->addWidget(claude);

    auto *others = new QGroupBox(tr("Other AI clients"), this);
    auto *othersLayout = new QVBoxLayout(others);
    m_snippetChoice->setObjectName(QStringLiteral("snippetCombo"));
    m_snippet->setObjectName(QStringLiteral("snippetText"));
    m_snippet->setReadOnly(true);
    m_snippet->setMaximumHeight(m_snippet->fontMetrics().lineSpacing() * 6);
    m_snippetNote->setWordWrap(true);
    auto *copy = new QPushButton(tr("Copy"), others);
    copy->setObjectName(QStringLiteral("snippetCopyButton"));
    auto *choiceRow = new QHBoxLayout;
    choiceRow->addWidget(m_snippetChoice, 1);
    choiceRow->addWidget(copy);
    othersLayout->addLayout(choiceRow);
    othersLayout->addWidget(m_snippet);
    othersLayout->addWidget(m_snippetNote);
    contentLayout()->addWidget(others);

    const auto enableClaudeFields = [this, browse](bool on) {
        for (QWidget *widget :
                std::initializer_list<QWidget *>{m_configPath, m_role, m_devices, browse})
            widget->setEnabled(on);
    };
    connect(m_register, &QCheckBox::toggled, this, enableClaudeFields);
    connect(m_configPath, &QLineEdit::editingFinished, this, &AiClientPage::showDetection);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
                QFileDialog::getOpenFileName(this, tr("Claude Desktop's configuration"),
                        m_configPath->text(), tr("JSON files (*.json);;All files (*)"));
        if (!file.isEmpty()) {
            m_configPath->setText(QDir::toNativeSeparators(file));
            showDetection();
        }
    });
    connect(m_snippetChoice, &QComboBox::currentIndexChanged, this, &AiClientPage::showSnippet);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_snippet->toPlainText()); });

    const bool detected = ClaudeDesktopConfig::isDetected();
    m_register->setChecked(detected);
    enableClaudeFields(detected);
    showDetection();
}

void AiClientPage::showDetection()
{
    const QString path = QDir::fromNativeSeparators(m_configPath->text().trimmed());
    if (ClaudeDesktopConfig::isDetected(path))
        m_detection->setText(tr("Claude Desktop was found on this computer."));
    else
        m_detection->setText(tr("Claude Desktop was not found here; HomeWarden can still write "
                                "its configuration file, for when it is installed."));
}

// The snippets name the server as the Security page set it.
void AiClientPage::initializePage()
{
    const SetupChoices choices = setupWizard() ? setupWizard()->choices() : SetupChoices();
    ServerSettings server;
    server.address = QHostAddress(choices.serverHost);
    server.port = quint16(choices.serverPort);
    m_snippets = ClientSnippets::all(
            AutostartEntry::defaultExecutable(), server, !choices.tlsCertificate.isEmpty());
    const int shown = qMax(0, m_snippetChoice->currentIndex());
    m_snippetChoice->clear();
    for (const ClientSnippets::Snippet &snippet : std::as_const(m_snippets))
        m_snippetChoice->addItem(snippet.title);
    m_snippetChoice->setCurrentIndex(qMin(shown, int(m_snippets.size()) - 1));
    showSnippet(m_snippetChoice->currentIndex());
}

void AiClientPage::showSnippet(int index)
{
    if (index < 0 || index >= m_snippets.size())
        return;
    m_snippet->setPlainText(m_snippets.at(index).text);
    m_snippetNote->setText(m_snippets.at(index).note);
}

bool AiClientPage::validatePage()
{
    clearProblem();
    if (!m_register->isChecked())
        return true;
    if (m_configPath->text().trimmed().isEmpty())
        return refuse(tr("Enter where Claude Desktop's configuration file is, or leave Claude "
                         "Desktop out."));
    const QString role = m_role->currentData().toString();
    if (role == Roles::name(Role::Device) && m_devices->text().trimmed().isEmpty())
        return refuse(tr("A key of the role device needs the device ids it may use; list them, "
                         "or choose another role."));
    return true;
}

void AiClientPage::collect(SetupChoices *choices) const
{
    choices->registerClaudeDesktop = m_register->isChecked();
    choices->claudeConfigPath = QDir::fromNativeSeparators(m_configPath->text().trimmed());
    choices->clientRole = m_role->currentData().toString();
    QStringList devices;
    for (const QString &device : m_devices->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!device.trimmed().isEmpty())
            devices.append(device.trimmed());
    }
    choices->clientDevices = devices;
}
