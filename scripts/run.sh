#!/usr/bin/env bash
# Builds and starts Sertel on Debian 12 as root, installing what it needs first:
#   bash scripts/run.sh
# Starts sertel-server on its embedded default (SQLite in ./sertel-data, http://127.0.0.1:8080)
# and opens the desktop app pointed at it (SERTEL_SERVER_URL; the saved settings are left alone),
# under a virtual display when no display is available. Closing the app stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/setup.sh
need_cargo

step "building"
cargo build --release --locked -p sertel-desktop -p sertel-server -p sertel-cli
bin="${CARGO_TARGET_DIR:-target}/release"

step "starting sertel-server"
"$bin/sertel-server" serve &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if curl -fsS -o /dev/null http://127.0.0.1:8080/api/v1/openapi.json; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "sertel-server stopped; see its output above" >&2; exit 1; }
  sleep 0.2
done

step "starting the desktop app"
export SERTEL_SERVER_URL=http://127.0.0.1:8080
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  "$bin/sertel-desktop"
else
  echo "no display found: running the app under Xvfb (virtual display)"
  xvfb-run -a -s "-screen 0 1280x800x24" "$bin/sertel-desktop"
fi
