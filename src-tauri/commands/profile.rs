//! The Profile screen: the saved profile, live checks of a draft, saving.

use serde::Serialize;
use sertel_core::profile::OwnerProfile;
use sertel_desktop_core::profile_check::{self, FieldProblem};
use sertel_desktop_core::profile_store;
use sertel_desktop_core::ranks::RANKS;
use tauri::State;

use crate::error::{UiError, UiResult};
use crate::state::AppState;

/// What the Profile screen starts from.
#[derive(Serialize)]
pub struct ProfileScreen {
    profile: Option<OwnerProfile>,
    ranks: Vec<String>,
    email_domain: String,
}

/// The saved profile, the official ranks and the regency's mail domain.
#[tauri::command]
pub fn profile_get(state: State<'_, AppState>) -> UiResult<ProfileScreen> {
    let profile = profile_store::load(&state.paths).map_err(|e| UiError::new(&e, state.lang()))?;
    Ok(ProfileScreen {
        profile,
        ranks: RANKS.iter().map(|r| r.label()).collect(),
        email_domain: state.regency.email_domain.clone(),
    })
}

/// Every problem of a draft, per field, in the user's language.
#[tauri::command]
pub fn profile_check(state: State<'_, AppState>, profile: OwnerProfile) -> Vec<FieldProblem> {
    let draft = profile_store::normalize(&profile);
    profile_check::check(&draft, &state.regency, state.lang())
}

/// Saves the profile when it has no problem; returns what was saved.
#[tauri::command]
pub fn profile_save(state: State<'_, AppState>, profile: OwnerProfile) -> UiResult<OwnerProfile> {
    profile_store::save(&state.paths, &profile, &state.regency)
        .map_err(|e| UiError::new(&e, state.lang()))
}
