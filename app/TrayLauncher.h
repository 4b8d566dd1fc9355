#pragma once

// Replaces this process with homewarden-tray (same arguments). Returns only on failure, with
// the exit code to use after it has told the person why.
int launchTray(char *argv[]);
