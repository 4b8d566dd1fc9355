#pragma once

#include "SecurityLevel.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class ConfigChange;

// What the settings window shows and saves, as text the person typed, apart from the widgets:
// read from homewarden.ini (and the autostart entry), checked, and staged into a ConfigChange
// key by key, only where it differs from what was read (so that saving an untouched window
// writes and audits nothing).
struct SettingsInput
{
    Q_DECLARE_TR_FUNCTIONS(SettingsInput)

public:
    bool serverEnabled = true;
    QString host;
    QString port;
    QString tlsCertificate;
    QString tlsKey;
    QStringList allowedOrigins;
    SecurityLevel level = SecurityLevel::Production;
    bool recordParameters = false;
    int retentionDays = 0; // 0: keep every event
    QString language; // LanguageSetting::choices()
    bool startAtLogin = false;

    static SettingsInput load(const QString &stateDirectory);

    // The level that will be in force: HOMEWARDEN_SECURITY_LEVEL outranks the file.
    SecurityLevel effectiveLevel() const;
    // The first thing that cannot be saved, in one sentence; empty when everything can.
    QString problem() const;
    // Stages every ini key whose value differs from before's.
    void stage(const SettingsInput &before, ConfigChange *change) const;

    bool operator==(const SettingsInput &) const = default;
};
