//! Build script of the desktop app: lets Tauri generate its context from tauri.conf.json.
fn main() {
    tauri_build::build()
}
