//! Errors as the UI receives them: `{kind, message, detail}`, the message in the user's
//! language, so the UI can branch on `kind` and show `message` as it is.

use serde::Serialize;
use sertel_core::i18n::{Lang, Localized};
use sertel_desktop_core::DesktopError;

/// An error for the UI.
#[derive(Debug, Serialize)]
pub struct UiError {
    /// Stable machine-readable kind.
    pub kind: &'static str,
    /// What happened, in the user's language.
    pub message: String,
    /// Technical detail (a path, an OS error), if any.
    pub detail: Option<String>,
}

impl UiError {
    /// `e` in `lang`.
    pub fn new(e: &DesktopError, lang: Lang) -> UiError {
        UiError {
            kind: e.kind(),
            message: e.message(lang),
            detail: e.detail(),
        }
    }

    /// A background task that stopped before answering.
    pub fn interrupted(e: impl std::fmt::Display, lang: Lang) -> UiError {
        UiError {
            kind: "internal",
            message: lang
                .pick(
                    "Pekerjaan terhenti sebelum selesai.",
                    "The task stopped before it finished.",
                )
                .to_owned(),
            detail: Some(e.to_string()),
        }
    }
}

/// What commands return.
pub type UiResult<T> = Result<T, UiError>;

/// Runs `work` on a blocking thread (key generation, signing, validation) so the window
/// stays responsive, and maps its error for the UI in `lang`.
pub async fn blocking<T: Send + 'static>(
    lang: Lang,
    work: impl FnOnce() -> Result<T, DesktopError> + Send + 'static,
) -> UiResult<T> {
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result.map_err(|e| UiError::new(&e, lang)),
        Err(e) => Err(UiError::interrupted(e, lang)),
    }
}
