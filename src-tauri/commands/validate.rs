//! The Validate screen: a verdict per signature, and the PDF validation report.

use std::path::PathBuf;

use sertel_desktop_core::report_export::export_report;
use sertel_desktop_core::validation::{validate, verifier, view, ValidationView};
use tauri::State;

use crate::error::{blocking, UiResult};
use crate::state::AppState;

/// Validates the PDF at `path` against the trust folder.
#[tauri::command]
pub async fn validate_file(state: State<'_, AppState>, path: PathBuf) -> UiResult<ValidationView> {
    let trust = state.paths.trust.clone();
    let lang = state.lang();
    blocking(lang, move || {
        let (verifier, anchors) = verifier(&trust)?;
        Ok(view(&validate(&verifier, &path)?, anchors, lang))
    })
    .await
}

/// Writes the PDF validation report of `path` to `out` (never over an existing file).
#[tauri::command]
pub async fn validate_export_report(
    state: State<'_, AppState>,
    path: PathBuf,
    out: PathBuf,
) -> UiResult<()> {
    let trust = state.paths.trust.clone();
    let lang = state.lang();
    blocking(lang, move || {
        let (verifier, _) = verifier(&trust)?;
        export_report(&verifier, &path, &out, lang)
    })
    .await
}
