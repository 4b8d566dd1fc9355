#pragma once

#include "ToolGate.h"
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
    ToolInvocation(const QString &toolName, const QJsonObject &arguments, const Caller &caller,
            const DeviceScope &scope = DeviceScope::everything(), QObject *parent = nullptr);

    QString toolName() const { return m_toolName; }
    QJsonObject arguments() const { return m_arguments; }
    // Who is asking: the key the gate accepted and the transport.
    const Caller &caller() const { return m_caller; }
    QString transport() const { return m_caller.transport; }
    // The devices the caller may see, as the gate admitted it.
    const DeviceScope &scope() const { return m_scope; }

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
    Caller m_caller;
    DeviceScope m_scope;
    bool m_finished = false;
    bool m_cancelled = false;
};
