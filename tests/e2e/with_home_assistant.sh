#!/usr/bin/env bash
# Runs an end-to-end test against a Home Assistant the way a person connects one: the fake
# (tests/fakes, hw_fake_ha) as a process of its own on a free loopback port with the synthetic
# lock and covers added, its URL in HOMEWARDEN_HA_URL, and its long-lived token stored in the
# keychain with `homewarden secrets set ha-token` (never in the environment: the production level
# refuses HOMEWARDEN_HA_TOKEN). Run it inside tests/support/with-secret-service.sh and
# tests/e2e/with_key.sh (which make the keychain and HOMEWARDEN_HOME).
#
# Usage: with_home_assistant.sh /path/to/hw_fake_ha /path/to/homewarden COMMAND [ARGS...]
# Env out (for COMMAND): HOMEWARDEN_HA_URL and HW_FAKE_HA_URL (both http://127.0.0.1:PORT; the
#          fake's unauthenticated control API is under $HW_FAKE_HA_URL/_fake/).
# Exit: COMMAND's exit code; 1 when the fake does not start, the token cannot be stored, or the
# fake has died by the time COMMAND ends (its log is printed then). The fake is stopped at exit.
set -euo pipefail

if [[ $# -lt 3 ]]; then
    echo "usage: $0 /path/to/hw_fake_ha /path/to/homewarden COMMAND [ARGS...]" >&2
    exit 2
fi
fake_binary="$1"
binary="$2"
shift 2
start_timeout=10 # seconds until the fake says where it listens
fake_token="fake-ha-token" # hw_fake_ha's default --token

if [[ -z "${HOMEWARDEN_HOME:-}" ]]; then
    echo "with_home_assistant.sh: HOMEWARDEN_HOME is not set; run it inside with_key.sh" >&2
    exit 2
fi

log_dir="$(mktemp -d)"
out="$log_dir/fake.out"
err="$log_dir/fake.err"
fake_pid=""

# shellcheck disable=SC2317 # stop_fake and cleanup run from the EXIT trap
stop_fake() {
    if [[ -n "$fake_pid" ]] && kill -0 "$fake_pid" 2>/dev/null; then
        kill -TERM "$fake_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$fake_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$fake_pid" 2>/dev/null; then
            kill -KILL "$fake_pid" 2>/dev/null || true
        fi
        wait "$fake_pid" 2>/dev/null || true
    fi
    fake_pid=""
}
# shellcheck disable=SC2317
cleanup() {
    stop_fake
    rm -rf "$log_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

show_log() {
    echo "# fake Home Assistant log ($fake_binary):" >&2
    sed 's/^/#   /' "$out" "$err" >&2 || true
}

"$fake_binary" --port 0 --with-added-entities >"$out" 2>"$err" &
fake_pid=$!

port=""
deadline=$((SECONDS + start_timeout))
while :; do
    port="$(sed -n 's/^listening \([0-9][0-9]*\)$/\1/p' "$out" | head -n 1)"
    [[ -n "$port" ]] && break
    ((SECONDS <= deadline)) || break # 10 to 11 s: SECONDS counts whole seconds
    if ! kill -0 "$fake_pid" 2>/dev/null; then
        echo "not ok - $fake_binary exited before listening" >&2
        show_log
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$port" ]]; then
    echo "not ok - $fake_binary did not print 'listening <port>' within ${start_timeout} s" >&2
    show_log
    exit 1
fi

HOMEWARDEN_HA_URL="http://127.0.0.1:$port"
HW_FAKE_HA_URL="$HOMEWARDEN_HA_URL"
export HOMEWARDEN_HA_URL HW_FAKE_HA_URL
# The token goes to the keychain only; at the production level a HOMEWARDEN_HA_TOKEN in the
# environment would make the server refuse to use Home Assistant at all.
unset HOMEWARDEN_HA_TOKEN
if ! printf '%s\n' "$fake_token" | "$binary" secrets set ha-token >/dev/null; then
    echo "not ok - '$binary secrets set ha-token' failed" >&2
    exit 1
fi
echo "# fake Home Assistant: $HOMEWARDEN_HA_URL (pid $fake_pid), token in the keychain"

status=0
"$@" || status=$?

if ! kill -0 "$fake_pid" 2>/dev/null; then
    rc=0
    wait "$fake_pid" || rc=$?
    fake_pid=""
    echo "not ok - the fake Home Assistant died during the test (exit status $rc)"
    show_log
    exit 1
fi
if [[ $status -ne 0 ]]; then show_log; fi
exit "$status"
