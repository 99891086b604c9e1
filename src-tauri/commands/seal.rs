//! The seal screen: the agency's seal key (its own slot and passphrase), the application for
//! the seal (sent or queued offline; a rejected one goes again with `application_resubmit`). Its
//! status comes with the owner's status (`status_get`), which stores the issued seal in the seal
//! slot.

use sertel_core::key::Passphrase;
use sertel_desktop_core::connection::SubmitView;
use sertel_desktop_core::key_info::KeyInfo;
use sertel_desktop_core::seal::SealForm;
use tauri::State;

use crate::error::{blocking, UiError, UiResult};
use crate::state::AppState;

/// The seal key's facts (with the seal certificate once issued), or `None` before there is one.
#[tauri::command]
pub fn seal_info(state: State<'_, AppState>) -> UiResult<Option<KeyInfo>> {
    state
        .seal_slot()
        .info()
        .map_err(|e| UiError::new(&e, state.lang()))
}

/// Generates the seal's key under its own new passphrase (typed twice; the same rules as the
/// owner's key).
#[tauri::command]
pub async fn seal_key_create(
    state: State<'_, AppState>,
    passphrase: String,
    repeat: String,
    algorithm_name: String,
) -> UiResult<KeyInfo> {
    let slot = state.seal_slot();
    super::key::create_in(&state, slot, passphrase, repeat, algorithm_name).await
}

/// Applies for the agency's seal (queued when offline).
#[tauri::command]
pub async fn seal_submit(
    state: State<'_, AppState>,
    form: SealForm,
    consent_version: String,
    accepted: bool,
    passphrase: String,
) -> UiResult<SubmitView> {
    let lang = state.lang();
    let passphrase = Passphrase::new(passphrase);
    let conn = state.connection();
    let slot = state.seal_slot();
    let regency = state.regency.clone();
    blocking(lang, move || {
        conn?.submit_seal(
            &slot,
            &passphrase,
            &regency,
            &form,
            &consent_version,
            accepted,
            lang,
        )
    })
    .await
}
