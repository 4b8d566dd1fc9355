<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown command '%1'; run 'homewarden --help' for the list.</source>
        <translation>Unbekannter Befehl „%1“; „homewarden --help“ zeigt die Liste.</translation>
    </message>
    <message>
        <source>HomeWarden %1 — the guarded gate between AI assistants and your home.

Usage:
  homewarden                 start the tray application
  homewarden COMMAND [ARGS]  run one command without a display

Commands:
</source>
        <translation>HomeWarden %1 – das bewachte Tor zwischen KI-Assistenten und Ihrem Zuhause.

Aufruf:
  homewarden                 startet die Anwendung im Infobereich
  homewarden BEFEHL [ARGS]   führt einen Befehl ohne Bildschirm aus

Befehle:
</translation>
    </message>
    <message>
        <source>
Options:
  -h, --help                 show this help
  -v, --version              show the version

Environment:
  HOMEWARDEN_HOME            the state directory shared by every process

Exit codes: 0 ok, 1 runtime failure, 2 usage error.
</source>
        <translation>
Optionen:
  -h, --help                 zeigt diese Hilfe
  -v, --version              zeigt die Version

Umgebung:
  HOMEWARDEN_HOME            das Zustandsverzeichnis, das alle Prozesse teilen

Exit-Codes: 0 in Ordnung, 1 Fehler bei der Ausführung, 2 falscher Aufruf.
</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>Show the version, the state directory and what is configured.</source>
        <translation>Zeigt die Version, das Zustandsverzeichnis und was eingerichtet ist.</translation>
    </message>
    <message>
        <source>Unexpected argument '%1' after status.</source>
        <translation>Unerwartetes Argument „%1“ nach status.</translation>
    </message>
    <message>
        <source>HomeWarden %1</source>
        <translation>HomeWarden %1</translation>
    </message>
    <message>
        <source>State directory: %1%2</source>
        <translation>Zustandsverzeichnis: %1%2</translation>
    </message>
    <message>
        <source> (from HOMEWARDEN_HOME)</source>
        <translation> (aus HOMEWARDEN_HOME)</translation>
    </message>
    <message>
        <source>MCP protocol revisions: %1</source>
        <translation>MCP-Protokollversionen: %1</translation>
    </message>
    <message>
        <source>Transports: stdio (homewarden --stdio)</source>
        <translation>Transportwege: stdio (homewarden --stdio)</translation>
    </message>
    <message>
        <source>Backends: none configured yet</source>
        <translation>Backends: noch keines eingerichtet</translation>
    </message>
</context>
<context>
    <name>StdioCommand</name>
    <message>
        <source>Serve MCP over stdin/stdout for one AI client (headless).</source>
        <translation>Stellt MCP über stdin/stdout für einen KI-Client bereit (ohne Bildschirm).</translation>
    </message>
    <message>
        <source>Unexpected argument '%1' after --stdio.</source>
        <translation>Unerwartetes Argument „%1“ nach --stdio.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>No backends configured yet</source>
        <translation>Noch keine Backends eingerichtet</translation>
    </message>
    <message>
        <source>Quit HomeWarden</source>
        <translation>HomeWarden beenden</translation>
    </message>
    <message>
        <source>HomeWarden — no backends configured yet</source>
        <translation>HomeWarden – noch keine Backends eingerichtet</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No graphical session was found: start HomeWarden from your desktop, or use 'homewarden --stdio' or 'homewarden status' in a terminal.</source>
        <translation>Keine grafische Sitzung gefunden: Starten Sie HomeWarden von Ihrer Arbeitsfläche aus oder verwenden Sie „homewarden --stdio“ bzw. „homewarden status“ in einem Terminal.</translation>
    </message>
    <message>
        <source>The tray application %1 cannot be started (%2); reinstall HomeWarden, or use 'homewarden --help' for the commands that need no display.</source>
        <translation>Die Infobereich-Anwendung %1 kann nicht gestartet werden (%2); installieren Sie HomeWarden neu oder verwenden Sie „homewarden --help“ für die Befehle, die keinen Bildschirm brauchen.</translation>
    </message>
</context>
</TS>
