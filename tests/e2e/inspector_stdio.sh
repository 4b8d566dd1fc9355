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

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node_modules="$(cd "$here/.." && pwd)/node_modules"
inspector="$node_modules/.bin/mcp-inspector"
tool="get_system_status"
step_timeout=30 # seconds, per inspector run

if [[ $# -lt 1 ]]; then
  echo "usage: $0 /path/to/homewarden [server args...]" >&2
  exit 1
fi
binary="$1"
shift
if [[ $# -gt 0 ]]; then server_args=("$@"); else server_args=(--stdio); fi

if [[ ! -x "$inspector" ]]; then
  echo "not ok - mcp-inspector not found at $inspector (run 'npm ci' in ${node_modules%/node_modules})" >&2
  exit 1
fi
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

# run_inspector NAME ARGS... : runs the inspector CLI against the server,
# stdout -> $work/NAME.out, stderr -> $work/NAME.err, exit code -> $rc
run_inspector() {
  local name="$1"
  shift
  rc=0
  timeout "$step_timeout" "$inspector" --cli "${env_args[@]}" "$@" --format json \
    -- "$binary" "${server_args[@]}" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
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

echo "# server: $binary ${server_args[*]}"
echo "# inspector: $("$inspector" --version 2>/dev/null || echo '?'), node $(node --version)"

# 1. tools/list with --strict
run_inspector list --method tools/list --strict
if [[ $rc -eq 0 ]]; then
  ok "tools/list --strict exits 0 (no error-severity schema portability problems)"
  if grep -qi "warning" "$work/list.err"; then
    echo "  # schema portability warnings (not fatal):"
    sed 's/^/  #   /' "$work/list.err"
  fi
elif [[ $rc -eq 6 ]]; then
  not_ok "tools/list --strict exits 0 (got 6: error-severity tool-schema portability problems)" "$work/list.err"
elif [[ $rc -eq 124 ]]; then
  not_ok "tools/list --strict exits 0 (timed out after ${step_timeout}s)" "$work/list.err"
else
  not_ok "tools/list --strict exits 0 (got $rc)" "$work/list.out" "$work/list.err"
fi
if json_check "$work/list.out" "Array.isArray(d.result?.tools) && d.result.tools.some(t => t.name === '$tool')" 2>"$work/list.chk"; then
  ok "tools/list lists $tool"
else
  not_ok "tools/list lists $tool" "$work/list.chk" "$work/list.out"
fi

# 2. tools/call get_system_status
run_inspector call --method tools/call --tool-name "$tool"
if [[ $rc -eq 0 ]]; then
  ok "tools/call $tool exits 0"
else
  why="got $rc"
  if [[ $rc -eq 124 ]]; then why="timed out after ${step_timeout}s"; fi
  not_ok "tools/call $tool exits 0 ($why)" "$work/call.out" "$work/call.err"
fi
if json_check "$work/call.out" "d.result && d.result.isError !== true && d.result.structuredContent?.transport === 'stdio'" 2>"$work/call.chk"; then
  ok "tools/call $tool returns structuredContent.transport === \"stdio\""
else
  not_ok "tools/call $tool returns structuredContent.transport === \"stdio\"" "$work/call.chk" "$work/call.out"
fi

echo "$passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then exit 1; fi
exit 0
