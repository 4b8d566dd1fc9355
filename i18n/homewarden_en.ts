<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown command &apos;%1&apos;; run &apos;homewarden --help&apos; for the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HomeWarden %1 — the guarded gate between AI assistants and your home.

Usage:
  homewarden                 start the tray application
  homewarden COMMAND [ARGS]  run one command without a display

Commands:
</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>Show the version, the state directory and what is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HomeWarden %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State directory: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from HOMEWARDEN_HOME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP protocol revisions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transports: stdio (homewarden --stdio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backends: none configured yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StdioCommand</name>
    <message>
        <source>Serve MCP over stdin/stdout for one AI client (headless).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after --stdio.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>No backends configured yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit HomeWarden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HomeWarden — no backends configured yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No graphical session was found: start HomeWarden from your desktop, or use &apos;homewarden --stdio&apos; or &apos;homewarden status&apos; in a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tray application %1 cannot be started (%2); reinstall HomeWarden, or use &apos;homewarden --help&apos; for the commands that need no display.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
