<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdminApi</name>
    <message>
        <source>The kill-switch state needs an admin or monitor key; %1 is a %2 key.</source>
        <translation>Zum Abfragen des Not-Aus-Zustands ist ein admin- oder monitor-Schlüssel nötig; %1 ist ein %2-Schlüssel.</translation>
    </message>
    <message>
        <source>Only GET and POST: a stop is released by a person, in the tray or with &apos;homewarden resume&apos;.</source>
        <translation>Nur GET und POST: Ein Stopp wird von einer Person aufgehoben, im Infobereich oder mit „homewarden resume“.</translation>
    </message>
    <message>
        <source>Engaging the kill switch over HTTP needs an admin key; %1 is a %2 key.</source>
        <translation>Zum Auslösen des Not-Aus über HTTP ist ein admin-Schlüssel nötig; %1 ist ein %2-Schlüssel.</translation>
    </message>
    <message>
        <source>Send a JSON object like {&quot;scope&quot;: &quot;all&quot;, &quot;reason&quot;: &quot;...&quot;}; scope is ha, loxone or all.</source>
        <translation>Senden Sie ein JSON-Objekt wie {&quot;scope&quot;: &quot;all&quot;, &quot;reason&quot;: &quot;...&quot;}; scope ist ha, loxone oder all.</translation>
    </message>
</context>
<context>
    <name>AiClientPage</name>
    <message>
        <source>Add HomeWarden to Claude Desktop</source>
        <translation>HomeWarden zu Claude Desktop hinzufügen</translation>
    </message>
    <message>
        <source>AI client</source>
        <translation>KI-Client</translation>
    </message>
    <message>
        <source>Connect Claude Desktop, or copy what other AI clients need.</source>
        <translation>Verbinden Sie Claude Desktop, oder kopieren Sie, was andere KI-Clients brauchen.</translation>
    </message>
    <message>
        <source>Operator: read and control, but no locks, alarms or door openers</source>
        <translation>Operator: lesen und steuern, aber keine Schlösser, Alarmanlagen oder Türöffner</translation>
    </message>
    <message>
        <source>Monitor: read only</source>
        <translation>Monitor: nur lesen</translation>
    </message>
    <message>
        <source>Device: only the devices listed below</source>
        <translation>Device: nur die unten aufgeführten Geräte</translation>
    </message>
    <message>
        <source>Admin: everything</source>
        <translation>Admin: alles</translation>
    </message>
    <message>
        <source>Optional: device ids, e.g. ha:light.kitchen, separated by commas</source>
        <translation>Optional: Geräte-IDs, z. B. ha:light.kitchen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Claude Desktop</source>
        <translation>Claude Desktop</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Configuration file:</source>
        <translation>Konfigurationsdatei:</translation>
    </message>
    <message>
        <source>Role of its key:</source>
        <translation>Rolle seines Schlüssels:</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>The key is stored in this computer&apos;s keychain; the configuration file only names the command that reads it. Other servers in the file stay as they are, and a backup of the file is kept.</source>
        <translation>Der Schlüssel wird im Schlüsselbund dieses Computers gespeichert; die Konfigurationsdatei nennt nur den Befehl, der ihn liest. Andere Server in der Datei bleiben unverändert, und eine Sicherungskopie der Datei wird aufbewahrt.</translation>
    </message>
    <message>
        <source>Other AI clients</source>
        <translation>Andere KI-Clients</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Claude Desktop&apos;s configuration</source>
        <translation>Konfiguration von Claude Desktop</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Claude Desktop was found on this computer.</source>
        <translation>Claude Desktop wurde auf diesem Computer gefunden.</translation>
    </message>
    <message>
        <source>Claude Desktop was not found here; HomeWarden can still write its configuration file, for when it is installed.</source>
        <translation>Claude Desktop wurde hier nicht gefunden; HomeWarden kann seine Konfigurationsdatei trotzdem schon schreiben, für den Fall, dass es installiert wird.</translation>
    </message>
    <message>
        <source>Enter where Claude Desktop&apos;s configuration file is, or leave Claude Desktop out.</source>
        <translation>Geben Sie an, wo die Konfigurationsdatei von Claude Desktop liegt, oder lassen Sie Claude Desktop weg.</translation>
    </message>
    <message>
        <source>A key of the role device needs the device ids it may use; list them, or choose another role.</source>
        <translation>Ein Schlüssel der Rolle device braucht die Geräte-IDs, die er verwenden darf; führen Sie sie auf oder wählen Sie eine andere Rolle.</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>List the audit trail, newest first, or verify it (--verify).</source>
        <translation>Listet das Prüfprotokoll auf, neueste Einträge zuerst, oder prüft es (--verify).</translation>
    </message>
    <message>
        <source>Usage: homewarden audit [--limit N] [--event TYPE] [--key ID] [--since T] [--format table|json]
       homewarden audit --verify

  --limit N       show the N newest events (default %1; 0 shows all)
  --event TYPE    only events of this type, e.g. auth.failure or tool.call
  --key ID        only events of this key, e.g. hwk_admin_001
  --since T       only events since T: 2026-11-27T10:00:00Z, or an age such as 15m, 2h or 3d
  --format F      table (default) or json (one object per line)
  --verify        check the hash chain; exit 0 when intact, 1 naming the first bad row
</source>
        <translation>Aufruf: homewarden audit [--limit N] [--event TYP] [--key ID] [--since T] [--format table|json]
        homewarden audit --verify

  --limit N       zeigt die N neuesten Ereignisse (Standard %1; 0 zeigt alle)
  --event TYP     nur Ereignisse dieses Typs, z. B. auth.failure oder tool.call
  --key ID        nur Ereignisse dieses Schlüssels, z. B. hwk_admin_001
  --since T       nur Ereignisse seit T: 2026-11-27T10:00:00Z oder eine Zeitspanne wie 15m, 2h oder 3d
  --format F      table (Standard) oder json (ein Objekt pro Zeile)
  --verify        prüft die Hash-Kette; endet mit 0, wenn sie intakt ist, sonst mit 1 und nennt den ersten fehlerhaften Eintrag
</translation>
    </message>
    <message>
        <source>The option --verify takes no value.</source>
        <translation>Die Option --verify erwartet keinen Wert.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos; for audit; run &apos;homewarden audit --help&apos;.</source>
        <translation>Unbekannte Option „%1“ für audit; rufen Sie „homewarden audit --help“ auf.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after audit.</source>
        <translation>Unerwartetes Argument „%1“ nach audit.</translation>
    </message>
    <message>
        <source>The option %1 needs a value.</source>
        <translation>Die Option %1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>--limit takes a whole number of 0 or more, not &apos;%1&apos;.</source>
        <translation>--limit erwartet eine ganze Zahl ab 0, nicht „%1“.</translation>
    </message>
    <message>
        <source>--since takes a time such as 2026-11-27T10:00:00Z or an age such as 15m, 2h or 3d, not &apos;%1&apos;.</source>
        <translation>--since erwartet einen Zeitpunkt wie 2026-11-27T10:00:00Z oder eine Zeitspanne wie 15m, 2h oder 3d, nicht „%1“.</translation>
    </message>
    <message>
        <source>--format takes table or json, not &apos;%1&apos;.</source>
        <translation>--format erwartet table oder json, nicht „%1“.</translation>
    </message>
    <message>
        <source>--verify checks the whole trail and cannot be combined with %1.</source>
        <translation>--verify prüft das gesamte Prüfprotokoll und lässt sich nicht mit %1 kombinieren.</translation>
    </message>
    <message>
        <source>Audit trail intact: %1 rows.</source>
        <translation>Prüfprotokoll intakt: %1 Einträge.</translation>
    </message>
    <message>
        <source>No audit events match.</source>
        <translation>Keine passenden Ereignisse im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>SEQ</source>
        <translation>NR.</translation>
    </message>
    <message>
        <source>TIME (UTC)</source>
        <translation>ZEIT (UTC)</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EREIGNIS</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>ZIEL</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>GRUND</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Failures (denied or error)</source>
        <translation>Fehlschläge (abgelehnt oder Fehler)</translation>
    </message>
    <message>
        <source>Search target, reason, source…</source>
        <translation>Ziel, Grund, Quelle durchsuchen…</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The audit trail cannot be read (%1).</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Row %1 was changed after it was written.</source>
        <translation>Eintrag %1 wurde nach dem Schreiben verändert.</translation>
    </message>
    <message>
        <source>The anchor of the audit trail was deleted, so rows cut off its end would go unnoticed.</source>
        <translation>Der Anker des Prüfprotokolls wurde gelöscht; am Ende abgeschnittene Einträge blieben so unbemerkt.</translation>
    </message>
    <message>
        <source>The trail is empty but its anchor says %1 rows ending at row %2: rows were cut off the end.</source>
        <translation>Das Prüfprotokoll ist leer, laut seinem Anker enthält es aber %1 Einträge bis Eintrag %2: Am Ende wurden Einträge abgeschnitten.</translation>
    </message>
    <message>
        <source>The trail ends at row %1 but its anchor says %2 rows ending at row %3: rows were cut off the end.</source>
        <translation>Das Prüfprotokoll endet bei Eintrag %1, laut seinem Anker enthält es aber %2 Einträge bis Eintrag %3: Am Ende wurden Einträge abgeschnitten.</translation>
    </message>
    <message>
        <source>The anchor of the empty trail was changed.</source>
        <translation>Der Anker des leeren Prüfprotokolls wurde verändert.</translation>
    </message>
    <message>
        <source>The anchor does not match row %1, the last one: the anchor or that row was changed after it was written.</source>
        <translation>Der Anker passt nicht zu Eintrag %1, dem letzten: Der Anker oder dieser Eintrag wurde nach dem Schreiben verändert.</translation>
    </message>
    <message>
        <source>The anchor says the trail holds %1 rows but it holds %2: the anchor was changed.</source>
        <translation>Laut Anker enthält das Prüfprotokoll %1 Einträge, tatsächlich sind es %2: Der Anker wurde verändert.</translation>
    </message>
    <message>
        <source>Row 1 is missing (the trail starts at row 2).</source>
        <translation>Eintrag 1 fehlt (das Prüfprotokoll beginnt bei Eintrag 2).</translation>
    </message>
    <message>
        <source>Rows 1 to %1 are missing (the trail starts at row %2).</source>
        <translation>Die Einträge 1 bis %1 fehlen (das Prüfprotokoll beginnt bei Eintrag %2).</translation>
    </message>
    <message>
        <source>Row %1 is missing (the chain jumps from %2 to %3).</source>
        <translation>Eintrag %1 fehlt (die Kette springt von %2 auf %3).</translation>
    </message>
    <message>
        <source>Rows %1 to %2 are missing (the chain jumps from %3 to %4).</source>
        <translation>Die Einträge %1 bis %2 fehlen (die Kette springt von %3 auf %4).</translation>
    </message>
    <message>
        <source>Row %1 was added behind HomeWarden&apos;s back: the trail&apos;s anchor says it ends at row %2.</source>
        <translation>Eintrag %1 wurde an HomeWarden vorbei hinzugefügt: Laut seinem Anker endet das Prüfprotokoll bei Eintrag %2.</translation>
    </message>
    <message>
        <source>The audit trail cannot be written out (%1).</source>
        <translation>Das Prüfprotokoll kann nicht in die Datei geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>Old audit events cannot be deleted (%1).</source>
        <translation>Alte Einträge des Prüfprotokolls können nicht gelöscht werden (%1).</translation>
    </message>
    <message>
        <source>Row %1 does not belong in the trail: it comes before row %2.</source>
        <translation>Eintrag %1 gehört nicht in das Prüfprotokoll: Er liegt vor Eintrag %2.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>AuditRetention</name>
    <message>
        <source>Audit events older than %1 days deleted: %2.</source>
        <translation>Einträge des Prüfprotokolls gelöscht, die älter als %1 Tage sind: %2.</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>The audit trail cannot be opened.</source>
        <translation>Das Prüfprotokoll kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The audit trail cannot be written (%1); %2 events wait and will be retried.</source>
        <translation>Das Prüfprotokoll kann nicht geschrieben werden (%1); %2 Ereignisse warten und werden später erneut geschrieben.</translation>
    </message>
    <message>
        <source>%1 audit events could not be written and are lost (%2).</source>
        <translation>%1 Ereignisse konnten nicht in das Prüfprotokoll geschrieben werden und sind verloren (%2).</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>&amp;Verify chain</source>
        <translation>Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>HomeWarden audit log</source>
        <translation>HomeWarden-Prüfprotokoll</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n event(s) checked, none changed, added or removed.</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist intakt: %n Ereignis geprüft, keines verändert, hinzugefügt oder entfernt.</numerusform>
            <numerusform>Das Prüfprotokoll ist intakt: %n Ereignisse geprüft, keines verändert, hinzugefügt oder entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Prüfprotokoll wird geprüft…</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Ereignisse des Prüfprotokolls exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The events cannot be exported to %1: %2</source>
        <translation>Die Ereignisse können nicht nach %1 exportiert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>HomeWarden cannot write its autostart entry %1; check that the folder can be written.</source>
        <translation>HomeWarden kann seinen Autostart-Eintrag %1 nicht schreiben; prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>HomeWarden cannot remove its autostart entry %1; delete the file by hand.</source>
        <translation>HomeWarden kann seinen Autostart-Eintrag %1 nicht entfernen; löschen Sie die Datei von Hand.</translation>
    </message>
</context>
<context>
    <name>BackendHub</name>
    <message>
        <source>No Home Assistant token is stored; create a long-lived access token in your Home Assistant profile and store it with &apos;homewarden secrets set ha-token&apos;.</source>
        <translation>Es ist kein Home-Assistant-Token gespeichert; erstellen Sie in Ihrem Home-Assistant-Profil ein langlebiges Zugriffstoken und speichern Sie es mit &apos;homewarden secrets set ha-token&apos;.</translation>
    </message>
    <message>
        <source>The Home Assistant token cannot be read: %1</source>
        <translation>Das Home-Assistant-Token kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No Loxone password is stored; store the password of the Loxone user &apos;%1&apos; with &apos;homewarden secrets set loxone-password&apos;.</source>
        <translation>Es ist kein Loxone-Passwort gespeichert; speichern Sie das Passwort des Loxone-Benutzers &apos;%1&apos; mit &apos;homewarden secrets set loxone-password&apos;.</translation>
    </message>
    <message>
        <source>The Loxone password cannot be read: %1</source>
        <translation>Das Loxone-Passwort kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>BackendSettings</name>
    <message>
        <source>The %1 address &apos;%2&apos; is not an http:// or https:// URL; correct it in the settings.</source>
        <translation>Die Adresse „%2“ für %1 ist keine http://- oder https://-URL; korrigieren Sie sie in den Einstellungen.</translation>
    </message>
    <message>
        <source>backends/request_timeout_ms must be between 100 and 120000; HomeWarden uses %1.</source>
        <translation>backends/request_timeout_ms muss zwischen 100 und 120000 liegen; HomeWarden verwendet %1.</translation>
    </message>
</context>
<context>
    <name>ChoiceList</name>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
</context>
<context>
    <name>ClaudeDesktopConfig</name>
    <message>
        <source>&quot;mcpServers&quot; in Claude Desktop&apos;s configuration is not a JSON object, so HomeWarden did not change the file; fix it in an editor and try again.</source>
        <translation>„mcpServers“ in der Konfiguration von Claude Desktop ist kein JSON-Objekt, daher hat HomeWarden die Datei nicht geändert; korrigieren Sie sie in einem Editor und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Claude Desktop&apos;s configuration %1 cannot be read (or is far too large to be one); HomeWarden left it as it is.</source>
        <translation>Die Konfiguration %1 von Claude Desktop kann nicht gelesen werden (oder ist viel zu groß für eine Konfiguration); HomeWarden hat sie unverändert gelassen.</translation>
    </message>
    <message>
        <source>Claude Desktop&apos;s configuration %1 is not valid JSON (%2), so HomeWarden did not change it; fix or move the file and try again.</source>
        <translation>Die Konfiguration %1 von Claude Desktop ist kein gültiges JSON (%2), daher hat HomeWarden sie nicht geändert; korrigieren oder verschieben Sie die Datei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation>%1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>HomeWarden could not keep a backup of %1 beside it, so it did not change the file; check that its folder can be written.</source>
        <translation>HomeWarden konnte keine Sicherungskopie von %1 daneben anlegen und hat die Datei daher nicht geändert; prüfen Sie, ob ihr Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>HomeWarden could not write Claude Desktop&apos;s configuration %1; check that the file and its folder can be written.</source>
        <translation>HomeWarden konnte die Konfiguration %1 von Claude Desktop nicht schreiben; prüfen Sie, ob die Datei und ihr Ordner beschreibbar sind.</translation>
    </message>
