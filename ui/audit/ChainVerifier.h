#pragma once

#include "AuditLog.h"

#include <QObject>
#include <QPointer>
#include <QThread>

// Runs AuditLog::verify() on a thread of its own (a million rows take a second or two, too
// long to freeze a window) with a connection of its own, as SQLite connections belong to one
// thread. finished() arrives in the thread that called start().
class ChainVerifier : public QObject
{
    Q_OBJECT

public:
    explicit ChainVerifier(const QString &stateDirectory, QObject *parent = nullptr);
    // Waits for a check still running: it reads only, and ends within seconds.
    ~ChainVerifier() override;

    bool isRunning() const { return !m_thread.isNull(); }
    // Does nothing while a check runs.
    void start();

Q_SIGNALS:
    void finished(const AuditLog::Verification &verification);

private:
    QString m_stateDirectory;
    QPointer<QThread> m_thread;
};
