//! Why an OCSP request could not be made, or a response not be accepted; and why a responder
//! could not be set up.

use time::OffsetDateTime;

use super::status_code::ResponseStatus;
use crate::http::HttpError;
use crate::i18n::{Lang, Localized};

/// Why an OCSP exchange failed or its answer was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OcspError {
    /// The responder could not be reached, or answered badly at the HTTP level.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// The encoding is larger than accepted.
    #[error("OCSP message of {size} bytes exceeds the limit of {limit}")]
    TooLarge {
        /// The size given.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A set already holds as many responses as it may.
    #[error("too many OCSP responses (limit {limit})")]
    TooMany {
        /// The limit.
        limit: usize,
    },
    /// The bytes are not a well-formed OCSP message.
    #[error("malformed OCSP message: {0}")]
    Malformed(String),
    /// The responder did not answer with statuses (`responseStatus` not successful).
    #[error("the OCSP responder answered {0:?} (status {code})", code = .0.code())]
    Unsuccessful(ResponseStatus),
    /// The response is of a type other than the basic response.
    #[error("unsupported OCSP response type {0}")]
    UnsupportedResponseType(String),
    /// The response uses something Sertel does not process (a critical extension).
    #[error("the OCSP response uses an unsupported feature: {0}")]
    Unsupported(String),
    /// The response's signature uses an algorithm or key Sertel does not verify.
    #[error("the OCSP response's signature algorithm is not supported: {0}")]
    UnsupportedAlgorithm(String),
    /// The signature over the response does not verify with the responder's key.
    #[error("the OCSP response's signature is not valid")]
    SignatureInvalid,
    /// No certificate at hand matches the response's responder ID.
    #[error("no certificate matches the OCSP responder ID")]
    ResponderUnknown,
    /// The certificate that signed the response may not answer for the certificate's issuer.
    #[error("the OCSP responder is not authorized by the certificate's issuer: {0}")]
    ResponderNotAuthorized(String),
    /// The response carries no status for the certificate asked about.
    #[error("the OCSP response does not cover the certificate")]
    CertificateNotInResponse,
    /// thisUpdate lies after the validation time (beyond the allowed clock skew).
    #[error("the OCSP response's thisUpdate {0} is in the future")]
    ThisUpdateInFuture(OffsetDateTime),
    /// nextUpdate had passed at the validation time.
    #[error("the OCSP response expired at {0} (nextUpdate)")]
    NextUpdatePassed(OffsetDateTime),
    /// Without nextUpdate, thisUpdate is older than the freshness window allows.
    #[error("the OCSP response of {0} (no nextUpdate) is too old")]
    TooOld(OffsetDateTime),
    /// A nonce was sent and the response carries none.
    #[error("the OCSP response does not carry the request's nonce")]
    NonceMissing,
    /// The response carries another nonce than the one sent (a replayed answer).
    #[error("the OCSP response carries another nonce than the request's")]
    NonceMismatch,
    /// The request could not be built (caller misuse: a nonce of a length RFC 8954 forbids,
    /// or no randomness available).
    #[error("cannot build the OCSP request: {0}")]
    Request(String),
}

impl From<der::Error> for OcspError {
    fn from(e: der::Error) -> Self {
        OcspError::Malformed(e.to_string())
    }
}

