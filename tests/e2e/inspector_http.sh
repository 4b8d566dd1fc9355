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

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node_modules="$(cd "$here/.." && pwd)/node_modules"
inspector="$node_modules/.bin/mcp-inspector"
tool="get_system_status"
step_timeout=30 # seconds, per inspector run

url="${1:-${HOMEWARDEN_URL:-}}"
key="${HOMEWARDEN_API_KEY:-}"
if [[ -z "$url" || -z "$key" ]]; then
  echo "usage: HOMEWARDEN_API_KEY=hwk_... $0 http://127.0.0.1:PORT/mcp" >&2
  echo "       (or through with_server.sh, which sets HOMEWARDEN_URL and the key)" >&2
  exit 2
fi
key_id="$(cut -d_ -f1-3 <<<"$key")"

if [[ ! -x "$inspector" ]]; then
  echo "not ok - mcp-inspector not found at $inspector (run 'npm ci' in ${node_modules%/node_modules})" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
  failed=$((failed + 1))
  echo "not ok - $1"
  shift
  local f
  for f in "$@"; do
    [[ -s "$f" ]] && sed 's/^/  # /' "$f"
  done
  return 0
}

# run_inspector NAME ARGS... : runs the inspector CLI against the URL,
# stdout -> $work/NAME.out, stderr -> $work/NAME.err, exit code -> $rc
run_inspector() {
  local name="$1"
  shift
  rc=0
  timeout "$step_timeout" "$inspector" --cli "$url" --transport http "$@" --format json \
    >"$work/$name.out" 2>"$work/$name.err" </dev/null || rc=$?
}

# json_check FILE JS-EXPR : evaluates JS-EXPR with `d` = parsed JSON of FILE;
# exit 0 when truthy, 1 otherwise (or when FILE is not JSON).
json_check() {
  node -e '
    const fs = require("node:fs");
    let d;
    try { d = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); }
    catch (e) { console.error("output is not JSON: " + e.message); process.exit(1); }
    process.exit(new Function("d", "return (" + process.argv[2] + ");")(d) ? 0 : 1);
  ' "$1" "$2"
}

why_of() {
  case "$1" in
    124) echo "timed out after ${step_timeout}s" ;;
    *) echo "got $1" ;;
  esac
}

echo "# server: $url (key $key_id)"
echo "# inspector: $("$inspector" --version 2>/dev/null || echo '?'), node $(node --version)"

# 1. tools/list with --strict
run_inspector list --header "Authorization: Bearer $key" --method tools/list --strict
if [[ $rc -eq 0 ]]; then
  ok "tools/list --strict exits 0 (no error-severity schema portability problems)"
  if grep -qi "warning" "$work/list.err"; then
    echo "  # schema portability warnings (not fatal):"
    sed 's/^/  #   /' "$work/list.err"
  fi
elif [[ $rc -eq 6 ]]; then
  not_ok "tools/list --strict exits 0 (got 6: error-severity tool-schema portability problems)" "$work/list.err"
else
  not_ok "tools/list --strict exits 0 ($(why_of $rc))" "$work/list.out" "$work/list.err"
fi
if json_check "$work/list.out" "Array.isArray(d.result?.tools) && d.result.tools.some(t => t.name === '$tool')" 2>"$work/list.chk"; then
  ok "tools/list lists $tool"
else
  not_ok "tools/list lists $tool" "$work/list.chk" "$work/list.out"
fi

# 2. tools/call get_system_status
run_inspector call --header "Authorization: Bearer $key" --method tools/call --tool-name "$tool"
if [[ $rc -eq 0 ]]; then
  ok "tools/call $tool exits 0"
else
  not_ok "tools/call $tool exits 0 ($(why_of $rc))" "$work/call.out" "$work/call.err"
fi
if json_check "$work/call.out" "d.result && d.result.isError !== true && d.result.structuredContent?.transport === 'streamable-http' && d.result.structuredContent?.caller?.key_id === '$key_id'" 2>"$work/call.chk"; then
  ok "tools/call $tool returns structuredContent.transport \"streamable-http\", caller.key_id \"$key_id\""
else
  not_ok "tools/call $tool returns structuredContent.transport \"streamable-http\", caller.key_id \"$key_id\"" "$work/call.chk" "$work/call.out"
fi

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

echo "$passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then exit 1; fi
exit 0
