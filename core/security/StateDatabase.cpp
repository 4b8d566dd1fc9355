#include "StateDatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// The table change_count with one count, name, that triggers raise on every insert, update
// and delete in tables, whatever connection writes (StateDatabase::changeCount).
QString changeCountMigration(const QString &name, const QStringList &tables)
{
    QString sql = QStringLiteral("CREATE TABLE change_count (name TEXT PRIMARY KEY, "
                                 "count INTEGER NOT NULL);\n"
                                 "INSERT INTO change_count (name, count) VALUES ('%1', 0);\n")
                          .arg(name);
    for (const QString &table : tables) {
        for (const char *event : {"INSERT", "UPDATE", "DELETE"}) {
            sql += QStringLiteral("CREATE TRIGGER %1_%2 AFTER %3 ON %1\nBEGIN UPDATE change_count "
                                  "SET count = count + 1 WHERE name = '%4'; END;\n")
                           .arg(table, QString::fromLatin1(event).toLower(), QLatin1String(event),
                                   name);
        }
    }
    return sql;
}

// Each entry upgrades the schema by one version; never edit one that has shipped.
const QStringList &stateMigrations()
{
    static const QStringList steps{
            // 1: keys, the audit trail and its anchor.
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
    revoked_at    INTEGER,
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
INSERT INTO audit_anchor (id, last_seq, row_count, last_hash) VALUES (1, 0, 0, zeroblob(32));
)"),
            // 2: the kill switch (core/security/KillSwitch). One row per scope, created here: a
            // row or the table missing later means the state was tampered with, and KillSwitch
            // then treats it as engaged.
            QStringLiteral(R"(
CREATE TABLE kill_switch (
    scope       TEXT PRIMARY KEY,
    engaged     INTEGER NOT NULL DEFAULT 0,
    engaged_by  TEXT,
    engaged_at  INTEGER,
    reason      TEXT
);
INSERT INTO kill_switch (scope, engaged) VALUES ('ha', 0), ('loxone', 0), ('all', 0);
)"),
            // 3: audit retention (AuditLog::prune). The trail then starts at first_seq, whose
            // row follows base_hash (NULL: the genesis hash), and row_count counts the rows
            // still held.
            QStringLiteral(R"(
ALTER TABLE audit_anchor ADD COLUMN first_seq INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_anchor ADD COLUMN base_hash BLOB;
)"),
            // 4: a count of the changes to keys, kept by triggers whatever connection writes
            // (StateDatabase::changeCount). Key lookups cache rows while it stands still; the
            // whole file's PRAGMA data_version would move with every audit row.
            changeCountMigration(QStringLiteral("keys"), {QStringLiteral("keys")}),
    };
    return steps;
}

// runtime.db: rate-limit windows, failed logins, bans.
const QStringList &runtimeMigrations()
{
    static const QStringList steps{
            QStringLiteral(R"(
CREATE TABLE rate_window (
    key_id     TEXT NOT NULL,
    second     INTEGER NOT NULL,
    calls      INTEGER NOT NULL,
    PRIMARY KEY (key_id, second)
) WITHOUT ROWID;
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
            // 2: a count of the changes to failed logins and bans, as for keys in homewarden.db;
            // the rate-limit windows, written on every reservation, do not move it.
            changeCountMigration(QStringLiteral("logins"),
                    {QStringLiteral("auth_failures"), QStringLiteral("bans")}),
    };
    return steps;
}

// The statements of a migration, one at a time as QSqlQuery runs them. A trigger's body holds
// statements of its own, each ending in ';', up to its END.
QStringList statementsOf(const QString &script)
{
    QStringList statements;
    QString pending;
    for (const QString &piece : script.split(QLatin1Char(';'))) {
        pending += piece;
        const QString text = pending.trimmed();
        if (text.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive)
                && !text.endsWith(QLatin1String("END"), Qt::CaseInsensitive)) {
            pending += QLatin1Char(';');
            continue;
        }
        if (!text.isEmpty())
            statements.append(text);
        pending.clear();
    }
    return statements;
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
        const QString &directory, Durability durability, QString *error, int busyTimeoutMs)
{
    return openFile(directory, FILE_NAME, stateMigrations(), durability, error, busyTimeoutMs);
}

