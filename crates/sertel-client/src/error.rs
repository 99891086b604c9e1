//! The one error type of the client.
//!
//! Three families, kept apart so the app can react to each:
//! - **the server or the network**: [`ClientError::Unreachable`] (keep the work queued and try
//!   later), [`ClientError::Server`] (the server answered with an error: its own bilingual
//!   message is kept), [`ClientError::UnexpectedResponse`];
//! - **bad input and local state**: the server address the user typed, the extra CA, no
//!   session, the token store, the files of the outbox and the sync cursor;
//! - **caller misuse**: the app asked for something the API never accepts
//!   ([`ClientError::is_misuse`]); a bug in the app, not something to show the user as theirs.
//!
//! Every variant has a stable `kind` and a message in Indonesian and English
//! ([`sertel_core::i18n::Localized`]); `Display` gives the Indonesian message, then the English.

use std::fmt;

use sertel_core::i18n::{Lang, Localized};

use crate::model::Bilingual;
use crate::submission::DocumentKind;

/// An error answer of the server: `{kind, message: {id, en}, details}` and its HTTP status.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ServerProblem {
    /// The HTTP status code.
    pub status: u16,
    /// The server's stable error kind (`invalid_profile`, `application_open`, …).
    pub kind: String,
    /// The server's message in both languages.
    pub message: Bilingual,
    /// Per-field details, when the server gives them (profile problems).
    pub details: Vec<serde_json::Value>,
}

/// Why a client call failed.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The server address is not an `https://` (or loopback `http://`) URL with a host.
    InvalidAddress {
        /// What was given.
        address: String,
        /// Why it cannot be used, in English.
        reason: &'static str,
    },
    /// Plain `http://` to a host that is not this machine: tokens and documents would cross the
    /// network unencrypted.
    InsecureAddress {
        /// What was given.
        address: String,
    },
    /// The extra CA certificate (the regency's own) is not a PEM or DER certificate.
    InvalidCaCertificate {
        /// What was wrong.
        reason: String,
    },
    /// The server could not be reached (no network, refused, TLS failure, time-out). Work in
    /// the outbox stays queued.
    Unreachable {
        /// The address tried.
        url: String,
        /// What the transport reported.
        reason: String,
    },
    /// The server answered with an error status.
    Server(ServerProblem),
    /// The server's answer is not what this endpoint returns.
    UnexpectedResponse {
        /// The address asked.
        url: String,
        /// What was wrong with the answer.
        reason: String,
    },
    /// No session: sign in first.
    NotSignedIn,
    /// The app's token store (the OS keyring) failed.
    TokenStore {
        /// What the store reported.
        reason: String,
    },
    /// A file of the outbox or of the sync state could not be read or written.
    Storage {
        /// The file or directory.
        path: String,
        /// What the file system reported.
        reason: String,
    },
    /// An outbox entry on disk is damaged (a document changed or went missing); it is not sent.
    CorruptEntry {
        /// The entry's name.
        entry: String,
        /// What is wrong.
        reason: String,
    },
    /// Caller misuse: a document the action requires was not given.
    MissingDocument {
        /// The document.
        kind: DocumentKind,
        /// The action (`submit`, `reissue`, …).
        action: &'static str,
    },
    /// Caller misuse: a document the action does not take was given.
    DocumentNotAccepted {
        /// The document.
        kind: DocumentKind,
        /// The action.
        action: &'static str,
    },
    /// Caller misuse: an argument outside what the API accepts.
    InvalidArgument {
        /// The argument.
        name: &'static str,
        /// Why, in English.
        reason: &'static str,
    },
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message(Lang::Id), self.message(Lang::En))
    }
}

impl std::error::Error for ClientError {}

impl ClientError {
    /// The network or the server is down: worth trying again later, nothing was decided.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, ClientError::Unreachable { .. })
    }

    /// Worth trying again later unchanged: unreachable, a server failure (5xx), too many
    /// requests, or a session that has to be renewed first.
    pub fn is_retryable(&self) -> bool {
        match self {
            ClientError::Unreachable { .. } | ClientError::NotSignedIn => true,
            ClientError::Server(p) => matches!(p.status, 401 | 408 | 429) || p.status >= 500,
            _ => false,
        }
    }

    /// The server refused the request as it is (a 4xx other than those [`is_retryable`]
    /// covers): sending it again will not help; the user has to see why.
    ///
    /// [`is_retryable`]: ClientError::is_retryable
    pub fn is_rejection(&self) -> bool {
        matches!(self, ClientError::Server(p) if (400..500).contains(&p.status))
            && !self.is_retryable()
    }

    /// A bug in the calling app rather than a problem of the user's or the server's.
    pub fn is_misuse(&self) -> bool {
        matches!(
            self,
            ClientError::MissingDocument { .. }
                | ClientError::DocumentNotAccepted { .. }
                | ClientError::InvalidArgument { .. }
        )
    }

    /// The server's problem, when the server answered with one.
    pub fn server_problem(&self) -> Option<&ServerProblem> {
        match self {
            ClientError::Server(p) => Some(p),
            _ => None,
        }
    }

    /// A token store failure, for [`crate::TokenStore`] implementations.
    pub fn token_store(reason: impl fmt::Display) -> ClientError {
        ClientError::TokenStore {
            reason: reason.to_string(),
        }
    }

    pub(crate) fn storage(path: &std::path::Path, e: impl fmt::Display) -> ClientError {
        ClientError::Storage {
            path: path.display().to_string(),
            reason: e.to_string(),
        }
    }
}

