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

    // How often the rows behind name ("keys" in homewarden.db; "logins", the failed logins
    // and bans, in runtime.db) have changed: triggers count every insert, update and delete,
    // whatever connection or process made it. What a cache of those rows compares to know
    // they still hold (RowCache). -1 when it cannot be read.
    qint64 changeCount(const QString &name);
    // SQLite's PRAGMA data_version: it moves when another connection committed anything to
    // the file (a read of the WAL index, no disk I/O). -1 when it cannot be read.
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
};

// Runs a statement that must succeed, so that callers can write `if (!exec(...))`.
// On failure sets *error to the driver's text, prefixed with what was being done.
bool execSql(const QSqlDatabase &db, const QString &statement, QString *error);