std::unique_ptr<StateDatabase> StateDatabase::openRuntime(const QString &directory, QString *error)
{
    return openFile(directory, RUNTIME_FILE_NAME, runtimeMigrations(), Durability::Normal, error);
}

std::unique_ptr<StateDatabase> StateDatabase::openFile(const QString &directory,
        const char *fileName, const QStringList &migrations, Durability durability, QString *error,
        int busyTimeoutMs)
{
    const bool existed = QDir(directory).exists();
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = QStringLiteral("The state directory %1 cannot be created; check its "
                                    "permissions or set HOMEWARDEN_HOME.")
                             .arg(directory);
        return nullptr;
    }
    // Keys (hashed) and the audit trail are nobody else's business on a shared machine. A
    // directory the person chose (HOMEWARDEN_HOME=/srv/...) keeps its own permissions.
    if (!existed)
        QFile::setPermissions(directory,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString filePath = QDir(directory).absoluteFilePath(QLatin1String(fileName));
    std::unique_ptr<StateDatabase> db(
            new StateDatabase(nextConnectionName(), filePath, busyTimeoutMs));
    QSqlDatabase connection = db->connection();
    if (!connection.open()) {
        if (error)
            *error = QStringLiteral("The database %1 cannot be opened (%2).")
                             .arg(filePath, connection.lastError().text());
        return nullptr;
    }
    if (!db->configure(durability, error) || !db->migrate(migrations, error))
        return nullptr;
    return db;
}

// The default busy timeout: short enough that nothing hangs; long enough that a burst of
// writes from four processes goes through.
StateDatabase::StateDatabase(
        const QString &connectionName, const QString &filePath, int busyTimeoutMs)
    : m_connectionName(connectionName)
    , m_filePath(filePath)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
}

StateDatabase::~StateDatabase()
{
    m_statements.clear(); // statements die before their connection
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

QSqlQuery &StateDatabase::prepared(const QString &statement)
{
    std::unique_ptr<QSqlQuery> &query = m_statements[statement];
    if (!query) {
        query = std::make_unique<QSqlQuery>(connection());
        query->prepare(statement);
    }
    return *query;
}

qint64 StateDatabase::dataVersion()
{
    QSqlQuery &query = prepared(QStringLiteral("PRAGMA data_version"));
    qint64 version = -1;
    if (query.exec() && query.next())
        version = query.value(0).toLongLong();
    query.finish();
    return version;
}

qint64 StateDatabase::changeCount(const QString &name)
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT count FROM change_count WHERE name = ?"));
    query.bindValue(0, name);
    qint64 count = -1;
    if (query.exec() && query.next())
        count = query.value(0).toLongLong();
    query.finish();
    return count;
}
int StateDatabase::schemaVersion()
{
    return int(stateMigrations().size());
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

bool StateDatabase::migrate(const QStringList &migrations, QString *error)
{
    const QSqlDatabase db = connection();
    const int latest = int(migrations.size());
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
    if (current > latest) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = QStringLiteral("The database %1 was written by a newer HomeWarden (schema "
                                    "%2, this one knows %3); update HomeWarden.")
                             .arg(m_filePath)
                             .arg(current)
                             .arg(latest);
        return false;
    }
    for (int version = current; version < latest; ++version) {
        const QStringList statements = statementsOf(migrations.at(version));
        for (const QString &statement : statements) {
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
    if (current != latest)
        execSql(db, QStringLiteral("PRAGMA user_version=%1").arg(latest), nullptr);
    return execSql(db, QStringLiteral("COMMIT"), error);
}
