#!/usr/bin/env bash
# Builds and starts Sertel on Debian 12 as root, installing what it needs first:
#   bash scripts/run.sh
# Opens the desktop app (under a virtual display when no display is available).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/setup.sh
need_cargo

step "building"
cargo build --release --locked --bins

step "starting the desktop app"
app=target/release/sertel-desktop
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$app"
else
  echo "no display found: running the app under Xvfb (virtual display :99)"
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$app"
fi