</context>
<context>
    <name>ClientRegistration</name>
    <message>
        <source>Key %1 could not be revoked (%2); revoke it with &apos;homewarden keys revoke %1&apos;.</source>
        <translation>Schlüssel %1 konnte nicht widerrufen werden (%2); widerrufen Sie ihn mit „homewarden keys revoke %1“.</translation>
    </message>
    <message>
        <source>Key %1 could not be looked up (%2); revoke it with &apos;homewarden keys revoke %1&apos;.</source>
        <translation>Schlüssel %1 konnte nicht nachgeschlagen werden (%2); widerrufen Sie ihn mit „homewarden keys revoke %1“.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a role; choose admin, operator, monitor (or viewer), device or custom.</source>
        <translation>„%1“ ist keine Rolle; wählen Sie admin, operator, monitor (oder viewer), device oder custom.</translation>
    </message>
    <message>
        <source>The key for Claude Desktop cannot be created: %1</source>
        <translation>Der Schlüssel für Claude Desktop kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Claude Desktop was not registered because the keychain or the audit trail is not available.</source>
        <translation>Claude Desktop wurde nicht registriert, weil der Schlüsselbund oder das Prüfprotokoll nicht verfügbar ist.</translation>
    </message>
    <message>
        <source>HomeWarden cannot find its own &apos;homewarden&apos; program to name in Claude Desktop&apos;s configuration; reinstall HomeWarden or put it on PATH.</source>
        <translation>HomeWarden findet sein eigenes Programm „homewarden“ nicht, um es in der Konfiguration von Claude Desktop einzutragen; installieren Sie HomeWarden neu oder nehmen Sie es in den PATH auf.</translation>
    </message>
    <message>
        <source>Claude Desktop was not unregistered because the keychain or the audit trail is not available.</source>
        <translation>Die Registrierung von Claude Desktop wurde nicht aufgehoben, weil der Schlüsselbund oder das Prüfprotokoll nicht verfügbar ist.</translation>
    </message>
    <message>
        <source>HomeWarden is not registered with Claude Desktop in %1; nothing was changed.</source>
        <translation>HomeWarden ist in %1 nicht bei Claude Desktop registriert; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>ClientSnippets</name>
    <message>
        <source>URL: %1
Header: Authorization: Bearer &lt;key&gt;</source>
        <translation>URL: %1
Header: Authorization: Bearer &lt;key&gt;</translation>
    </message>
    <message>
        <source>First store its key: %1</source>
        <translation>Speichern Sie zuerst seinen Schlüssel: %1</translation>
    </message>
    <message>
        <source>Claude Code</source>
        <translation>Claude Code</translation>
    </message>
    <message>
        <source>VS Code (.vscode/mcp.json)</source>
        <translation>VS Code (.vscode/mcp.json)</translation>
    </message>
    <message>
        <source>Cursor (~/.cursor/mcp.json)</source>
        <translation>Cursor (~/.cursor/mcp.json)</translation>
    </message>
    <message>
        <source>Remote clients (Streamable HTTP)</source>
        <translation>Entfernte Clients (Streamable HTTP)</translation>
    </message>
    <message>
        <source>Make a key for it with &apos;%1 keys generate --role operator --name NAME&apos; and put it in place of &lt;key&gt;; the tray&apos;s server must be on.</source>
        <translation>Erstellen Sie dafür einen Schlüssel mit „%1 keys generate --role operator --name NAME“ und setzen Sie ihn anstelle von &lt;key&gt; ein; der Server der Anwendung im Infobereich muss eingeschaltet sein.</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>Warning: the change was made, but the audit trail could not record it yet.</source>
        <translation>Warnung: Die Änderung wurde vorgenommen, aber das Prüfprotokoll konnte sie noch nicht aufzeichnen.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown command &apos;%1&apos;; run &apos;homewarden --help&apos; for the list.</source>
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
  HOMEWARDEN_API_KEY         the key of a --stdio client
  HOMEWARDEN_API_KEYS        keys as exported (JSON), instead of the database
  HOMEWARDEN_SECURITY_LEVEL  development, staging or production (default)

Exit codes: 0 ok, 1 runtime failure, 2 usage error.
</source>
        <translation>
Optionen:
  -h, --help                 zeigt diese Hilfe
  -v, --version              zeigt die Version

Umgebung:
  HOMEWARDEN_HOME            das Zustandsverzeichnis, das alle Prozesse teilen
  HOMEWARDEN_API_KEY         der Schlüssel eines --stdio-Clients
  HOMEWARDEN_API_KEYS        Schlüssel im Exportformat (JSON), statt aus der Datenbank
  HOMEWARDEN_SECURITY_LEVEL  development, staging oder production (Standard)

Exit-Codes: 0 in Ordnung, 1 Fehler bei der Ausführung, 2 falscher Aufruf.
</translation>
    </message>
</context>
<context>
    <name>ConfigChange</name>
    <message>
        <source>The settings were not saved because the audit trail cannot be opened; check that %1 can be written.</source>
        <translation>Die Einstellungen wurden nicht gespeichert, weil das Prüfprotokoll nicht geöffnet werden kann; prüfen Sie, ob %1 beschreibbar ist.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1; check that the file and its folder can be written.</source>
        <translation>Die Einstellungen konnten nicht in %1 geschrieben werden; prüfen Sie, ob die Datei und ihr Ordner beschreibbar sind.</translation>
    </message>
</context>
<context>
    <name>ConnectionTestRow</name>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connecting to %1 …</source>
        <translation>Verbindung zu %1 wird aufgebaut …</translation>
    </message>
</context>
<context>
    <name>CredentialSource</name>
    <message>
        <source>%1 is set, but %2 does not take secrets from the environment: store it with &apos;homewarden secrets set %3&apos; and unset the variable.</source>
        <translation>%1 ist gesetzt, aber die Stufe %2 nimmt keine Geheimnisse aus der Umgebung an: Speichern Sie es mit „homewarden secrets set %3“ und löschen Sie die Variable.</translation>
    </message>
</context>
<context>
    <name>DeviceAction</name>
    <message>
        <source>%1 (%2) is a %3 and cannot be controlled; it can only be read.</source>
        <translation>%1 (%2) ist vom Typ %3 und kann nicht gesteuert werden; es kann nur gelesen werden.</translation>
    </message>
    <message>
        <source>%1 (%2) cannot do &apos;%3&apos;; it can do: %4.</source>
        <translation>%1 (%2) kann &apos;%3&apos; nicht ausführen; möglich sind: %4.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a number as value.</source>
        <translation>&apos;%1&apos; braucht eine Zahl als Wert.</translation>
    </message>
    <message>
        <source>&apos;set_mode&apos; needs the mode as a text value.</source>
        <translation>&apos;set_mode&apos; braucht den Modus als Text.</translation>
    </message>
    <message>
        <source>&apos;arm&apos; takes an optional mode as text, such as away.</source>
        <translation>&apos;arm&apos; nimmt optional einen Modus als Text an, etwa away.</translation>
    </message>
    <message>
        <source>&apos;activate&apos; takes an optional scene as text or number.</source>
        <translation>&apos;activate&apos; nimmt optional eine Szene als Text oder Zahl an.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no value.</source>
        <translation>&apos;%1&apos; nimmt keinen Wert an.</translation>
    </message>
    <message>
        <source>The value for &apos;%1&apos; must be between %2 and %3%4; %5 is not.</source>
        <translation>Der Wert für &apos;%1&apos; muss zwischen %2 und %3%4 liegen; %5 liegt nicht dazwischen.</translation>
    </message>
</context>
<context>
    <name>DeviceTools</name>
    <message>
        <source>Only this backend&apos;s devices.</source>
        <translation>Nur die Geräte dieses Backends.</translation>
    </message>
    <message>
        <source>A device id as list_devices gives it: ha:&lt;entity_id&gt; (e.g. ha:light.kitchen) or loxone:&lt;uuid&gt; (e.g. loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e).</source>
        <translation>Eine Geräte-ID, wie list_devices sie liefert: ha:&lt;entity_id&gt; (z. B. ha:light.kitchen) oder loxone:&lt;uuid&gt; (z. B. loxone:0f869a3f-0155-8b3f-ffff403fb0c34b9e).</translation>
    </message>
    <message>
        <source>%1 is not connected to HomeWarden, so %2 cannot be reached; a person can set it up in HomeWarden&apos;s settings.</source>
        <translation>%1 ist nicht mit HomeWarden verbunden, daher ist %2 nicht erreichbar; eine Person kann es in den Einstellungen von HomeWarden einrichten.</translation>
    </message>
    <message>
        <source>The backend went away during the call.</source>
        <translation>Das Backend war während des Aufrufs nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>There is no device %1; list_devices shows the devices there are.</source>
        <translation>Es gibt kein Gerät %1; list_devices zeigt die vorhandenen Geräte.</translation>
    </message>
    <message>
        <source>List devices</source>
        <translation>Geräte auflisten</translation>
    </message>
    <message>
        <source>Lists the devices of the house (lights, switches, covers, climate, locks, alarms, sensors, media players, scenes, ...) with id, name, room, type, state and the actions control_device accepts. Filter by backend, room, type or a text query; results come in pages (limit, default %1) and always say the total; pass next_cursor back as cursor for the next page.</source>
        <translation>Listet die Geräte des Hauses auf (Lichter, Schalter, Rollläden, Klima, Schlösser, Alarmanlagen, Sensoren, Mediaplayer, Szenen, ...) mit ID, Name, Raum, Typ, Zustand und den Aktionen, die control_device annimmt. Filtern Sie nach Backend, Raum, Typ oder einem Suchtext; die Ergebnisse kommen seitenweise (limit, Standard %1) und nennen immer die Gesamtzahl; geben Sie next_cursor als cursor zurück, um die nächste Seite zu erhalten.</translation>
    </message>
    <message>
        <source>Devices per page.</source>
        <translation>Geräte pro Seite.</translation>
    </message>
    <message>
        <source>A room&apos;s name, as list_rooms gives it.</source>
        <translation>Der Name eines Raums, wie list_rooms ihn liefert.</translation>
    </message>
    <message>
        <source>A device type: light, switch, cover, climate, lock, alarm, sensor, binary_sensor, media_player, scene, fan, ...</source>
        <translation>Ein Gerätetyp: light, switch, cover, climate, lock, alarm, sensor, binary_sensor, media_player, scene, fan, ...</translation>
    </message>
    <message>
        <source>Text in the device&apos;s name or id.</source>
        <translation>Text im Namen oder in der ID des Geräts.</translation>
    </message>
    <message>
        <source>next_cursor of the previous page.</source>
        <translation>next_cursor der vorherigen Seite.</translation>
    </message>
    <message>
        <source>The cursor does not belong to this listing; repeat the same filters with it, or start again without a cursor.</source>
        <translation>Der Cursor gehört nicht zu dieser Auflistung; wiederholen Sie damit dieselben Filter oder beginnen Sie erneut ohne Cursor.</translation>
    </message>
    <message>
        <source>No backend this key may read is connected to HomeWarden; a person can set up Home Assistant or Loxone in its settings.</source>
        <translation>Kein Backend, das dieser Schlüssel lesen darf, ist mit HomeWarden verbunden; eine Person kann Home Assistant oder Loxone in den Einstellungen einrichten.</translation>
    </message>
    <message>
        <source>No device matches.</source>
        <translation>Keine passenden Geräte gefunden.</translation>
    </message>
    <message>
        <source>Devices %1–%2 of %3:</source>
        <translation>Geräte %1–%2 von %3:</translation>
    </message>
    <message>
        <source>More: call again with cursor &quot;%1&quot;.</source>
        <translation>Weitere: erneut mit cursor &quot;%1&quot; aufrufen.</translation>
    </message>
    <message>
        <source>Device state</source>
        <translation>Gerätezustand</translation>
    </message>
    <message>
        <source>Shows one device&apos;s current state with all its attributes, its room, and the actions control_device accepts for it.</source>
        <translation>Zeigt den aktuellen Zustand eines Geräts mit allen Attributen, seinem Raum und den Aktionen, die control_device dafür annimmt.</translation>
    </message>
    <message>
        <source>List rooms</source>
        <translation>Räume auflisten</translation>
    </message>
    <message>
        <source>Lists the rooms (Home Assistant areas, Loxone rooms) and how many devices each holds; use a room&apos;s name as list_devices&apos; room filter.</source>
        <translation>Listet die Räume auf (Home-Assistant-Bereiche, Loxone-Räume) und wie viele Geräte jeder enthält; verwenden Sie den Namen eines Raums als room-Filter von list_devices.</translation>
    </message>
    <message numerus="yes">
        <source>- %1 (%2): %n device(s)</source>
        <translation>
            <numerusform>- %1 (%2): %n Gerät</numerusform>
            <numerusform>- %1 (%2): %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>No rooms are defined.</source>
        <translation>Es sind keine Räume definiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s):</source>
        <translation>
            <numerusform>%n Raum:</numerusform>
            <numerusform>%n Räume:</numerusform>
        </translation>
    </message>
    <message>
        <source>Control a device</source>
        <translation>Gerät steuern</translation>
    </message>
    <message>
        <source>Done (%1): %2</source>
        <translation>Erledigt (%1): %2</translation>
    </message>
    <message>
        <source>Call a Home Assistant service</source>
        <translation>Home-Assistant-Dienst aufrufen</translation>
    </message>
    <message>
        <source>Calls a Home Assistant service (domain.service) on one entity, for what control_device does not cover. Allowed domains: %1. lock and alarm_control_panel need a key with the ha:security permission. Name the entity with entity_id; data carries the service&apos;s other fields and may not name targets.</source>
        <translation>Ruft einen Home-Assistant-Dienst (domain.service) für eine Entität auf, für das, was control_device nicht abdeckt. Erlaubte Domains: %1. lock und alarm_control_panel brauchen einen Schlüssel mit der Berechtigung ha:security. Nennen Sie die Entität mit entity_id; data enthält die übrigen Felder des Dienstes und darf keine Ziele nennen.</translation>
    </message>
    <message>
        <source>The service&apos;s domain, e.g. light.</source>
        <translation>Die Domain des Dienstes, z. B. light.</translation>
    </message>
    <message>
        <source>The service, e.g. turn_on.</source>
        <translation>Der Dienst, z. B. turn_on.</translation>
    </message>
    <message>
        <source>An entity id such as light.kitchen.</source>
        <translation>Eine Entitäts-ID wie light.kitchen.</translation>
    </message>
    <message>
        <source>The service&apos;s fields.</source>
        <translation>Die Felder des Dienstes.</translation>
    </message>
    <message>
        <source>The domain &apos;%1&apos; is not on HomeWarden&apos;s list for ha_call_service (%2); a person can add it in the settings.</source>
        <translation>Die Domain &apos;%1&apos; steht nicht auf der Liste von HomeWarden für ha_call_service (%2); eine Person kann sie in den Einstellungen hinzufügen.</translation>
    </message>
    <message>
        <source>data may not contain &apos;%1&apos;; name the one entity with the entity_id argument.</source>
        <translation>data darf &apos;%1&apos; nicht enthalten; nennen Sie die eine Entität mit dem Argument entity_id.</translation>
    </message>
    <message>
        <source>Called %1.%2</source>
        <translation>%1.%2 aufgerufen</translation>
    </message>
    <message>
        <source>Home Assistant is not connected to HomeWarden; a person can set it up in HomeWarden&apos;s settings.</source>
        <translation>Home Assistant ist nicht mit HomeWarden verbunden; eine Person kann es in den Einstellungen von HomeWarden einrichten.</translation>
    </message>
    <message>
        <source>Send a Loxone command</source>
        <translation>Loxone-Befehl senden</translation>
    </message>
    <message>
        <source>Sends one command to a Loxone control, for what control_device does not cover: FullUp, shade or manualPosition/40 (percent down) to a Jalousie, pulse to a Switch, changeTo/&lt;mood&gt; to a LightControllerV2, ... Name the control by its uuid, plain or as a device id (loxone:&lt;uuid&gt;). The command must be one the control&apos;s type takes; a refusal lists them. Alarms, intercoms, gates and secured controls need a key with the loxone:security permission.</source>
        <translation>Sendet einen Befehl an ein Loxone-Steuerelement, für das, was control_device nicht abdeckt: FullUp, shade oder manualPosition/40 (Prozent nach unten) an eine Jalousie, pulse an einen Switch, changeTo/&lt;mood&gt; an einen LightControllerV2, ... Nennen Sie das Steuerelement mit seiner uuid, einfach oder als Geräte-ID (loxone:&lt;uuid&gt;). Der Befehl muss einer sein, den der Typ des Steuerelements annimmt; eine Ablehnung nennt sie. Alarmanlagen, Gegensprechanlagen, Tore und gesicherte Steuerelemente brauchen einen Schlüssel mit der Berechtigung loxone:security.</translation>
    </message>
    <message>
        <source>The control&apos;s uuid (0f869a3f-0155-8b3f-ffff403fb0c34b9e, a subcontrol&apos;s may end in /&lt;suffix&gt;), plain or as a device id with loxone: before it.</source>
        <translation>Die uuid des Steuerelements (0f869a3f-0155-8b3f-ffff403fb0c34b9e, die eines Unterelements kann auf /&lt;suffix&gt; enden), einfach oder als Geräte-ID mit loxone: davor.</translation>
    </message>
    <message>
        <source>The command, e.g. FullUp or manualPosition/40.</source>
        <translation>Der Befehl, z. B. FullUp oder manualPosition/40.</translation>
    </message>
    <message>
        <source>What the Miniserver answered.</source>
        <translation>Was der Miniserver geantwortet hat.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Loxone uuid (8-4-4-16 hex digits, a subcontrol&apos;s with /&lt;suffix&gt;); list_devices shows the ids there are.</source>
        <translation>&apos;%1&apos; ist keine Loxone-uuid (8-4-4-16 Hexadezimalziffern, bei einem Unterelement mit /&lt;suffix&gt;); list_devices zeigt die vorhandenen IDs.</translation>
    </message>
    <message>
        <source>Sent %1 to %2 (the Miniserver answered %3).</source>
        <translation>%1 an %2 gesendet (der Miniserver antwortete %3).</translation>
    </message>
    <message>
        <source>Makes a device do something: on, off, toggle, brightness (value 0–100), open, close, stop, position (value 0–100, percent open), shade, set_temperature (value in °C), set_mode (value: a mode name), lock, unlock, arm (value: away, home, night or vacation; a Loxone alarm takes away or delayed), disarm, activate (value: the scene, where a device has several), play, pause, volume (value 0–100). Each device lists the actions it accepts. Locks, alarms, doors and garage openers need a key with the security permission.</source>
        <translation>Lässt ein Gerät etwas tun: on, off, toggle, brightness (Wert 0–100), open, close, stop, position (Wert 0–100, Prozent offen), shade, set_temperature (Wert in °C), set_mode (Wert: ein Modusname), lock, unlock, arm (Wert: away, home, night oder vacation; eine Loxone-Alarmanlage nimmt away oder delayed), disarm, activate (Wert: die Szene, wo ein Gerät mehrere hat), play, pause, volume (Wert 0–100). Jedes Gerät nennt die Aktionen, die es annimmt. Schlösser, Alarmanlagen, Türen und Garagentoröffner brauchen einen Schlüssel mit der Sicherheitsberechtigung.</translation>
    </message>
    <message>
        <source>A number (brightness, position, volume, temperature) or a text (set_mode, arm, activate).</source>
        <translation>Eine Zahl (brightness, position, volume, Temperatur) oder ein Text (set_mode, arm, activate).</translation>
    </message>
