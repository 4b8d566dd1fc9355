#include "TrayIcon.h"

#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/homewarden.svg")), this))
{
    QAction *status = m_menu->addAction(tr("No backends configured yet"));
    status->setEnabled(false);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Quit HomeWarden")), &QAction::triggered, qApp,
            &QCoreApplication::quit);
    m_icon->setContextMenu(m_menu.get());
    m_icon->setToolTip(tr("HomeWarden — no backends configured yet"));
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::show()
{
    m_icon->show();
}
