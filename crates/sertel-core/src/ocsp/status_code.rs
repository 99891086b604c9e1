//! The `responseStatus` of an `OCSPResponse` (RFC 6960 §4.2.1).
//!
//! ```text
//! OCSPResponseStatus ::= ENUMERATED {
//!     successful            (0),  -- Response has valid confirmations
//!     malformedRequest      (1),  -- Illegal confirmation request
//!     internalError         (2),  -- Internal error in issuer
//!     tryLater              (3),  -- Try again later
//!                                 -- (4) is not used
//!     sigRequired           (5),  -- Must sign the request
//!     unauthorized          (6)   -- Request unauthorized
//! }
//! ```

use x509_ocsp::OcspResponseStatus;

use crate::i18n::{Lang, Localized};

/// Whether the responder answered, and if not, why not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponseStatus {
    /// The response carries certificate statuses.
    Successful,
    /// The responder could not read the request.
    MalformedRequest,
    /// The responder failed internally.
    InternalError,
    /// The responder is busy or cannot answer now.
    TryLater,
    /// The responder only answers signed requests.
    SigRequired,
    /// The responder is not authoritative for the certificate asked about.
    Unauthorized,
}

impl ResponseStatus {
    /// The ENUMERATED value.
    pub fn code(self) -> u8 {
        match self {
            ResponseStatus::Successful => 0,
            ResponseStatus::MalformedRequest => 1,
            ResponseStatus::InternalError => 2,
            ResponseStatus::TryLater => 3,
            ResponseStatus::SigRequired => 5,
            ResponseStatus::Unauthorized => 6,
        }
    }

    pub(crate) fn to_asn1(self) -> OcspResponseStatus {
        match self {
            ResponseStatus::Successful => OcspResponseStatus::Successful,
            ResponseStatus::MalformedRequest => OcspResponseStatus::MalformedRequest,
            ResponseStatus::InternalError => OcspResponseStatus::InternalError,
            ResponseStatus::TryLater => OcspResponseStatus::TryLater,
            ResponseStatus::SigRequired => OcspResponseStatus::SigRequired,
            ResponseStatus::Unauthorized => OcspResponseStatus::Unauthorized,
        }
    }

    pub(crate) fn from_asn1(status: OcspResponseStatus) -> ResponseStatus {
        match status {
            OcspResponseStatus::Successful => ResponseStatus::Successful,
            OcspResponseStatus::MalformedRequest => ResponseStatus::MalformedRequest,
            OcspResponseStatus::InternalError => ResponseStatus::InternalError,
            OcspResponseStatus::TryLater => ResponseStatus::TryLater,
            OcspResponseStatus::SigRequired => ResponseStatus::SigRequired,
            OcspResponseStatus::Unauthorized => ResponseStatus::Unauthorized,
        }
    }
}

impl Localized for ResponseStatus {
    fn kind(&self) -> &'static str {
        match self {
            ResponseStatus::Successful => "ocsp_successful",
            ResponseStatus::MalformedRequest => "ocsp_malformed_request",
            ResponseStatus::InternalError => "ocsp_internal_error",
            ResponseStatus::TryLater => "ocsp_try_later",
            ResponseStatus::SigRequired => "ocsp_sig_required",
            ResponseStatus::Unauthorized => "ocsp_unauthorized",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            ResponseStatus::Successful => ("berhasil", "successful"),
            ResponseStatus::MalformedRequest => {
                ("permintaan tidak dapat dibaca", "the request is malformed")
            }
            ResponseStatus::InternalError => ("kesalahan internal", "internal error"),
            ResponseStatus::TryLater => ("coba lagi nanti", "try again later"),
            ResponseStatus::SigRequired => (
                "permintaan harus ditandatangani",
                "the request must be signed",
            ),
            ResponseStatus::Unauthorized => (
                "responder tidak berwenang untuk sertifikat ini",
                "the responder is not authoritative for this certificate",
            ),
        };
        lang.pick(id, en).to_owned()
    }
}
