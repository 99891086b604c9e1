//! The Sign screen: page previews for placing the signature, and a batch of PDFs signed with
//! one passphrase (the owner's key, or the agency's seal key to seal), progress sent per file as
//! `sign-progress` events; with the specimen, the
//! signed letters are registered with the server (or queued while it cannot be reached).

use serde::Serialize;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::Passphrase;
use std::path::PathBuf;

use sertel_desktop_core::preview::{preview, PagePreview};
use sertel_desktop_core::profile_store;
use sertel_desktop_core::registration::{sign_and_register, SignView};
use sertel_desktop_core::signing::{BatchRequest, FileEvent, Timestamping};
use sertel_desktop_core::DesktopError;
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
        FileEvent::Done {
            long_term: Some(why),
            ..
        } => Some(why.message(lang)),
        _ => None,
    };
    Progress { event, message }
}

/// Signs every file of the request (or seals them with the agency's seal key); the passphrase
/// opens the key once for the batch.
#[tauri::command]
pub async fn sign_files(
    app: AppHandle,
    state: State<'_, AppState>,
    request: BatchRequest,
    passphrase: String,
) -> UiResult<SignView> {
    let passphrase = Passphrase::new(passphrase);
    let slot = state.slot(request.seal);
    let settings = state.settings();
    let lang = settings.lang;
    let conn = request.specimen.then(|| state.connection());
    let paths = state.paths.clone();
    blocking(lang, move || {
        let server = match conn {
            Some(conn) => {
                let profile = profile_store::load(&paths)?.ok_or(DesktopError::NoProfile)?;
                Some((conn?, profile))
            }
            None => None,
        };
        sign_and_register(
            &slot,
            &passphrase,
            &request,
            settings.tsa_url.as_deref().map(|tsa_url| Timestamping {
                tsa_url,
                trust_dir: &paths.trust,
            }),
            server.as_ref().map(|(c, p)| (c.as_ref(), p)),
            lang,
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
