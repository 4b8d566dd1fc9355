#!/usr/bin/env bash
# Runs an end-to-end test against `homewarden serve` the way a person sets it up: a fresh state
# directory, a key made with `homewarden keys generate`, the server started on a free port.
#
# Usage: with_server.sh ROLE /path/to/homewarden COMMAND [ARGS...]
#   ROLE    a key role for `keys generate --role` (admin, operator, monitor, ...), or "none" for
#           no key (e.g. the conformance suite, which cannot send one: set
#           HOMEWARDEN_SECURITY_LEVEL=development so a loopback client needs none).
# Env in:  HOMEWARDEN_KEY_ARGS   extra `keys generate` arguments (e.g. "--permissions ha:read")
#          HOMEWARDEN_SERVE_ARGS extra `serve` arguments (e.g. "--allow-origin http://x:1")
#          HOMEWARDEN_SECURITY_LEVEL is passed through to the server.
# Env out (for COMMAND): HOMEWARDEN_HOME, HOMEWARDEN_API_KEY (unless ROLE is none),
#          HOMEWARDEN_URL (http://127.0.0.1:PORT/mcp), HOMEWARDEN_SERVER_PID, HOMEWARDEN_BINARY.
# Exit: COMMAND's exit code; 1 when the server does not start or has died by the time COMMAND
# ends (its log is printed then). The server is stopped (SIGTERM, then SIGKILL) at exit.
set -euo pipefail

if [[ $# -lt 3 ]]; then
    echo "usage: $0 ROLE /path/to/homewarden COMMAND [ARGS...]" >&2
    exit 2
fi
role="$1"
binary="$2"
shift 2
start_timeout=15 # seconds until the server says where it serves
if [[ "$binary" == */* ]]; then
    binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
fi
export HOMEWARDEN_BINARY="$binary"

HOMEWARDEN_HOME="$(mktemp -d)"
export HOMEWARDEN_HOME
log="$HOMEWARDEN_HOME/serve.log"
server_pid=""

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "# with_server.sh: the server did not stop within 5 s of SIGTERM; killing it" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
        wait "$server_pid" 2>/dev/null || true
    fi
}
cleanup() {
    stop_server
    rm -rf "$HOMEWARDEN_HOME"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

show_log() {
    echo "# server log ($binary serve):" >&2
    sed 's/^/#   /' "$log" >&2 || true
}

if [[ "$role" != none ]]; then
    # shellcheck disable=SC2086 # HOMEWARDEN_KEY_ARGS is a list of words on purpose
    HOMEWARDEN_API_KEY="$("$binary" keys generate --role "$role" --name "e2e $role" \
        ${HOMEWARDEN_KEY_ARGS:-} 2>/dev/null)"
    export HOMEWARDEN_API_KEY
fi

# shellcheck disable=SC2086
"$binary" serve --host 127.0.0.1 --port 0 ${HOMEWARDEN_SERVE_ARGS:-} 2>"$log" &
server_pid=$!
export HOMEWARDEN_SERVER_PID="$server_pid"

# "homewarden: serving MCP at http://127.0.0.1:PORT/mcp (security level ...)" on stderr.
url=""
for _ in $(seq $((start_timeout * 10))); do
    url="$(sed -n 's/^homewarden: serving MCP at \([^ ]*\).*/\1/p' "$log" | head -n 1)"
    [[ -n "$url" ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "not ok - $binary serve exited before serving" >&2
        show_log
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$url" ]]; then
    echo "not ok - $binary serve did not report its URL within ${start_timeout} s" >&2
    show_log
    exit 1
fi
export HOMEWARDEN_URL="$url"
echo "# server: $url (pid $server_pid, level ${HOMEWARDEN_SECURITY_LEVEL:-default}, key role $role)"

status=0
"$@" || status=$?

if ! kill -0 "$server_pid" 2>/dev/null; then
    rc=0
    wait "$server_pid" || rc=$?
    server_pid=""
    echo "not ok - the server died during the test (exit status $rc)"
    show_log
    exit 1
fi
if [[ $status -ne 0 ]]; then show_log; fi
exit "$status"
