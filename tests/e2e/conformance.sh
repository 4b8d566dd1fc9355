#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance) against
# `homewarden serve`, one scenario at a time, on Node 22 from the npm package `node`
# (the suite needs Node >= 22; both are pinned in tests/package.json).
#
# Usage:  conformance.sh [URL]        (URL of /mcp; default $HOMEWARDEN_URL)
#         The suite cannot send a key: run the server at the development level on loopback:
#           HOMEWARDEN_SECURITY_LEVEL=development \
#             with_server.sh none build/homewarden bash tests/e2e/conformance.sh
#
# Scenarios are those that need none of the suite's own fixture tools, resources or prompts
# (HomeWarden has only its own tools, and no resources, prompts or completions):
#   release 0.1.16 (latest):         server-initialize ping logging-set-level tools-list
#                                    server-sse-multiple-streams dns-rebinding-protection
#   release 0.2.0-alpha.12 (newer):  the same six (it adds wire-schema and session-id checks)
#                                    and server-session-lifecycle (DELETE ends a session; the
#                                    id then gets 404), which 0.1.16 does not have.
# Not run: tools-call-*, json-schema-2020-12, elicitation-*, resources-*, prompts-*,
# completion-complete (fixture tools/features this server does not have: they fail, correctly,
# with "Unknown tool" or -32601), server-sse-polling (calls a fixture tool and records 0 checks),
# and the 2026-07-28 scenarios of the newer release (server-stateless, caching, http-*).
#
# A scenario fails on a nonzero exit of the suite, on any failed check and on any warning
# (a warning in server-session-lifecycle means the 404 after DELETE was not verified).
# Prints "ok - ..." / "not ok - ..." per scenario and "N passed, N failed"; exit 1 on failure.
# CONFORMANCE_OUTPUT_DIR=DIR keeps each scenario's checks.json there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node_modules="$(cd "$here/.." && pwd)/node_modules"
node22="$node_modules/node/bin/node"
stable="$node_modules/@modelcontextprotocol/conformance/dist/index.js"
newer="$node_modules/conformance-next/dist/index.js"
step_timeout=90 # seconds, per scenario

url="${1:-${HOMEWARDEN_URL:-}}"
if [[ -z "$url" ]]; then
  echo "usage: $0 http://localhost:PORT/mcp  (or through with_server.sh)" >&2
  exit 2
fi
# The suite's dns-rebinding-protection scenario expects a localhost URL.
url="${url/:\/\/127.0.0.1:/://localhost:}"

for f in "$node22" "$stable" "$newer"; do
  if [[ ! -e "$f" ]]; then
    echo "not ok - $f not found (run 'npm ci' in ${node_modules%/node_modules})" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0

# run SUITE-FILE LABEL SCENARIO
run() {
  local suite="$1" label="$2" scenario="$3"
  local out="$work/$label-$scenario.txt" rc=0
  local outdir=()
  if [[ -n "${CONFORMANCE_OUTPUT_DIR:-}" ]]; then
    outdir=(--output-dir "$CONFORMANCE_OUTPUT_DIR/$label")
  fi
  NO_COLOR=1 timeout "$step_timeout" "$node22" "$suite" server --url "$url" \
    --scenario "$scenario" "${outdir[@]}" >"$out" 2>&1 || rc=$?
  # "Passed: 3/3, 0 failed, 0 warnings"
  local summary
  summary="$(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^Passed: [0-9]+/[0-9]+' | tail -n 1 || true)"
  local total fails warns
  total="$(sed -n 's#^Passed: [0-9]*/\([0-9]*\).*#\1#p' <<<"$summary")"
  fails="$(sed -n 's#.*, \([0-9]*\) failed.*#\1#p' <<<"$summary")"
  warns="$(sed -n 's#.*, \([0-9]*\) warnings\{0,1\}.*#\1#p' <<<"$summary")"
  local desc="conformance $label $scenario: ${summary:-no summary}"
  if [[ $rc -eq 0 && -n "$summary" && "${total:-0}" -gt 0 && "${fails:-1}" -eq 0 && "${warns:-1}" -eq 0 ]]; then
    passed=$((passed + 1))
    echo "ok - $desc"
  else
    failed=$((failed + 1))
    if [[ $rc -eq 124 ]]; then desc="$desc (timed out after ${step_timeout}s)"; else desc="$desc (exit $rc)"; fi
    echo "not ok - $desc"
    sed 's/\x1b\[[0-9;]*m//g; s/^/  # /' "$out"
  fi
}

stable_version="$("$node22" "$stable" --version)"
newer_version="$("$node22" "$newer" --version)"
echo "# server: $url"
echo "# node: $("$node22" --version); conformance: $stable_version and $newer_version"

scenarios=(server-initialize ping logging-set-level tools-list server-sse-multiple-streams
  dns-rebinding-protection)
for s in "${scenarios[@]}"; do run "$stable" "$stable_version" "$s"; done
for s in server-session-lifecycle "${scenarios[@]}"; do run "$newer" "$newer_version" "$s"; done

echo "$passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then exit 1; fi
exit 0
