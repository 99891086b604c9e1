//! The Settings screen: language, server and timestamp server addresses, trust anchors.

use std::path::PathBuf;

use sertel_desktop_core::settings::Settings;
use sertel_desktop_core::trust_anchors::{self, Anchor};
use tauri::State;

use crate::error::{UiError, UiResult};
use crate::state::AppState;

/// The settings in force.
#[tauri::command]
pub fn settings_get(state: State<'_, AppState>) -> Settings {
    state.settings()
}

/// Checks and saves the settings; they take effect at once.
#[tauri::command]
pub fn settings_save(state: State<'_, AppState>, settings: Settings) -> UiResult<Settings> {
    // Errors are worded in the language being chosen.
    let saved = settings
        .save(&state.paths)
        .map_err(|e| UiError::new(&e, settings.lang))?;
    if let Ok(mut current) = state.settings.write() {
        *current = saved.clone();
    }
    Ok(saved)
}

/// The certificates of the trust folder.
#[tauri::command]
pub fn trust_list(state: State<'_, AppState>) -> UiResult<Vec<Anchor>> {
    trust_anchors::list(&state.paths.trust).map_err(|e| UiError::new(&e, state.lang()))
}

/// Imports a CA certificate file into the trust folder.
#[tauri::command]
pub fn trust_import(state: State<'_, AppState>, path: PathBuf) -> UiResult<Vec<Anchor>> {
    trust_anchors::import(&state.paths.trust, &path).map_err(|e| UiError::new(&e, state.lang()))
}

/// Removes a certificate file from the trust folder.
#[tauri::command]
pub fn trust_remove(state: State<'_, AppState>, file: String) -> UiResult<()> {
    trust_anchors::remove(&state.paths.trust, &file).map_err(|e| UiError::new(&e, state.lang()))
}
