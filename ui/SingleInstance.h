#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// One tray per state directory: two would fight over the port and show two icons for one
// house. The first start listens on a local socket named after the state directory; a later
// start asks it to show itself and leaves.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &stateDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The local socket's name: the same for every process of one user and state directory.
    static QString serverName(const QString &stateDirectory);

    // Asks a running instance to show itself; true when one confirmed within timeoutMs.
    // Blocks: meant for the start, before anything else is set up.
    bool notifyRunning(int timeoutMs = 3000) const;
    // Becomes the instance a later start talks to, replacing a socket left behind by one that
    // crashed. false and *error (one sentence) when it cannot.
    bool listen(QString *error = nullptr);

Q_SIGNALS:
    // A later start asked this instance to show itself.
    void activationRequested();

private:
    void accept();

    QString m_name;
    QLocalServer *m_server = nullptr;
};
