#!/usr/bin/env bash
# End-to-end test of `homewarden serve` (MCP Streamable HTTP), driven by the official MCP
# Inspector CLI (@modelcontextprotocol/inspector, `--cli` mode) with the key in a header.
#
# Usage:  inspector_http.sh [URL]     (URL of /mcp; default $HOMEWARDEN_URL)
#         Usually through with_server.sh, which starts the server and makes the key:
#           with_server.sh operator build/homewarden bash tests/e2e/inspector_http.sh
#         (run `npm ci` in tests/ first)
# Env:    HOMEWARDEN_API_KEY (required), sent as "Authorization: Bearer KEY".
#         HOMEWARDEN_SECURITY_LEVEL=development skips check 3 (a loopback client needs no key).
#
# Each inspector run is a whole session (initialize, initialized, GET stream, the call, DELETE),
# and the server counts every HTTP request against the key's rate limit: a monitor key
# (10/min) runs out within three runs, so use an operator or admin key.
#
# Checks:
#   1. tools/list --strict exits 0 (exit 6 = error-severity tool-schema portability problem,
#      reported on stderr) and lists get_system_status.
#   2. tools/call get_system_status exits 0 and returns structuredContent with transport
#      "streamable-http" and the key's id as caller.key_id.
#   3. without the header the inspector gets no session: exit 3 (auth_required); with
#      --stored-auth-only it does not start an interactive OAuth login.
# Prints "ok - ..." / "not ok - ..." lines and "N passed, N failed"; exit 1 on any failure.
set -euo pipefail

step_timeout=30 # seconds, per inspector run

url="${1:-${HOMEWARDEN_URL:-}}"
key="${HOMEWARDEN_API_KEY:-}"
if [[ -z "$url" || -z "$key" ]]; then
  echo "usage: HOMEWARDEN_API_KEY=hwk_... $0 http://127.0.0.1:PORT/mcp" >&2
  echo "       (or through with_server.sh, which sets HOMEWARDEN_URL and the key)" >&2
  exit 2
fi
key_id="$(cut -d_ -f1-3 <<<"$key")"

# shellcheck source=inspector_checks.sh
source "$(dirname "${BASH_SOURCE[0]}")/inspector_checks.sh"

# run_inspector NAME ARGS... : runs the inspector CLI against the URL,
# stdout -> $work/NAME.out, stderr -> $work/NAME.err, exit code -> $rc
run_inspector() {
  local name="$1"
  shift
  rc=0
  timeout "$step_timeout" "$inspector" --cli "$url" --transport http "$@" --format json \
    >"$work/$name.out" 2>"$work/$name.err" </dev/null || rc=$?
}

echo "# server: $url (key $key_id)"

print_versions
check_tools_list --header "Authorization: Bearer $key"
check_tools_call "s.transport === 'streamable-http' && s.caller?.key_id === '$key_id'" \
  "structuredContent.transport \"streamable-http\", caller.key_id \"$key_id\"" \
  --header "Authorization: Bearer $key"

# 3. no header: refused
if [[ "${HOMEWARDEN_SECURITY_LEVEL:-}" == development ]]; then
  ok "without the header: refused (exit 3, auth_required) # SKIP a loopback client needs no key at the development level"
else
  run_inspector nokey --stored-auth-only --method tools/list
  if [[ $rc -eq 3 ]] && grep -q '"auth_required"' "$work/nokey.out" "$work/nokey.err"; then
    ok "without the header: refused (exit 3, auth_required)"
  else
    not_ok "without the header: refused (exit 3, auth_required) ($(why_of $rc))" "$work/nokey.out" "$work/nokey.err"
  fi
fi

finish
