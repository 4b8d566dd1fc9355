#!/usr/bin/env bash
# Runs an end-to-end test the way a person keeps a client's key out of its configuration: a
# fresh state directory, a key made with `homewarden keys generate` and stored with
# `homewarden secrets set client:NAME`; the server then starts as `--stdio --client NAME`
# and must not see the key in its environment. Run it inside tests/support/with-secret-service.sh.
# The test learns which key id to expect from HOMEWARDEN_E2E_EXPECT_KEY_ID.
# Usage: with_keychain_key.sh ROLE CLIENT /path/to/homewarden COMMAND [ARGS...]
set -euo pipefail
role="$1"
client="$2"
binary="$3"
shift 3
HOMEWARDEN_HOME="$(mktemp -d)"
export HOMEWARDEN_HOME
trap 'rm -rf "$HOMEWARDEN_HOME"' EXIT
unset HOMEWARDEN_API_KEY
key="$("$binary" keys generate --role "$role" --name "e2e $client" 2>/dev/null)"
printf '%s\n' "$key" | "$binary" secrets set "client:$client" >/dev/null
# hwk_{role}_{seq} of hwk_{role}_{seq}_{secret}
HOMEWARDEN_E2E_EXPECT_KEY_ID="$(printf '%s' "$key" | cut -d_ -f1-3)"
export HOMEWARDEN_E2E_EXPECT_KEY_ID
unset key
"$@"
