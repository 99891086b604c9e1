//! The result of a path validation: a status with its reason, the path, the anchor, each
//! certificate's revocation status, and warnings.

use time::OffsetDateTime;

use super::cert::PathCertificate;
use super::indeterminate::IndeterminateReason;
use super::invalid::InvalidReason;
use super::revocation_reason::{RevocationReason, UnknownRevocation};
use crate::i18n::{Lang, Localized};

/// The conclusion about a path.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PathStatus {
    /// The path validates to a trust anchor at the validation time.
    Valid,
    /// The path is invalid.
    Invalid(InvalidReason),
    /// Neither valid nor invalid could be concluded.
    Indeterminate(IndeterminateReason),
}

/// A certificate's revocation status at the validation time.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RevocationStatus {
    /// A CRL in scope, valid at the validation time, does not list the certificate, or a
    /// usable OCSP response reports it good.
    Good,
    /// The certificate was revoked at or before the validation time.
    Revoked {
        /// When.
        time: OffsetDateTime,
        /// Why.
        reason: RevocationReason,
    },
    /// The status could not be established.
    Unknown(UnknownRevocation),
}

/// Something the caller should know about a path that does not by itself decide its status.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PathWarning {
    /// A revocation status is unknown and the soft-fail policy accepted the path anyway.
    RevocationUnknown {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// Why the status is unknown.
        reason: UnknownRevocation,
    },
    /// A CRL or an OCSP response reports the certificate revoked after the validation time.
    RevokedAfterValidationTime {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// When it was revoked.
        time: OffsetDateTime,
        /// Why.
        reason: RevocationReason,
    },
}

/// The result of [`super::validate_path`].
#[derive(Clone, Debug)]
pub struct PathOutcome {
    /// The conclusion.
    pub status: PathStatus,
    /// The path that was validated, from the certificate the anchor issued down to the end
    /// entity (last); just the end entity when no path to an anchor was found.
    pub path: Vec<PathCertificate>,
    /// The trust anchor the path ends at, if one was found.
    pub anchor: Option<PathCertificate>,
    /// The revocation status of each certificate of `path`, in the same order.
    pub revocation: Vec<RevocationStatus>,
    /// Warnings, for a valid path too.
    pub warnings: Vec<PathWarning>,
}

impl PathOutcome {
    /// Whether the status is [`PathStatus::Valid`].
    pub fn is_valid(&self) -> bool {
        self.status == PathStatus::Valid
    }
}

impl Localized for PathStatus {
    fn kind(&self) -> &'static str {
        match self {
            PathStatus::Valid => "path_valid",
            PathStatus::Invalid(r) => r.kind(),
            PathStatus::Indeterminate(r) => r.kind(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            PathStatus::Valid => lang
                .pick(
                    "Rantai sertifikat sah sampai sertifikat akar tepercaya.",
                    "The certificate chain is valid up to a trust anchor.",
                )
                .to_owned(),
            PathStatus::Invalid(r) => r.message(lang),
            PathStatus::Indeterminate(r) => r.message(lang),
        }
    }
}

impl Localized for PathWarning {
    fn kind(&self) -> &'static str {
        match self {
            PathWarning::RevocationUnknown { .. } => "path_warning_revocation_unknown",
            PathWarning::RevokedAfterValidationTime { .. } => "path_warning_revoked_later",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            PathWarning::RevocationUnknown {
                subject, reason, ..
            } => lang.pick(
                format!(
                    "Status pencabutan sertifikat \"{subject}\" tidak diketahui ({}); rantai tetap \
                     diterima sesuai pengaturan.",
                    reason.message(lang)
                ),
                format!(
                    "The revocation status of certificate \"{subject}\" is unknown ({}); the \
                     chain is accepted as configured.",
                    reason.message(lang)
                ),
            ),
            PathWarning::RevokedAfterValidationTime {
                subject,
                time,
                reason,
                ..
            } => lang.pick(
                format!(
                    "Sertifikat \"{subject}\" dicabut setelah waktu validasi, pada {} ({}).",
                    time.date(),
                    reason.message(lang)
                ),
                format!(
                    "Certificate \"{subject}\" was revoked after the validation time, on {} ({}).",
                    time.date(),
                    reason.message(lang)
                ),
            ),
        }
    }
}
