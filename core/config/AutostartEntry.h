#pragma once

#include <QCoreApplication>
#include <QString>

// "Start at login" on Linux: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/
// homewarden.desktop (~/.config/autostart by default), that starts the tray. The entry's text
// is installer/homewarden-autostart.desktop, the same file the package ships as a template;
// only Exec is made to name this installation's binary.
class AutostartEntry
{
    Q_DECLARE_TR_FUNCTIONS(AutostartEntry)

public:
    static QString path();
    static bool isEnabled();
    // executable: what the entry starts; empty means this installation's `homewarden`.
    // false and *error (one sentence) when the file cannot be written or removed.
    static bool enable(const QString &executable = QString(), QString *error = nullptr);
    static bool disable(QString *error = nullptr);

    // The entry's text for executable (for tests and for enable()).
    static QByteArray text(const QString &executable);
    // `homewarden` beside the running binary (build tree, libexec's parent bin), else the one
    // on PATH.
    static QString defaultExecutable();
};
