//! What an application asks for: a first certificate, a renewal, or a re-issue.

use serde::Serialize;

use crate::ApiError;

/// The kind of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationKind {
    /// A first application, or a new one after a revocation (Pasal 15, Pasal 17 ayat 6): every
    /// document of Pasal 15 ayat 1.
    New,
    /// A new certificate with a new key before the current one expires (Pasal 9 ayat 4,
    /// Pasal 18 ayat 2). Documents not sent again are carried over from the renewed
    /// application.
    Renewal,
    /// A new certificate after a lost, damaged or inaccessible key (Pasal 16 ayat 3): the
    /// statement letter signed by the head of the agency; other documents carried over.
    Reissue,
}

impl ApplicationKind {
    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationKind::New => "new",
            ApplicationKind::Renewal => "renewal",
            ApplicationKind::Reissue => "reissue",
        }
    }

    /// Parses a stored name.
    pub fn from_stored(s: &str) -> Result<ApplicationKind, ApiError> {
        [
            ApplicationKind::New,
            ApplicationKind::Renewal,
            ApplicationKind::Reissue,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| ApiError::internal(format!("unknown application kind {s}")))
    }
}
