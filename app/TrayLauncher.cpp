#include "TrayLauncher.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QString>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

constexpr char TRAY_BINARY[] = "homewarden-tray";

// Next to this binary (build tree, portable installs), else where the package puts it.
QString trayPath()
{
    const QString self = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    const QString sibling =
            QFileInfo(self).absolutePath() + QLatin1Char('/') + QLatin1String(TRAY_BINARY);
    if (QFileInfo(sibling).isExecutable())
        return sibling;
    return QStringLiteral(HOMEWARDEN_LIBEXEC_DIR "/") + QLatin1String(TRAY_BINARY);
}

} // namespace

int launchTray(char *argv[])
{
    const QByteArray path = trayPath().toLocal8Bit();
    ::execv(path.constData(), argv);
    // The application object does not exist yet, so translate() finds no catalogue: English.
    std::fprintf(stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main",
                    "The tray application %1 cannot be started (%2); "
                    "reinstall HomeWarden, or use 'homewarden --help' "
                    "for the commands that need no display.")
                               .arg(QString::fromLocal8Bit(path),
                                       QString::fromLocal8Bit(std::strerror(errno)))));
    return 1;
}
