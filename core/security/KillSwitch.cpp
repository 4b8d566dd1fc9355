#include "KillSwitch.h"

#include "StateDatabase.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <filesystem>

namespace {

// A reader gives up this soon on a locked database and answers "stopped": a tool call must not
// wait, and DESIGN.md wants the kill switch to fail closed, not to hang.
constexpr int READ_BUSY_TIMEOUT_MS = 100;
// While homewarden.db cannot be opened, a new attempt at most this often (each may wait the
// busy timeout); the calls in between answer "stopped" at once.
constexpr int REOPEN_INTERVAL_MS = 250;
// A stamp is a few dozen bytes; anything longer is not ours and is read only this far.
constexpr qint64 MAX_STAMP_BYTES = 256;

constexpr int SCOPE_COUNT = 3;

const QString &selectStatement()
{
    static const QString statement = QStringLiteral(
            "SELECT scope, engaged, engaged_by, engaged_at, reason FROM kill_switch");
    return statement;
}

int indexOf(KillScope scope)
{
    return static_cast<int>(scope);
}

// Reasons and names come from people and from a file anyone with access may edit: an AI
// client, a terminal and the tray get them on one line, with nothing that moves the cursor,
// recolours a terminal or reorders the text around it (bidi overrides).
QString oneLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format
                || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            c = QLatin1Char(' ');
    }
    return line.trimmed();
}

QByteArray readStamp(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(MAX_STAMP_BYTES);
}

bool exec(QSqlQuery *query, QString *error)
{
    if (query->exec())
        return true;
    *error = query->lastError().text();
    return false;
}

} // namespace

namespace KillScopes {

QString name(KillScope scope)
{
    switch (scope) {
    case KillScope::HomeAssistant:
        return QStringLiteral("ha");
    case KillScope::Loxone:
        return QStringLiteral("loxone");
    case KillScope::All:
        break;
    }
    return QStringLiteral("all");
}

std::optional<KillScope> fromName(const QString &name)
{
    for (const KillScope scope : {KillScope::HomeAssistant, KillScope::Loxone, KillScope::All}) {
        if (name == KillScopes::name(scope))
            return scope;
    }
    return std::nullopt;
}

std::optional<KillScope> forBackend(const QString &backend)
{
    const std::optional<KillScope> scope = fromName(backend);
    if (scope == KillScope::All)
        return std::nullopt;
    return scope;
}

QString describe(KillScope scope)
{
    switch (scope) {
    case KillScope::HomeAssistant:
        return QStringLiteral("Home Assistant");
    case KillScope::Loxone:
        return QStringLiteral("Loxone");
    case KillScope::All:
        break;
    }
    return QStringLiteral("the house (Home Assistant and Loxone)");
}

} // namespace KillScopes

