#pragma once

class QCoreApplication;

// Installs the catalogue of ui/language in homewarden.ini, else of the system locale
// (English is the source language).
void installTranslations(QCoreApplication *app);
