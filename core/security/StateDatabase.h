#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

// homewarden.db: keys, audit trail and shared state of every HomeWarden process (SQLite, WAL).
// Each instance is one connection, for the thread that opened it; several processes and
// several connections may work on the same file at once.
class StateDatabase
{
public:
    // How hard a commit works to survive a power cut. The audit trail commits with Full;
    // bookkeeping such as rate-limit windows needs no fsync per call.
    enum class Durability { Normal, Full };

    static constexpr char FILE_NAME[] = "homewarden.db";

    // Opens (and creates or upgrades) the database in directory. Returns null and sets *error
    // to one sentence a person can act on when that fails.
    static std::unique_ptr<StateDatabase> open(const QString &directory,
            Durability durability = Durability::Normal, QString *error = nullptr);
    ~StateDatabase();

    StateDatabase(const StateDatabase &) = delete;
    StateDatabase &operator=(const StateDatabase &) = delete;

    QSqlDatabase connection() const;
    QString filePath() const { return m_filePath; }

    // The newest schema this build knows.
    static int schemaVersion();

private:
    StateDatabase(const QString &connectionName, const QString &filePath);
    bool configure(Durability durability, QString *error);
    bool migrate(QString *error);

    QString m_connectionName;
    QString m_filePath;
};

// Runs a statement that must succeed, so that callers can write `if (!exec(...))`.
// On failure sets *error to the driver's text, prefixed with what was being done.
bool execSql(const QSqlDatabase &db, const QString &statement, QString *error);
