#!/usr/bin/env bash
# End-to-end test of the HomeWarden MCP server over stdio, driven by the
# official MCP Inspector CLI (@modelcontextprotocol/inspector, `--cli` mode).
#
# Usage:  inspector_stdio.sh /path/to/homewarden [server args...]
#         (server args default to "--stdio"; run `npm ci` in tests/ first)
# Env:    HOMEWARDEN_HOME, HOMEWARDEN_API_KEY and HOMEWARDEN_SECURITY_LEVEL are
#         forwarded to the server (-e) when set.
#
# Checks:
#   1. tools/list --strict exits 0 (exit 6 = error-severity tool-schema
#      portability problem, reported on stderr) and lists get_system_status.
#   2. tools/call get_system_status exits 0 and returns structuredContent with
#      transport "stdio" (the inspector checks it against the outputSchema).
# Prints "ok - ..." / "not ok - ..." lines and "N passed, N failed"; exit 1 on
# any failure.
set -euo pipefail

step_timeout=30 # seconds, per inspector run

if [[ $# -lt 1 ]]; then
  echo "usage: $0 /path/to/homewarden [server args...]" >&2
  exit 1
fi
binary="$1"
shift
if [[ $# -gt 0 ]]; then server_args=("$@"); else server_args=(--stdio); fi

# shellcheck source=inspector_checks.sh
source "$(dirname "${BASH_SOURCE[0]}")/inspector_checks.sh"

# A path (not a bare command name) is made absolute so the server's cwd does not matter.
if [[ "$binary" == */* ]]; then
  if [[ ! -e "$binary" ]]; then
    echo "not ok - server binary $binary does not exist" >&2
    exit 1
  fi
  binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
fi

env_args=()
for var in HOMEWARDEN_HOME HOMEWARDEN_API_KEY HOMEWARDEN_SECURITY_LEVEL; do
  if [[ -n "${!var:-}" ]]; then env_args+=(-e "$var=${!var}"); fi
done

# run_inspector NAME ARGS... : runs the inspector CLI against the server,
# stdout -> $work/NAME.out, stderr -> $work/NAME.err, exit code -> $rc
run_inspector() {
  local name="$1"
  shift
  rc=0
  timeout "$step_timeout" "$inspector" --cli "${env_args[@]}" "$@" --format json \
    -- "$binary" "${server_args[@]}" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
}

echo "# server: $binary ${server_args[*]}"

print_versions
check_tools_list
check_tools_call "s.transport === 'stdio'" 'structuredContent.transport === "stdio"'
finish
