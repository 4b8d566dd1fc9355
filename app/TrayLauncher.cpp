#include "TrayLauncher.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

constexpr char TRAY_BINARY[] = "homewarden-tray";

// Next to this binary (build tree, portable installs), else in the libexec directory beside
// it (the package, which installs under /usr whatever prefix the build had), else where
// `cmake --install` put it.
QString trayPath()
{
    const QString selfDir =
            QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath())
                    .absolutePath();
    const QStringList candidates = {
            selfDir + QLatin1Char('/') + QLatin1String(TRAY_BINARY),
            selfDir + QStringLiteral("/" HOMEWARDEN_LIBEXEC_RELATIVE "/")
                    + QLatin1String(TRAY_BINARY),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
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
