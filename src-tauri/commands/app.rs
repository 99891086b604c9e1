//! What the shell needs to draw itself: the version, language, and which steps are done.

use serde::Serialize;
use sertel_core::i18n::Lang;
use tauri::State;

use crate::state::AppState;

/// The app's status, for the navigation and the first-run choice.
#[derive(Serialize)]
pub struct AppStatus {
    version: &'static str,
    lang: Lang,
    has_profile: bool,
    has_key: bool,
    has_certificate: bool,
    has_seal_key: bool,
    has_seal_certificate: bool,
    server_configured: bool,
    server_url: Option<String>,
    data_dir: String,
    trust_dir: String,
}

/// The app's status.
#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    let slot = state.key_slot();
    let seal = state.seal_slot();
    let settings = state.settings();
    AppStatus {
        version: env!("CARGO_PKG_VERSION"),
        lang: settings.lang,
        has_profile: state.paths.profile().is_file(),
        has_key: slot.has_key(),
        has_certificate: slot.certificates_path().is_file(),
        has_seal_key: seal.has_key(),
        has_seal_certificate: seal.certificates_path().is_file(),
        server_configured: settings.server_url.is_some(),
        server_url: settings.server_url.clone(),
        data_dir: state.paths.data.display().to_string(),
        trust_dir: state.paths.trust.display().to_string(),
    }
}

/// Called by the UI once its first screen is drawn. With `SERTEL_READY_FILE` set (the
/// start-up benchmark), writes the milliseconds since the process started to that file.
#[tauri::command]
pub fn app_ready() {
    if let Some(path) = std::env::var_os("SERTEL_READY_FILE") {
        let ms = crate::started().elapsed().as_millis();
        let _ = std::fs::write(path, format!("{ms}\n"));
    }
}
