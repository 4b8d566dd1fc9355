#!/usr/bin/env bash
# Runs an end-to-end test against a fake backend the way a person connects the real one: the
# fake (tests/fakes: hw_fake_ha or hw_fake_loxone) as a process of its own on a free loopback
# port, its URL in the environment, and its secret stored in the keychain with
# `homewarden secrets set` (never in the environment: the production level refuses
# HOMEWARDEN_HA_TOKEN and HOMEWARDEN_LOXONE_PASSWORD). Run it inside
# tests/support/with-secret-service.sh and tests/e2e/with_key.sh (which make the keychain and
# HOMEWARDEN_HOME). Calls nest: `with_fake.sh ha ... with_fake.sh loxone ... COMMAND` gives
# COMMAND a house with both.
#
# Usage: with_fake.sh ha|loxone /path/to/fake /path/to/homewarden COMMAND [ARGS...]
#   ha      hw_fake_ha --with-added-entities (the synthetic lock and covers added); its token
#           as ha-token. Env out: HOMEWARDEN_HA_URL and HW_FAKE_HA_URL.
#   loxone  hw_fake_loxone on the ondrejlevy-loxone-mcp structure file, user homewarden;
#           the password as loxone-password. Env out: HOMEWARDEN_LOXONE_URL,
#           HOMEWARDEN_LOXONE_USER and HW_FAKE_LOXONE_URL.
#   (URLs are http://127.0.0.1:PORT; each fake's unauthenticated control API is under
#   $HW_FAKE_..._URL/_fake/.)
# Exit: COMMAND's exit code; 1 when the fake does not start, the secret cannot be stored, or
# the fake has died by the time COMMAND ends (its log is printed then). The fake is stopped at
# exit.
set -euo pipefail

if [[ $# -lt 4 ]]; then
    echo "usage: $0 ha|loxone /path/to/fake /path/to/homewarden COMMAND [ARGS...]" >&2
    exit 2
fi
kind="$1"
fake_binary="$2"
binary="$3"
shift 3
start_timeout=10 # seconds until the fake says where it listens
loxone_user="homewarden"

case "$kind" in
ha)
    label="Home Assistant"
    secret_name="ha-token"
    secret="fake-ha-token" # hw_fake_ha's default --token
    fake_args=(--port 0 --with-added-entities)
    ;;
loxone)
    label="Loxone Miniserver"
    secret_name="loxone-password"
    secret="e2e-$RANDOM-$RANDOM" # a password of its own each run
    structure="$(dirname "$0")/../fixtures/loxone/ondrejlevy-loxone-mcp_structure_file.json"
    fake_args=(--port 0 --user "$loxone_user" --password "$secret" --structure "$structure")
    ;;
*)
    echo "with_fake.sh: the kind must be ha or loxone, not '$kind'" >&2
    exit 2
    ;;
esac

if [[ -z "${HOMEWARDEN_HOME:-}" ]]; then
    echo "with_fake.sh: HOMEWARDEN_HOME is not set; run it inside with_key.sh" >&2
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
    echo "# fake $label log ($fake_binary):" >&2
    sed 's/^/#   /' "$out" "$err" >&2 || true
}

"$fake_binary" "${fake_args[@]}" >"$out" 2>"$err" &
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

url="http://127.0.0.1:$port"
if [[ "$kind" == ha ]]; then
    export HOMEWARDEN_HA_URL="$url" HW_FAKE_HA_URL="$url"
    # At the production level a token in the environment makes the server refuse the backend.
    unset HOMEWARDEN_HA_TOKEN
else
    export HOMEWARDEN_LOXONE_URL="$url" HW_FAKE_LOXONE_URL="$url"
    export HOMEWARDEN_LOXONE_USER="$loxone_user"
    unset HOMEWARDEN_LOXONE_PASSWORD
fi
if ! printf '%s\n' "$secret" | "$binary" secrets set "$secret_name" >/dev/null; then
    echo "not ok - '$binary secrets set $secret_name' failed" >&2
    exit 1
fi
echo "# fake $label: $url (pid $fake_pid), $secret_name in the keychain"

status=0
"$@" || status=$?

if ! kill -0 "$fake_pid" 2>/dev/null; then
    rc=0
    wait "$fake_pid" || rc=$?
    fake_pid=""
    echo "not ok - the fake $label died during the test (exit status $rc)"
    show_log
    exit 1
fi
if [[ $status -ne 0 ]]; then show_log; fi
exit "$status"