</context>
<context>
    <name>EditKeyDialog</name>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>The key may be used</source>
        <translation>Der Schlüssel darf verwendet werden</translation>
    </message>
    <message>
        <source>Edit key %1</source>
        <translation>Schlüssel %1 bearbeiten</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>A&amp;blauf:</translation>
    </message>
    <message>
        <source>&amp;Active:</source>
        <translation>A&amp;ktiv:</translation>
    </message>
</context>
<context>
    <name>FilePathField</name>
    <message>
        <source>none: plain HTTP</source>
        <translation>keine: unverschlüsseltes HTTP</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Start HomeWarden when I log in</source>
        <translation>HomeWarden bei meiner Anmeldung starten</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Press Finish to save these settings.</source>
        <translation>Klicken Sie auf „Abschließen“, um diese Einstellungen zu speichern.</translation>
    </message>
    <message>
        <source>kept from the keychain</source>
        <translation>wie bisher im Schlüsselbund</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Home Assistant: not used</source>
        <translation>Home Assistant: nicht verwendet</translation>
    </message>
    <message>
        <source>Home Assistant: %1 (token %2)</source>
        <translation>Home Assistant: %1 (Token %2)</translation>
    </message>
    <message>
        <source>Loxone: not used</source>
        <translation>Loxone: nicht verwendet</translation>
    </message>
    <message>
        <source>Loxone: %1 as %2 (password %3)</source>
        <translation>Loxone: %1 als %2 (Passwort %3)</translation>
    </message>
    <message>
        <source>Security level: %1</source>
        <translation>Sicherheitsstufe: %1</translation>
    </message>
    <message>
        <source>HTTP server: %1 port %2%3</source>
        <translation>HTTP-Server: %1 Port %2%3</translation>
    </message>
    <message>
        <source>, TLS</source>
        <translation>, TLS</translation>
    </message>
    <message>
        <source>HTTP server: off</source>
        <translation>HTTP-Server: aus</translation>
    </message>
    <message>
        <source>Claude Desktop: a new %1 key, and HomeWarden added to %2. Restart Claude Desktop afterwards to pick up the change.</source>
        <translation>Claude Desktop: ein neuer %1-Schlüssel, und HomeWarden wird in %2 eingetragen. Starten Sie Claude Desktop danach neu, damit es die Änderung übernimmt.</translation>
    </message>
    <message>
        <source>Claude Desktop: left as it is</source>
        <translation>Claude Desktop: bleibt unverändert</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Done before that: %1</source>
        <translation>Zuvor bereits erledigt: %1</translation>
    </message>
</context>
<context>
    <name>GenerateKeyDialog</name>
    <message>
        <source>admin: everything, including key management</source>
        <translation>admin: alles, einschließlich der Schlüsselverwaltung</translation>
    </message>
    <message>
        <source>operator: read and control, but no locks, alarms or door openers</source>
        <translation>operator: lesen und steuern, aber keine Schlösser, Alarmanlagen oder Türöffner</translation>
    </message>
    <message>
        <source>monitor: read only</source>
        <translation>monitor: nur lesen</translation>
    </message>
    <message>
        <source>device: read and control of the chosen devices only</source>
        <translation>device: lesen und steuern, nur die gewählten Geräte</translation>
    </message>
    <message>
        <source>custom: exactly the chosen permissions</source>
        <translation>custom: genau die gewählten Berechtigungen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Generate API key</source>
        <translation>API-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>E&amp;xpires in:</source>
        <translation>Läuft &amp;ab in:</translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation>&amp;Berechtigungen:</translation>
    </message>
</context>
<context>
    <name>HomeAssistantClient</name>
    <message>
        <source>%1 cannot be reached (%2); HomeWarden keeps trying — check that it is running and the address is right.</source>
        <translation>%1 ist nicht erreichbar (%2); HomeWarden versucht es weiter – prüfen Sie, ob es läuft und die Adresse stimmt.</translation>
    </message>
    <message>
        <source>HomeWarden is shutting down.</source>
        <translation>HomeWarden wird beendet.</translation>
    </message>
    <message>
        <source>Home Assistant at %1</source>
        <translation>Home Assistant unter %1</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s; check that it is running and not overloaded.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet; prüfen Sie, ob es läuft und nicht überlastet ist.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost; HomeWarden is reconnecting, try again in a moment.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen; HomeWarden verbindet sich neu, versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 sent a message that is not JSON (%2); is this really Home Assistant&apos;s WebSocket API?</source>
        <translation>%1 hat eine Nachricht gesendet, die kein JSON ist (%2); ist das wirklich die WebSocket-API von Home Assistant?</translation>
    </message>
    <message>
        <source>%1 refused the access token; create a long-lived access token in your Home Assistant profile and store it with &apos;homewarden secrets set ha-token&apos;.</source>
        <translation>%1 hat das Zugriffstoken abgelehnt; erstellen Sie in Ihrem Home-Assistant-Profil ein langlebiges Zugriffstoken und speichern Sie es mit „homewarden secrets set ha-token“.</translation>
    </message>
    <message>
        <source>%1 refused the request: %2 (%3).</source>
        <translation>%1 hat die Anfrage abgelehnt: %2 (%3).</translation>
    </message>
    <message>
        <source>%1 cannot be reached (%2); check that it is running.</source>
        <translation>%1 ist nicht erreichbar (%2); prüfen Sie, ob es läuft.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 (%3); see Home Assistant&apos;s log.</source>
        <translation>%1 hat mit HTTP %2 geantwortet (%3); prüfen Sie das Protokoll von Home Assistant.</translation>
    </message>
    <message>
        <source>%1 answered with something that is not JSON (%2).</source>
        <translation>%1 hat mit etwas geantwortet, das kein JSON ist (%2).</translation>
    </message>
    <message>
        <source>%1 is not connected: %2</source>
        <translation>%1 ist nicht verbunden: %2</translation>
    </message>
</context>
<context>
    <name>HomeAssistantDevices</name>
    <message numerus="yes">
        <source>Home Assistant %1, %n entities, connected since %2.</source>
        <translation>
            <numerusform>Home Assistant %1, %n Entität, verbunden seit %2.</numerusform>
            <numerusform>Home Assistant %1, %n Entitäten, verbunden seit %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation>Verbindung zu %1 wird aufgebaut.</translation>
    </message>
</context>
<context>
    <name>HomeAssistantMapping</name>
    <message>
        <source>&apos;activate&apos; takes no value for %1.</source>
        <translation>&apos;activate&apos; nimmt für %1 keinen Wert an.</translation>
    </message>
    <message>
        <source>%1 has no mode &apos;%2&apos;; its modes are: %3.</source>
        <translation>%1 kennt keinen Modus &apos;%2&apos;; verfügbare Modi: %3.</translation>
    </message>
    <message>
        <source>%1 needs a code to %2, and HomeWarden does not pass alarm codes from AI clients; use the alarm panel or the Home Assistant app.</source>
        <translation>%1 braucht einen Code für &apos;%2&apos;, und HomeWarden gibt keine Alarmcodes von KI-Clients weiter; verwenden Sie das Bedienteil der Alarmanlage oder die Home-Assistant-App.</translation>
    </message>
    <message>
        <source>&apos;arm&apos; takes away, home, night or vacation, not &apos;%1&apos;.</source>
        <translation>&apos;arm&apos; nimmt away, home, night oder vacation an, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an action HomeWarden knows.</source>
        <translation>&apos;%1&apos; ist keine Aktion, die HomeWarden kennt.</translation>
    </message>
</context>
<context>
    <name>HomeAssistantPage</name>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Optional: leave the address empty if you do not use Home Assistant.</source>
        <translation>Optional: Lassen Sie die Adresse leer, wenn Sie Home Assistant nicht verwenden.</translation>
    </message>
    <message>
        <source>Leave empty to keep the token stored in the keychain</source>
        <translation>Leer lassen, um das im Schlüsselbund gespeicherte Token zu behalten</translation>
    </message>
    <message>
        <source>A long-lived access token</source>
        <translation>Ein langlebiges Zugriffstoken</translation>
    </message>
    <message>
        <source>Home Assistant creates a token in your profile, under Security, &quot;Long-lived access tokens&quot;: &lt;a href=&quot;%1&quot;&gt;how to create one&lt;/a&gt;. HomeWarden keeps it in this computer&apos;s keychain.</source>
        <translation>Home Assistant erstellt ein Token in Ihrem Profil unter „Sicherheit“, „Langlebige Zugangs-Token“: &lt;a href=&quot;%1&quot;&gt;so erstellen Sie eines&lt;/a&gt;. HomeWarden bewahrt es im Schlüsselbund dieses Computers auf.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message numerus="yes">
        <source>Connected to Home Assistant %1 at &quot;%2&quot;: %n entities.</source>
        <translation>
            <numerusform>Verbunden mit Home Assistant %1 unter „%2“: %n Entität.</numerusform>
            <numerusform>Verbunden mit Home Assistant %1 unter „%2“: %n Entitäten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter Home Assistant&apos;s address, or clear the token.</source>
        <translation>Geben Sie die Adresse von Home Assistant ein, oder leeren Sie das Feld für das Token.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an http:// or https:// address; enter Home Assistant&apos;s address, for example http://homeassistant.local:8123.</source>
        <translation>„%1“ ist keine http://- oder https://-Adresse; geben Sie die Adresse von Home Assistant ein, zum Beispiel http://homeassistant.local:8123.</translation>
    </message>
    <message>
        <source>Enter a long-lived access token: HomeWarden cannot talk to Home Assistant without one.</source>
        <translation>Geben Sie ein langlebiges Zugriffstoken ein: Ohne ein solches kann HomeWarden nicht mit Home Assistant kommunizieren.</translation>
    </message>
</context>
<context>
    <name>HomeAssistantProbe</name>
    <message>
        <source>%1 did not answer in time; check that it is running and that the address and port are right.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet; prüfen Sie, ob es läuft und ob Adresse und Port stimmen.</translation>
    </message>
    <message>
        <source>Home Assistant at %1</source>
        <translation>Home Assistant unter %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an http:// or https:// address; enter Home Assistant&apos;s address, for example http://homeassistant.local:8123.</source>
        <translation>„%1“ ist keine http://- oder https://-Adresse; geben Sie die Adresse von Home Assistant ein, zum Beispiel http://homeassistant.local:8123.</translation>
    </message>
    <message>
        <source>Enter a long-lived access token; Home Assistant creates one in your profile, under Security.</source>
        <translation>Geben Sie ein langlebiges Zugriffstoken ein; Home Assistant erstellt eines in Ihrem Profil unter „Sicherheit“.</translation>
    </message>
    <message>
        <source>%1 refused the access token; create a new long-lived access token in your Home Assistant profile and paste it here.</source>
        <translation>%1 hat das Zugriffstoken abgelehnt; erstellen Sie in Ihrem Home-Assistant-Profil ein neues langlebiges Zugriffstoken und fügen Sie es hier ein.</translation>
    </message>
    <message>
        <source>%1 redirects elsewhere; enter the address it redirects to.</source>
        <translation>%1 leitet auf eine andere Adresse um; geben Sie die Adresse ein, auf die es umleitet.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2; check that the address is Home Assistant&apos;s.</source>
        <translation>%1 hat mit dem HTTP-Status %2 geantwortet; prüfen Sie, ob die Adresse zu Home Assistant gehört.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not trusted (%2); use the address the certificate was made for, or install the certificate on this computer.</source>
        <translation>Dem TLS-Zertifikat von %1 wird nicht vertraut (%2); verwenden Sie die Adresse, für die das Zertifikat ausgestellt wurde, oder installieren Sie das Zertifikat auf diesem Computer.</translation>
    </message>
    <message>
        <source>%1 cannot be found; check the host name.</source>
        <translation>%1 kann nicht gefunden werden; prüfen Sie den Hostnamen.</translation>
    </message>
    <message>
        <source>%1 refused the connection; check that Home Assistant is running and that the port is right.</source>
        <translation>%1 hat die Verbindung abgelehnt; prüfen Sie, ob Home Assistant läuft und ob der Port stimmt.</translation>
    </message>
    <message>
        <source>%1 cannot be reached (%2); check the address and the network.</source>
        <translation>%1 ist nicht erreichbar (%2); prüfen Sie die Adresse und das Netzwerk.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (%2); check that this port serves https, or use http://.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen (%2); prüfen Sie, ob dieser Port https anbietet, oder verwenden Sie http://.</translation>
    </message>
    <message>
        <source>%1 answered, but not as Home Assistant does; check the address and the port.</source>
        <translation>%1 hat geantwortet, aber nicht so, wie Home Assistant antwortet; prüfen Sie die Adresse und den Port.</translation>
    </message>
</context>
<context>
    <name>KeyFieldsForm</name>
    <message>
        <source>e.g. Claude Desktop</source>
        <translation>z. B. Claude Desktop</translation>
    </message>
    <message>
        <source>any address; or e.g. 192.168.1.0/24, ::1/128</source>
        <translation>jede Adresse; oder z. B. 192.168.1.0/24, ::1/128</translation>
    </message>
    <message>
        <source>Addresses or ranges (CIDR) the key may be used from, separated by commas. Empty: any address.</source>
        <translation>Adressen oder Bereiche (CIDR), von denen aus der Schlüssel verwendet werden darf, durch Kommas getrennt. Leer: jede Adresse.</translation>
    </message>
    <message>
        <source>Filter, or type a device id and press Enter</source>
        <translation>Filtern oder eine Geräte-ID eingeben und die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>The devices of a device key: the only ones it may read and control.</source>
        <translation>Die Geräte eines device-Schlüssels: die einzigen, die er lesen und steuern darf.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;IP allow-list:</source>
        <translation>&amp;IP-Zulassungsliste:</translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation>&amp;Geräte:</translation>
    </message>
