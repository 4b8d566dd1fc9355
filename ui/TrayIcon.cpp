#include "TrayIcon.h"

#include "KillSwitch.h"
#include "ResumeDialog.h"
#include "TrayMonitor.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCursor>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

#include <cstdio>

namespace {

// KeePassXC's numbers: a panel that starts after HomeWarden gets half a minute.
constexpr int SHOW_ATTEMPTS = 6;
constexpr int SHOW_RETRY_MS = 5000;
// Some trays report one click twice (QTBUG-69698); the second must not close the menu again.
constexpr int CLICK_DEBOUNCE_MS = 150;
constexpr int NOTIFICATION_MS = 10000;

void printHint(const QString &sentence)
{
    std::fprintf(stderr, "%s\n", qPrintable(sentence));
}

} // namespace

TrayIcon::TrayIcon(KillSwitch *killSwitch, TrayMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_killSwitch(killSwitch)
    , m_monitor(monitor)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(new QSystemTrayIcon(this))
{
    buildMenu();
    m_icon->setContextMenu(m_menu.get());
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                // A left click opens the menu too: the emergency stop is one click away.
                if (reason != QSystemTrayIcon::Trigger)
                    return;
                if (m_lastClick.isValid() && !m_lastClick.hasExpired(CLICK_DEBOUNCE_MS))
                    return;
                m_lastClick.start();
                popUpMenu(QCursor::pos());
            });
    connect(monitor, &TrayMonitor::stateChanged, this, &TrayIcon::updateFromState);
    connect(monitor, &TrayMonitor::stopEngaged, this, &TrayIcon::notifyStop);
    updateFromState();
}

TrayIcon::~TrayIcon()
{
    delete m_resumeDialog;
}

void TrayIcon::buildMenu()
{
    m_menu->setToolTipsVisible(true);
    m_emergencyStop = m_menu->addAction(
            QIcon(QStringLiteral(":/icons/tray-stopped.svg")), tr("Emergency stop — everything"));
    m_emergencyStop->setObjectName(QStringLiteral("emergencyStopAction"));
    m_emergencyStop->setToolTip(tr("Stops all AI access to the house at once, without asking."));
    QFont bold = m_emergencyStop->font();
    bold.setBold(true);
    m_emergencyStop->setFont(bold);
    connect(m_emergencyStop, &QAction::triggered, this, [this] { engage(KillScope::All); });
    m_menu->addSeparator();
    m_statusEnd = m_menu->addSeparator();

    m_stopHomeAssistant = m_menu->addAction(tr("Stop Home Assistant"));
    m_stopHomeAssistant->setObjectName(QStringLiteral("stopHomeAssistantAction"));
    connect(m_stopHomeAssistant, &QAction::triggered, this,
            [this] { engage(KillScope::HomeAssistant); });
    m_stopLoxone = m_menu->addAction(tr("Stop Loxone"));
    m_stopLoxone->setObjectName(QStringLiteral("stopLoxoneAction"));
    connect(m_stopLoxone, &QAction::triggered, this, [this] { engage(KillScope::Loxone); });
    m_resume = m_menu->addAction(tr("Resume…"));
    m_resume->setObjectName(QStringLiteral("resumeAction"));
    connect(m_resume, &QAction::triggered, this, &TrayIcon::askToResume);
    m_menu->addSeparator();

    QAction *keys = m_menu->addAction(tr("API keys…"));
    keys->setObjectName(QStringLiteral("keysAction"));
    connect(keys, &QAction::triggered, this, &TrayIcon::keysWindowRequested);
    QAction *audit = m_menu->addAction(tr("Audit log…"));
    audit->setObjectName(QStringLiteral("auditAction"));
    connect(audit, &QAction::triggered, this, &TrayIcon::auditWindowRequested);
    QAction *settings = m_menu->addAction(tr("Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    connect(settings, &QAction::triggered, this, &TrayIcon::settingsWindowRequested);
    QAction *setup = m_menu->addAction(tr("Setup wizard…"));
    setup->setObjectName(QStringLiteral("setupAction"));
    connect(setup, &QAction::triggered, this, &TrayIcon::setupWizardRequested);
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("Quit HomeWarden"));
    quit->setObjectName(QStringLiteral("quitAction"));
    connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit);
}