QString KillStop::sentence() const
{
    if (unreadable) {
        return QStringLiteral("HomeWarden cannot read the kill-switch state (%1), so AI access to "
                              "the house is stopped; check the state directory and run "
                              "'homewarden status'.")
                .arg(oneLine(reason));
    }
    QString at;
    if (since.isValid())
        at = QStringLiteral(" at %1").arg(
                since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    QString who = QStringLiteral("by %1").arg(
            by.isEmpty() ? QStringLiteral("an unknown person") : oneLine(by));
    const QString why = oneLine(reason);
    if (!why.isEmpty())
        who += QStringLiteral(", reason: %1").arg(why);
    return QStringLiteral("A person stopped all AI access to %1%2 (%3); it stays stopped until "
                          "someone runs 'homewarden resume %4' or releases it in the tray.")
            .arg(KillScopes::describe(scope), at, who, KillScopes::name(scope));
}

KillSwitch::KillSwitch(const QString &stateDirectory, AuditSink audit, QObject *parent)
    : QObject(parent)
    , m_stateDirectory(stateDirectory)
    , m_stampPath(QDir(stateDirectory).absoluteFilePath(QLatin1String(STAMP_FILE_NAME)))
    , m_audit(std::move(audit))
{
    // Opening creates the directory and the table; the first stopFor() then only reads.
    QString ignored;
    database(&ignored);
    watchStamp();
}

KillSwitch::~KillSwitch()
{
    m_select.reset(); // the statement dies before its connection
}

std::optional<KillStop> KillSwitch::stopFor(const QString &backend) const
{
    const std::optional<KillScope> scope = KillScopes::forBackend(backend);
    if (!scope) {
        // A caller's typo must not leave a backend unguarded.
        return unreadableStop(QStringLiteral("no backend is called '%1'").arg(backend));
    }
    State state;
    QString error;
    if (!readState(&state, &error))
        return unreadableStop(error);
    // "all" first: releasing the backend alone would not help while it is engaged.
    for (const KillScope covering : {KillScope::All, *scope}) {
        const Row &row = state.rows[indexOf(covering)];
        if (!row.present) {
            return unreadableStop(QStringLiteral("the row of '%1' is missing from homewarden.db")
                                          .arg(KillScopes::name(covering)));
        }
        if (row.engaged)
            return stopOf(covering, row);
    }
    return std::nullopt;
}

QList<KillStop> KillSwitch::engagedStops(QString *error) const
{
    State state;
    QString detail;
    if (!readState(&state, &detail)) {
        if (error)
            *error = detail;
        return {unreadableStop(detail)};
    }
    QList<KillStop> stops;
    for (const KillScope scope : {KillScope::All, KillScope::HomeAssistant, KillScope::Loxone}) {
        const Row &row = state.rows[indexOf(scope)];
        if (!row.present) {
            detail = QStringLiteral("the row of '%1' is missing from homewarden.db")
                             .arg(KillScopes::name(scope));
            if (error)
                *error = detail;
            stops.append(unreadableStop(detail));
        } else if (row.engaged) {
            stops.append(stopOf(scope, row));
        }
    }
    return stops;
}

bool KillSwitch::engage(KillScope scope, const QString &by, const QString &reason, QString *error)
{
    QString detail;
    if (!write(Change::Engage, scope, by, reason, &detail)) {
        audit(Change::Engage, scope, by, reason, detail);
        if (error) {
            *error = tr("The kill switch could not be engaged (%1); AI access may still be "
                        "running, so stop HomeWarden itself if it must end now.")
                             .arg(detail);
        }
        return false;
    }
    audit(Change::Engage, scope, by, reason, QString());
    writeStamp();
    Q_EMIT changed();
    return true;
}

bool KillSwitch::release(KillScope scope, const QString &by, QString *error)
{
    QString detail;
    if (!write(Change::Release, scope, by, QString(), &detail)) {
        audit(Change::Release, scope, by, QString(), detail);
        if (error) {
            *error = tr("The kill switch could not be released (%1); AI access stays stopped.")
                             .arg(detail);
        }
        return false;
    }
    audit(Change::Release, scope, by, QString(), QString());
    writeStamp();
    Q_EMIT changed();
    return true;
}

StateDatabase *KillSwitch::database(QString *error) const
{
    if (m_database)
        return m_database.get();
    if (m_sinceOpenAttempt.isValid() && !m_sinceOpenAttempt.hasExpired(REOPEN_INTERVAL_MS)) {
        *error = m_openError;
        return nullptr;
    }
    m_sinceOpenAttempt.start();
    QString detail;
    m_database = StateDatabase::open(
            m_stateDirectory, StateDatabase::Durability::Normal, &detail, READ_BUSY_TIMEOUT_MS);
    if (!m_database) {
        m_openError = detail.isEmpty() ? QStringLiteral("homewarden.db cannot be opened") : detail;
        *error = m_openError;
        return nullptr;
    }
    m_openError.clear();
    return m_database.get();
}

bool KillSwitch::readState(State *state, QString *error) const
{
    StateDatabase *db = database(error);
    if (!db)
        return false;
    if (!m_select) {
        m_select = std::make_unique<QSqlQuery>(db->connection());
        m_select->setForwardOnly(true);
        if (!m_select->prepare(selectStatement())) {
            // Kept unprepared it would fail forever; prepared again on the next call instead
            // (the table may be back by then).
            *error = m_select->lastError().text();
            m_select.reset();
            return false;
        }
    }
    if (!exec(m_select.get(), error))
        return false;
    while (m_select->next()) {
        const std::optional<KillScope> scope = KillScopes::fromName(m_select->value(0).toString());
        if (!scope)
            continue;
        Row &row = state->rows[indexOf(*scope)];
        row.present = true;
        row.engaged = m_select->value(1).toLongLong() != 0;
        if (row.engaged) {
            row.by = oneLine(m_select->value(2).toString());
            const QVariant at = m_select->value(3);
            if (!at.isNull())
                row.since = QDateTime::fromMSecsSinceEpoch(at.toLongLong(), Qt::UTC);
            row.reason = oneLine(m_select->value(4).toString());
        }
    }
    // A fetch that failed halfway (a corrupt page) is no answer at all.
    const QSqlError fetchError = m_select->lastError();
    // Ends the read transaction: a reader left open would pin an old snapshot of the database.
    m_select->finish();
    if (fetchError.isValid()) {
        *error = fetchError.text();
        return false;
    }
    return true;
}

bool KillSwitch::write(
        Change change, KillScope scope, const QString &by, const QString &reason, QString *error)
{
    // A connection of its own, with the full busy timeout (a write may queue behind an audit
    // batch) and a full fsync: a stop must survive a power cut.
    QString detail;
    const std::unique_ptr<StateDatabase> database =
            StateDatabase::open(m_stateDirectory, StateDatabase::Durability::Full, &detail);
    if (!database) {
        *error = detail;
        return false;
    }
    const QSqlDatabase db = database->connection();
    if (!execSql(db, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool ok = true;
    {
        QSqlQuery query(db);
        // The table and its rows come from migration 2 of StateDatabase; when they are gone
        // the state was tampered with and reads as engaged. A person's stop or resume puts them
        // back, the missing rows still engaged, before it applies itself.
        ok = query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS kill_switch (scope TEXT "
                                       "PRIMARY KEY, engaged INTEGER NOT NULL DEFAULT 0, "
                                       "engaged_by TEXT, engaged_at INTEGER, reason TEXT)"));
        if (ok) {
            ok = query.prepare(QStringLiteral(
                    "INSERT OR IGNORE INTO kill_switch (scope, engaged, engaged_by, engaged_at, "
                    "reason) VALUES (?, 1, 'homewarden', ?, 'the kill-switch state was missing')"));
        }
        for (int i = 0; ok && i < SCOPE_COUNT; ++i) {
            query.addBindValue(KillScopes::name(static_cast<KillScope>(i)));
            query.addBindValue(now);
            ok = query.exec();
        }
        if (ok && change == Change::Engage) {
            // An engaged scope keeps its first engagement: "stopped since" stays true.
            ok = query.prepare(QStringLiteral(
                    "UPDATE kill_switch SET engaged = 1, engaged_by = ?, engaged_at = ?, "
                    "reason = ? WHERE scope = ? AND engaged = 0"));
            query.addBindValue(by);
            query.addBindValue(now);
            query.addBindValue(reason.isEmpty() ? QVariant() : QVariant(reason));
            query.addBindValue(KillScopes::name(scope));
            ok = ok && query.exec();
        } else if (ok) {
            // Releasing "all" gives the whole house back: every row.
            const QString statement = QStringLiteral(
                    "UPDATE kill_switch SET engaged = 0, engaged_by = NULL, engaged_at = NULL, "
                    "reason = NULL");
            ok = query.prepare(scope == KillScope::All
                            ? statement
                            : statement + QStringLiteral(" WHERE scope = ?"));
            if (scope != KillScope::All)
                query.addBindValue(KillScopes::name(scope));
            ok = ok && query.exec();
        }
        if (!ok)
            *error = query.lastError().text();
    }
    if (!ok) {
        execSql(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    }
    return execSql(db, QStringLiteral("COMMIT"), error);
}

void KillSwitch::audit(Change change, KillScope scope, const QString &by, const QString &reason,
        const QString &failure) const
{
    if (!m_audit)
        return;
    AuditEvent event;
    event.event = QLatin1String(change == Change::Engage ? AuditEvent::KILLSWITCH_ENGAGED
                                                         : AuditEvent::KILLSWITCH_RELEASED);
    event.source = by;
    // An admin acting through the API is named by the key id.
    if (by != QLatin1String("cli") && by != QLatin1String("tray"))
        event.keyId = by;
    event.action = change == Change::Engage ? QStringLiteral("stop") : QStringLiteral("resume");
    event.target = KillScopes::name(scope);
    event.result = failure.isEmpty() ? QStringLiteral("ok") : QStringLiteral("error");
    event.reason = failure.isEmpty() ? reason : failure;
    m_audit(event);
}

KillStop KillSwitch::unreadableStop(const QString &why)
{
    KillStop stop;
    stop.scope = KillScope::All;
    stop.unreadable = true;
    stop.reason = why;
    return stop;
}

KillStop KillSwitch::stopOf(KillScope scope, const Row &row)
{
    KillStop stop;
    stop.scope = scope;
    stop.by = row.by;
    stop.since = row.since;
    stop.reason = row.reason;
    return stop;
}

// The stamp tells every other process that the state changed; its content only has to differ
// from the last one. It is replaced atomically (rename), so a reader never sees half of it.
void KillSwitch::writeStamp()
{
    static QAtomicInteger<quint32> counter;
    const QByteArray stamp = QByteArray::number(QCoreApplication::applicationPid()) + ' '
            + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + ' '
            + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + '\n';
    const QString temporary = m_stampPath
            + QStringLiteral(".%1-%2.tmp")
                      .arg(QCoreApplication::applicationPid())
                      .arg(counter.fetchAndAddRelaxed(1));
    QFile file(temporary);
    bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(stamp) == stamp.size();
    file.close();
    std::error_code renameError;
    if (written) {
        // QFile::rename() refuses to replace an existing file; std::filesystem replaces it
        // atomically. No fsync: the stamp only wakes the living, the state is in the database.
        std::filesystem::rename(QFile::encodeName(temporary).toStdString(),
                QFile::encodeName(m_stampPath).toStdString(), renameError);
        written = !renameError;
    }
    if (!written) {
        QFile::remove(temporary);
        qWarning("The kill-switch stamp %s cannot be written; other HomeWarden processes learn "
                 "of the change only when they next read the state.",
                qPrintable(QDir::toNativeSeparators(m_stampPath)));
        return;
    }
    // Our own watcher need not report what engage() or release() already did.
    m_lastStamp = stamp;
    if (m_watcher && !m_watcher->files().contains(m_stampPath))
        m_watcher->addPath(m_stampPath);
}

void KillSwitch::watchStamp()
{
    if (!QFile::exists(m_stampPath))
        writeStamp();
    m_lastStamp = readStamp(m_stampPath);
    m_watcher = new QFileSystemWatcher(this);
    // The file for writes in place; the directory for the atomic replacement, which ends the
    // watch on the old file and must be followed by a new one.
    for (const QString &path : {m_stampPath, m_stateDirectory}) {
        if (QFileInfo::exists(path)) // else the state is unreadable anyway, and stopFor() says so
            m_watcher->addPath(path);
    }
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &KillSwitch::checkStamp);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &KillSwitch::checkStamp);
}

void KillSwitch::checkStamp()
{
    if (!m_watcher->files().contains(m_stampPath) && QFile::exists(m_stampPath))
        m_watcher->addPath(m_stampPath);
    const QByteArray stamp = readStamp(m_stampPath);
    if (stamp == m_lastStamp)
        return;
    m_lastStamp = stamp;
    Q_EMIT changed();
}
