#pragma once

#include "SetupPage.h"

class FilePathField;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Security: the level (explained in plain words) and the HTTP server: on or off, where it
// listens, TLS files. The defaults are the safe ones: production, 127.0.0.1:3001, no TLS
// needed on loopback.
class SecurityPage : public SetupPage
{
    Q_OBJECT

public:
    SecurityPage(const SetupChoices &initial, QWidget *parent = nullptr);

    bool validatePage() override;
    void collect(SetupChoices *choices) const override;

private:
    void showLevelSummary();

    QComboBox *m_level;
    QLabel *m_levelSummary;
    QGroupBox *m_server;
    QLineEdit *m_host;
    QSpinBox *m_port;
    FilePathField *m_certificate;
    FilePathField *m_key;
};
