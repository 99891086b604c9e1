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

# The Tauri CLI, pinned to the 2.x line the app is built with.
install_tauri_cli() {
  if ! cargo tauri --version 2>/dev/null | grep -q '^tauri-cli 2\.'; then
    cargo install tauri-cli --version '^2' --locked
  fi
}
