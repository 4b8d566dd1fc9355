#!/usr/bin/env bash
# Runs an end-to-end test the way a person connects Claude Desktop: a fresh state directory, a
# Claude Desktop configuration that already starts another server, and
# `homewarden register claude-desktop --role ROLE --config FILE`. The test gets the file in
# HOMEWARDEN_E2E_CLAUDE_CONFIG (start what it names, nothing else), and the registered key's
# id and role in HOMEWARDEN_E2E_EXPECT_KEY_ID and HOMEWARDEN_E2E_EXPECT_ROLE. Afterwards the
# other server must still be in the file. Run it inside tests/support/with-secret-service.sh.
# Usage: with_registered_claude.sh ROLE /path/to/homewarden COMMAND [ARGS...]
set -euo pipefail
role="$1"
binary="$2"
shift 2
HOMEWARDEN_HOME="$(mktemp -d)"
claude="$(mktemp -d)"
export HOMEWARDEN_HOME
trap 'rm -rf "$HOMEWARDEN_HOME" "$claude"' EXIT
unset HOMEWARDEN_API_KEY
HOMEWARDEN_E2E_CLAUDE_CONFIG="$claude/claude_desktop_config.json"
printf '%s\n' '{"mcpServers": {"other": {"command": "other-mcp-server", "args": ["--x"]}}}' \
    >"$HOMEWARDEN_E2E_CLAUDE_CONFIG"

"$binary" register claude-desktop --role "$role" --config "$HOMEWARDEN_E2E_CLAUDE_CONFIG" >&2
# The one key there is now, as `keys list` reports it.
keys="$("$binary" keys list --format json)"
HOMEWARDEN_E2E_EXPECT_KEY_ID="$(node -e '
    const keys = JSON.parse(process.argv[1]);
    if (keys.length !== 1) throw new Error(`expected one key, got ${keys.length}`);
    process.stdout.write(keys[0].id);' "$keys")"
HOMEWARDEN_E2E_EXPECT_ROLE="$role"
export HOMEWARDEN_E2E_CLAUDE_CONFIG HOMEWARDEN_E2E_EXPECT_KEY_ID HOMEWARDEN_E2E_EXPECT_ROLE
# Claude Desktop starts the server with its own environment: no state directory of ours other
# than what the entry's env names.
status=0
env -u HOMEWARDEN_HOME "$@" || status=$?

if ! node -e '
    const config = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (config.mcpServers?.other?.command !== "other-mcp-server") process.exit(1);' \
    "$HOMEWARDEN_E2E_CLAUDE_CONFIG"; then
    echo "not ok - the other server is gone from $HOMEWARDEN_E2E_CLAUDE_CONFIG" >&2
    status=1
fi
exit "$status"
