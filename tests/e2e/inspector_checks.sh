# Sourced by inspector_stdio.sh and inspector_http.sh: what both check with the official MCP
# Inspector CLI, and how they report it. The sourcing script defines
#   run_inspector NAME ARGS...  runs the inspector CLI against its server with ARGS,
#                               stdout -> $work/NAME.out, stderr -> $work/NAME.err, exit code -> $rc
# and sets step_timeout (seconds per inspector run) before calling the checks.

inspector_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/node_modules"
inspector="$inspector_dir/.bin/mcp-inspector"
tool="get_system_status"
if [[ ! -x "$inspector" ]]; then
  echo "not ok - mcp-inspector not found at $inspector (run 'npm ci' in ${inspector_dir%/node_modules})" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
# not_ok DESCRIPTION FILES... : the files' lines follow as comments.
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

print_versions() {
  echo "# inspector: $("$inspector" --version 2>/dev/null || echo '?'), node $(node --version)"
}

# check_tools_list ARGS... : tools/list --strict exits 0 (exit 6 = an error-severity
# tool-schema portability problem, reported on stderr) and lists get_system_status.
check_tools_list() {
  run_inspector list "$@" --method tools/list --strict
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
}

# check_tools_call JS-EXPR WHAT ARGS... : tools/call get_system_status exits 0 and returns a
# result that is not an error and for which JS-EXPR (on `s`, its structuredContent) holds;
# WHAT says that in words.
check_tools_call() {
  local expected="$1" what="$2"
  shift 2
  run_inspector call "$@" --method tools/call --tool-name "$tool"
  if [[ $rc -eq 0 ]]; then
    ok "tools/call $tool exits 0"
  else
    not_ok "tools/call $tool exits 0 ($(why_of $rc))" "$work/call.out" "$work/call.err"
  fi
  if json_check "$work/call.out" "d.result && d.result.isError !== true && ((s) => $expected)(d.result.structuredContent ?? {})" 2>"$work/call.chk"; then
    ok "tools/call $tool returns $what"
  else
    not_ok "tools/call $tool returns $what" "$work/call.chk" "$work/call.out"
  fi
}

# The summary line; exit 1 on any failure.
finish() {
  echo "$passed passed, $failed failed"
  if [[ $failed -gt 0 ]]; then exit 1; fi
  exit 0
}
