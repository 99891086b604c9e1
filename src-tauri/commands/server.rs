//! The server-connected screens: signing in and registering, the recommendation letter, the
//! application (sent or queued offline), the status timeline, the lost-key report and
//! revocation request, and the verifiers' queue. Calls run off the UI thread.

use std::path::PathBuf;

use sertel_client::model::{Application, Consent, RevocationRequest};
use sertel_core::key::Passphrase;
use sertel_core::recommendation::RecommendationForm;
use sertel_desktop_core::connection::{
    ApplicationFiles, DocumentView, SessionView, StatusView, SubmitView,
};
use sertel_desktop_core::key_slot::NewPassphrase;
use sertel_desktop_core::letter::{self, LetterPreview};
use sertel_desktop_core::renewal::FollowUp;
use sertel_desktop_core::{profile_store, DesktopError};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::error::{blocking, UiError, UiResult};
use crate::state::AppState;

/// Who is signed in, and where the token lives.
#[tauri::command]
pub async fn server_session(state: State<'_, AppState>) -> UiResult<SessionView> {
    let lang = state.lang();
    let conn = state.connection();
    blocking(lang, move || conn?.session(lang)).await
}

/// Signs in (owner or verifier).
#[tauri::command]
pub async fn server_sign_in(
    state: State<'_, AppState>,
    email: String,
    password: String,
) -> UiResult<SessionView> {
    let lang = state.lang();
    let conn = state.connection();
    blocking(lang, move || conn?.sign_in(&email, &password, lang)).await
}

/// Registers the owner of the saved profile and signs in.
#[tauri::command]
pub async fn server_register(
    state: State<'_, AppState>,
    password: String,
) -> UiResult<SessionView> {
    let lang = state.lang();
    let conn = state.connection();
    let paths = state.paths.clone();
    blocking(lang, move || {
        let profile = profile_store::load(&paths)?.ok_or(DesktopError::NoProfile)?;
        conn?.register(&profile, &password, lang)
    })
    .await
}

/// Signs out (and stops following the status feed).
#[tauri::command]
pub async fn server_sign_out(state: State<'_, AppState>) -> UiResult<()> {
    state.feed.stop();
    let conn = state.connection();
    blocking(state.lang(), move || conn?.sign_out()).await
}

/// The Pasal 19/20 text.
#[tauri::command]
pub async fn server_consent(state: State<'_, AppState>) -> UiResult<Consent> {
    let conn = state.connection();
    blocking(state.lang(), move || conn?.consent()).await
}

/// The recommendation letter's form, filled in from the saved profile.
#[tauri::command]
pub fn letter_defaults(state: State<'_, AppState>) -> UiResult<RecommendationForm> {
    let lang = state.lang();
    let profile =
        profile_store::load(&state.paths).map_err(|e| crate::error::UiError::new(&e, lang))?;
    Ok(letter::defaults(profile.as_ref()))
}

/// Checks and renders the letter and previews its first page.
#[tauri::command]
pub async fn letter_preview(
    state: State<'_, AppState>,
    form: RecommendationForm,
) -> UiResult<LetterPreview> {
    let lang = state.lang();
    let regency = state.regency.clone();
    let dir = state.paths.key_dir().to_path_buf();
    blocking(lang, move || letter::preview(&form, &regency, &dir, lang)).await
}

/// Checks, renders and saves the letter to `path`.
#[tauri::command]
pub async fn letter_save(
    state: State<'_, AppState>,
    form: RecommendationForm,
    path: PathBuf,
) -> UiResult<()> {
    let lang = state.lang();
    let regency = state.regency.clone();
    blocking(lang, move || letter::save(&form, &regency, &path)).await
}

/// Submits the first application (queued when offline).
#[tauri::command]
pub async fn application_submit(
    state: State<'_, AppState>,
    files: ApplicationFiles,
    consent_version: String,
    accepted: bool,
    passphrase: String,
) -> UiResult<SubmitView> {
    let lang = state.lang();
    let passphrase = Passphrase::new(passphrase);
    let conn = state.connection();
    let slot = state.key_slot();
    let paths = state.paths.clone();
    let regency = state.regency.clone();
    blocking(lang, move || {
        let profile = profile_store::load(&paths)?.ok_or(DesktopError::NoProfile)?;
        conn?.submit(
            &slot,
            &passphrase,
            &profile,
            &regency,
            &files,
            &consent_version,
            accepted,
            lang,
        )
    })
    .await
}

/// Sends a rejected application again with the documents chosen (queued when offline).
#[tauri::command]
pub async fn application_resubmit(
    state: State<'_, AppState>,
    application_id: String,
    files: ApplicationFiles,
    consent_version: String,
) -> UiResult<SubmitView> {
    let lang = state.lang();
    let conn = state.connection();
    blocking(lang, move || {
        conn?.resubmit(&application_id, &files, &consent_version, lang)
    })
    .await
}

