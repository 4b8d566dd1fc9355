#pragma once

#include "ToolResult.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

// One running tools/call. The session owns it; a tool handler finishes it, at once or later
// (backend calls are asynchronous), and watches cancelled() to abort work nobody waits for.
class ToolInvocation : public QObject
{
    Q_OBJECT

public:
    ToolInvocation(const QString &toolName, const QJsonObject &arguments, const QString &transport,
            QObject *parent = nullptr);

    QString toolName() const { return m_toolName; }
    QJsonObject arguments() const { return m_arguments; }
    // "stdio" or "streamable-http": who is asking, as far as the transport knows.
    QString transport() const { return m_transport; }

    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }

    // Delivers the result; later calls are ignored, and so is a result after cancellation.
    void finish(const ToolResult &result);
    void cancel();

Q_SIGNALS:
    void finished(const ToolResult &result);
    void cancelled();

private:
    QString m_toolName;
    QJsonObject m_arguments;
    QString m_transport;
    bool m_finished = false;
    bool m_cancelled = false;
};
