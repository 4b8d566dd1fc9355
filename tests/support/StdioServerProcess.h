#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>

// `homewarden --stdio` as a real child process, read from the event loop, so that a test can
// host other servers (the fake Home Assistant) in its own process while it talks to it.
class StdioServerProcess : public QObject
{
    Q_OBJECT

public:
    explicit StdioServerProcess(const QProcessEnvironment &environment, QObject *parent = nullptr);
    ~StdioServerProcess() override;

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString standardError() const { return QString::fromUtf8(m_stderr); }

    // initialize + notifications/initialized; false when no result came.
    bool initialize();
    // Sends a tools/call with this id and returns at once.
    void startToolCall(int id, const QString &name, const QJsonObject &arguments = {});
    // The response with this id, waiting up to timeoutMs; empty when none came.
    QJsonObject response(int id, int timeoutMs = 10000);
    // startToolCall + response, and the CallToolResult out of it.
    QJsonObject callTool(const QString &name, const QJsonObject &arguments = {}, int timeoutMs = 10000);

private:
    void send(const QJsonObject &message);
    void readLines();

    QProcess m_process;
    QByteArray m_pending;
    QByteArray m_stderr;
    QList<QJsonObject> m_messages;
    int m_nextId = 1000;
};