</context>
<context>
    <name>KeyRevealPanel</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Store this key now.&lt;/b&gt; It is shown only this once and cannot be shown again: HomeWarden keeps only a hash of it. Paste it into the AI client&apos;s configuration or a password manager.</source>
        <translation>&lt;b&gt;Speichern Sie diesen Schlüssel jetzt.&lt;/b&gt; Er wird nur dieses eine Mal angezeigt und kann nicht erneut angezeigt werden: HomeWarden bewahrt nur einen Hash davon auf. Fügen Sie ihn in die Konfiguration des KI-Clients oder in einen Passwortmanager ein.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>KeychainBackend</name>
    <message>
        <source>Secret Service through libsecret, provided by %1</source>
        <translation>Secret Service über libsecret, bereitgestellt von %1</translation>
    </message>
    <message>
        <source>Secret Service through libsecret</source>
        <translation>Secret Service über libsecret</translation>
    </message>
    <message>
        <source>KWallet (kwalletd5)</source>
        <translation>KWallet (kwalletd5)</translation>
    </message>
    <message>
        <source>KWallet (kwalletd)</source>
        <translation>KWallet (kwalletd)</translation>
    </message>
    <message>
        <source>GNOME Keyring through libgnome-keyring</source>
        <translation>GNOME Keyring über libgnome-keyring</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Store</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>der Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>The keychain cannot answer because Qt runs without its GLib event loop: unset QT_NO_GLIB and try again.</source>
        <translation>Der Schlüsselbund kann nicht antworten, weil Qt ohne seine GLib-Ereignisschleife läuft: Entfernen Sie QT_NO_GLIB aus der Umgebung und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>KeysCommand</name>
    <message>
        <source>Note: HOMEWARDEN_API_KEYS is set, so servers started with it use the keys it lists, not those in homewarden.db.</source>
        <translation>Hinweis: HOMEWARDEN_API_KEYS ist gesetzt; damit gestartete Server verwenden die dort aufgeführten Schlüssel, nicht die in homewarden.db.</translation>
    </message>
    <message>
        <source>Manage API keys: generate, list, show, revoke, update, export, import.</source>
        <translation>Verwaltet API-Schlüssel: generate, list, show, revoke, update, export, import.</translation>
    </message>
    <message>
        <source>Usage: homewarden keys COMMAND [ARGS]

  generate --role R --name N [--expires DAYS] [--ip CIDR,..] [--devices ID,..]
           [--permissions P,..] [--rate-limit N]
                      create a key; its text is printed once, alone on stdout
  list [--active] [--format table|json]
                      list the keys (--active: only those usable now)
  show ID [--format text|json]
                      show one key
  revoke ID           revoke a key for good
  update ID [--name N] [--expires DAYS|never] [--ip CIDR,..|none]
           [--devices ID,..|none] [--permissions P,..|none]
           [--rate-limit N|default] [--active true|false]
                      change a key
  export [--format json|toml] [--output FILE]
                      write every key, hashes only (FILE is made private to you)
  import FILE [--skip-existing]
                      add the keys of an export (JSON or TOML)

Roles: admin, operator, monitor (or viewer), device (needs --devices), custom (needs --permissions).
Permissions: %1.
Device ids: ha:&lt;entity_id&gt; such as ha:light.kitchen, or loxone:&lt;uuid&gt;.
</source>
        <translation>Aufruf: homewarden keys BEFEHL [ARGS]

  generate --role R --name N [--expires TAGE] [--ip CIDR,..] [--devices ID,..]
           [--permissions P,..] [--rate-limit N]
                      erstellt einen Schlüssel; sein Text erscheint nur einmal, allein auf stdout
  list [--active] [--format table|json]
                      listet die Schlüssel auf (--active: nur die jetzt nutzbaren)
  show ID [--format text|json]
                      zeigt einen Schlüssel
  revoke ID           widerruft einen Schlüssel endgültig
  update ID [--name N] [--expires TAGE|never] [--ip CIDR,..|none]
           [--devices ID,..|none] [--permissions P,..|none]
           [--rate-limit N|default] [--active true|false]
                      ändert einen Schlüssel
  export [--format json|toml] [--output DATEI]
                      schreibt alle Schlüssel, nur als Hashes (nur Sie haben Zugriff auf DATEI)
  import DATEI [--skip-existing]
                      fügt die Schlüssel eines Exports hinzu (JSON oder TOML)

Rollen: admin, operator, monitor (oder viewer), device (braucht --devices), custom (braucht --permissions).
Berechtigungen: %1.
Geräte-IDs: ha:&lt;entity_id&gt; wie ha:light.kitchen oder loxone:&lt;uuid&gt;.
</translation>
    </message>
    <message>
        <source>keys needs a command such as generate or list; run &apos;homewarden keys --help&apos; for the list.</source>
        <translation>keys braucht einen Befehl wie generate oder list; „homewarden keys --help“ zeigt die Liste.</translation>
    </message>
    <message>
        <source>Unknown keys command &apos;%1&apos;; run &apos;homewarden keys --help&apos; for the list.</source>
        <translation>Unbekannter keys-Befehl „%1“; „homewarden keys --help“ zeigt die Liste.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Zeigt diese Hilfe.</translation>
    </message>
    <message>
        <source>%1 Run &apos;homewarden keys --help&apos; for the usage of keys %2.</source>
        <translation>%1 Den Aufruf von keys %2 zeigt „homewarden keys --help“.</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Id:            %1
</source>
        <translation>ID:                 %1
</translation>
    </message>
    <message>
        <source>Name:          %1
</source>
        <translation>Name:               %1
</translation>
    </message>
    <message>
        <source>Role:          %1
</source>
        <translation>Rolle:              %1
</translation>
    </message>
    <message>
        <source>Status:        %1
</source>
        <translation>Status:             %1
</translation>
    </message>
    <message>
        <source>Created:       %1 by %2
</source>
        <translation>Erstellt:           %1 von %2
</translation>
    </message>
    <message>
        <source>Expires:       %1
</source>
        <translation>Läuft ab:           %1
</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Revoked:       %1
</source>
        <translation>Widerrufen:         %1
</translation>
    </message>
    <message>
        <source>IP allow-list: %1
</source>
        <translation>IP-Zulassungsliste: %1
</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>jede Adresse</translation>
    </message>
    <message>
        <source>Devices:       %1
</source>
        <translation>Geräte:             %1
</translation>
    </message>
    <message>
        <source>Permissions:   %1
</source>
        <translation>Berechtigungen:     %1
</translation>
    </message>
    <message>
        <source>Rate limit:    %1 calls per minute%2
</source>
        <translation>Aufruflimit:        %1 Aufrufe pro Minute%2
</translation>
    </message>
    <message>
        <source> (the role&apos;s default)</source>
        <translation> (Standardwert der Rolle)</translation>
    </message>
    <message>
        <source>Last used:     %1%2
</source>
        <translation>Zuletzt genutzt:    %1%2
</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>Uses:          %1
</source>
        <translation>Nutzungen:          %1
</translation>
    </message>
    <message>
        <source>The role.</source>
        <translation>Die Rolle.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after keys generate.</source>
        <translation>Unerwartetes Argument „%1“ nach keys generate.</translation>
    </message>
    <message>
        <source>keys generate needs --role and --name, e.g. keys generate --role operator --name &quot;Claude Desktop&quot;.</source>
        <translation>keys generate braucht --role und --name, z. B. keys generate --role operator --name &quot;Claude Desktop&quot;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a role; choose admin, operator, monitor (or viewer), device or custom.</source>
        <translation>„%1“ ist keine Rolle; wählen Sie admin, operator, monitor (oder viewer), device oder custom.</translation>
    </message>
    <message>
        <source>--expires takes a number of days from 1 to %1.</source>
        <translation>--expires erwartet eine Anzahl Tage von 1 bis %1.</translation>
    </message>
    <message>
        <source>--rate-limit takes a number of calls per minute from 1 to %1.</source>
        <translation>--rate-limit erwartet eine Anzahl Aufrufe pro Minute von 1 bis %1.</translation>
    </message>
    <message>
        <source>The key cannot be created: %1</source>
        <translation>Der Schlüssel kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Store this key now: it is shown only once and cannot be recovered (only a hash of it is kept). Its id is %1; revoke it with &apos;homewarden keys revoke %1&apos;.</source>
        <translation>Speichern Sie diesen Schlüssel jetzt: Er wird nur einmal angezeigt und lässt sich nicht wiederherstellen (aufbewahrt wird nur ein Hash davon). Seine ID ist %1; widerrufen können Sie ihn mit „homewarden keys revoke %1“.</translation>
    </message>
    <message>
        <source>Only usable keys.</source>
        <translation>Nur nutzbare Schlüssel.</translation>
    </message>
    <message>
        <source>table or json.</source>
        <translation>table oder json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after keys list.</source>
        <translation>Unerwartetes Argument „%1“ nach keys list.</translation>
    </message>
    <message>
        <source>--format takes table or json, not &apos;%1&apos;.</source>
        <translation>--format erwartet table oder json, nicht „%1“.</translation>
    </message>
    <message>
        <source>No keys yet; create one with &apos;homewarden keys generate --role R --name N&apos;.</source>
        <translation>Noch keine Schlüssel; erstellen Sie einen mit „homewarden keys generate --role R --name N“.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>LAST USED</source>
        <translation>ZULETZT GENUTZT</translation>
    </message>
    <message>
        <source>USES</source>
        <translation>NUTZUNGEN</translation>
    </message>
    <message>
        <source>text or json.</source>
        <translation>text oder json.</translation>
    </message>
    <message>
        <source>keys show takes one key id, e.g. keys show hwk_operator_001.</source>
        <translation>keys show erwartet genau eine Schlüssel-ID, z. B. keys show hwk_operator_001.</translation>
    </message>
    <message>
        <source>--format takes text or json, not &apos;%1&apos;.</source>
        <translation>--format erwartet text oder json, nicht „%1“.</translation>
    </message>
    <message>
        <source>There is no key %1; &apos;homewarden keys list&apos; shows the keys.</source>
        <translation>Es gibt keinen Schlüssel %1; „homewarden keys list“ zeigt die Schlüssel.</translation>
    </message>
    <message>
        <source>keys revoke takes one key id, e.g. keys revoke hwk_operator_001.</source>
        <translation>keys revoke erwartet genau eine Schlüssel-ID, z. B. keys revoke hwk_operator_001.</translation>
    </message>
    <message>
        <source>Key %1 is revoked; every HomeWarden process refuses it from now on.</source>
        <translation>Schlüssel %1 ist widerrufen; jeder HomeWarden-Prozess lehnt ihn ab sofort ab.</translation>
    </message>
    <message>
        <source>true or false.</source>
        <translation>true oder false.</translation>
    </message>
    <message>
        <source>BOOL</source>
        <translation>BOOL</translation>
    </message>
    <message>
        <source>keys update takes one key id and the changes, e.g. keys update hwk_operator_001 --active false.</source>
        <translation>keys update erwartet genau eine Schlüssel-ID und die Änderungen, z. B. keys update hwk_operator_001 --active false.</translation>
    </message>
    <message>
        <source>--expires takes a number of days from 1 to %1, or never.</source>
        <translation>--expires erwartet eine Anzahl Tage von 1 bis %1 oder never.</translation>
    </message>
    <message>
        <source>--rate-limit takes a number of calls per minute from 1 to %1, or default.</source>
        <translation>--rate-limit erwartet eine Anzahl Aufrufe pro Minute von 1 bis %1 oder default.</translation>
    </message>
    <message>
        <source>--active takes true or false, not &apos;%1&apos;.</source>
        <translation>--active erwartet true oder false, nicht „%1“.</translation>
    </message>
    <message>
        <source>keys update needs at least one change, such as --name or --active false.</source>
        <translation>keys update braucht mindestens eine Änderung, etwa --name oder --active false.</translation>
    </message>
    <message>
        <source>Key %1 cannot be changed: %2</source>
        <translation>Schlüssel %1 kann nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Key %1 is updated (%2).</source>
        <translation>Schlüssel %1 wurde aktualisiert (%2).</translation>
    </message>
    <message>
        <source>json or toml.</source>
        <translation>json oder toml.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after keys export; the file goes after --output.</source>
        <translation>Unerwartetes Argument „%1“ nach keys export; die Datei gehört hinter --output.</translation>
    </message>
    <message>
        <source>--format takes json or toml, not &apos;%1&apos;.</source>
        <translation>--format erwartet json oder toml, nicht „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n key(s) to %1 (hashes only, no secrets).</source>
        <translation>
            <numerusform>%n Schlüssel in %1 geschrieben (nur Hashes, keine Geheimnisse).</numerusform>
            <numerusform>%n Schlüssel in %1 geschrieben (nur Hashes, keine Geheimnisse).</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep keys whose id exists.</source>
        <translation>Behält vorhandene Schlüssel mit derselben ID.</translation>
    </message>
    <message>
        <source>keys import takes one file, e.g. keys import keys.json.</source>
        <translation>keys import erwartet genau eine Datei, z. B. keys import keys.json.</translation>
    </message>
    <message>
        <source>%1 Nothing was imported; --skip-existing keeps the keys that exist and imports the rest.</source>
        <translation>%1 Es wurde nichts importiert; mit --skip-existing bleiben vorhandene Schlüssel unverändert und die übrigen werden importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel importiert</numerusform>
            <numerusform>%n Schlüssel importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; kept %n existing key(s): %1</source>
        <translation>
            <numerusform>; %n vorhandener Schlüssel blieb unverändert: %1</numerusform>
            <numerusform>; %n vorhandene Schlüssel blieben unverändert: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeysModel</name>
    <message>
        <source>Revoked on %1</source>
        <translation>Widerrufen am %1</translation>
    </message>
    <message>
        <source>Last used from %1</source>
        <translation>Zuletzt genutzt von %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>jede Adresse</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Nutzungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>IP allow-list</source>
        <translation>IP-Zulassungsliste</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
</context>
<context>
    <name>KeysWindow</name>
    <message>
        <source>&amp;Generate…</source>
        <translation>&amp;Erstellen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>HomeWarden API keys</source>
        <translation>HomeWarden-API-Schlüssel</translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation>Schlüssel filtern</translation>
    </message>
    <message>
        <source>Keys cannot be changed here: %1</source>
        <translation>Schlüssel können hier nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke %1 (%2)? Every HomeWarden process refuses it from then on, and it cannot be used again.</source>
        <translation>Schlüssel %1 (%2) widerrufen? Jeder HomeWarden-Prozess lehnt ihn danach ab, und er kann nie wieder verwendet werden.</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>The key cannot be created: %1</source>
        <translation>Der Schlüssel kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Key %1 was created.</source>
        <translation>Schlüssel %1 wurde erstellt.</translation>
    </message>
    <message>
        <source>Key %1 cannot be changed: %2</source>
        <translation>Schlüssel %1 kann nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Key %1 is updated.</source>
        <translation>Schlüssel %1 wurde aktualisiert.</translation>
    </message>
    <message>
        <source>Key %1 is revoked; every HomeWarden process refuses it from now on.</source>
        <translation>Schlüssel %1 ist widerrufen; jeder HomeWarden-Prozess lehnt ihn ab sofort ab.</translation>
    </message>
</context>
<context>
    <name>KillSwitch</name>
    <message>
        <source>The kill switch could not be engaged (%1); AI access may still be running, so stop HomeWarden itself if it must end now.</source>
        <translation>Der Not-Aus konnte nicht ausgelöst werden (%1); der KI-Zugriff ist möglicherweise noch aktiv. Beenden Sie HomeWarden selbst, wenn er sofort enden muss.</translation>
    </message>
    <message>
        <source>The kill switch could not be released (%1); AI access stays stopped.</source>
        <translation>Der Not-Aus konnte nicht aufgehoben werden (%1); der KI-Zugriff bleibt gestoppt.</translation>
    </message>
