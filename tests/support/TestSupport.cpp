#include "TestSupport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace TestSupport {

QString homewardenBinary()
{
    return QStringLiteral(HOMEWARDEN_BINARY);
}

QString generateKey(const QString &home, const QString &role, const QStringList &extra)
{
    QProcess process;
    process.setProcessEnvironment(serverEnvironment(home));
    process.start(homewardenBinary(),
            QStringList{QStringLiteral("keys"), QStringLiteral("generate"),
                    QStringLiteral("--role"), role, QStringLiteral("--name"),
                    QStringLiteral("test ") + role}
                    + extra);
    if (!process.waitForFinished(10000) || process.exitCode() != 0) {
        qWarning("keys generate failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QProcessEnvironment serverEnvironment(const QString &home, const QString &key)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOMEWARDEN_HOME"), home);
    env.remove(QStringLiteral("HOMEWARDEN_SECURITY_LEVEL"));
    if (key.isEmpty())
        env.remove(QStringLiteral("HOMEWARDEN_API_KEY"));
    else
        env.insert(QStringLiteral("HOMEWARDEN_API_KEY"), key);
    return env;
}

CliRun runHomewarden(const QStringList &arguments, const QProcessEnvironment &environment,
        const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(homewardenBinary(), arguments);
    process.write(input);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject parseMessage(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not a JSON object: %s", text.constData());
    return document.object();
}

} // namespace TestSupport