void TrayIcon::updateFromState()
{
    const TrayState &state = m_monitor->state();
    m_icon->setIcon(QIcon(state.iconPath()));
    m_icon->setToolTip(state.toolTip());

    qDeleteAll(m_statusLines);
    m_statusLines.clear();
    auto addLine = [this](const QString &text, const QString &toolTip) {
        auto *line = new QAction(text, m_menu.get());
        line->setEnabled(false); // information, not a command
        line->setToolTip(toolTip);
        m_menu->insertAction(m_statusEnd, line);
        m_statusLines.append(line);
    };
    addLine(state.serverLine(), state.headline());
    for (const KillStop &stop : state.stops())
        addLine(TrayState::stopLine(stop), TrayState::describeStop(stop));
    for (const TrayState::BackendLine &backend : state.backendLines())
        addLine(backend.text, backend.detail);
    if (state.backendLines().isEmpty())
        addLine(tr("No backend is set up yet"), QString());

    m_emergencyStop->setEnabled(!state.isStopped(KillScope::All));
    m_stopHomeAssistant->setEnabled(!state.isStopped(KillScope::HomeAssistant));
    m_stopLoxone->setEnabled(!state.isStopped(KillScope::Loxone));
    m_resume->setEnabled(!state.stops().isEmpty());
}

void TrayIcon::engage(KillScope scope)
{
    if (!m_killSwitch)
        return;
    QString error;
    // Stored and shown to AI clients and in every window, like a reason typed at the shell.
    const QString reason =
            scope == KillScope::All ? tr("emergency stop in the tray") : tr("stopped in the tray");
    if (!m_killSwitch->engage(scope, QStringLiteral("tray"), reason, &error))
        showError(error);
    // changed() has refreshed the monitor already; the icon is red before this returns.
}

void TrayIcon::askToResume()
{
    if (m_resumeDialog) {
        m_resumeDialog->raise();
        m_resumeDialog->activateWindow();
        return;
    }
    const QList<KillStop> stops = m_monitor->state().stops();
    if (stops.isEmpty())
        return;
    m_resumeDialog = new ResumeDialog(stops);
    m_resumeDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_resumeDialog, &QMessageBox::buttonClicked, this, [this](QAbstractButton *button) {
        if (!m_resumeDialog || button != m_resumeDialog->resumeButton() || !m_killSwitch)
            return;
        QString error;
        if (!m_killSwitch->release(m_resumeDialog->scope(), QStringLiteral("tray"), &error))
            showError(error);
    });
    m_resumeDialog->open();
}

void TrayIcon::showNotification(const QString &title, const QString &message)
{
    if (!m_icon->isVisible() || !m_icon->supportsMessages())
        return;
    m_icon->showMessage(title, message, QSystemTrayIcon::Warning, NOTIFICATION_MS);
}

void TrayIcon::notifyStop(const KillStop &stop)
{
    // The person who clicked in this menu knows; a stop from the shell or the admin API is news.
    if (stop.by == QLatin1String("tray") || !m_icon->isVisible() || !m_icon->supportsMessages())
        return;
    m_icon->showMessage(tr("AI access stopped"), TrayState::describeStop(stop),
            QSystemTrayIcon::Critical, NOTIFICATION_MS);
}

void TrayIcon::showError(const QString &sentence)
{
    auto *box = new QMessageBox(QMessageBox::Critical, tr("HomeWarden"), sentence);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void TrayIcon::show()
{
    m_showAttempts = 0;
    retryShow();
}

void TrayIcon::retryShow()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_icon->show();
        return;
    }
    ++m_showAttempts;
    if (m_showAttempts == 1) {
        printHint(tr("No system tray is available yet, so HomeWarden's icon cannot be shown; "
                     "it keeps serving and tries again for %n seconds.",
                nullptr, (SHOW_ATTEMPTS - 1) * SHOW_RETRY_MS / 1000));
    }
    if (m_showAttempts >= SHOW_ATTEMPTS) {
        printHint(tr("Still no system tray: HomeWarden serves without an icon; use 'homewarden "
                     "status', 'homewarden stop' and 'homewarden resume' in a terminal, or add a "
                     "tray (notification area) to your panel and start HomeWarden again."));
        return;
    }
    QTimer::singleShot(SHOW_RETRY_MS, this, &TrayIcon::retryShow);
}

bool TrayIcon::isShown() const
{
    return m_icon->isVisible();
}

void TrayIcon::popUpMenu(const QPoint &position)
{
    QPoint at = position;
    if (at.isNull()) {
        const QRect icon = m_icon->geometry();
        at = icon.isValid() ? icon.bottomLeft() : QCursor::pos();
    }
    m_menu->popup(at);
    m_menu->activateWindow();
}
