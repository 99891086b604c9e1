#!/usr/bin/env bash
# Runs every Sertel test on Debian 12 as root, installing what the tests need first.
#   bash scripts/test.sh
# Environment: SERTEL_SKIP_DEB=1 skips building the .deb package (local iterations only).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/setup.sh
# The workspace tests include the desktop app's end-to-end test (tauri-driver under Xvfb).
bash scripts/e2e.sh --install-only
need_cargo

step "format"
cargo fmt --all -- --check

step "clippy (warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "no timing-attackable RSA in the workspace"
# Cargo.lock may list rsa for optional sqlx back ends that are never built; what counts is the
# resolved graph for every target and dependency kind.
if cargo tree --workspace --locked --target all -e normal,build,dev -i rsa 2>/dev/null | grep -q '^rsa v'; then
  echo "the rsa crate is in the dependency graph; private-key operations must use aws-lc-rs" >&2
  cargo tree --workspace --locked --target all -e normal,build,dev -i rsa >&2
  exit 1
fi

step "tests"
export SERTEL_VENV="$PWD/.venv"
# The desktop app's journey test drives the real server binary (target/debug/sertel-server).
cargo build -p sertel-server --locked
if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --exclude sertel-server --locked --no-fail-fast --failure-output final
else
  cargo test --workspace --exclude sertel-server --locked --no-fail-fast
fi
cargo test --workspace --exclude sertel-server --locked --doc

step "server tests on SQLite and on a throw-away PostgreSQL"
bash scripts/test-postgres.sh --locked

if [ "${SERTEL_SKIP_DEB:-0}" != 1 ]; then
  step "desktop package (.deb)"
  tauri_cli build --bundles deb
  deb=$(ls "${CARGO_TARGET_DIR:-target}"/release/bundle/deb/*.deb)
  ls -l "$deb"
  # What the package installs: the app, its menu entry; every library the app links resolves.
  unpacked=$(mktemp -d)
  dpkg-deb -x "$deb" "$unpacked"
  test -x "$unpacked/usr/bin/sertel-desktop"
  grep -q '^Exec=sertel-desktop' "$unpacked/usr/share/applications/Sertel.desktop"
  if ldd "$unpacked/usr/bin/sertel-desktop" | grep 'not found'; then
    echo "the packaged app links libraries this system lacks" >&2
    exit 1
  fi
  rm -rf "$unpacked"
fi
step "all tests passed"
