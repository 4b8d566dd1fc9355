#include "WelcomePage.h"

#include <QLabel>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent)
    : SetupPage(parent)
{
    setTitle(tr("Welcome to HomeWarden"));
    setSubTitle(tr("HomeWarden is the guarded gate between AI assistants and your home."));
    auto *text = new QLabel(this);
    text->setWordWrap(true);
    text->setText(
            tr("<p>AI assistants such as Claude Desktop reach your Home Assistant and your Loxone "
               "Miniserver only through HomeWarden. It checks every request against the key the "
               "assistant uses, records it in an audit trail you can read, and lets you cut the "
               "assistants off with one click in the tray.</p>"
               "<p>When you press Finish, this wizard will:</p><ul>"
               "<li>store the Home Assistant token and the Loxone password in this computer's "
               "keychain (never in a file);</li>"
               "<li>write the addresses, the security level and the server settings to "
               "HomeWarden's settings file, each change recorded in the audit trail;</li>"
               "<li>if you choose so, create a key for Claude Desktop and add HomeWarden to its "
               "configuration file (a backup of the file is kept);</li>"
               "<li>if you choose so, start HomeWarden when you log in.</li></ul>"
               "<p>Nothing is changed before you press Finish.</p>"));
    contentLayout()->addWidget(text);
}
