#include "SettingsDialog.h"

#include "AuditEvent.h"
#include "AuditTrail.h"
#include "AutostartEntry.h"
#include "ConfigChange.h"
#include "FilePathField.h"
#include "LanguageSetting.h"
#include "MessageLabel.h"
#include "ServerSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

// The autostart entry is a file of its own, not an ini key; the trail names it so.
constexpr char AUTOSTART_TARGET[] = "autostart";

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    // Short sentences, unwrapped: a wrapped label makes the form's height depend on its width,
    // which a dialog without a window manager gets wrong (rows overlap).
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(const QString &stateDirectory, QWidget *parent)
    : QDialog(parent)
    , m_stateDirectory(stateDirectory)
{
    setWindowTitle(tr("Settings — HomeWarden"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createServerGroup());
    layout->addWidget(createSecurityGroup());
    layout->addWidget(createDesktopGroup());
    m_message = new MessageLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_saved = SettingsInput::load(stateDirectory);
    fill(m_saved);
    QString error;
    // A change the trail could not record is not made (ConfigChange refuses without one).
    m_trail = AuditTrail::open(stateDirectory, &error);
    if (!m_trail) {
        m_message->showMessage(
                tr("Settings cannot be saved here: %1").arg(error), MessageLabel::Kind::Problem);
    }
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::createServerGroup()
{
    auto *group = new QGroupBox(tr("HTTP server"), this);
    auto *form = new QFormLayout(group);
    m_serverEnabled = new QCheckBox(tr("Serve MCP over HTTP"), group);
    m_serverEnabled->setObjectName(QStringLiteral("serverEnabled"));
    form->addRow(m_serverEnabled);
    form->addRow(noteLabel(tr("When it is off, MCP clients on this computer still reach "
                              "HomeWarden over stdio."),
            group));
    m_host = new QLineEdit(group);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setToolTip(tr("127.0.0.1: this computer only. 0.0.0.0: every network."));
    form->addRow(tr("Listen on:"), m_host);
    m_port = new QLineEdit(group);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setMaxLength(5);
    form->addRow(tr("Port:"), m_port);
    m_tlsCertificate = new FilePathField(tr("TLS certificate (PEM)"), group);
    m_tlsCertificate->lineEdit()->setObjectName(QStringLiteral("tlsCertificate"));
    form->addRow(tr("TLS certificate:"), m_tlsCertificate);
    m_tlsKey = new FilePathField(tr("TLS private key (PEM)"), group);
    m_tlsKey->lineEdit()->setObjectName(QStringLiteral("tlsKey"));
    form->addRow(tr("TLS private key:"), m_tlsKey);
    m_origins = new QPlainTextEdit(group);
    m_origins->setObjectName(QStringLiteral("allowedOrigins"));
    m_origins->setPlaceholderText(tr("https://example.org"));
    m_origins->setTabChangesFocus(true);
    m_origins->setFixedHeight(m_origins->fontMetrics().lineSpacing() * 4);
    form->addRow(tr("Allowed web origins:"), m_origins);
    form->addRow(noteLabel(tr("One per line, besides this computer's own. Web pages from any "
                              "other origin are refused."),
            group));
    connect(m_serverEnabled, &QCheckBox::toggled, this, &SettingsDialog::updateServerFields);
    return group;
}

QWidget *SettingsDialog::createSecurityGroup()
{
    auto *group = new QGroupBox(tr("Security"), this);
    auto *form = new QFormLayout(group);
    m_level = new QComboBox(group);
    m_level->setObjectName(QStringLiteral("securityLevel"));
    m_level->addItem(tr("Development"), int(SecurityLevel::Development));
    m_level->addItem(tr("Staging"), int(SecurityLevel::Staging));
    m_level->addItem(tr("Production"), int(SecurityLevel::Production));
    form->addRow(tr("Security level:"), m_level);
    m_levelSummary = noteLabel(QString(), group);
    form->addRow(m_levelSummary);
    m_recordParameters =
            new QCheckBox(tr("Record the parameters of tool calls in the audit trail"), group);
    m_recordParameters->setObjectName(QStringLiteral("recordParameters"));
    m_recordParameters->setToolTip(tr("They can contain personal data, such as names of rooms "
                                      "and people."));
    form->addRow(m_recordParameters);
    m_retentionDays = new QSpinBox(group);
    m_retentionDays->setObjectName(QStringLiteral("retentionDays"));
    m_retentionDays->setRange(0, 36500);
    m_retentionDays->setSuffix(tr(" days"));
    m_retentionDays->setSpecialValueText(tr("Keep every event"));
    form->addRow(tr("Keep audit events for:"), m_retentionDays);
    form->addRow(noteLabel(tr("The level and parameter recording apply to each HomeWarden "
                              "process from its next start. Older audit events are deleted "
                              "when the tray starts and once a day; the trail stays "
                              "verifiable."),
            group));
    connect(m_level, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLevelSummary);
    return group;
}

QWidget *SettingsDialog::createDesktopGroup()
{
    auto *group = new QGroupBox(tr("Desktop"), this);
    auto *form = new QFormLayout(group);
    m_startAtLogin = new QCheckBox(tr("Start HomeWarden when I log in"), group);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    form->addRow(m_startAtLogin);
    m_language = new QComboBox(group);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QLatin1String(LanguageSetting::SYSTEM));
    // Each language in its own words, so that a person who cannot read the current one
    // still finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    form->addRow(tr("Language:"), m_language);
    form->addRow(noteLabel(tr("A new language applies the next time HomeWarden starts."), group));
    return group;
}

void SettingsDialog::fill(const SettingsInput &input)
{
    m_serverEnabled->setChecked(input.serverEnabled);
    m_host->setText(input.host);
    m_port->setText(input.port);
    m_tlsCertificate->setPath(input.tlsCertificate);
    m_tlsKey->setPath(input.tlsKey);
    m_origins->setPlainText(input.allowedOrigins.join(QLatin1Char('\n')));
    m_level->setCurrentIndex(m_level->findData(int(input.level)));
    m_recordParameters->setChecked(input.recordParameters);
    m_retentionDays->setValue(input.retentionDays);
    m_startAtLogin->setChecked(input.startAtLogin);
    m_language->setCurrentIndex(qMax(0, m_language->findData(input.language)));
    updateLevelSummary();
    updateServerFields();
}

SettingsInput SettingsDialog::input() const
{
    SettingsInput input;
    input.serverEnabled = m_serverEnabled->isChecked();
    input.host = m_host->text().trimmed();
    input.port = m_port->text().trimmed();
    input.tlsCertificate = m_tlsCertificate->path();
    input.tlsKey = m_tlsKey->path();
    for (const QString &line : m_origins->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            input.allowedOrigins.append(line.trimmed());
    }
    input.level = SecurityLevel(m_level->currentData().toInt());
    input.recordParameters = m_recordParameters->isChecked();
    input.retentionDays = m_retentionDays->value();
    input.startAtLogin = m_startAtLogin->isChecked();
    input.language = m_language->currentData().toString();
    return input;
}

void SettingsDialog::updateLevelSummary()
{
    const SettingsInput current = input();
    QString text = SecurityLevels::summary(current.level);
    text[0] = text[0].toUpper();
    if (current.effectiveLevel() != current.level) {
        text = tr("%1.\nHOMEWARDEN_SECURITY_LEVEL sets %2 for processes started with it.")
                       .arg(text, SecurityLevels::name(current.effectiveLevel()));
    } else {
        text += QLatin1Char('.');
    }
    m_levelSummary->setText(text);
}

void SettingsDialog::updateServerFields()
{
    const bool on = m_serverEnabled->isChecked();
    for (QWidget *field :
            std::initializer_list<QWidget *>{m_host, m_port, m_tlsCertificate, m_tlsKey, m_origins})
        field->setEnabled(on);
}

bool SettingsDialog::applyAutostart(bool enable, QString *error)
{
    const bool done =
            enable ? AutostartEntry::enable(QString(), error) : AutostartEntry::disable(error);
    if (!done)
        return false;
    AuditEvent event;
    event.event = QLatin1String(AuditEvent::CONFIG_CHANGED);
    event.source = QStringLiteral("settings");
    event.action = enable ? QStringLiteral("set") : QStringLiteral("remove");
    event.target = QLatin1String(AUTOSTART_TARGET);
    event.result = QStringLiteral("ok");
    event.reason = QStringLiteral("'%1' -> '%2'")
                           .arg(enable ? QStringLiteral("off") : QStringLiteral("on"),
                                   enable ? QStringLiteral("on") : QStringLiteral("off"));
    m_trail->append(event);
    return true;
}

bool SettingsDialog::save()
{
    const SettingsInput current = input();
    const QString problem = current.problem();
    if (!problem.isEmpty()) {
        m_message->showMessage(problem, MessageLabel::Kind::Problem);
        return false;
    }
    ConfigChange change(m_stateDirectory, QStringLiteral("settings"));
    current.stage(m_saved, &change);
    QStringList changed = change.changedKeys();
    QString error;
    if (!change.commit(m_trail.get(), &error)) {
        m_message->showMessage(error, MessageLabel::Kind::Problem);
        return false;
    }
    if (current.startAtLogin != m_saved.startAtLogin) {
        if (!applyAutostart(current.startAtLogin, &error)) {
            // The ini part is saved (and audited); say what is left.
            m_saved = SettingsInput::load(m_stateDirectory);
            m_message->showMessage(error, MessageLabel::Kind::Problem);
            if (!changed.isEmpty())
                Q_EMIT settingsSaved(changed);
            return false;
        }
        changed.append(QLatin1String(AUTOSTART_TARGET));
    }
    m_saved = SettingsInput::load(m_stateDirectory);
    m_message->showMessage(savedSentence(changed));
    if (!changed.isEmpty())
        Q_EMIT settingsSaved(changed);
    return true;
}

QString SettingsDialog::savedSentence(const QStringList &changedKeys) const
{
    if (changedKeys.isEmpty())
        return tr("Nothing changed.");
    const bool server = std::any_of(changedKeys.cbegin(), changedKeys.cend(),
            [](const QString &key) { return key.startsWith(QLatin1String("server/")); });
    const bool nextStart =
            std::any_of(changedKeys.cbegin(), changedKeys.cend(), [](const QString &key) {
                return !key.startsWith(QLatin1String("server/"))
                        && key != QLatin1String(AUTOSTART_TARGET);
            });
    if (server && nextStart)
        return tr("Saved. The HTTP server now follows the new settings; the rest applies at the "
                  "next start.");
    if (server)
        return tr("Saved. The HTTP server now follows the new settings.");
    if (nextStart)
        return tr("Saved. The change applies the next time HomeWarden starts.");
    return tr("Saved.");
}

QString SettingsDialog::message() const
{
    return m_message->text();
}
