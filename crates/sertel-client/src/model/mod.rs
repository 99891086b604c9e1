//! What the server sends and receives, as typed values (the API's JSON, see the server's
//! `openapi.json`). Everything is `Serialize` too, so the app can hand it to its UI as it is.

mod application;
mod event;
mod revocation;
mod user;

pub use application::{
    Application, ApplicationKind, ApplicationState, CertificateSummary, Decision, DocumentRef,
    ReviewRecord, Side,
};
pub use event::{Event, EventPage};
pub use revocation::{RevocationReason, RevocationRequest, RevocationRequestState};
pub use user::{Consent, RegisterOwner, Role, Session, SessionToken, User};

use serde::{Deserialize, Serialize};

/// A text in Indonesian and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    /// Bahasa Indonesia.
    #[serde(default)]
    pub id: String,
    /// English.
    #[serde(default)]
    pub en: String,
}