impl Localized for ClientError {
    fn kind(&self) -> &'static str {
        use ClientError as E;
        match self {
            E::InvalidAddress { .. } => "server_address_invalid",
            E::InsecureAddress { .. } => "server_address_insecure",
            E::InvalidCaCertificate { .. } => "extra_ca_invalid",
            E::Unreachable { .. } => "server_unreachable",
            E::Server(_) => "server_error",
            E::UnexpectedResponse { .. } => "server_response_unexpected",
            E::NotSignedIn => "not_signed_in",
            E::TokenStore { .. } => "token_store_failed",
            E::Storage { .. } => "local_storage_failed",
            E::CorruptEntry { .. } => "outbox_entry_corrupt",
            E::MissingDocument { .. } => "misuse_missing_document",
            E::DocumentNotAccepted { .. } => "misuse_document_not_accepted",
            E::InvalidArgument { .. } => "misuse_invalid_argument",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use ClientError as E;
        let pick = |id: String, en: String| lang.pick(id, en);
        match self {
            E::InvalidAddress { address, reason } => pick(
                format!("Alamat server {address:?} tidak dapat digunakan ({reason})."),
                format!("The server address {address:?} cannot be used: {reason}."),
            ),
            E::InsecureAddress { address } => pick(
                format!(
                    "Alamat server {address:?} memakai http:// tanpa enkripsi; gunakan https://. \
                     http:// hanya diizinkan ke komputer ini sendiri (localhost, 127.0.0.1, ::1)."
                ),
                format!(
                    "The server address {address:?} uses unencrypted http://; use https://. \
                     http:// is only allowed to this computer (localhost, 127.0.0.1, ::1)."
                ),
            ),
            E::InvalidCaCertificate { reason } => pick(
                format!("Sertifikat CA tambahan tidak dapat dibaca: {reason}."),
                format!("The extra CA certificate cannot be read: {reason}."),
            ),
            E::Unreachable { url, reason } => pick(
                format!("Server tidak dapat dihubungi ({url}): {reason}."),
                format!("The server cannot be reached ({url}): {reason}."),
            ),
            E::Server(p) => lang.pick(&p.message.id, &p.message.en).clone(),
            E::UnexpectedResponse { url, reason } => pick(
                format!("Jawaban server {url} tidak dapat dipahami: {reason}."),
                format!("The answer of {url} cannot be understood: {reason}."),
            ),
            E::NotSignedIn => pick(
                "Anda belum masuk; silakan masuk terlebih dahulu.".into(),
                "You are not signed in; please sign in first.".into(),
            ),
            E::TokenStore { reason } => pick(
                format!("Penyimpanan sesi (keyring) gagal: {reason}."),
                format!("The session store (keyring) failed: {reason}."),
            ),
            E::Storage { path, reason } => pick(
                format!("Berkas {path} tidak dapat dibaca atau ditulis: {reason}."),
                format!("The file {path} cannot be read or written: {reason}."),
            ),
            E::CorruptEntry { entry, reason } => pick(
                format!("Antrean kiriman {entry} rusak dan tidak dikirim: {reason}."),
                format!("The queued submission {entry} is damaged and was not sent: {reason}."),
            ),
            E::MissingDocument { kind, action } => pick(
                format!("Berkas {} wajib dilampirkan untuk {action}.", kind.as_str()),
                format!("The document {} is required for {action}.", kind.as_str()),
            ),
            E::DocumentNotAccepted { kind, action } => pick(
                format!("Berkas {} tidak diterima untuk {action}.", kind.as_str()),
                format!(
                    "The document {} is not accepted for {action}.",
                    kind.as_str()
                ),
            ),
            E::InvalidArgument { name, reason } => pick(
                format!("Argumen {name} tidak valid ({reason})."),
                format!("The argument {name} is invalid: {reason}."),
            ),
        }
    }
}
