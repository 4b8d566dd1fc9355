#pragma once

#include "AuditEvent.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QFileSystemWatcher;
class QSqlQuery;
class StateDatabase;

// What a stop covers: one backend, or the whole house.
enum class KillScope { HomeAssistant, Loxone, All };

namespace KillScopes {
// "ha", "loxone", "all": the names of the command line, the database and the audit trail.
QString name(KillScope scope);
std::optional<KillScope> fromName(const QString &name);
// The scope of a backend ("ha" or "loxone"); std::nullopt for anything else.
std::optional<KillScope> forBackend(const QString &backend);
// "Home Assistant", "Loxone", "the house (Home Assistant and Loxone)"; English, for sentences.
QString describe(KillScope scope);
} // namespace KillScopes

// One engaged stop, or the stand-in for a state that cannot be read (unreadable: everything is
// stopped, and reason says why the state could not be read).
struct KillStop
{
    KillScope scope = KillScope::All;
    QString by; // "tray", "cli" or the key id of an admin
    QDateTime since; // UTC
    QString reason;
    bool unreadable = false;

    // One sentence for an AI client: which stop, since when, by whom and how it is released.
    // English on purpose: it goes into tool results, not to the person at the screen.
    QString sentence() const;
};

// The kill switch (DESIGN.md, "Kill switch"): per scope engaged or released, kept in the
// kill_switch table of homewarden.db so that every process shares it and it survives restarts.
// It fails closed: whatever cannot be read (locked past a short timeout, corrupt, table or
// row missing) counts as engaged.
//
// Releasing "all" releases every scope (the person wants the house back); releasing "ha" or
// "loxone" releases that row only, and stopFor() still names an engaged "all" afterwards.
// Engaging a scope that is already engaged keeps its first engagement (by, since, reason).
//
// A KillSwitch and its database connection belong to the thread that created it.
class KillSwitch : public QObject
{
    Q_OBJECT

public:
    using AuditSink = std::function<void(const AuditEvent &event)>;

    // The file rewritten on each change, which every process watches.
    static constexpr char STAMP_FILE_NAME[] = "killswitch.stamp";

    // audit receives killswitch.engaged / killswitch.released; it may be empty.
    KillSwitch(const QString &stateDirectory, AuditSink audit, QObject *parent = nullptr);
    ~KillSwitch() override;

    // The stop that covers backend "ha" or "loxone" now: the backend's own scope or "all"
    // ("all" first when both are engaged, since releasing the backend alone would not help).
    // std::nullopt when nothing stops it. Reads the shared state on every call (a few
    // microseconds), so that a change in another process counts at once. Any other backend
    // name gets an unreadable stop: a typo must not leave a backend unguarded.
    std::optional<KillStop> stopFor(const QString &backend) const;
    // Every engaged stop, for status displays. When the state cannot be read: one unreadable
    // stop, and *error says why.
    QList<KillStop> engagedStops(QString *error = nullptr) const;

    // by: "tray", "cli" or a key id. Both are audited (a failure with result "error"). False
    // and *error (one sentence a person can act on) when the state cannot be written.
    bool engage(
            KillScope scope, const QString &by, const QString &reason, QString *error = nullptr);
    bool release(KillScope scope, const QString &by, QString *error = nullptr);

Q_SIGNALS:
    // Some process (this one too) engaged or released a stop: re-read with stopFor(). Arrives
    // within milliseconds through the stamp file.
    void changed();

private:
    enum class Change { Engage, Release };
    struct Row
    {
        bool present = false;
        bool engaged = false;
        QString by;
        QDateTime since;
        QString reason;
    };
    struct State
    {
        Row rows[3]; // indexed by KillScope
    };

    bool readState(State *state, QString *error) const;
    StateDatabase *database(QString *error) const;
    bool write(Change change, KillScope scope, const QString &by, const QString &reason,
            QString *error);
    void audit(Change change, KillScope scope, const QString &by, const QString &reason,
            const QString &failure) const;
    static KillStop unreadableStop(const QString &why);
    static KillStop stopOf(KillScope scope, const Row &row);

    void writeStamp();
    void watchStamp();
    void checkStamp();

    QString m_stateDirectory;
    QString m_stampPath;
    AuditSink m_audit;
    QFileSystemWatcher *m_watcher = nullptr;
    QByteArray m_lastStamp;

    // The reading connection, opened with a short busy timeout; reopened (at most every
    // 250 ms) while it cannot be opened.
    mutable std::unique_ptr<StateDatabase> m_database;
    mutable std::unique_ptr<QSqlQuery> m_select;
    mutable QElapsedTimer m_sinceOpenAttempt;
    mutable QString m_openError;
};