/// Applies to renew the certificate of `application_id` with a new key made under the new
/// passphrase (the current key keeps signing until the new certificate is issued), or, with
/// `statement_letter`, to re-issue it after its key was reported lost; with `seal_agency`, the
/// agency's seal of that application, with a new seal key.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn follow_up_submit(
    state: State<'_, AppState>,
    application_id: String,
    passphrase: String,
    repeat: String,
    consent_version: String,
    seal_agency: Option<String>,
    statement_letter: Option<PathBuf>,
) -> UiResult<SubmitView> {
    let lang = state.lang();
    let new = NewPassphrase {
        passphrase: Passphrase::new(passphrase),
        repeat: Passphrase::new(repeat),
    };
    let conn = state.connection();
    let slot = state.slot(seal_agency.is_some());
    let paths = state.paths.clone();
    let regency = state.regency.clone();
    blocking(lang, move || {
        let profile = profile_store::load(&paths)?.ok_or(DesktopError::NoProfile)?;
        let follow = match &statement_letter {
            Some(letter) => FollowUp::Reissue {
                statement_letter: letter,
            },
            None => FollowUp::Renewal,
        };
        conn?.follow_up(
            &slot,
            &new,
            &profile,
            &regency,
            seal_agency.as_deref(),
            &application_id,
            follow,
            &consent_version,
            lang,
        )
    })
    .await
}

/// The owner's applications and timelines, the seal's apart (also sends what the outbox
/// holds).
#[tauri::command]
pub async fn status_get(state: State<'_, AppState>) -> UiResult<StatusView> {
    let conn = state.connection();
    let slot = state.key_slot();
    let seal = state.seal_slot();
    blocking(state.lang(), move || {
        conn?.status(&slot, &seal, crate::status_clock::status_now())
    })
    .await
}

/// Follows the signed-in owner's events: each one is sent to the window as a `status-feed`
/// event (`changed`, or `offline` while the server is away).
#[tauri::command]
pub async fn status_follow(app: AppHandle, state: State<'_, AppState>) -> UiResult<()> {
    let lang = state.lang();
    let conn = state.connection().map_err(|e| UiError::new(&e, lang))?;
    let handle = app.clone();
    blocking(lang, move || {
        handle
            .state::<AppState>()
            .feed
            .start(conn, lang, move |event| {
                let _ = app.emit("status-feed", event);
            })
    })
    .await
}

/// Reports the key lost: the certificate is revoked at once and signing stops.
#[tauri::command]
pub async fn lost_key_report(
    state: State<'_, AppState>,
    application_id: String,
    statement: String,
) -> UiResult<Application> {
    let conn = state.connection();
    let (slot, seal) = (state.key_slot(), state.seal_slot());
    blocking(state.lang(), move || {
        conn?.report_lost_key(&slot, &seal, &application_id, &statement)
    })
    .await
}

/// Asks for a revocation with the agency head's letter.
#[tauri::command]
pub async fn revocation_request(
    state: State<'_, AppState>,
    application_id: String,
    reason: String,
    statement: String,
    letter: PathBuf,
) -> UiResult<()> {
    let conn = state.connection();
    blocking(state.lang(), move || {
        conn?.request_revocation(&application_id, &reason, &statement, &letter)
    })
    .await
}

/// The verifier's queue, oldest first.
#[tauri::command]
pub async fn verifier_queue(state: State<'_, AppState>) -> UiResult<Vec<Application>> {
    let conn = state.connection();
    blocking(state.lang(), move || conn?.review_queue()).await
}

/// Every application the verifier may see.
#[tauri::command]
pub async fn verifier_applications(state: State<'_, AppState>) -> UiResult<Vec<Application>> {
    let conn = state.connection();
    blocking(state.lang(), move || conn?.all_applications()).await
}

/// One document, drawn for the screen.
#[tauri::command]
pub async fn verifier_document(
    state: State<'_, AppState>,
    application_id: String,
    kind: String,
) -> UiResult<DocumentView> {
    let conn = state.connection();
    blocking(state.lang(), move || conn?.document(&application_id, &kind)).await
}

/// Approves or rejects an application.
#[tauri::command]
pub async fn verifier_review(
    state: State<'_, AppState>,
    application_id: String,
    approve: bool,
    reason: String,
) -> UiResult<Application> {
    let conn = state.connection();
    blocking(state.lang(), move || {
        conn?.review(&application_id, approve, &reason)
    })
    .await
}

/// Revokes a certificate with a reason.
#[tauri::command]
pub async fn verifier_revoke(
    state: State<'_, AppState>,
    application_id: String,
    reason: String,
    comment: String,
) -> UiResult<Application> {
    let conn = state.connection();
    blocking(state.lang(), move || {
        conn?.revoke(&application_id, &reason, &comment)
    })
    .await
}

/// The owners' revocation requests, pending first.
#[tauri::command]
pub async fn revocation_requests(state: State<'_, AppState>) -> UiResult<Vec<RevocationRequest>> {
    let conn = state.connection();
    blocking(state.lang(), move || conn?.revocation_requests()).await
}

/// The agency head's letter of a revocation request, drawn for the screen.
#[tauri::command]
pub async fn revocation_letter(
    state: State<'_, AppState>,
    request_id: String,
) -> UiResult<DocumentView> {
    let conn = state.connection();
    blocking(state.lang(), move || conn?.revocation_letter(&request_id)).await
}

/// Approves or rejects (with a reason) a revocation request.
#[tauri::command]
pub async fn revocation_decide(
    state: State<'_, AppState>,
    request_id: String,
    approve: bool,
    reason: String,
) -> UiResult<RevocationRequest> {
    let conn = state.connection();
    blocking(state.lang(), move || {
        conn?.decide_revocation_request(&request_id, approve, &reason)
    })
    .await
}