</context>
<context>
    <name>LoxoneClient</name>
    <message>
        <source>The Loxone URL &apos;%1&apos; is not an http:// or https:// address; set it to the Miniserver&apos;s address, for example http://192.168.1.10.</source>
        <translation>Die Loxone-URL &apos;%1&apos; ist keine http://- oder https://-Adresse; tragen Sie die Adresse des Miniservers ein, zum Beispiel http://192.168.1.10.</translation>
    </message>
    <message>
        <source>No Loxone user is configured; set the user HomeWarden logs in with.</source>
        <translation>Es ist kein Loxone-Benutzer eingerichtet; legen Sie den Benutzer fest, mit dem sich HomeWarden anmeldet.</translation>
    </message>
    <message>
        <source>The connection to the Loxone Miniserver was stopped.</source>
        <translation>Die Verbindung zum Loxone Miniserver wurde gestoppt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Loxone uuid (8-4-4-16 hex digits, optionally with a /suffix); take the id from the structure file.</source>
        <translation>&apos;%1&apos; ist keine Loxone-UUID (8-4-4-16 Hexadezimalziffern, optional mit /Zusatz); übernehmen Sie die ID aus der Strukturdatei.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Loxone command (one or more non-empty parts separated by &apos;/&apos;, at most %2 characters); check the command for the control type.</source>
        <translation>&apos;%1&apos; ist kein Loxone-Befehl (ein oder mehrere nicht leere, durch &apos;/&apos; getrennte Teile, höchstens %2 Zeichen); prüfen Sie den Befehl für diesen Steuerelementtyp.</translation>
    </message>
    <message>
        <source>Sending &apos;%1&apos; to the Loxone control %2</source>
        <translation>Das Senden von &apos;%1&apos; an das Loxone-Steuerelement %2</translation>
    </message>
    <message>
        <source>Checking the version of the Loxone structure file</source>
        <translation>Die Versionsprüfung der Loxone-Strukturdatei</translation>
    </message>
    <message>
        <source>Loading the Loxone structure file</source>
        <translation>Das Laden der Loxone-Strukturdatei</translation>
    </message>
    <message>
        <source>Sending &apos;%1&apos; to the Loxone control %2 failed: the answer is not Loxone JSON; check that the Loxone URL points to a Miniserver.</source>
        <translation>Das Senden von &apos;%1&apos; an das Loxone-Steuerelement %2 ist fehlgeschlagen: Die Antwort ist kein Loxone-JSON; prüfen Sie, ob die Loxone-URL auf einen Miniserver zeigt.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver refused &apos;%1&apos; for the control %2 (code %3); check that the control exists and takes this command.</source>
        <translation>Der Loxone Miniserver hat &apos;%1&apos; für das Steuerelement %2 abgelehnt (Code %3); prüfen Sie, ob das Steuerelement existiert und diesen Befehl annimmt.</translation>
    </message>
    <message>
        <source>The Loxone control &apos;%1&apos; is protected by a visualisation password, which HomeWarden does not send; operate it in the Loxone app, or remove the password in Loxone Config if AI may use it.</source>
        <translation>Das Loxone-Steuerelement „%1“ ist durch ein Visualisierungspasswort geschützt, das HomeWarden nicht sendet; bedienen Sie es in der Loxone-App, oder entfernen Sie das Passwort in Loxone Config, wenn KI es verwenden darf.</translation>
    </message>
    <message>
        <source>The connection to the Loxone Miniserver was restarted.</source>
        <translation>Die Verbindung zum Loxone Miniserver wurde neu gestartet.</translation>
    </message>
    <message>
        <source>HomeWarden sent the password of the Loxone user &apos;%1&apos; to %2 with basic authentication, because loxone/allow_basic_auth is on and it holds no token; turn that setting off unless the Miniserver&apos;s firmware is older than 9.0.</source>
        <translation>HomeWarden hat das Passwort des Loxone-Benutzers „%1“ per Basic-Authentifizierung an %2 gesendet, weil loxone/allow_basic_auth eingeschaltet ist und HomeWarden kein Token besitzt; schalten Sie diese Einstellung aus, sofern die Firmware des Miniservers nicht älter als 9.0 ist.</translation>
    </message>
    <message>
        <source>HomeWarden is not logged in to the Loxone Miniserver at %1 yet; try again once it is connected (get_system_status shows the connection).</source>
        <translation>HomeWarden ist noch nicht am Loxone Miniserver unter %1 angemeldet; versuchen Sie es erneut, sobald die Verbindung steht (get_system_status zeigt die Verbindung).</translation>
    </message>
</context>
<context>
    <name>LoxoneCommandGrammar</name>
    <message>
        <source>HomeWarden does not know the commands of a Loxone %1, so it sends it none; use the Loxone app for it.</source>
        <translation>HomeWarden kennt die Befehle des Loxone-Typs %1 nicht und sendet ihm daher keine; verwenden Sie dafür die Loxone-App.</translation>
    </message>
    <message>
        <source>A Loxone %1 takes no commands from HomeWarden; it can only be read.</source>
        <translation>Der Loxone-Typ %1 nimmt keine Befehle von HomeWarden an; er kann nur gelesen werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs whole numbers: a Loxone %2 takes %3.</source>
        <translation>&apos;%1&apos; braucht ganze Zahlen: Der Loxone-Typ %2 nimmt %3 an.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range: a Loxone %2 takes %3.</source>
        <translation>&apos;%1&apos; liegt außerhalb des Bereichs: Der Loxone-Typ %2 nimmt %3 an.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a command a Loxone %2 takes; it takes: %3.</source>
        <translation>&apos;%1&apos; ist kein Befehl, den der Loxone-Typ %2 annimmt; er nimmt an: %3.</translation>
    </message>
</context>
<context>
    <name>LoxoneDevices</name>
    <message>
        <source>Loxone is not connected: %1</source>
        <translation>Loxone ist nicht verbunden: %1</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 did not connect within %2 s; check that it is running and reachable.</source>
        <translation>Der Loxone Miniserver unter %1 hat sich nicht innerhalb von %2 s verbunden; prüfen Sie, ob er läuft und erreichbar ist.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver has no control %1; list_devices shows the devices there are.</source>
        <translation>Der Loxone Miniserver hat kein Steuerelement %1; list_devices zeigt die vorhandenen Geräte.</translation>
    </message>
    <message numerus="yes">
        <source>Loxone Miniserver &quot;%1&quot;, %n controls, connected since %2.</source>
        <translation>
            <numerusform>Loxone Miniserver „%1“, %n Steuerelement, verbunden seit %2.</numerusform>
            <numerusform>Loxone Miniserver „%1“, %n Steuerelemente, verbunden seit %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation>Verbindung zu %1 wird aufgebaut.</translation>
    </message>
</context>
<context>
    <name>LoxoneMapping</name>
    <message>
        <source>A Loxone alarm arms at once (away) or after its delay (delayed), not &apos;%1&apos;.</source>
        <translation>Eine Loxone-Alarmanlage wird sofort (away) oder nach ihrer Verzögerung (delayed) scharf geschaltet, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>HomeWarden cannot control a Loxone %1.</source>
        <translation>HomeWarden kann den Loxone-Typ %1 nicht steuern.</translation>
    </message>
    <message>
        <source>&apos;activate&apos; needs the scene for %1: its number.</source>
        <translation>&apos;activate&apos; braucht die Szene für %1: ihre Nummer.</translation>
    </message>
    <message>
        <source>&apos;activate&apos; needs the scene for %1, by name or number: %2.</source>
        <translation>&apos;activate&apos; braucht die Szene für %1, mit Name oder Nummer: %2.</translation>
    </message>
</context>
<context>
    <name>LoxonePage</name>
    <message>
        <source>Loxone Miniserver</source>
        <translation>Loxone Miniserver</translation>
    </message>
    <message>
        <source>Optional: leave the address empty if you do not use a Loxone Miniserver. HomeWarden needs at least one of Home Assistant and Loxone.</source>
        <translation>Optional: Lassen Sie die Adresse leer, wenn Sie keinen Loxone Miniserver verwenden. HomeWarden braucht mindestens eines von beiden, Home Assistant oder Loxone.</translation>
    </message>
    <message>
        <source>Leave empty to keep the password stored in the keychain</source>
        <translation>Leer lassen, um das im Schlüsselbund gespeicherte Passwort zu behalten</translation>
    </message>
    <message>
        <source>Create a user of its own for HomeWarden in Loxone Config, with only the rights the assistants need. HomeWarden keeps the password in this computer&apos;s keychain.</source>
        <translation>Legen Sie in Loxone Config einen eigenen Benutzer für HomeWarden an, mit nur den Rechten, die die Assistenten brauchen. HomeWarden bewahrt das Passwort im Schlüsselbund dieses Computers auf.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message numerus="yes">
        <source>Connected to the Miniserver &quot;%1&quot; (firmware %2): %n controls.</source>
        <translation>
            <numerusform>Verbunden mit dem Miniserver „%1“ (Firmware %2): %n Steuerelement.</numerusform>
            <numerusform>Verbunden mit dem Miniserver „%1“ (Firmware %2): %n Steuerelemente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the Miniserver&apos;s address, or clear the password.</source>
        <translation>Geben Sie die Adresse des Miniservers ein, oder leeren Sie das Feld für das Passwort.</translation>
    </message>
    <message>
        <source>Set up Home Assistant or a Loxone Miniserver (or both): HomeWarden needs at least one to work with. Go back to set up Home Assistant, or enter the Miniserver&apos;s address here.</source>
        <translation>Richten Sie Home Assistant oder einen Loxone Miniserver ein (oder beides): HomeWarden braucht mindestens eines davon. Gehen Sie zurück, um Home Assistant einzurichten, oder geben Sie hier die Adresse des Miniservers ein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an http:// or https:// address; enter the Miniserver&apos;s address, for example http://192.168.1.77.</source>
        <translation>„%1“ ist keine http://- oder https://-Adresse; geben Sie die Adresse des Miniservers ein, zum Beispiel http://192.168.1.77.</translation>
    </message>
    <message>
        <source>Enter the Loxone user HomeWarden logs in with.</source>
        <translation>Geben Sie den Loxone-Benutzer ein, mit dem sich HomeWarden anmeldet.</translation>
    </message>
    <message>
        <source>Enter the password of the Loxone user: HomeWarden cannot log in to the Miniserver without it.</source>
        <translation>Geben Sie das Passwort des Loxone-Benutzers ein: Ohne das Passwort kann sich HomeWarden nicht am Miniserver anmelden.</translation>
    </message>
</context>
<context>
    <name>LoxoneProbe</name>
    <message>
        <source>The Loxone Miniserver at %1 did not answer in time; check that it is running and that the address is right.</source>
        <translation>Der Loxone Miniserver unter %1 hat nicht rechtzeitig geantwortet; prüfen Sie, ob er läuft und ob die Adresse stimmt.</translation>
    </message>
    <message>
        <source>Enter the password of the Loxone user HomeWarden logs in with.</source>
        <translation>Geben Sie das Passwort des Loxone-Benutzers ein, mit dem sich HomeWarden anmeldet.</translation>
    </message>
</context>
<context>
    <name>LoxoneRequest</name>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 did not answer within %3 s; check that it is reachable and not overloaded.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 hat nicht innerhalb von %3 s geantwortet; prüfen Sie, ob er erreichbar und nicht überlastet ist.</translation>
    </message>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 sent more than %3 MiB; check that the Loxone URL points to a Miniserver.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 hat mehr als %3 MiB gesendet; prüfen Sie, ob die Loxone-URL auf einen Miniserver zeigt.</translation>
    </message>
    <message>
        <source>%1 was aborted.</source>
        <translation>%1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 refused the user name or password (HTTP %3); check the Loxone user and its password.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 hat Benutzername oder Passwort abgelehnt (HTTP %3); prüfen Sie den Loxone-Benutzer und sein Passwort.</translation>
    </message>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 redirects to %3; set the Loxone URL to that address instead.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 leitet auf %3 um; tragen Sie stattdessen diese Adresse als Loxone-URL ein.</translation>
    </message>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 answered HTTP %3; check the Miniserver&apos;s state and its log.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 hat mit HTTP %3 geantwortet; prüfen Sie den Zustand des Miniservers und sein Protokoll.</translation>
    </message>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 refused the connection; check that it is running and that the Loxone URL is right.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 hat die Verbindung abgelehnt; prüfen Sie, ob er läuft und ob die Loxone-URL stimmt.</translation>
    </message>
    <message>
        <source>%1 failed: the host of %2 is unknown; check the Loxone URL.</source>
        <translation>%1 ist fehlgeschlagen: Der Host von %2 ist unbekannt; prüfen Sie die Loxone-URL.</translation>
    </message>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 closed the connection without an answer; check that it is running and not restarting.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 hat die Verbindung ohne Antwort geschlossen; prüfen Sie, ob er läuft und nicht gerade neu startet.</translation>
    </message>
    <message>
        <source>%1 failed: the Loxone Miniserver at %2 could not be reached (%3); check the network and the Loxone URL.</source>
        <translation>%1 ist fehlgeschlagen: Der Loxone Miniserver unter %2 war nicht erreichbar (%3); prüfen Sie das Netzwerk und die Loxone-URL.</translation>
    </message>
</context>
<context>
    <name>LoxoneSession</name>
    <message>
        <source>The WebSocket to the Loxone Miniserver at %1 broke (%2); HomeWarden reconnects by itself.</source>
        <translation>Der WebSocket zum Loxone Miniserver unter %1 ist abgebrochen (%2); HomeWarden verbindet sich von selbst neu.</translation>
    </message>
    <message>
        <source>Opening the WebSocket to the Loxone Miniserver at %1 failed (%2); check that it is running and reachable.</source>
        <translation>Das Öffnen des WebSockets zum Loxone Miniserver unter %1 ist fehlgeschlagen (%2); prüfen Sie, ob er läuft und erreichbar ist.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 closed the WebSocket%2; HomeWarden reconnects by itself.</source>
        <translation>Der Loxone Miniserver unter %1 hat den WebSocket geschlossen%2; HomeWarden verbindet sich von selbst neu.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 sent a WebSocket message HomeWarden cannot read; check that the Loxone URL points to a Miniserver.</source>
        <translation>Der Loxone Miniserver unter %1 hat eine WebSocket-Nachricht gesendet, die HomeWarden nicht lesen kann; prüfen Sie, ob die Loxone-URL auf einen Miniserver zeigt.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 went out of service (it restarts or updates); HomeWarden reconnects when it is back.</source>
        <translation>Der Loxone Miniserver unter %1 ist außer Betrieb gegangen (er startet neu oder wird aktualisiert); HomeWarden verbindet sich neu, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 answered %2 with something that is not Loxone JSON; check that the Loxone URL points to a Miniserver.</source>
        <translation>Der Loxone Miniserver unter %1 hat auf %2 mit etwas geantwortet, das kein Loxone-JSON ist; prüfen Sie, ob die Loxone-URL auf einen Miniserver zeigt.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 sent a broken table of value states; HomeWarden reconnects to read them afresh.</source>
        <translation>Der Loxone Miniserver unter %1 hat eine fehlerhafte Tabelle von Zahlenzuständen gesendet; HomeWarden verbindet sich neu, um sie frisch zu lesen.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 sent a broken table of text states; HomeWarden reconnects to read them afresh.</source>
        <translation>Der Loxone Miniserver unter %1 hat eine fehlerhafte Tabelle von Textzuständen gesendet; HomeWarden verbindet sich neu, um sie frisch zu lesen.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 refused to start a login for the user &apos;%2&apos; (code %3); check the Loxone user name.</source>
        <translation>Der Loxone Miniserver unter %1 hat die Anmeldung für den Benutzer &apos;%2&apos; nicht begonnen (Code %3); prüfen Sie den Loxone-Benutzernamen.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 asked for the hash algorithm &apos;%2&apos; or sent an unreadable key; update HomeWarden or the Miniserver.</source>
        <translation>Der Loxone Miniserver unter %1 verlangt den Hash-Algorithmus &apos;%2&apos; oder hat einen unlesbaren Schlüssel gesendet; aktualisieren Sie HomeWarden oder den Miniserver.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 refused the user &apos;%2&apos; or its password (code %3); check the Loxone user and its password.</source>
        <translation>Der Loxone Miniserver unter %1 hat den Benutzer &apos;%2&apos; oder sein Passwort abgelehnt (Code %3); prüfen Sie den Loxone-Benutzer und sein Passwort.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 refused live state updates (code %2); check the rights of the Loxone user.</source>
        <translation>Der Loxone Miniserver unter %1 hat Live-Zustandsmeldungen abgelehnt (Code %2); prüfen Sie die Rechte des Loxone-Benutzers.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 stopped answering keepalive messages within %2 s; HomeWarden reconnects by itself.</source>
        <translation>Der Loxone Miniserver unter %1 beantwortet Keepalive-Nachrichten nicht mehr innerhalb von %2 s; HomeWarden verbindet sich von selbst neu.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 did not answer %2 over the WebSocket within %3 s; check that it is reachable and not overloaded.</source>
        <translation>Der Loxone Miniserver unter %1 hat %2 über den WebSocket nicht innerhalb von %3 s beantwortet; prüfen Sie, ob er erreichbar und nicht überlastet ist.</translation>
    </message>
    <message>
        <source>the connection request</source>
        <translation>die Verbindungsanfrage</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 did not answer the refresh of HomeWarden&apos;s token within %2 s; HomeWarden reconnects by itself.</source>
        <translation>Der Loxone Miniserver unter %1 hat die Erneuerung des Tokens von HomeWarden nicht innerhalb von %2 s beantwortet; HomeWarden verbindet sich von selbst neu.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 gave no usable token (code %2); its firmware may want encrypted token requests (before 11.2), which HomeWarden does not support: update the Miniserver&apos;s firmware.</source>
        <translation>Der Loxone Miniserver unter %1 hat kein brauchbares Token geliefert (Code %2); seine Firmware verlangt möglicherweise verschlüsselte Token-Anfragen (vor 11.2), die HomeWarden nicht unterstützt: Aktualisieren Sie die Firmware des Miniservers.</translation>
    </message>
    <message>
        <source>The Loxone Miniserver at %1 refused to refresh HomeWarden&apos;s token (code %2); HomeWarden logs in again.</source>
        <translation>Der Loxone Miniserver unter %1 hat die Erneuerung des Tokens von HomeWarden abgelehnt (Code %2); HomeWarden meldet sich erneut an.</translation>
    </message>
