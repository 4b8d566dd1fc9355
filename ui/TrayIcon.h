#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPoint>
#include <QPointer>

#include <memory>

class KillSwitch;
class QAction;
class QMenu;
class QSystemTrayIcon;
class ResumeDialog;
class TrayMonitor;
struct KillStop;
enum class KillScope;

// The icon in the system tray and its menu: the state at a glance (TrayMonitor's TrayState),
// the emergency stop one click away, the windows behind their menu entries. The windows are
// opened by whoever listens to the *Requested signals.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    // killSwitch and monitor must outlive the icon.
    TrayIcon(KillSwitch *killSwitch, TrayMonitor *monitor, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Shows the icon; while no tray host is up yet, retries for a while (a session starting
    // its panel after its autostart programs) and says so once on stderr.
    void show();
    // Opens the menu at position (screen coordinates), or at the icon when position is null.
    void popUpMenu(const QPoint &position = {});

    QMenu *menu() const { return m_menu.get(); }
    bool isShown() const;

public Q_SLOTS:
    // A desktop notification from the icon (TrayNotifier's news); nothing when none can show.
    void showNotification(const QString &title, const QString &message);

Q_SIGNALS:
    void keysWindowRequested();
    void auditWindowRequested();
    void settingsWindowRequested();
    void setupWizardRequested();

private:
    void buildMenu();
    void updateFromState();
    void engage(KillScope scope);
    void askToResume();
    void notifyStop(const KillStop &stop);
    void showError(const QString &sentence);
    void retryShow();

    QPointer<KillSwitch> m_killSwitch;
    TrayMonitor *m_monitor;
    std::unique_ptr<QMenu> m_menu; // QMenu is a widget and takes no QObject parent here
    QSystemTrayIcon *m_icon;
    QAction *m_emergencyStop = nullptr;
    QAction *m_statusEnd = nullptr; // the status lines go before this separator
    QList<QAction *> m_statusLines;
    QAction *m_stopHomeAssistant = nullptr;
    QAction *m_stopLoxone = nullptr;
    QAction *m_resume = nullptr;
    QPointer<ResumeDialog> m_resumeDialog;
    QElapsedTimer m_lastClick;
    int m_showAttempts = 0;
};
