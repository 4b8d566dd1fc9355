#pragma once

class QCoreApplication;

// Installs the translation of the system locale (English is the source language).
void installTranslations(QCoreApplication *app);