</context>
<context>
    <name>LoxoneStructure</name>
    <message>
        <source>The Loxone structure file is not a JSON object (%1); check that the Loxone URL points to a Miniserver.</source>
        <translation>Die Loxone-Strukturdatei ist kein JSON-Objekt (%1); prüfen Sie, ob die Loxone-URL auf einen Miniserver zeigt.</translation>
    </message>
    <message>
        <source>it is a list or a plain value</source>
        <translation>sie ist eine Liste oder ein einfacher Wert</translation>
    </message>
    <message>
        <source>The Loxone structure file lacks &quot;msInfo&quot; or &quot;controls&quot;; check that the Loxone URL points to a Miniserver.</source>
        <translation>Der Loxone-Strukturdatei fehlt &quot;msInfo&quot; oder &quot;controls&quot;; prüfen Sie, ob die Loxone-URL auf einen Miniserver zeigt.</translation>
    </message>
    <message>
        <source>Skipped the control &quot;%1&quot;: its id is not a Loxone uuid.</source>
        <translation>Das Steuerelement &quot;%1&quot; wurde übersprungen: Seine ID ist keine Loxone-UUID.</translation>
    </message>
    <message>
        <source>Skipped the subcontrol &quot;%1&quot; of &quot;%2&quot;: its id is not a Loxone uuid.</source>
        <translation>Das Unterelement &quot;%1&quot; von &quot;%2&quot; wurde übersprungen: Seine ID ist keine Loxone-UUID.</translation>
    </message>
</context>
<context>
    <name>RegisterCommand</name>
    <message>
        <source>Connect Claude Desktop: a key in the keychain and an entry in its configuration.</source>
        <translation>Verbindet Claude Desktop: ein Schlüssel im Schlüsselbund und ein Eintrag in seiner Konfiguration.</translation>
    </message>
    <message>
        <source>Disconnect Claude Desktop: remove the entry, revoke and delete its key.</source>
        <translation>Trennt Claude Desktop: entfernt den Eintrag, widerruft und löscht seinen Schlüssel.</translation>
    </message>
    <message>
        <source>Usage: homewarden unregister claude-desktop [--config PATH]

Removes the homewarden entry from Claude Desktop&apos;s configuration (keeping a backup
beside it), revokes its key and deletes it from the keychain.

  --config PATH   the configuration file (default: %1)
</source>
        <translation>Aufruf: homewarden unregister claude-desktop [--config PFAD]

Entfernt den Eintrag homewarden aus der Konfiguration von Claude Desktop (mit einer
Sicherungskopie daneben), widerruft seinen Schlüssel und löscht ihn aus dem Schlüsselbund.

  --config PFAD   die Konfigurationsdatei (Standard: %1)
</translation>
    </message>
    <message>
        <source>Usage: homewarden register claude-desktop [--role R] [--devices ID,..] [--config PATH]
       homewarden register --print-snippets

Makes a key for Claude Desktop, stores it in the OS keychain as client:claude-desktop
and adds an mcpServers.homewarden entry that starts &apos;homewarden --stdio --client
claude-desktop&apos; to its configuration (the key is never written there). Other servers
in the file stay as they are, and a backup of it is kept beside it. Registering again
replaces the entry and revokes the previous key.

  --role R          admin, operator (default), monitor, device or custom
  --devices ID,..   the devices the key may reach (role device needs them)
  --permissions P,..  the permissions of role custom: %1
  --config PATH     the configuration file (default: %2)
  --print-snippets  print what connects Claude Code, VS Code, Cursor and remote clients
</source>
        <translation>Aufruf: homewarden register claude-desktop [--role R] [--devices ID,..] [--config PFAD]
        homewarden register --print-snippets

Erstellt einen Schlüssel für Claude Desktop, speichert ihn im Schlüsselbund des Systems
als client:claude-desktop und fügt der Konfiguration von Claude Desktop einen Eintrag
mcpServers.homewarden hinzu, der „homewarden --stdio --client claude-desktop“ startet
(der Schlüssel selbst wird nie dort hineingeschrieben). Andere Server in der Datei bleiben
unverändert, und daneben wird eine Sicherungskopie der Datei abgelegt. Erneutes
Registrieren ersetzt den Eintrag und widerruft den vorherigen Schlüssel.

  --role R            admin, operator (Standard), monitor, device oder custom
  --devices ID,..     die Geräte, die der Schlüssel erreichen darf (Rolle device braucht sie)
  --permissions P,..  die Berechtigungen der Rolle custom: %1
  --config PFAD       die Konfigurationsdatei (Standard: %2)
  --print-snippets    gibt aus, wie sich Claude Code, VS Code, Cursor und entfernte Clients
                      verbinden lassen
</translation>
    </message>
    <message>
        <source>The configuration file.</source>
        <translation>Die Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Zeigt diese Hilfe.</translation>
    </message>
    <message>
        <source>The role.</source>
        <translation>Die Rolle.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>Device ids.</source>
        <translation>Geräte-IDs.</translation>
    </message>
    <message>
        <source>IDS</source>
        <translation>IDS</translation>
    </message>
    <message>
        <source>Permissions.</source>
        <translation>Berechtigungen.</translation>
    </message>
    <message>
        <source>PERMISSIONS</source>
        <translation>BERECHTIGUNGEN</translation>
    </message>
    <message>
        <source>Print snippets.</source>
        <translation>Gibt die Konfigurationsausschnitte aus.</translation>
    </message>
    <message>
        <source>%1 Run &apos;homewarden %2 --help&apos; for the usage.</source>
        <translation>%1 Den Aufruf von %2 zeigt „homewarden %2 --help“.</translation>
    </message>
    <message>
        <source>register --print-snippets takes no client name.</source>
        <translation>register --print-snippets erwartet keinen Client-Namen.</translation>
    </message>
    <message>
        <source>%1 needs the client: &apos;homewarden %1 claude-desktop&apos;.</source>
        <translation>%1 braucht den Client: „homewarden %1 claude-desktop“.</translation>
    </message>
    <message>
        <source>HomeWarden can %1 claude-desktop only, not &apos;%2&apos;; &apos;homewarden register --print-snippets&apos; shows how to connect other clients.</source>
        <translation>HomeWarden kann %1 nur für claude-desktop ausführen, nicht für „%2“; „homewarden register --print-snippets“ zeigt, wie sich andere Clients verbinden lassen.</translation>
    </message>
    <message>
        <source>Registered HomeWarden in Claude Desktop&apos;s configuration %1 with the new %2 key %3, kept in the keychain as client:claude-desktop (never in the file).
</source>
        <translation>HomeWarden wurde in der Konfiguration %1 von Claude Desktop eingetragen, mit dem neuen %2-Schlüssel %3, der im Schlüsselbund als client:claude-desktop aufbewahrt wird (nie in der Datei).
</translation>
    </message>
    <message>
        <source>The previous file is kept as %1.
</source>
        <translation>Die vorherige Datei ist als %1 gesichert.
</translation>
    </message>
    <message>
        <source>The previous key %1 is revoked.
</source>
        <translation>Der vorherige Schlüssel %1 ist widerrufen.
</translation>
    </message>
    <message>
        <source>Restart Claude Desktop to pick up the change.
</source>
        <translation>Starten Sie Claude Desktop neu, damit es die Änderung übernimmt.
</translation>
    </message>
    <message>
        <source>Removed HomeWarden from Claude Desktop&apos;s configuration %1; the previous file is kept as %2.
</source>
        <translation>HomeWarden wurde aus der Konfiguration %1 von Claude Desktop entfernt; die vorherige Datei ist als %2 gesichert.
</translation>
    </message>
    <message>
        <source>Key %1 is revoked and deleted from the keychain.
</source>
        <translation>Schlüssel %1 ist widerrufen und aus dem Schlüsselbund gelöscht.
</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume AI access — HomeWarden</source>
        <translation>KI-Zugriff wieder freigeben – HomeWarden</translation>
    </message>
    <message>
        <source>Let AI assistants reach %1 again?</source>
        <translation>Dürfen KI-Assistenten wieder auf %1 zugreifen?</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Freigeben</translation>
    </message>
</context>
<context>
    <name>SecretNames</name>
    <message>
        <source>&apos;%1&apos; is not a valid client name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>„%1“ ist kein gültiger Client-Name: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>There is no secret called &apos;%1&apos;: use ha-token, loxone-password or client:NAME.</source>
        <translation>Es gibt kein Geheimnis namens „%1“: Verwenden Sie ha-token, loxone-password oder client:NAME.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>There is no secret &apos;%1&apos; in the keychain: store it with &apos;homewarden secrets set %1&apos;.</source>
        <translation>Im Schlüsselbund gibt es kein Geheimnis „%1“: Speichern Sie es mit „homewarden secrets set %1“.</translation>
    </message>
    <message>
        <source>The keychain cannot be reached because no D-Bus session bus is running: run HomeWarden inside your desktop session (or under &apos;dbus-run-session&apos;) and try again.</source>
        <translation>Der Schlüsselbund ist nicht erreichbar, weil kein D-Bus-Sitzungsbus läuft: Starten Sie HomeWarden in Ihrer Desktop-Sitzung (oder unter „dbus-run-session“) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain service is running: start GNOME Keyring or KWallet (for example with &apos;gnome-keyring-daemon --start --components=secrets&apos;) and try again.</source>
        <translation>Es läuft kein Schlüsselbund-Dienst: Starten Sie GNOME Keyring oder KWallet (zum Beispiel mit „gnome-keyring-daemon --start --components=secrets“) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain has no default keyring to store secrets in: create one, for example with Passwords and Keys (Seahorse), and try again.</source>
        <translation>Der Schlüsselbund hat keinen Standard-Schlüsselring, in dem sich Geheimnisse speichern lassen: Legen Sie einen an, zum Beispiel mit „Passwörter und Verschlüsselung“ (Seahorse), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain is locked and was not unlocked (the prompt was dismissed or could not be shown): unlock your login keyring, for example by logging in to the desktop or in Passwords and Keys (Seahorse), and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt und wurde nicht entsperrt (die Abfrage wurde abgelehnt oder konnte nicht angezeigt werden): Entsperren Sie Ihren Anmelde-Schlüsselbund, zum Beispiel durch Anmelden am Desktop oder in „Passwörter und Verschlüsselung“ (Seahorse), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain denied HomeWarden access to &apos;%1&apos;: allow HomeWarden in your keychain&apos;s settings or answer its prompt, and try again.</source>
        <translation>Der Schlüsselbund verweigert HomeWarden den Zugriff auf „%1“: Erlauben Sie HomeWarden den Zugriff in den Einstellungen Ihres Schlüsselbunds oder beantworten Sie seine Abfrage, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s: if it shows a prompt, answer it; otherwise restart your keychain service and try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet: Falls er eine Abfrage zeigt, beantworten Sie sie; andernfalls starten Sie Ihren Schlüsselbund-Dienst neu und versuchen es erneut.</translation>
    </message>
    <message>
        <source>The keychain failed unexpectedly (%1): check that your keychain service is running and unlocked, and try again.</source>
        <translation>Der Schlüsselbund ist unerwartet gescheitert (%1): Prüfen Sie, ob Ihr Schlüsselbund-Dienst läuft und entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>SecretsCommand</name>
    <message>
        <source>Store or delete a secret in the OS keychain (value on stdin), or test the keychain.</source>
        <translation>Speichert oder löscht ein Geheimnis im Schlüsselbund des Systems (Wert über stdin) oder testet den Schlüsselbund.</translation>
    </message>
    <message>
        <source>Usage: homewarden secrets COMMAND [ARGS]

  set NAME      store a secret in the OS keychain; the value is read from stdin
                (typed without echo on a terminal), never from the command line
  delete NAME   delete a secret from the keychain
  test          write, read back and delete a probe entry, and name the keychain
                backend in use

Names:
  ha-token          the Home Assistant access token
  loxone-password   the Loxone Miniserver password
  client:NAME       the API key of an MCP client that starts
                    &apos;homewarden --stdio --client NAME&apos;

Example:
  homewarden keys generate --role operator --name claude \
      | homewarden secrets set client:claude
</source>
        <translation>Aufruf: homewarden secrets BEFEHL [ARGS]

  set NAME      speichert ein Geheimnis im Schlüsselbund des Systems; der Wert wird
                von stdin gelesen (am Terminal ohne Anzeige), nie von der Befehlszeile
  delete NAME   löscht ein Geheimnis aus dem Schlüsselbund
  test          schreibt einen Probe-Eintrag, liest ihn zurück, löscht ihn und nennt
                das verwendete Schlüsselbund-Backend

Namen:
  ha-token          das Zugriffstoken für Home Assistant
  loxone-password   das Passwort des Loxone Miniservers
  client:NAME       der API-Schlüssel eines MCP-Clients, der
                    „homewarden --stdio --client NAME“ startet

Beispiel:
  homewarden keys generate --role operator --name claude \
      | homewarden secrets set client:claude
</translation>
    </message>
    <message>
        <source>secrets needs a command: set, delete or test; run &apos;homewarden secrets --help&apos; for the usage.</source>
        <translation>secrets braucht einen Befehl: set, delete oder test; „homewarden secrets --help“ zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>Unknown secrets command &apos;%1&apos;; run &apos;homewarden secrets --help&apos; for the list.</source>
        <translation>Unbekannter secrets-Befehl „%1“; „homewarden secrets --help“ zeigt die Liste.</translation>
    </message>
    <message>
        <source>secrets set needs a name: ha-token, loxone-password or client:NAME.</source>
        <translation>secrets set braucht einen Namen: ha-token, loxone-password oder client:NAME.</translation>
    </message>
    <message>
        <source>secrets set takes only a name: the secret is read from stdin, never from the command line, where other users and the shell history can see it.</source>
        <translation>secrets set erwartet nur einen Namen: Das Geheimnis wird von stdin gelesen, nie von der Befehlszeile, wo andere Benutzer und der Shell-Verlauf es sehen können.</translation>
    </message>
    <message>
        <source>What was read is not a HomeWarden API key: pipe in the output of &apos;homewarden keys generate&apos;.</source>
        <translation>Das Gelesene ist kein HomeWarden-API-Schlüssel: Leiten Sie die Ausgabe von „homewarden keys generate“ weiter.</translation>
    </message>
    <message>
        <source>Stored &apos;%1&apos; in the keychain.</source>
        <translation>„%1“ wurde im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Stored &apos;%1&apos; in the keychain; start the client&apos;s server with &apos;homewarden --stdio --client %2&apos;.</source>
        <translation>„%1“ wurde im Schlüsselbund gespeichert; starten Sie den Server des Clients mit „homewarden --stdio --client %2“.</translation>
    </message>
    <message>
        <source>secrets delete needs exactly one name: ha-token, loxone-password or client:NAME.</source>
        <translation>secrets delete braucht genau einen Namen: ha-token, loxone-password oder client:NAME.</translation>
    </message>
    <message>
        <source>There is no secret &apos;%1&apos; in the keychain; nothing was deleted.</source>
        <translation>Im Schlüsselbund gibt es kein Geheimnis „%1“; es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Deleted &apos;%1&apos; from the keychain.</source>
        <translation>„%1“ wurde aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after secrets test.</source>
        <translation>Unerwartetes Argument „%1“ nach secrets test.</translation>
    </message>
    <message>
        <source>The keychain gave back something other than what was stored: check your keychain service.</source>
        <translation>Der Schlüsselbund hat etwas anderes zurückgegeben, als gespeichert wurde: Prüfen Sie Ihren Schlüsselbund-Dienst.</translation>
    </message>
    <message>
        <source>Keychain works: a probe entry was written, read back and deleted.
Backend: %1
</source>
        <translation>Der Schlüsselbund funktioniert: Ein Probe-Eintrag wurde geschrieben, zurückgelesen und gelöscht.
