#!/usr/bin/env bash
# End-to-end tests of the desktop app: the real debug binary in WebKitGTK, driven through
# tauri-driver and WebKitWebDriver under Xvfb (tests/e2e/). On a fresh Debian 12, run as root:
#   bash scripts/e2e.sh                       install what is missing, then run the tests
#   bash scripts/e2e.sh --install-only        only install (scripts/test.sh uses this)
#   bash scripts/e2e.sh --screenshots DIR     also copy the screenshots (app-*.png) into DIR,
#                                             e.g. docs/screenshots
# The screenshots of every run are in $CARGO_TARGET_DIR/tmp/e2e/screenshots, the driver's log
# in $CARGO_TARGET_DIR/tmp/e2e/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# tauri-driver 2.x speaks W3C WebDriver for Tauri apps and starts WebKitWebDriver.
TAURI_DRIVER_VERSION=2.1.0

install_only=0
screenshots=""
while [ $# -gt 0 ]; do
  case "$1" in
    --install-only) install_only=1 ;;
    --screenshots) screenshots="${2:?--screenshots needs a folder}"; shift ;;
    *) echo "e2e.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

step "e2e: system packages"
# Build: WebKitGTK 4.1 headers. Run: an X server, WebKitWebDriver, fonts, pdftoppm (previews),
# a private session bus for the notification test.
APT_PACKAGES=(
  build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver fonts-dejavu-core poppler-utils dbus-daemon
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

need_cargo
step "e2e: tauri-driver"
if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi
tauri-driver --help >/dev/null
command -v WebKitWebDriver >/dev/null
command -v Xvfb >/dev/null

[ "$install_only" = 1 ] && exit 0

step "e2e: tests (debug app build, Xvfb, tauri-driver, WebKitWebDriver)"
# Building the test also builds the app binary it drives (CARGO_BIN_EXE_sertel-desktop); the
# journey also starts the real sertel-server binary (debug build, next to the test).
cargo build -p sertel-server --locked
cargo test -p sertel-desktop --test e2e --locked -- --nocapture --test-threads=1

target="${CARGO_TARGET_DIR:-target}"
shots="$target/tmp/e2e/screenshots"
count=$(find "$shots" -name 'app-*.png' | wc -l)
echo "e2e: $count screenshots in $shots"
if [ -n "$screenshots" ]; then
  mkdir -p "$screenshots"
  cp "$shots"/app-*.png "$screenshots"/
  echo "e2e: screenshots copied to $screenshots"
fi
step "e2e: passed"
