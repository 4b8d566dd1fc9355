#!/usr/bin/env bash
# What software centres and menus read from the package, checked with Debian's own validators:
# the menu entry and the autostart template (desktop-file-validate), the AppStream metadata
# (appstreamcli validate), and that they agree with each other and with the project's version.
# Usage: check_metadata.sh INSTALLER_DIR ICON_DIR PROJECT_VERSION
set -euo pipefail
installer="$1"
icons="$2"
version="$3"
app_id=io.github.homewarden.HomeWarden
desktop="$installer/$app_id.desktop"
metainfo="$installer/$app_id.metainfo.xml"
failed=0
fail() { echo "not ok - $*"; failed=1; }
pass() { echo "ok - $*"; }

for file in "$desktop" "$installer/homewarden-autostart.desktop"; do
    if desktop-file-validate "$file"; then pass "desktop-file-validate $(basename "$file")"
    else fail "desktop-file-validate $(basename "$file")"; fi
    grep -qx 'Exec=homewarden' "$file" && pass "$(basename "$file") starts homewarden" \
        || fail "$(basename "$file") does not start 'homewarden'"
done
# A tray application shows no window, so a launch must not leave a busy cursor spinning.
grep -qx 'StartupNotify=false' "$desktop" && pass "StartupNotify=false" || fail "StartupNotify is not false"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "$icons/$icon.svg" ] && pass "Icon=$icon exists as $icon.svg" || fail "Icon=$icon has no $icon.svg in $icons"

if appstreamcli validate --no-net "$metainfo"; then pass "appstreamcli validate --no-net"
else fail "appstreamcli validate --no-net"; fi
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    && pass "metainfo launches $app_id.desktop" || fail "metainfo does not name $app_id.desktop"
newest="$(grep -o '<release version="[^"]*"' "$metainfo" | head -n1 | cut -d'"' -f2)"
[ "$newest" = "$version" ] && pass "newest release in the metainfo is $version" \
    || fail "newest release in the metainfo is '$newest', the project is $version: add its release notes"
exit "$failed"