Backend: %1
</translation>
    </message>
    <message>
        <source>Enter the secret for &apos;%1&apos; (it is not shown), then press Enter: </source>
        <translation>Geben Sie das Geheimnis für „%1“ ein (es wird nicht angezeigt) und drücken Sie dann die Eingabetaste: </translation>
    </message>
    <message>
        <source>The input is longer than %1 KiB, which no secret HomeWarden stores is: pipe in only the secret.</source>
        <translation>Die Eingabe ist länger als %1 KiB, so lang ist kein Geheimnis, das HomeWarden speichert: Leiten Sie nur das Geheimnis weiter.</translation>
    </message>
    <message>
        <source>Nothing was read from stdin: pipe the secret in, for example &apos;homewarden secrets set %1 &lt; file&apos;, or type it when asked.</source>
        <translation>Von stdin wurde nichts gelesen: Leiten Sie das Geheimnis weiter, zum Beispiel mit „homewarden secrets set %1 &lt; file“, oder tippen Sie es ein, wenn Sie danach gefragt werden.</translation>
    </message>
</context>
<context>
    <name>SecurityLevels</name>
    <message>
        <source>keys optional on loopback and stdio, no rate limit, secrets from the environment accepted, no TLS required</source>
        <translation>Schlüssel optional über Loopback und stdio, keine Ratenbegrenzung, Geheimnisse aus der Umgebung erlaubt, kein TLS erforderlich</translation>
    </message>
    <message>
        <source>keys required, secrets only from the keychain, TLS not required off loopback</source>
        <translation>Schlüssel erforderlich, Geheimnisse nur aus dem Schlüsselbund, TLS außerhalb von Loopback nicht erforderlich</translation>
    </message>
    <message>
        <source>keys required, secrets only from the keychain, TLS off loopback</source>
        <translation>Schlüssel erforderlich, Geheimnisse nur aus dem Schlüsselbund, TLS außerhalb von Loopback</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Serve AI clients over HTTP (Streamable HTTP at /mcp)</source>
        <translation>KI-Clients über HTTP bedienen (Streamable HTTP unter /mcp)</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Privater TLS-Schlüssel</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>The safe choices are already made; change them only if you know why.</source>
        <translation>Die sicheren Einstellungen sind bereits gewählt; ändern Sie sie nur, wenn Sie wissen, warum.</translation>
    </message>
    <message>
        <source>Production (recommended)</source>
        <translation>Production (empfohlen)</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Development</translation>
    </message>
    <message>
        <source>Security level:</source>
        <translation>Sicherheitsstufe:</translation>
    </message>
    <message>
        <source>Claude Desktop does not need it (it starts HomeWarden itself). 127.0.0.1 keeps it to this computer; another address lets other computers in, and then TLS is required at production level.</source>
        <translation>Claude Desktop braucht ihn nicht (es startet HomeWarden selbst). 127.0.0.1 beschränkt ihn auf diesen Computer; eine andere Adresse lässt andere Computer zu, und dann ist auf der Stufe production TLS erforderlich.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>None (not needed on 127.0.0.1)</source>
        <translation>Keine (auf 127.0.0.1 nicht nötig)</translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation>TLS-Zertifikat:</translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation>Privater TLS-Schlüssel:</translation>
    </message>
    <message>
        <source>Every AI client needs a key; secrets come only from the keychain; a server reachable from other computers must use TLS.</source>
        <translation>Jeder KI-Client braucht einen Schlüssel; Geheimnisse kommen nur aus dem Schlüsselbund; ein Server, der von anderen Computern erreichbar ist, muss TLS verwenden.</translation>
    </message>
    <message>
        <source>Every AI client needs a key, but the server may run without TLS on your network: for trying things out.</source>
        <translation>Jeder KI-Client braucht einen Schlüssel, aber der Server darf in Ihrem Netzwerk ohne TLS laufen: zum Ausprobieren.</translation>
    </message>
    <message>
        <source>For developers only: no key needed on this computer, secrets may come from environment variables, no rate limit. Do not use it with a real home.</source>
        <translation>Nur für Entwickler: Auf diesem Computer ist kein Schlüssel nötig, Geheimnisse dürfen aus Umgebungsvariablen kommen, keine Ratenbegrenzung. Nicht mit einem echten Zuhause verwenden.</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>Serve MCP over Streamable HTTP at /mcp (default http://127.0.0.1:3001/mcp).</source>
        <translation>Stellt MCP über Streamable HTTP unter /mcp bereit (Standard: http://127.0.0.1:3001/mcp).</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1).</source>
        <translation>Adresse, auf der gelauscht wird (Standard: 127.0.0.1).</translation>
    </message>
    <message>
        <source>Port (default 3001).</source>
        <translation>Port (Standard: 3001).</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>PEM-Zertifikat (oder -Kette) für HTTPS.</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>Privater PEM-Schlüssel für HTTPS.</translation>
    </message>
    <message>
        <source>A web origin allowed to call (repeatable).</source>
        <translation>Ein Web-Origin, der aufrufen darf (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after serve.</source>
        <translation>Unerwartetes Argument „%1“ nach serve.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address to listen on.</source>
        <translation>„%1“ ist keine IP-Adresse, auf der gelauscht werden kann.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port number.</source>
        <translation>„%1“ ist keine Portnummer.</translation>
    </message>
    <message>
        <source>HTTPS needs both --tls-cert and --tls-key.</source>
        <translation>HTTPS braucht sowohl --tls-cert als auch --tls-key.</translation>
    </message>
    <message>
        <source>At the production security level HomeWarden listens beyond this computer (%1) only over HTTPS: add --tls-cert and --tls-key, or listen on 127.0.0.1.</source>
        <translation>Auf der Sicherheitsstufe production lauscht HomeWarden über diesen Computer hinaus (%1) nur über HTTPS: Geben Sie --tls-cert und --tls-key an oder lauschen Sie auf 127.0.0.1.</translation>
    </message>
    <message>
        <source>HomeWarden cannot check keys, so it does not serve: %1</source>
        <translation>HomeWarden kann keine Schlüssel prüfen und stellt deshalb nichts bereit: %1</translation>
    </message>
    <message>
        <source>serving MCP at %1 (security level %2)</source>
        <translation>stellt MCP unter %1 bereit (Sicherheitsstufe %2)</translation>
    </message>
</context>
<context>
    <name>ServerHost</name>
    <message>
        <source>At the production security level HomeWarden listens beyond this computer (%1) only over HTTPS: give it a certificate and key, or listen on 127.0.0.1.</source>
        <translation>Auf der Sicherheitsstufe production lauscht HomeWarden über diesen Computer hinaus (%1) nur über HTTPS: Hinterlegen Sie ein Zertifikat und einen Schlüssel oder lauschen Sie auf 127.0.0.1.</translation>
    </message>
</context>
<context>
    <name>ServerSettings</name>
    <message>
        <source>server/host &apos;%1&apos; in homewarden.ini is not an IP address; HomeWarden listens on %2.</source>
        <translation>server/host „%1“ in homewarden.ini ist keine IP-Adresse; HomeWarden lauscht auf %2.</translation>
    </message>
    <message>
        <source>server/port in homewarden.ini must be between 1 and 65535; HomeWarden uses %1.</source>
        <translation>server/port in homewarden.ini muss zwischen 1 und 65535 liegen; HomeWarden verwendet %1.</translation>
    </message>
    <message>
        <source>server/enabled &apos;%1&apos; in homewarden.ini is neither true nor false; HomeWarden does not serve over HTTP.</source>
        <translation>server/enabled „%1“ in homewarden.ini ist weder true noch false; HomeWarden stellt nichts über HTTP bereit.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — HomeWarden</source>
        <translation>Einstellungen – HomeWarden</translation>
    </message>
    <message>
        <source>Settings cannot be saved here: %1</source>
        <translation>Einstellungen können hier nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>HTTP-Server</translation>
    </message>
    <message>
        <source>Serve MCP over HTTP</source>
        <translation>MCP über HTTP bereitstellen</translation>
    </message>
    <message>
        <source>When it is off, MCP clients on this computer still reach HomeWarden over stdio.</source>
        <translation>Wenn er aus ist, erreichen MCP-Clients auf diesem Computer HomeWarden weiter über stdio.</translation>
    </message>
    <message>
        <source>127.0.0.1: this computer only. 0.0.0.0: every network.</source>
        <translation>127.0.0.1: nur dieser Computer. 0.0.0.0: alle Netzwerke.</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Lauschen auf:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation>TLS-Zertifikat:</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>Privater TLS-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation>Privater TLS-Schlüssel:</translation>
    </message>
    <message>
        <source>https://example.org</source>
        <translation>https://example.org</translation>
    </message>
    <message>
        <source>Allowed web origins:</source>
        <translation>Erlaubte Web-Origins:</translation>
    </message>
    <message>
        <source>One per line, besides this computer&apos;s own. Web pages from any other origin are refused.</source>
        <translation>Einer pro Zeile, zusätzlich zu denen dieses Computers. Webseiten anderer Origins werden abgewiesen.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Development</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Security level:</source>
        <translation>Sicherheitsstufe:</translation>
    </message>
    <message>
        <source>Record the parameters of tool calls in the audit trail</source>
        <translation>Parameter von Tool-Aufrufen im Prüfprotokoll aufzeichnen</translation>
    </message>
    <message>
        <source>They can contain personal data, such as names of rooms and people.</source>
        <translation>Sie können personenbezogene Daten enthalten, etwa Namen von Räumen und Personen.</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Start HomeWarden when I log in</source>
        <translation>HomeWarden bei meiner Anmeldung starten</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language applies the next time HomeWarden starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von HomeWarden.</translation>
    </message>
    <message>
        <source>%1.
HOMEWARDEN_SECURITY_LEVEL sets %2 for processes started with it.</source>
        <translation>%1.
HOMEWARDEN_SECURITY_LEVEL setzt %2 für damit gestartete Prozesse.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>Saved. The HTTP server now follows the new settings; the rest applies at the next start.</source>
        <translation>Gespeichert. Der HTTP-Server folgt jetzt den neuen Einstellungen; der Rest gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Saved. The HTTP server now follows the new settings.</source>
        <translation>Gespeichert. Der HTTP-Server folgt jetzt den neuen Einstellungen.</translation>
    </message>
    <message>
        <source>Saved. The change applies the next time HomeWarden starts.</source>
        <translation>Gespeichert. Die Änderung gilt ab dem nächsten Start von HomeWarden.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep every event</source>
        <translation>Alle Einträge behalten</translation>
    </message>
    <message>
        <source>Keep audit events for:</source>
        <translation>Einträge des Prüfprotokolls behalten für:</translation>
    </message>
    <message>
        <source>The level and parameter recording apply to each HomeWarden process from its next start. Older audit events are deleted when the tray starts and once a day; the trail stays verifiable.</source>
        <translation>Stufe und Parameteraufzeichnung gelten für jeden HomeWarden-Prozess ab seinem nächsten Start. Ältere Einträge des Prüfprotokolls werden beim Start des Infobereichs und einmal täglich gelöscht; das Protokoll bleibt prüfbar.</translation>
    </message>
</context>
<context>
    <name>SettingsInput</name>
    <message>
        <source>&apos;%1&apos; is not an IP address: use 127.0.0.1 for this computer only, or 0.0.0.0 for every network.</source>
        <translation>„%1“ ist keine IP-Adresse: Verwenden Sie 127.0.0.1 nur für diesen Computer oder 0.0.0.0 für alle Netzwerke.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web origin; write one per line, like https://example.org.</source>
        <translation>„%1“ ist kein Web-Origin; schreiben Sie einen pro Zeile, etwa https://example.org.</translation>
    </message>
</context>
<context>
    <name>SetupCommit</name>
    <message>
        <source>Nothing was saved because the audit trail cannot be opened; check that %1 can be written.</source>
        <translation>Es wurde nichts gespeichert, weil das Prüfprotokoll nicht geöffnet werden kann; prüfen Sie, ob %1 beschreibbar ist.</translation>
    </message>
    <message>
        <source>The Home Assistant token is stored in the keychain.</source>
        <translation>Das Home-Assistant-Token ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The Loxone password is stored in the keychain.</source>
        <translation>Das Loxone-Passwort ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) saved to %1.</source>
        <translation>
            <numerusform>%n Einstellung in %1 gespeichert.</numerusform>
            <numerusform>%n Einstellungen in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Claude Desktop uses the new key %1 (role %2); restart Claude Desktop to pick up the change.</source>
        <translation>Claude Desktop verwendet den neuen Schlüssel %1 (Rolle %2); starten Sie Claude Desktop neu, damit es die Änderung übernimmt.</translation>
    </message>
    <message>
        <source>HomeWarden starts when you log in.</source>
        <translation>HomeWarden startet bei Ihrer Anmeldung.</translation>
    </message>
    <message>
        <source>HomeWarden no longer starts when you log in.</source>
        <translation>HomeWarden startet nicht mehr bei Ihrer Anmeldung.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>HomeWarden setup</source>
        <translation>HomeWarden-Einrichtung</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>HomeWarden cannot make sure it runs only once (%1); a second start may open a second tray.</source>
        <translation>HomeWarden kann nicht sicherstellen, dass es nur einmal läuft (%1); ein zweiter Start kann ein zweites Symbol im Infobereich öffnen.</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>Show the version, the state directory and what is configured.</source>
        <translation>Zeigt die Version, das Zustandsverzeichnis und was eingerichtet ist.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; after status.</source>
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
    <message>
        <source>Security level: %1 (%2)</source>
        <translation>Sicherheitsstufe: %1 (%2)</translation>
    </message>
    <message>
        <source>Security level: invalid (%1)</source>
        <translation>Sicherheitsstufe: ungültig (%1)</translation>
    </message>
    <message>
        <source>Home Assistant: %1</source>
        <translation>Home Assistant: %1</translation>
    </message>
    <message>
        <source>Loxone: %1 (user %2)</source>
        <translation>Loxone: %1 (Benutzer %2)</translation>
    </message>
    <message>
        <source>Kill switch: released</source>
        <translation>Not-Aus: nicht ausgelöst</translation>
    </message>
    <message>
        <source>Kill switch: %1</source>
        <translation>Not-Aus: %1</translation>
    </message>
</context>
<context>
    <name>StdioCommand</name>
    <message>
        <source>Unexpected argument &apos;%1&apos; after --stdio.</source>
        <translation>Unerwartetes Argument „%1“ nach --stdio.</translation>
    </message>
    <message>
        <source>No API key was given: set %1 to a key from &apos;homewarden keys generate&apos;.</source>
        <translation>Kein API-Schlüssel angegeben: Setzen Sie %1 auf einen Schlüssel aus „homewarden keys generate“.</translation>
    </message>
    <message>
        <source>The key in %1 was refused: %2</source>
        <translation>Der Schlüssel in %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>HomeWarden cannot check keys, so every call is refused: %1</source>
        <translation>HomeWarden kann keine Schlüssel prüfen und lehnt deshalb jeden Aufruf ab: %1</translation>
    </message>
    <message>
        <source>Serve MCP over stdin/stdout for one AI client (headless); the key comes from HOMEWARDEN_API_KEY, or with --client NAME from the keychain.</source>
        <translation>Stellt MCP über stdin/stdout für einen KI-Client bereit (ohne Bildschirm); der Schlüssel kommt aus HOMEWARDEN_API_KEY oder mit --client NAME aus dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>--client needs the name the client&apos;s key was stored under, e.g. --client claude.</source>
        <translation>--client braucht den Namen, unter dem der Schlüssel des Clients gespeichert wurde, z. B. --client claude.</translation>
    </message>
    <message>
        <source>security level %1: %2</source>
        <translation>Sicherheitsstufe %1: %2</translation>
    </message>
    <message>
        <source>%1 is ignored: with --client the key comes from the keychain entry client:%2.</source>
        <translation>%1 wird ignoriert: Mit --client kommt der Schlüssel aus dem Schlüsselbund-Eintrag client:%2.</translation>
    </message>
    <message>
        <source>The key stored for client &apos;%1&apos; was refused: %2</source>
        <translation>Der für den Client „%1“ gespeicherte Schlüssel wurde abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>StopCommand</name>
    <message>
        <source>Stop all AI access to ha, loxone or all (the kill switch).</source>
        <translation>Stoppt jeden KI-Zugriff auf ha, loxone oder all (Not-Aus).</translation>
    </message>
    <message>
        <source>Resume AI access to ha, loxone or all after asking.</source>
        <translation>Gibt den KI-Zugriff auf ha, loxone oder all nach Rückfrage wieder frei.</translation>
    </message>
    <message>
        <source>Usage: homewarden stop [ha|loxone|all] [--reason TEXT]

Stops every AI request to Home Assistant (ha), Loxone or both (all, the default), in every HomeWarden process, until someone resumes it.

  --reason TEXT  why; AI clients and &apos;homewarden status&apos; show it
</source>
        <translation>Aufruf: homewarden stop [ha|loxone|all] [--reason TEXT]

Stoppt jede KI-Anfrage an Home Assistant (ha), Loxone oder beide (all, der Standard), in jedem HomeWarden-Prozess, bis jemand sie wieder freigibt.

  --reason TEXT  der Grund; KI-Clients und „homewarden status“ zeigen ihn an
</translation>
    </message>
    <message>
        <source>Usage: homewarden resume [ha|loxone|all] [--yes]

Lets AI requests reach Home Assistant (ha), Loxone or both (all, the default) again. Resuming all lifts every stop; resuming ha or loxone lifts only that one.

  -y, --yes  resume without asking for y or yes on stdin
</source>
        <translation>Aufruf: homewarden resume [ha|loxone|all] [--yes]

Lässt KI-Anfragen wieder zu Home Assistant (ha), Loxone oder beiden (all, der Standard) durch. resume all hebt jeden Stopp auf; resume ha oder resume loxone hebt nur diesen einen auf.

  -y, --yes  gibt frei, ohne auf stdin nach y oder yes zu fragen
</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Loxone</source>
        <translation>Loxone</translation>
    </message>
    <message>
        <source>the house (Home Assistant and Loxone)</source>
        <translation>das Haus (Home Assistant und Loxone)</translation>
    </message>
    <message>
        <source>AI access to the house is stopped because the kill-switch state cannot be read (%1)</source>
        <translation>Der KI-Zugriff auf das Haus ist gestoppt, weil der Not-Aus-Zustand nicht gelesen werden kann (%1)</translation>
    </message>
    <message>
        <source>AI access to %1 stopped since %2 by %3</source>
        <translation>KI-Zugriff auf %1 gestoppt seit %2 durch %3</translation>
    </message>
    <message>
        <source> (reason: %1)</source>
        <translation> (Grund: %1)</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Zeigt diese Hilfe.</translation>
    </message>
    <message>
        <source>Why AI access is stopped.</source>
        <translation>Warum der KI-Zugriff gestoppt wird.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Resume without asking.</source>
        <translation>Gibt frei, ohne zu fragen.</translation>
    </message>
    <message>
        <source>%1 Run &apos;homewarden %2 --help&apos; for its usage.</source>
        <translation>%1 Den Aufruf von %2 zeigt „homewarden %2 --help“.</translation>
    </message>
    <message>
        <source>%1 takes one scope at most: ha, loxone or all.</source>
        <translation>%1 nimmt höchstens einen Bereich an: ha, loxone oder all.</translation>
    </message>
    <message>
        <source>Unknown scope &apos;%1&apos;; use ha, loxone or all.</source>
        <translation>Unbekannter Bereich „%1“; verwenden Sie ha, loxone oder all.</translation>
    </message>
    <message>
        <source>The stop goes ahead without an audit record.</source>
        <translation>Der Stopp wird ohne Eintrag im Prüfprotokoll ausgeführt.</translation>
    </message>
    <message>
        <source>%1.
It stays stopped in every HomeWarden process until someone runs &apos;homewarden resume %2&apos;.
</source>
        <translation>%1.
Der Zugriff bleibt in jedem HomeWarden-Prozess gestoppt, bis jemand „homewarden resume %2“ ausführt.
</translation>
    </message>
    <message>
        <source>%1 has no stop of its own, but this one covers it: %2.
Run &apos;homewarden resume all&apos; to lift it.
</source>
        <translation>%1 hat keinen eigenen Stopp, ist aber von diesem erfasst: %2.
Führen Sie „homewarden resume all“ aus, um ihn aufzuheben.
</translation>
    </message>
    <message>
        <source>AI access to %1 is not stopped; there is nothing to resume.
</source>
        <translation>Der KI-Zugriff auf %1 ist nicht gestoppt; es gibt nichts freizugeben.
</translation>
    </message>
    <message>
        <source>Resume AI access to %1? [y/N] </source>
        <translation>KI-Zugriff auf %1 wieder freigeben? [y/N] </translation>
    </message>
    <message>
        <source>Nothing was resumed: the answer was not y or yes.</source>
        <translation>Es wurde nichts freigegeben: Die Antwort war nicht y oder yes.</translation>
    </message>
    <message>
        <source>The stop of %1 is lifted, but AI access stays stopped: %2.
</source>
        <translation>Der Stopp für %1 ist aufgehoben, aber der KI-Zugriff bleibt gestoppt: %2.
</translation>
    </message>
    <message>
        <source>AI access to %1 is resumed.
</source>
        <translation>Der KI-Zugriff auf %1 ist wieder freigegeben.
</translation>
    </message>
</context>
<context>
    <name>TlsFiles</name>
    <message>
        <source>HTTPS needs both a certificate file and a private key file.</source>
        <translation>HTTPS braucht sowohl eine Zertifikatsdatei als auch eine Datei mit dem privaten Schlüssel.</translation>
    </message>
    <message>
        <source>No PEM certificate could be read from %1.</source>
        <translation>Aus %1 konnte kein PEM-Zertifikat gelesen werden.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read.</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No unencrypted PEM private key could be read from %1.</source>
        <translation>Aus %1 konnte kein unverschlüsselter privater PEM-Schlüssel gelesen werden.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Quit HomeWarden</source>
        <translation>HomeWarden beenden</translation>
    </message>
    <message>
        <source>Emergency stop — everything</source>
        <translation>Not-Aus – alles</translation>
    </message>
    <message>
        <source>Stops all AI access to the house at once, without asking.</source>
        <translation>Stoppt sofort jeden KI-Zugriff auf das Haus, ohne Rückfrage.</translation>
    </message>
    <message>
        <source>Stop Home Assistant</source>
        <translation>Home Assistant stoppen</translation>
    </message>
    <message>
        <source>Stop Loxone</source>
        <translation>Loxone stoppen</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Wieder freigeben…</translation>
    </message>
    <message>
        <source>API keys…</source>
        <translation>API-Schlüssel…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Prüfprotokoll…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>No backend is set up yet</source>
        <translation>Noch kein Backend eingerichtet</translation>
    </message>
    <message>
        <source>emergency stop in the tray</source>
        <translation>Not-Aus im Infobereich</translation>
    </message>
    <message>
        <source>stopped in the tray</source>
        <translation>im Infobereich gestoppt</translation>
    </message>
    <message>
        <source>AI access stopped</source>
        <translation>KI-Zugriff gestoppt</translation>
    </message>
    <message>
        <source>HomeWarden</source>
        <translation>HomeWarden</translation>
    </message>
    <message numerus="yes">
        <source>No system tray is available yet, so HomeWarden&apos;s icon cannot be shown; it keeps serving and tries again for %n seconds.</source>
        <translation>
            <numerusform>Es ist noch kein Infobereich verfügbar, daher kann HomeWarden sein Symbol nicht anzeigen; es arbeitet weiter und versucht es noch %n Sekunde lang erneut.</numerusform>
            <numerusform>Es ist noch kein Infobereich verfügbar, daher kann HomeWarden sein Symbol nicht anzeigen; es arbeitet weiter und versucht es noch %n Sekunden lang erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Still no system tray: HomeWarden serves without an icon; use &apos;homewarden status&apos;, &apos;homewarden stop&apos; and &apos;homewarden resume&apos; in a terminal, or add a tray (notification area) to your panel and start HomeWarden again.</source>
        <translation>Immer noch kein Infobereich: HomeWarden arbeitet ohne Symbol weiter; verwenden Sie „homewarden status“, „homewarden stop“ und „homewarden resume“ in einem Terminal, oder fügen Sie Ihrer Leiste einen Infobereich (Benachrichtigungsfeld) hinzu und starten Sie HomeWarden erneut.</translation>
    </message>
    <message>
        <source>Setup wizard…</source>
        <translation>Einrichtungsassistent…</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source> The last came from %1.</source>
        <translation> Die letzte kam von %1.</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>%1 failed logins within a minute.</source>
        <translation>%1 fehlgeschlagene Anmeldungen innerhalb einer Minute.</translation>
    </message>
    <message>
        <source> The audit log has the details.</source>
        <translation> Die Einzelheiten stehen im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) expires within a day.</source>
        <translation>„%1“ (%2) läuft innerhalb eines Tages ab.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) expires in %3 days.</source>
        <translation>„%1“ (%2) läuft in %3 Tagen ab.</translation>
    </message>
    <message>
        <source>An API key expires soon</source>
        <translation>Ein API-Schlüssel läuft bald ab</translation>
    </message>
    <message>
        <source>%1 API keys expire soon</source>
        <translation>%1 API-Schlüssel laufen bald ab</translation>
    </message>
    <message>
        <source>Give the clients new keys in the API keys window.</source>
        <translation>Geben Sie den Clients im Fenster „API-Schlüssel“ neue Schlüssel.</translation>
    </message>
