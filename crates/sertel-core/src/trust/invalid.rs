//! Why a certification path is invalid: a fact about the certificates that more information
//! would not change.

use time::OffsetDateTime;

use super::revocation_reason::RevocationReason;
use crate::i18n::{Lang, Localized};

/// Why a path is invalid. `index` is the certificate's position in
/// [`super::PathOutcome::path`] (0 is the one the trust anchor issued, the end entity last);
/// `subject` is its subject name as text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidReason {
    /// The certificate's signature does not verify with its issuer's key, or its two signature
    /// algorithm fields differ.
    SignatureInvalid {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// What the signature check said.
        detail: String,
    },
    /// The validation time is before the certificate's notBefore.
    NotYetValid {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// The notBefore time.
        not_before: OffsetDateTime,
    },
    /// The validation time is after the certificate's notAfter.
    Expired {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// The notAfter time.
        not_after: OffsetDateTime,
    },
    /// The trust anchor certificate is outside its validity period at the validation time.
    AnchorNotValidAtTime {
        /// The anchor's subject name.
        subject: String,
    },
    /// The certificate's issuer name is not its issuer's subject name.
    IssuerNameMismatch {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
    },
    /// An issuing certificate is not a CA certificate (no basicConstraints with cA, or not
    /// version 3).
    NotCa {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
    },
    /// A pathLenConstraint above this certificate allows fewer CA certificates below it.
    PathLengthExceeded {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
    },
    /// An issuing certificate's keyUsage does not allow keyCertSign.
    KeyCertSignMissing {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
    },
    /// The end-entity key may not sign documents (keyUsage lacks digitalSignature and
    /// nonRepudiation).
    EndEntityKeyUsage {
        /// Subject name.
        subject: String,
    },
    /// The certificate carries a critical extension Sertel does not know.
    UnknownCriticalExtension {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// The extension's OID.
        oid: String,
    },
    /// An extension's value cannot be decoded, or an extension appears twice.
    MalformedExtension {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// The extension's OID.
        oid: String,
    },
    /// A name of the certificate is outside the names a CA above it may certify.
    NameConstraintViolation {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// The offending name.
        name: String,
    },
    /// The certificate was revoked at or before the validation time.
    Revoked {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// When it was revoked.
        time: OffsetDateTime,
        /// The CRL's reason.
        reason: RevocationReason,
    },
}

impl Localized for InvalidReason {
    fn kind(&self) -> &'static str {
        use InvalidReason::*;
        match self {
            SignatureInvalid { .. } => "path_signature_invalid",
            NotYetValid { .. } => "path_certificate_not_yet_valid",
            Expired { .. } => "path_certificate_expired",
            AnchorNotValidAtTime { .. } => "path_anchor_not_valid_at_time",
            IssuerNameMismatch { .. } => "path_issuer_name_mismatch",
            NotCa { .. } => "path_issuer_not_ca",
            PathLengthExceeded { .. } => "path_length_exceeded",
            KeyCertSignMissing { .. } => "path_key_cert_sign_missing",
            EndEntityKeyUsage { .. } => "path_end_entity_key_usage",
            UnknownCriticalExtension { .. } => "path_unknown_critical_extension",
            MalformedExtension { .. } => "path_malformed_extension",
            NameConstraintViolation { .. } => "path_name_constraint_violation",
            Revoked { .. } => "path_certificate_revoked",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use InvalidReason::*;
        let date = |t: &OffsetDateTime| t.date().to_string();
        match self {
            SignatureInvalid { subject, detail, .. } => lang.pick(
                format!("Tanda tangan pada sertifikat \"{subject}\" tidak sah: {detail}."),
                format!("The signature on certificate \"{subject}\" is not valid: {detail}."),
            ),
            NotYetValid { subject, not_before, .. } => lang.pick(
                format!("Sertifikat \"{subject}\" belum berlaku (mulai {}).", date(not_before)),
                format!("Certificate \"{subject}\" is not yet valid (from {}).", date(not_before)),
            ),
            Expired { subject, not_after, .. } => lang.pick(
                format!("Sertifikat \"{subject}\" sudah kedaluwarsa ({}).", date(not_after)),
                format!("Certificate \"{subject}\" has expired ({}).", date(not_after)),
            ),
            AnchorNotValidAtTime { subject } => lang.pick(
                format!("Sertifikat akar tepercaya \"{subject}\" tidak berlaku pada waktu validasi."),
                format!("Trust anchor \"{subject}\" is not valid at the validation time."),
            ),
            IssuerNameMismatch { subject, .. } => lang.pick(
                format!("Nama penerbit sertifikat \"{subject}\" tidak sesuai dengan sertifikat penerbitnya."),
                format!("The issuer name of certificate \"{subject}\" does not match its issuer."),
            ),
            NotCa { subject, .. } => lang.pick(
                format!("Sertifikat \"{subject}\" bukan sertifikat CA tetapi menerbitkan sertifikat lain."),
                format!("Certificate \"{subject}\" is not a CA certificate but issues certificates."),
            ),
            PathLengthExceeded { subject, .. } => lang.pick(
                format!("Rantai terlalu panjang menurut batas pathLenConstraint di atas \"{subject}\"."),
                format!("The path is longer than a pathLenConstraint above \"{subject}\" allows."),
            ),
            KeyCertSignMissing { subject, .. } => lang.pick(
                format!("Kunci sertifikat \"{subject}\" tidak diizinkan menandatangani sertifikat."),
                format!("The key of certificate \"{subject}\" may not sign certificates."),
            ),
            EndEntityKeyUsage { subject } => lang.pick(
                format!("Kunci sertifikat \"{subject}\" tidak diizinkan untuk tanda tangan dokumen."),
                format!("The key of certificate \"{subject}\" may not sign documents."),
            ),
            UnknownCriticalExtension { subject, oid, .. } => lang.pick(
                format!("Sertifikat \"{subject}\" memuat ekstensi kritis yang tidak dikenal ({oid})."),
                format!("Certificate \"{subject}\" has an unknown critical extension ({oid})."),
            ),
            MalformedExtension { subject, oid, .. } => lang.pick(
                format!("Ekstensi {oid} pada sertifikat \"{subject}\" rusak atau ganda."),
                format!("Extension {oid} of certificate \"{subject}\" is malformed or duplicated."),
            ),
            NameConstraintViolation { subject, name, .. } => lang.pick(
                format!("Nama \"{name}\" pada sertifikat \"{subject}\" melanggar batasan nama CA."),
                format!("Name \"{name}\" in certificate \"{subject}\" violates a CA's name constraints."),
            ),
            Revoked { subject, time, reason, .. } => lang.pick(
                format!(
                    "Sertifikat \"{subject}\" telah dicabut pada {} ({}).",
                    date(time),
                    reason.message(lang)
                ),
                format!(
                    "Certificate \"{subject}\" was revoked on {} ({}).",
                    date(time),
                    reason.message(lang)
                ),
            ),
        }
    }
}