fn date(t: &OffsetDateTime) -> String {
    format!(
        "{} {:02}:{:02}:{:02} UTC",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

impl Localized for OcspError {
    fn kind(&self) -> &'static str {
        use OcspError::*;
        match self {
            Http(e) => e.kind(),
            TooLarge { .. } => "ocsp_too_large",
            TooMany { .. } => "ocsp_too_many",
            Malformed(_) => "ocsp_malformed",
            Unsuccessful(_) => "ocsp_unsuccessful",
            UnsupportedResponseType(_) => "ocsp_unsupported_response_type",
            Unsupported(_) => "ocsp_unsupported",
            UnsupportedAlgorithm(_) => "ocsp_unsupported_algorithm",
            SignatureInvalid => "ocsp_signature_invalid",
            ResponderUnknown => "ocsp_responder_unknown",
            ResponderNotAuthorized(_) => "ocsp_responder_not_authorized",
            CertificateNotInResponse => "ocsp_certificate_not_in_response",
            ThisUpdateInFuture(_) => "ocsp_this_update_in_future",
            NextUpdatePassed(_) => "ocsp_next_update_passed",
            TooOld(_) => "ocsp_too_old",
            NonceMissing => "ocsp_nonce_missing",
            NonceMismatch => "ocsp_nonce_mismatch",
            Request(_) => "ocsp_request",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use OcspError::*;
        match self {
            Http(e) => e.message(lang),
            TooLarge { size, limit } => lang.pick(
                format!("Pesan OCSP berukuran {size} bait melebihi batas {limit} bait."),
                format!("The OCSP message is {size} bytes, over the limit of {limit}."),
            ),
            TooMany { limit } => lang.pick(
                format!("Terlalu banyak jawaban OCSP (batas {limit})."),
                format!("Too many OCSP responses (limit {limit})."),
            ),
            Malformed(d) => lang.pick(
                format!("Pesan OCSP rusak: {d}."),
                format!("Malformed OCSP message: {d}."),
            ),
            Unsuccessful(s) => lang.pick(
                format!(
                    "Responder OCSP tidak memberi status sertifikat: {} (kode {}).",
                    s.message(lang),
                    s.code()
                ),
                format!(
                    "The OCSP responder gave no certificate status: {} (code {}).",
                    s.message(lang),
                    s.code()
                ),
            ),
            UnsupportedResponseType(t) => lang.pick(
                format!("Jenis jawaban OCSP {t} tidak didukung."),
                format!("OCSP response type {t} is not supported."),
            ),
            Unsupported(d) => lang.pick(
                format!("Jawaban OCSP memakai fitur yang tidak didukung: {d}."),
                format!("The OCSP response uses an unsupported feature: {d}."),
            ),
            UnsupportedAlgorithm(d) => lang.pick(
                format!("Algoritma tanda tangan jawaban OCSP tidak didukung: {d}."),
                format!("The OCSP response's signature algorithm is not supported: {d}."),
            ),
            SignatureInvalid => lang
                .pick(
                    "Tanda tangan pada jawaban OCSP tidak sah.",
                    "The OCSP response's signature is not valid.",
                )
                .to_owned(),
            ResponderUnknown => lang
                .pick(
                    "Tidak ada sertifikat yang cocok dengan identitas responder OCSP.",
                    "No certificate matches the OCSP responder ID.",
                )
                .to_owned(),
            ResponderNotAuthorized(d) => lang.pick(
                format!("Responder OCSP tidak diberi wewenang oleh penerbit sertifikat: {d}."),
                format!("The OCSP responder is not authorized by the certificate's issuer: {d}."),
            ),
            CertificateNotInResponse => lang
                .pick(
                    "Jawaban OCSP tidak memuat status sertifikat yang ditanyakan.",
                    "The OCSP response does not cover the certificate asked about.",
                )
                .to_owned(),
            ThisUpdateInFuture(t) => lang.pick(
                format!("Jawaban OCSP bertanggal {}, di masa depan.", date(t)),
                format!("The OCSP response is dated {}, in the future.", date(t)),
            ),
            NextUpdatePassed(t) => lang.pick(
                format!("Jawaban OCSP sudah kedaluwarsa pada {}.", date(t)),
                format!("The OCSP response expired on {}.", date(t)),
            ),
            TooOld(t) => lang.pick(
                format!(
                    "Jawaban OCSP bertanggal {} tanpa nextUpdate sudah terlalu lama.",
                    date(t)
                ),
                format!(
                    "The OCSP response of {} has no nextUpdate and is too old.",
                    date(t)
                ),
            ),
            NonceMissing => lang
                .pick(
                    "Jawaban OCSP tidak memuat nonce permintaan.",
                    "The OCSP response does not carry the request's nonce.",
                )
                .to_owned(),
            NonceMismatch => lang
                .pick(
                    "Nonce pada jawaban OCSP berbeda dari nonce permintaan (jawaban diputar ulang?).",
                    "The OCSP response carries another nonce than the request's (a replayed answer?).",
                )
                .to_owned(),
            Request(d) => lang.pick(
                format!("Permintaan OCSP tidak dapat dibuat: {d}."),
                format!("Cannot build the OCSP request: {d}."),
            ),
        }
    }
}

/// Why an [`super::OcspResponder`] could not be set up (caller misuse, not bad input).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponderSetupError {
    /// The signer's public key is not the responder certificate's.
    #[error("the signing key does not belong to the responder certificate")]
    KeyMismatch,
    /// The delegated responder certificate was not issued by the CA (name or signature).
    #[error("the responder certificate was not issued by the CA")]
    NotIssuedByCa,
    /// The delegated responder certificate lacks the id-kp-OCSPSigning extended key usage.
    #[error("the responder certificate lacks the OCSPSigning extended key usage")]
    MissingOcspSigning,
    /// A configured value is out of range (validity period).
    #[error("invalid responder setting: {0}")]
    InvalidSetting(String),
}

impl Localized for ResponderSetupError {
    fn kind(&self) -> &'static str {
        match self {
            ResponderSetupError::KeyMismatch => "ocsp_responder_key_mismatch",
            ResponderSetupError::NotIssuedByCa => "ocsp_responder_not_issued_by_ca",
            ResponderSetupError::MissingOcspSigning => "ocsp_responder_missing_eku",
            ResponderSetupError::InvalidSetting(_) => "ocsp_responder_invalid_setting",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use ResponderSetupError::*;
        match self {
            KeyMismatch => lang
                .pick(
                    "Kunci penanda tangan bukan milik sertifikat responder OCSP.",
                    "The signing key does not belong to the OCSP responder certificate.",
                )
                .to_owned(),
            NotIssuedByCa => lang
                .pick(
                    "Sertifikat responder OCSP tidak diterbitkan oleh CA ini.",
                    "The OCSP responder certificate was not issued by this CA.",
                )
                .to_owned(),
            MissingOcspSigning => lang
                .pick(
                    "Sertifikat responder OCSP tidak memuat penggunaan kunci OCSPSigning.",
                    "The OCSP responder certificate lacks the OCSPSigning key purpose.",
                )
                .to_owned(),
            InvalidSetting(d) => lang.pick(
                format!("Pengaturan responder OCSP tidak sah: {d}."),
                format!("Invalid OCSP responder setting: {d}."),
            ),
        }
    }
}
