#include "SecurityPage.h"

#include "FilePathField.h"
#include "SettingsInput.h"
#include "SetupChoices.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

SecurityPage::SecurityPage(const SetupChoices &initial, QWidget *parent)
    : SetupPage(parent)
    , m_level(new QComboBox(this))
    , m_levelSummary(new QLabel(this))
    , m_server(new QGroupBox(tr("Serve AI clients over HTTP (Streamable HTTP at /mcp)"), this))
    , m_host(new QLineEdit(m_server))
    , m_port(new QSpinBox(m_server))
    , m_certificate(new FilePathField(tr("TLS certificate"), m_server))
    , m_key(new FilePathField(tr("TLS private key"), m_server))
{
    setTitle(tr("Security"));
    setSubTitle(tr("The safe choices are already made; change them only if you know why."));

    m_level->setObjectName(QStringLiteral("securityLevelCombo"));
    m_level->addItem(tr("Production (recommended)"), int(SecurityLevel::Production));
    m_level->addItem(tr("Staging"), int(SecurityLevel::Staging));
    m_level->addItem(tr("Development"), int(SecurityLevel::Development));
    m_level->setCurrentIndex(m_level->findData(int(initial.securityLevel)));
    m_levelSummary->setWordWrap(true);
    auto *levelForm = new QFormLayout;
    levelForm->addRow(tr("Security level:"), m_level);
    levelForm->addRow(QString(), m_levelSummary);
    contentLayout()->addLayout(levelForm);

    m_server->setObjectName(QStringLiteral("serverGroup"));
    m_server->setCheckable(true);
    m_server->setChecked(initial.serverEnabled);
    m_host->setObjectName(QStringLiteral("serverHostEdit"));
    m_host->setText(initial.serverHost);
    m_port->setObjectName(QStringLiteral("serverPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(initial.serverPort);
    auto *serverForm = new QFormLayout(m_server);
    auto *where = new QLabel(tr("Claude Desktop does not need it (it starts HomeWarden itself). "
                                "127.0.0.1 keeps it to this computer; another address lets other "
                                "computers in, and then TLS is required at production level."),
            m_server);
    where->setWordWrap(true);
    serverForm->addRow(where);
    serverForm->addRow(tr("Address:"), m_host);
    serverForm->addRow(tr("Port:"), m_port);
    m_certificate->lineEdit()->setObjectName(QStringLiteral("tlsCertificateEdit"));
    m_key->lineEdit()->setObjectName(QStringLiteral("tlsKeyEdit"));
    for (FilePathField *field : {m_certificate, m_key})
        field->lineEdit()->setPlaceholderText(tr("None (not needed on 127.0.0.1)"));
    serverForm->addRow(tr("TLS certificate:"), m_certificate);
    serverForm->addRow(tr("TLS private key:"), m_key);
    m_certificate->setPath(initial.tlsCertificate);
    m_key->setPath(initial.tlsKey);
    contentLayout()->addWidget(m_server);

    connect(m_level, &QComboBox::currentIndexChanged, this, &SecurityPage::showLevelSummary);
    showLevelSummary();
}

void SecurityPage::showLevelSummary()
{
    const auto level = SecurityLevel(m_level->currentData().toInt());
    QString advice;
    switch (level) {
    case SecurityLevel::Production:
        advice = tr("Every AI client needs a key; secrets come only from the keychain; a server "
                    "reachable from other computers must use TLS.");
        break;
    case SecurityLevel::Staging:
        advice = tr("Every AI client needs a key, but the server may run without TLS on your "
                    "network: for trying things out.");
        break;
    case SecurityLevel::Development:
        advice = tr("For developers only: no key needed on this computer, secrets may come from "
                    "environment variables, no rate limit. Do not use it with a real home.");
        break;
    }
    m_levelSummary->setText(advice);
}

bool SecurityPage::validatePage()
{
    clearProblem();
    if (!m_server->isChecked())
        return true;
    // The settings window's rules, so that both accept the same server.
    SettingsInput input;
    input.serverEnabled = true;
    input.host = m_host->text();
    input.port = QString::number(m_port->value());
    input.tlsCertificate = m_certificate->path();
    input.tlsKey = m_key->path();
    input.level = SecurityLevel(m_level->currentData().toInt());
    const QString problem = input.problem();
    return problem.isEmpty() || refuse(problem);
}

void SecurityPage::collect(SetupChoices *choices) const
{
    choices->securityLevel = SecurityLevel(m_level->currentData().toInt());
    choices->serverEnabled = m_server->isChecked();
    choices->serverHost = m_host->text().trimmed();
    choices->serverPort = m_port->value();
    choices->tlsCertificate = m_certificate->path().trimmed();
    choices->tlsKey = m_key->path().trimmed();
}
