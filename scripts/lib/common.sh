# Shared by scripts/bootstrap and scripts/test: the Debian packages HomeWarden needs and the
# one way to install them.

# Build and run time (Debian 12: Qt 6.4.2, QtKeychain 0.13, valijson 1.0).
HW_BUILD_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6svg6 libgl-dev qt6-translations-l10n
    qtkeychain-qt6-dev libvalijson-dev libexpected-dev libtomlplusplus-dev
    libsecret-1-0
    # The .deb: PNG icons from the SVG, the man page from --help, CPack's dpkg-shlibdeps.
    librsvg2-bin help2man file dpkg-dev
)
# What the tests start or drive: a real Secret Service, a session bus, a virtual display.
# QtKeychain loads libsecret at run time without depending on it.
HW_TEST_PACKAGES=(
    dbus gnome-keyring libsecret-1-0 xvfb sqlite3
    # The validators of the package's menu entry and AppStream metadata.
    desktop-file-utils appstream
)

hw_log() { printf '==> %s\n' "$*" >&2; }

hw_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the packages that are missing (apt-get update first); does nothing when all are there.
hw_install_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        hw_log "Debian packages: all ${#} present"
        return 0
    fi
    hw_log "Installing Debian packages: ${missing[*]}"
    hw_as_root apt-get update -qq
    hw_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# Node.js ≥ 18 for the MCP clients from npm; Debian's when the machine has none.
hw_ensure_node() {
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
        && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 18 ]; then
        return 0
    fi
    hw_install_packages nodejs npm
}

# Configures (once) and builds into $HW_BUILD_DIR.
hw_build() {
    local extra=("$@")
    if [ ! -f "$HW_BUILD_DIR/CMakeCache.txt" ]; then
        cmake -S "$HW_ROOT" -B "$HW_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}"
    elif [ ${#extra[@]} -gt 0 ]; then
        cmake "$HW_BUILD_DIR" "${extra[@]}" >/dev/null
    fi
    cmake --build "$HW_BUILD_DIR" --parallel "$(nproc)"
}

HW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HW_BUILD_DIR="${HW_BUILD_DIR:-$HW_ROOT/build}"
