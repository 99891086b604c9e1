//! What an accepted OCSP response says about a certificate.

use time::OffsetDateTime;

use crate::i18n::{Lang, Localized};
use crate::trust::RevocationReason;

/// A certificate's status as the responder reports it (RFC 6960 §2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OcspStatus {
    /// Not revoked (as of the response's thisUpdate).
    Good,
    /// Revoked.
    Revoked {
        /// When.
        time: OffsetDateTime,
        /// Why (unspecified when the responder gives no reason).
        reason: RevocationReason,
    },
    /// The responder does not know the certificate.
    Unknown,
}

/// Who signed an accepted response.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponderKind {
    /// The certificate's issuing CA itself.
    Issuer,
    /// A responder certificate the issuing CA issued with id-kp-OCSPSigning.
    Delegated {
        /// Its subject, in RFC 4514 form.
        subject: String,
        /// Whether it carries id-pkix-ocsp-nocheck. Without it, the responder certificate's
        /// own revocation status has not been checked here; the trust engine checks it.
        no_check: bool,
    },
}

/// An OCSP response that passed every check of [`super::check_response`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedResponse {
    /// The certificate's status.
    pub status: OcspStatus,
    /// When the status was known to be correct.
    pub this_update: OffsetDateTime,
    /// When newer information will be available, if the responder says.
    pub next_update: Option<OffsetDateTime>,
    /// When the responder signed the response.
    pub produced_at: OffsetDateTime,
    /// Who signed it.
    pub responder: ResponderKind,
}

impl Localized for OcspStatus {
    fn kind(&self) -> &'static str {
        match self {
            OcspStatus::Good => "ocsp_good",
            OcspStatus::Revoked { .. } => "ocsp_revoked",
            OcspStatus::Unknown => "ocsp_unknown",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            OcspStatus::Good => lang
                .pick(
                    "Responder OCSP menyatakan sertifikat tidak dicabut.",
                    "The OCSP responder reports the certificate as not revoked.",
                )
                .to_owned(),
            OcspStatus::Revoked { time, reason } => lang.pick(
                format!(
                    "Responder OCSP menyatakan sertifikat dicabut pada {} ({}).",
                    time.date(),
                    reason.message(lang)
                ),
                format!(
                    "The OCSP responder reports the certificate revoked on {} ({}).",
                    time.date(),
                    reason.message(lang)
                ),
            ),
            OcspStatus::Unknown => lang
                .pick(
                    "Responder OCSP tidak mengenal sertifikat ini.",
                    "The OCSP responder does not know this certificate.",
                )
                .to_owned(),
        }
    }
}
