#!/usr/bin/env bash
# Runs an end-to-end test the way a person sets HomeWarden up: a fresh state directory, a key
# made with `homewarden keys generate`, handed to the server in HOMEWARDEN_API_KEY.
# Usage: with_key.sh ROLE /path/to/homewarden COMMAND [ARGS...]
set -euo pipefail
role="$1"
binary="$2"
shift 2
HOMEWARDEN_HOME="$(mktemp -d)"
export HOMEWARDEN_HOME
trap 'rm -rf "$HOMEWARDEN_HOME"' EXIT
HOMEWARDEN_API_KEY="$("$binary" keys generate --role "$role" --name "e2e $role" 2>/dev/null)"
export HOMEWARDEN_API_KEY
"$@"
