#pragma once

#include <QObject>

#include <memory>

class QMenu;
class QSystemTrayIcon;

// The icon in the system tray and its menu. For now it tells that HomeWarden runs and lets the
// person quit; the status lines and the emergency stop join it with the tray issue.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    void show();

private:
    std::unique_ptr<QMenu> m_menu; // QMenu is a widget and takes no QObject parent here
    QSystemTrayIcon *m_icon;
};
