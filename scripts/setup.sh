#!/usr/bin/env bash
# Installs everything Sertel needs to build, run and test on Debian 12 (run as root).
# Idempotent: a second run only checks that everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libayatana-appindicator3-dev
  xvfb xauth webkit2gtk-driver imagemagick
  poppler-utils qpdf openssl libnss3-tools time hyperfine
  zbar-tools chromium
  python3-venv
  tmux
  postgresql
)
# Node.js and npm fetch the prebuilt Tauri CLI; install them only where the machine has none.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Python judges (pyHanko) in a project-local venv.
VENV=.venv
stamp="$VENV/.requirements.sha256"
want=$(sha256sum scripts/requirements-judges.txt | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV"
  python3 -m venv "$VENV"
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing the Python judges (pyHanko, certomancer, test vectors) into $VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q -r scripts/requirements-judges.txt
  echo "$want" > "$stamp"
fi

echo "setup: done"
