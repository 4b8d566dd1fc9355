#!/usr/bin/env bash
# Builds the .deb from a build tree, installs it the way a person would (apt-get resolves its
# Depends from Debian), and runs what was installed: --version, the tray hand-over, keys
# generate, and an MCP handshake with the official SDK client. Installing again over an
# installed package is fine; the package stays installed afterwards.
# Usage: install_package.sh BUILD_DIR PROJECT_VERSION WITH_KEY_SH NODE SDK_STDIO_MJS
set -euo pipefail
build="$1"
version="$2"
with_key="$3"
node="$4"
sdk_stdio="$5"

if [ "$(id -u)" -ne 0 ]; then
    echo "skipped: installing a package needs root (CI runs as root)"
    exit 77
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive
unset LANGUAGE
mkdir -p "$HOME"

failed=0
fail() { echo "not ok - $*"; failed=1; }
pass() { echo "ok - $*"; }

(cd "$build" && cpack -G DEB -B "$work/deb" >"$work/cpack.log") || { cat "$work/cpack.log"; exit 1; }
deb="$(ls "$work"/deb/homewarden_"$version"-*_*.deb)"
pass "cpack made $(basename "$deb")"

install_deb() {
    apt-get install -y -qq --reinstall --no-install-recommends "$deb" >"$work/apt.log" 2>&1
}
# Lists may be stale when a Depends is not installed yet.
if ! install_deb; then
    apt-get update -qq && install_deb || { cat "$work/apt.log"; exit 1; }
fi
pass "apt-get install $(basename "$deb")"

for path in /usr/bin/homewarden /usr/libexec/homewarden/homewarden-tray \
    /usr/share/applications/io.github.homewarden.HomeWarden.desktop \
    /usr/share/metainfo/io.github.homewarden.HomeWarden.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/homewarden.svg \
    /usr/share/icons/hicolor/{16x16,22x22,24x24,32x32,48x48,64x64,128x128,256x256,512x512}/apps/homewarden.png \
    /usr/share/man/man1/homewarden.1.gz \
    /usr/share/homewarden/homewarden-autostart.desktop; do
    dpkg -L homewarden | grep -qx "$path" && pass "dpkg -L lists $path" || fail "dpkg -L does not list $path"
done
zcat /usr/share/man/man1/homewarden.1.gz | grep -q 'keys generate' \
    && pass "the man page describes 'keys generate'" || fail "the man page lacks 'keys generate'"
depends="$(dpkg-query -W -f='${Depends}' homewarden)"
for dep in libqt6sql6-sqlite libqt6svg6 libqt6network6 libsecret-1-0 gnome-keyring; do
    grep -q "$dep" <<<"$depends" && pass "Depends names $dep" || fail "Depends lacks $dep: $depends"
done
for binary in /usr/bin/homewarden /usr/libexec/homewarden/homewarden-tray; do
    if libs="$(ldd "$binary" 2>&1)" && ! grep -q 'not found' <<<"$libs"; then
        pass "every library $binary links is installed"
    else
        fail "$binary: $(grep 'not found' <<<"$libs" || echo "$libs")"
    fi
done

out="$(/usr/bin/homewarden --version)"
[ "$out" = "homewarden $version" ] && pass "homewarden --version: $out" \
    || fail "homewarden --version printed '$out', expected 'homewarden $version'"

# Without a display the tray itself must answer (not "cannot be started"): the launcher found it.
set +e
out="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/homewarden 2>&1)"
rc=$?
set -e
[ $rc -eq 1 ] && grep -q 'No graphical session' <<<"$out" \
    && pass "homewarden hands over to the installed tray" || fail "tray hand-over (exit $rc): $out"

export HOMEWARDEN_HOME="$work/state"
key="$(/usr/bin/homewarden keys generate --role monitor --name package-test 2>/dev/null)"
[[ "$key" =~ ^hwk_monitor_[0-9]{3}_[A-Za-z0-9]{20,}$ ]] && pass "keys generate printed a monitor key" \
    || fail "keys generate printed '$key'"
unset HOMEWARDEN_HOME

if bash "$with_key" operator /usr/bin/homewarden "$node" "$sdk_stdio" /usr/bin/homewarden; then
    pass "MCP handshake with the official SDK client over the installed homewarden --stdio"
else
    fail "MCP handshake with the official SDK client over the installed homewarden --stdio"
fi
exit "$failed"
