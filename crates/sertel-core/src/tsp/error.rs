//! Errors of time-stamping.

use crate::http::HttpError;
use crate::i18n::{Lang, Localized};

/// Why a timestamp could not be obtained or accepted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TimestampError {
    /// The TSA could not be reached or answered badly at the HTTP level.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// The TSA refused the request.
    #[error("the timestamp authority refused the request (status {status}): {text}")]
    Rejected {
        /// The PKIStatus value.
        status: u8,
        /// The status text the TSA gave, if any.
        text: String,
    },
    /// The answer is not a well-formed RFC 3161 response.
    #[error("the timestamp response is malformed: {0}")]
    Malformed(String),
    /// The token is for other data than what was sent.
    #[error("the timestamp token covers other data than the signature")]
    ImprintMismatch,
    /// The token does not echo the nonce that was sent (a replayed answer).
    #[error("the timestamp token does not carry the request's nonce")]
    NonceMismatch,
}

impl From<der::Error> for TimestampError {
    fn from(e: der::Error) -> Self {
        TimestampError::Malformed(e.to_string())
    }
}

impl Localized for TimestampError {
    fn kind(&self) -> &'static str {
        match self {
            TimestampError::Http(e) => e.kind(),
            TimestampError::Rejected { .. } => "timestamp_rejected",
            TimestampError::Malformed(_) => "timestamp_malformed",
            TimestampError::ImprintMismatch => "timestamp_imprint_mismatch",
            TimestampError::NonceMismatch => "timestamp_nonce_mismatch",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TimestampError::Http(e), lang) => e.message(lang),
            (TimestampError::Rejected { status, text }, Lang::Id) => {
                format!("Server penanda waktu menolak permintaan (status {status}): {text}")
            }
            (TimestampError::Malformed(d), Lang::Id) => {
                format!("Jawaban server penanda waktu tidak sah: {d}")
            }
            (TimestampError::ImprintMismatch, Lang::Id) => {
                "Token penanda waktu mencakup data lain, bukan tanda tangan ini".into()
            }
            (TimestampError::NonceMismatch, Lang::Id) => {
                "Token penanda waktu tidak memuat nonce permintaan (jawaban diputar ulang?)".into()
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}
