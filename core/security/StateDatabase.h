#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>
#include <unordered_map>

// homewarden.db: keys, audit trail and shared state of every HomeWarden process (SQLite, WAL).
// runtime.db beside it holds what changes on every call (rate-limit windows, failed logins,
// bans): kept apart so that those writes never queue behind the audit trail's fsync.
// Each instance is one connection, for the thread that opened it; several processes and
// several connections may work on the same file at once.
class StateDatabase
{
public:
    // How hard a commit works to survive a power cut. The audit trail commits with Full;
    // bookkeeping such as rate-limit windows needs no fsync per call.
    enum class Durability { Normal, Full };

    static constexpr char FILE_NAME[] = "homewarden.db";
    static constexpr char RUNTIME_FILE_NAME[] = "runtime.db";

    // How long a statement waits for another connection's lock before it fails.
    static constexpr int DEFAULT_BUSY_TIMEOUT_MS = 5000;

    // Opens (and creates or upgrades) homewarden.db in directory. Returns null and sets *error
    // to one sentence a person can act on when that fails. busyTimeoutMs is shorter for readers
    // that must answer at once (the kill switch fails closed rather than wait).
    static std::unique_ptr<StateDatabase> open(const QString &directory,
            Durability durability = Durability::Normal, QString *error = nullptr,
            int busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS);
    // The same for runtime.db (never fsynced per call: losing the last second of rate-limit
    // bookkeeping in a power cut harms nobody).
    static std::unique_ptr<StateDatabase> openRuntime(
            const QString &directory, QString *error = nullptr);
    ~StateDatabase();

    StateDatabase(const StateDatabase &) = delete;
    StateDatabase &operator=(const StateDatabase &) = delete;

    QSqlDatabase connection() const;
    QString filePath() const { return m_filePath; }

    // A statement prepared once per connection and kept: the hot paths (key lookup, rate
    // limit) run the same few statements on every call, and preparing them each time cost
    // more than running them. Bind, exec, and finish() it when done.
    QSqlQuery &prepared(const QString &statement);

    // What a cache of rows compares to know they are still what the file holds. It changes
    // when any other connection, in this process or another, has committed since (SQLite's
    // PRAGMA data_version, which in WAL mode reads the shared-memory index: microseconds, no
    // disk I/O), and when a writer on this connection called noteLocalChange(), as SQLite
    // does not count a connection's own commits. Invalid when it cannot be read: then no
    // cache may be trusted.
    struct ChangeStamp
    {
        qint64 dataVersion = -1;
        quint64 localChanges = 0;

        bool isValid() const { return dataVersion >= 0; }
        friend bool operator==(const ChangeStamp &, const ChangeStamp &) = default;
    };
    ChangeStamp changeStamp();
    // Every write through this connection to a table that something caches (keys, bans,
    // failed logins) calls this after it commits.
    void noteLocalChange() { ++m_localChanges; }
    quint64 localChanges() const { return m_localChanges; }
    // PRAGMA data_version alone, or -1 when it cannot be read.
    qint64 dataVersion();

    // The newest schema of homewarden.db this build knows.
    static int schemaVersion();

private:
    StateDatabase(const QString &connectionName, const QString &filePath, int busyTimeoutMs);
    static std::unique_ptr<StateDatabase> openFile(const QString &directory, const char *fileName,
            const QStringList &migrations, Durability durability, QString *error,
            int busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS);
    bool configure(Durability durability, QString *error);
    bool migrate(const QStringList &migrations, QString *error);

    QString m_connectionName;
    QString m_filePath;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    quint64 m_localChanges = 0;
};

// Runs a statement that must succeed, so that callers can write `if (!exec(...))`.
// On failure sets *error to the driver's text, prefixed with what was being done.
bool execSql(const QSqlDatabase &db, const QString &statement, QString *error);
