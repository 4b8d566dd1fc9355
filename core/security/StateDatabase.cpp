#include "StateDatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// How long a writer waits for another process's transaction before giving up. Short enough
// that nothing hangs; long enough that a burst from four processes goes through.
constexpr int BUSY_TIMEOUT_MS = 5000;

// Each entry upgrades the schema by one version; never edit one that has shipped.
const QStringList &migrations()
{
    static const QStringList steps{
        // 1: keys, the audit trail and its anchor, rate-limit windows, failed logins, bans.
        QStringLiteral(R"(
CREATE TABLE keys (
    id            TEXT PRIMARY KEY,
    seq           INTEGER NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    secret_hash   BLOB NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER,
    active        INTEGER NOT NULL DEFAULT 1,
    ip_allow      TEXT NOT NULL DEFAULT '[]',
    devices       TEXT NOT NULL DEFAULT '[]',
    permissions   TEXT NOT NULL DEFAULT '[]',
    rate_limit    INTEGER,
    last_used_at  INTEGER,
    use_count     INTEGER NOT NULL DEFAULT 0,
    last_ip       TEXT
);
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY,
    ts         INTEGER NOT NULL,
    event      TEXT NOT NULL,
    key_id     TEXT,
    source     TEXT,
    action     TEXT,
    target     TEXT,
    result     TEXT,
    reason     TEXT,
    params     TEXT,
    hash       BLOB NOT NULL
);
CREATE INDEX audit_event ON audit(event);
CREATE INDEX audit_key ON audit(key_id);
CREATE INDEX audit_ts ON audit(ts);
CREATE TABLE audit_anchor (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq   INTEGER NOT NULL,
    row_count  INTEGER NOT NULL,
    last_hash  BLOB NOT NULL
);
CREATE TABLE rate_window (
    key_id     TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX rate_window_key ON rate_window(key_id, at);
CREATE TABLE auth_failures (
    source     TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX auth_failures_source ON auth_failures(source, at);
CREATE TABLE bans (
    source     TEXT PRIMARY KEY,
    until      INTEGER NOT NULL
);
)"),
    };
    return steps;
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("homewarden-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

bool execSql(const QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

std::unique_ptr<StateDatabase> StateDatabase::open(
        const QString &directory, Durability durability, QString *error)
{
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = QStringLiteral("The state directory %1 cannot be created; check its "
                                    "permissions or set HOMEWARDEN_HOME.")
                             .arg(directory);
        return nullptr;
    }
    const QString filePath = QDir(directory).absoluteFilePath(QLatin1String(FILE_NAME));
    std::unique_ptr<StateDatabase> db(new StateDatabase(nextConnectionName(), filePath));
    QSqlDatabase connection = db->connection();
    if (!connection.open()) {
        if (error)
            *error = QStringLiteral("The database %1 cannot be opened (%2).")
                             .arg(filePath, connection.lastError().text());
        return nullptr;
    }
    if (!db->configure(durability, error) || !db->migrate(error))
        return nullptr;
    return db;
}

StateDatabase::StateDatabase(const QString &connectionName, const QString &filePath)
    : m_connectionName(connectionName)
    , m_filePath(filePath)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BUSY_TIMEOUT_MS));
}

StateDatabase::~StateDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase StateDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int StateDatabase::schemaVersion()
{
    return int(migrations().size());
}

bool StateDatabase::configure(Durability durability, QString *error)
{
    const QSqlDatabase db = connection();
    const QString synchronous =
            durability == Durability::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    QString detail;
    // WAL lets readers (the audit viewer, `audit`) work while another process writes.
    if (!execSql(db, QStringLiteral("PRAGMA journal_mode=WAL"), &detail)
            || !execSql(db, QStringLiteral("PRAGMA synchronous=%1").arg(synchronous), &detail)
            || !execSql(db, QStringLiteral("PRAGMA foreign_keys=ON"), &detail)) {
        if (error)
            *error = QStringLiteral("The database %1 cannot be configured (%2).")
                             .arg(m_filePath, detail);
        return false;
    }
    return true;
}

bool StateDatabase::migrate(QString *error)
{
    const QSqlDatabase db = connection();
    QString detail;
    // BEGIN IMMEDIATE: two processes starting at once must not both create the tables.
    if (!execSql(db, QStringLiteral("BEGIN IMMEDIATE"), &detail)) {
        if (error)
            *error = QStringLiteral("The database %1 is locked by another process (%2).")
                             .arg(m_filePath, detail);
        return false;
    }
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA user_version"));
    const int current = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    if (current > schemaVersion()) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = QStringLiteral("The database %1 was written by a newer HomeWarden (schema "
                                    "%2, this one knows %3); update HomeWarden.")
                             .arg(m_filePath)
                             .arg(current)
                             .arg(schemaVersion());
        return false;
    }
    for (int version = current; version < schemaVersion(); ++version) {
        // QSqlQuery runs one statement at a time.
        const QStringList statements =
                migrations().at(version).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!execSql(db, statement, &detail)) {
                execSql(db, QStringLiteral("ROLLBACK"), nullptr);
                if (error)
                    *error = QStringLiteral("The database %1 cannot be upgraded to schema %2 (%3).")
                                     .arg(m_filePath)
                                     .arg(version + 1)
                                     .arg(detail);
                return false;
            }
        }
    }
    if (current != schemaVersion())
        execSql(db, QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion()), nullptr);
    return execSql(db, QStringLiteral("COMMIT"), error);
}
