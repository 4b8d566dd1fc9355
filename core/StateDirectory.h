#pragma once

#include <QString>

// Where every HomeWarden process keeps its shared state (homewarden.db, homewarden.ini):
// HOMEWARDEN_HOME when set, otherwise the platform's application-data directory.
class StateDirectory
{
public:
    static QString path();
    // The platform's application-data directory: what path() is without HOMEWARDEN_HOME.
    static QString defaultPath();
    // True when HOMEWARDEN_HOME chose the directory.
    static bool isOverridden();
};