</context>
<context>
    <name>TrayServer</name>
    <message>
        <source>HomeWarden cannot check keys, so it does not serve: %1</source>
        <translation>HomeWarden kann keine Schlüssel prüfen und stellt deshalb nichts bereit: %1</translation>
    </message>
    <message>
        <source>The HTTP server is turned off in Settings.</source>
        <translation>Der HTTP-Server ist in den Einstellungen ausgeschaltet.</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>the tray</source>
        <translation>dem Infobereich</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>der Befehlszeile</translation>
    </message>
    <message>
        <source>an unknown person</source>
        <translation>einer unbekannten Person</translation>
    </message>
    <message>
        <source>Emergency stop: AI access to the house is stopped, since the kill-switch state cannot be read.</source>
        <translation>Not-Aus: Der KI-Zugriff auf das Haus ist gestoppt, da der Not-Aus-Zustand nicht gelesen werden kann.</translation>
    </message>
    <message>
        <source>Emergency stop: AI access to the house is stopped.</source>
        <translation>Not-Aus: Der KI-Zugriff auf das Haus ist gestoppt.</translation>
    </message>
    <message>
        <source>Emergency stop: AI access to %1 is stopped.</source>
        <translation>Not-Aus: Der KI-Zugriff auf %1 ist gestoppt.</translation>
    </message>
    <message>
        <source>The server is not running.</source>
        <translation>Der Server läuft nicht.</translation>
    </message>
    <message>
        <source>The server is not running: %1</source>
        <translation>Der Server läuft nicht: %1</translation>
    </message>
    <message>
        <source>Serving, but no backend is set up yet.</source>
        <translation>In Betrieb, aber noch kein Backend eingerichtet.</translation>
    </message>
    <message>
        <source>Serving, but not connected to %1.</source>
        <translation>In Betrieb, aber nicht mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Serving; every backend is connected.</source>
        <translation>In Betrieb; alle Backends sind verbunden.</translation>
    </message>
    <message>
        <source>%1: stopped</source>
        <translation>%1: gestoppt</translation>
    </message>
    <message>
        <source>%1: connected</source>
        <translation>%1: verbunden</translation>
    </message>
    <message>
        <source>%1: not connected</source>
        <translation>%1: nicht verbunden</translation>
    </message>
    <message>
        <source>Serving MCP at %1</source>
        <translation>MCP wird unter %1 bereitgestellt</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Server gestoppt</translation>
    </message>
    <message>
        <source>Server stopped: %1</source>
        <translation>Server gestoppt: %1</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Loxone</source>
        <translation>Loxone</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Everything: stopped, since the kill-switch state cannot be read (%1)</source>
        <translation>Alles: gestoppt, da der Not-Aus-Zustand nicht gelesen werden kann (%1)</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>Zeitpunkt unbekannt</translation>
    </message>
    <message>
        <source>%1: stopped by %2 on %3</source>
        <translation>%1: gestoppt von %2 (%3)</translation>
    </message>
    <message>
        <source>%1: stopped by %2 on %3 — %4</source>
        <translation>%1: gestoppt von %2 (%3) – %4</translation>
    </message>
    <message>
        <source>Everything: stopped, since the kill-switch state cannot be read</source>
        <translation>Alles: gestoppt, da der Not-Aus-Zustand nicht gelesen werden kann</translation>
    </message>
    <message>
        <source>%1: stopped by %2</source>
        <translation>%1: gestoppt von %2</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to HomeWarden</source>
        <translation>Willkommen bei HomeWarden</translation>
    </message>
    <message>
        <source>HomeWarden is the guarded gate between AI assistants and your home.</source>
        <translation>HomeWarden ist das bewachte Tor zwischen KI-Assistenten und Ihrem Zuhause.</translation>
    </message>
    <message>
        <source>&lt;p&gt;AI assistants such as Claude Desktop reach your Home Assistant and your Loxone Miniserver only through HomeWarden. It checks every request against the key the assistant uses, records it in an audit trail you can read, and lets you cut the assistants off with one click in the tray.&lt;/p&gt;&lt;p&gt;When you press Finish, this wizard will:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;store the Home Assistant token and the Loxone password in this computer&apos;s keychain (never in a file);&lt;/li&gt;&lt;li&gt;write the addresses, the security level and the server settings to HomeWarden&apos;s settings file, each change recorded in the audit trail;&lt;/li&gt;&lt;li&gt;if you choose so, create a key for Claude Desktop and add HomeWarden to its configuration file (a backup of the file is kept);&lt;/li&gt;&lt;li&gt;if you choose so, start HomeWarden when you log in.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Nothing is changed before you press Finish.&lt;/p&gt;</source>
        <translation>&lt;p&gt;KI-Assistenten wie Claude Desktop erreichen Ihr Home Assistant und Ihren Loxone Miniserver nur über HomeWarden. Es prüft jede Anfrage anhand des Schlüssels, den der Assistent verwendet, zeichnet sie in einem Prüfprotokoll auf, das Sie lesen können, und lässt Sie den Assistenten mit einem Klick im Infobereich den Zugriff entziehen.&lt;/p&gt;&lt;p&gt;Wenn Sie auf „Abschließen“ klicken, wird dieser Assistent:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;das Home-Assistant-Token und das Loxone-Passwort im Schlüsselbund dieses Computers speichern (nie in einer Datei);&lt;/li&gt;&lt;li&gt;die Adressen, die Sicherheitsstufe und die Servereinstellungen in die Einstellungsdatei von HomeWarden schreiben und jede Änderung im Prüfprotokoll festhalten;&lt;/li&gt;&lt;li&gt;auf Wunsch einen Schlüssel für Claude Desktop erstellen und HomeWarden in dessen Konfigurationsdatei eintragen (eine Sicherungskopie der Datei wird aufbewahrt);&lt;/li&gt;&lt;li&gt;auf Wunsch HomeWarden bei Ihrer Anmeldung starten.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Vor dem Klick auf „Abschließen“ wird nichts geändert.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No graphical session was found: start HomeWarden from your desktop, or use &apos;homewarden --stdio&apos; or &apos;homewarden status&apos; in a terminal.</source>
        <translation>Keine grafische Sitzung gefunden: Starten Sie HomeWarden von Ihrer Arbeitsfläche aus oder verwenden Sie „homewarden --stdio“ bzw. „homewarden status“ in einem Terminal.</translation>
    </message>
    <message>
        <source>The tray application %1 cannot be started (%2); reinstall HomeWarden, or use &apos;homewarden --help&apos; for the commands that need no display.</source>
        <translation>Die Infobereich-Anwendung %1 kann nicht gestartet werden (%2); installieren Sie HomeWarden neu oder verwenden Sie „homewarden --help“ für die Befehle, die keinen Bildschirm brauchen.</translation>
    </message>
    <message>
        <source>Open the tray menu at X,Y (for screenshots).</source>
        <translation>Öffnet das Menü im Infobereich an der Position X,Y (für Bildschirmfotos).</translation>
    </message>
    <message>
        <source>homewarden-tray takes no arguments; see &apos;homewarden --help&apos;.</source>
        <translation>homewarden-tray nimmt keine Argumente an; siehe „homewarden --help“.</translation>
    </message>
    <message>
        <source>There is no setup page &apos;%1&apos;.</source>
        <translation>Es gibt keine Einrichtungsseite „%1“.</translation>
    </message>
    <message>
        <source>Open a window at start (for screenshots).</source>
        <translation>Öffnet beim Start ein Fenster (für Bildschirmfotos).</translation>
    </message>
    <message>
        <source>Open the setup wizard.</source>
        <translation>Öffnet den Einrichtungsassistenten.</translation>
    </message>
    <message>
        <source>Show one setup page (for screenshots).</source>
        <translation>Zeigt eine einzelne Einrichtungsseite (für Bildschirmfotos).</translation>
    </message>
    <message>
        <source>Security level saved</source>
        <translation>Sicherheitsstufe gespeichert</translation>
    </message>
    <message>
        <source>The new security level applies from HomeWarden&apos;s next start; quit HomeWarden and start it again to use it now.</source>
        <translation>Die neue Sicherheitsstufe gilt ab dem nächsten Start von HomeWarden; beenden Sie HomeWarden und starten Sie es neu, um sie sofort zu nutzen.</translation>
    </message>
</context>
</TS>
