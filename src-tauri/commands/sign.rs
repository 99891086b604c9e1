//! The Sign screen: page previews for placing the signature, and a batch of PDFs signed with
//! one passphrase, progress sent per file as `sign-progress` events.

use serde::Serialize;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::Passphrase;
use std::path::PathBuf;

use sertel_desktop_core::preview::{preview, PagePreview};
use sertel_desktop_core::signing::{sign_batch, BatchOutcome, BatchRequest, FileEvent};
use tauri::{AppHandle, Emitter, State};

use crate::error::{blocking, UiResult};
use crate::state::AppState;

/// One `sign-progress` event: the step, with a failure worded in the user's language.
#[derive(Clone, Serialize)]
struct Progress {
    #[serde(flatten)]
    event: FileEvent,
    message: Option<String>,
}

fn progress(event: FileEvent, lang: Lang) -> Progress {
    let message = match &event {
        FileEvent::Failed { error, .. } => Some(error.message(lang)),
        _ => None,
    };
    Progress { event, message }
}

/// Signs every file of the request; the passphrase opens the key once for the batch.
#[tauri::command]
pub async fn sign_files(
    app: AppHandle,
    state: State<'_, AppState>,
    request: BatchRequest,
    passphrase: String,
) -> UiResult<BatchOutcome> {
    let passphrase = Passphrase::new(passphrase);
    let slot = state.key_slot();
    let settings = state.settings();
    let lang = settings.lang;
    blocking(lang, move || {
        sign_batch(
            &slot,
            &passphrase,
            &request,
            settings.tsa_url.as_deref(),
            &mut |event| {
                let _ = app.emit("sign-progress", progress(event, lang));
            },
        )
    })
    .await
}

/// Page `page` (1-based; 0 the last) of the PDF at `path`, for placing the signature.
#[tauri::command]
pub async fn sign_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    page: usize,
) -> UiResult<PagePreview> {
    blocking(state.lang(), move || preview(&path, page)).await
}
