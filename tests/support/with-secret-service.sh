#!/usr/bin/env bash
# Runs a command against a real Secret Service of its own: a private D-Bus session bus
# (tests/support/dbus-session.conf, nothing activatable) with gnome-keyring-daemon on it, its
# login keyring created and unlocked with a throwaway password, in a HOME and XDG_RUNTIME_DIR
# that are made for this run and removed after it. The desktop's own keyring is never touched.
# Usage: with-secret-service.sh COMMAND [ARGS...]; exits with COMMAND's status.
# Needs dbus-run-session and dbus-send (dbus-bin), gnome-keyring-daemon (gnome-keyring) and
# libsecret-1-0.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-secret-service.sh: $tool is missing; scripts/test installs it" >&2
        exit 1
    fi
done

# These win over what CTest set for the test (add_hw_test's HOME and XDG directories): the
# keyring must live in a directory nothing else uses.
HOME="$(mktemp -d)"
XDG_RUNTIME_DIR="$(mktemp -d)"
export HOME XDG_RUNTIME_DIR
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
trap 'rm -rf "$HOME" "$XDG_RUNTIME_DIR"' EXIT
chmod 700 "$XDG_RUNTIME_DIR"
# A desktop session's own variables would make QtKeychain look for KWallet or a display.
unset DISPLAY WAYLAND_DISPLAY XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION \
    KDE_SESSION_VERSION GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# Inside the bus: the daemon forks into the background, creates the login keyring unlocked
# with the password on stdin, and prints the variables a client should see (none for the
# secrets component alone on gnome-keyring 42, which needs none); they are exported as they
# come. The daemon leaves when the bus does.
status=0
dbus-run-session --config-file="$here/dbus-session.conf" -- bash -c '
    set -euo pipefail
    variables="$(printf %s "homewarden-test" \
        | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
    while IFS= read -r line; do
        case "$line" in
            [A-Z_]*=*) export "$line" ;;
        esac
    done <<<"$variables"
    # The daemon claims its bus name after forking; wait for it (5 s at most).
    for _ in $(seq 50); do
        owned="$(dbus-send --session --print-reply --dest=org.freedesktop.DBus \
            /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.secrets 2>/dev/null || true)"
        if [[ "$owned" == *"boolean true"* ]]; then
            exec "$@"
        fi
        sleep 0.1
    done
    echo "with-secret-service.sh: gnome-keyring-daemon did not come up on the session bus" >&2
    exit 1
' with-secret-service "$@" || status=$?
exit "$status"
