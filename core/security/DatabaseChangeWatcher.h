#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

class StateDatabase;

// Tells when any other connection, in this process or another, committed to homewarden.db:
// it asks SQLite's PRAGMA data_version on a connection of its own at every interval. In WAL
// mode that reads the shared-memory index only (no disk I/O, microseconds), so polling costs
// nothing measurable, and it changes exactly once per foreign commit. A QFileSystemWatcher on
// the -wal file was the alternative; it reports every page written rather than each commit,
// loses its watch when SQLite truncates or deletes the WAL (checkpoint, last close), and
// needs inotify, which network home directories lack.
class DatabaseChangeWatcher : public QObject
{
    Q_OBJECT

public:
    // Opens its connection at once; errorString() says why when that fails (then it never
    // reports a change).
    DatabaseChangeWatcher(const QString &stateDirectory, std::chrono::milliseconds interval,
            QObject *parent = nullptr);
    ~DatabaseChangeWatcher() override;

    QString errorString() const { return m_error; }

    // Asks now rather than at the next tick; emits changed() when there was a commit.
    void check();

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<StateDatabase> m_database;
    QTimer m_timer;
    qint64 m_version = -1;
    QString m_error;
};
