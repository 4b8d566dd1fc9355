#pragma once

#include "ClientSnippets.h"
#include "SetupPage.h"

#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// AI client: registers HomeWarden with Claude Desktop when its configuration is found (a key of
// the chosen role in the keychain, an mcpServers.homewarden entry without the key; done on
// Finish by ClientRegistration), and shows ready-to-copy snippets for other clients.
class AiClientPage : public SetupPage
{
    Q_OBJECT

public:
    AiClientPage(const SetupChoices &initial, QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    void collect(SetupChoices *choices) const override;

private:
    void showDetection();
    void showSnippet(int index);

    QCheckBox *m_register;
    QLabel *m_detection;
    QLineEdit *m_configPath;
    QComboBox *m_role;
    QLineEdit *m_devices;
    QComboBox *m_snippetChoice;
    QPlainTextEdit *m_snippet;
    QLabel *m_snippetNote;
    QList<ClientSnippets::Snippet> m_snippets;
};
