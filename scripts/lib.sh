# Shared helpers of the project's scripts (sourced, not run).

step() { printf '\n==> %s\n' "$*"; }

need_cargo() {
  if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    source "$HOME/.cargo/env"
  fi
  command -v cargo >/dev/null 2>&1 || {
    echo "cargo (Rust 1.85 or newer) is required: install it with rustup first" >&2
    exit 1
  }
}

# The Tauri CLI, pinned to the 2.x line the app is built with: the npm package ships the
# prebuilt CLI, which saves compiling it. Installed under .tools/ (not tracked).
TAURI_CLI_VERSION=2.12.5
tauri_cli() {
  local bin=.tools/node_modules/.bin/tauri
  if ! "$bin" --version 2>/dev/null | grep -q "^tauri-cli $TAURI_CLI_VERSION"; then
    mkdir -p .tools
    (cd .tools && npm install --silent --no-audit --no-fund "@tauri-apps/cli@$TAURI_CLI_VERSION")
  fi
  "$bin" "$@"
}
