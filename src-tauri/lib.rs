//! Sertel desktop: the Tauri shell around `sertel-core`.
//!
//! The shell stays thin: commands parse their arguments, call the core and map errors to
//! `{kind, message, detail}` for the UI.

/// Version of the core library the app was built with, shown in the window title bar.
#[tauri::command]
fn core_version() -> String {
    sertel_core::VERSION.to_string()
}

/// Starts the desktop application and blocks until its last window closes.
pub fn run() {
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![core_version])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("sertel-desktop: gagal memulai aplikasi / failed to start: {err}");
        std::process::exit(1);
    }
}
