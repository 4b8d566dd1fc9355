<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Row %1 does not belong in the trail: it comes before row 1.</source>
        <translation>Eintrag %1 gehört nicht in das Prüfprotokoll: Er liegt vor Eintrag 1.</translation>
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
    <name>CredentialSource</name>
    <message>
        <source>%1 is set, but %2 does not take secrets from the environment: store it with &apos;homewarden secrets set %3&apos; and unset the variable.</source>
        <translation>%1 ist gesetzt, aber die Stufe %2 nimmt keine Geheimnisse aus der Umgebung an: Speichern Sie es mit „homewarden secrets set %3“ und löschen Sie die Variable.</translation>
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
        <source>Warning: the change was made, but the audit trail could not record it yet.</source>
        <translation>Warnung: Die Änderung wurde vorgenommen, aber das Prüfprotokoll konnte sie noch nicht aufzeichnen.</translation>
    </message>
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
        <source>A name.</source>
        <translation>Ein Name.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Days until it expires.</source>
        <translation>Tage bis zum Ablauf.</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>TAGE</translation>
    </message>
    <message>
        <source>Allowed ranges.</source>
        <translation>Zulässige Adressbereiche.</translation>
    </message>
    <message>
        <source>CIDR</source>
        <translation>CIDR</translation>
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
        <source>Calls per minute.</source>
        <translation>Aufrufe pro Minute.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
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
        <source>Days from now, or never.</source>
        <translation>Tage ab jetzt, oder never.</translation>
    </message>
    <message>
        <source>Calls per minute, or default.</source>
        <translation>Aufrufe pro Minute, oder default.</translation>
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
    <name>ServeCommand</name>
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
        <source>No graphical session was found: start HomeWarden from your desktop, or use &apos;homewarden --stdio&apos; or &apos;homewarden status&apos; in a terminal.</source>
        <translation>Keine grafische Sitzung gefunden: Starten Sie HomeWarden von Ihrer Arbeitsfläche aus oder verwenden Sie „homewarden --stdio“ bzw. „homewarden status“ in einem Terminal.</translation>
    </message>
    <message>
        <source>The tray application %1 cannot be started (%2); reinstall HomeWarden, or use &apos;homewarden --help&apos; for the commands that need no display.</source>
        <translation>Die Infobereich-Anwendung %1 kann nicht gestartet werden (%2); installieren Sie HomeWarden neu oder verwenden Sie „homewarden --help“ für die Befehle, die keinen Bildschirm brauchen.</translation>
    </message>
</context>
</TS>
