#include "AutostartEntry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

constexpr char TEMPLATE_RESOURCE[] = ":/installer/homewarden-autostart.desktop";
constexpr char BINARY[] = "homewarden";

} // namespace

QString AutostartEntry::path()
{
    // GenericConfigLocation honours XDG_CONFIG_HOME.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
            .filePath(QStringLiteral("autostart/homewarden.desktop"));
}

bool AutostartEntry::isEnabled()
{
    return QFileInfo::exists(path());
}

QString AutostartEntry::defaultExecutable()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QLatin1String(BINARY)),
                 here.filePath(QStringLiteral("../../bin/") + QLatin1String(BINARY))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    const QString onPath = QStandardPaths::findExecutable(QLatin1String(BINARY));
    return onPath.isEmpty() ? QLatin1String(BINARY) : onPath;
}

QByteArray AutostartEntry::text(const QString &executable)
{
    QFile file(QString::fromLatin1(TEMPLATE_RESOURCE));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray out;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Exec="))
            out += "Exec=" + executable.toUtf8() + '\n';
        else if (!line.isEmpty())
            out += line + '\n';
    }
    return out;
}

bool AutostartEntry::enable(const QString &executable, QString *error)
{
    const QString file = path();
    const QByteArray content = text(executable.isEmpty() ? defaultExecutable() : executable);
    QSaveFile out(file);
    if (content.isEmpty() || !QDir().mkpath(QFileInfo(file).absolutePath())
            || !out.open(QIODevice::WriteOnly) || out.write(content) != content.size()
            || !out.commit()) {
        if (error)
            *error = tr("HomeWarden cannot write its autostart entry %1; check that the folder "
                        "can be written.")
                             .arg(QDir::toNativeSeparators(file));
        return false;
    }
    return true;
}

bool AutostartEntry::disable(QString *error)
{
    const QString file = path();
    if (!QFileInfo::exists(file) || QFile::remove(file))
        return true;
    if (error)
        *error = tr("HomeWarden cannot remove its autostart entry %1; delete the file by hand.")
                         .arg(QDir::toNativeSeparators(file));
    return false;
}
