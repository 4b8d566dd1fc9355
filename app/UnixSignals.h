#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a clean QCoreApplication::quit(), so that a server stopped from
// the shell or by systemd flushes its audit trail and logs server.stopped. (Signal handlers may
// only write to a pipe; the event loop does the rest.)
class UnixSignals : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

private:
    static void handle(int signal);
    QSocketNotifier *m_notifier = nullptr;
};
