//! Why validation data could not be added to a PDF.

use crate::i18n::{Lang, Localized, Text};
use crate::pades::SignError;
use crate::verify::VerifyError;

/// Why validation data or an archive timestamp could not be added.
#[derive(Debug, thiserror::Error)]
pub enum LtvError {
    /// The file could not be read or checked.
    #[error(transparent)]
    Verify(#[from] VerifyError),
    /// Writing the update or the document timestamp failed.
    #[error(transparent)]
    Sign(#[from] SignError),
    /// A signature did not pass its own checks (integrity, signature, changes after it):
    /// material for it would only preserve a broken signature.
    #[error("signature {field} does not verify: {}", reason.en)]
    NotVerified {
        /// The signature field.
        field: String,
        /// Why, in both languages.
        reason: Text,
    },
    /// No path from a certificate to the trust anchors.
    #[error("no trusted path for {subject}: {}", reason.en)]
    NoPath {
        /// The certificate's subject.
        subject: String,
        /// The path validation's finding.
        reason: Text,
    },
    /// Neither an OCSP responder nor a CRL distribution point gave a status for a certificate.
    #[error("no revocation information could be obtained for {subject}")]
    NoRevocation {
        /// The certificate's subject.
        subject: String,
    },
    /// With the collected material the path does not validate (a certificate is revoked,
    /// expired, or a status is still missing).
    #[error("the path of {subject} does not validate with the collected material: {}", reason.en)]
    PathInvalid {
        /// The certificate's subject.
        subject: String,
        /// The path validation's finding.
        reason: Text,
    },
    /// The file has no signature to preserve.
    #[error("the file has no signature")]
    Unsigned,
}

impl Localized for LtvError {
    fn kind(&self) -> &'static str {
        match self {
            LtvError::Verify(e) => e.kind(),
            LtvError::Sign(e) => e.kind(),
            LtvError::NotVerified { .. } => "ltv_signature_not_verified",
            LtvError::NoPath { .. } => "ltv_no_trusted_path",
            LtvError::NoRevocation { .. } => "ltv_no_revocation_information",
            LtvError::PathInvalid { .. } => "ltv_path_invalid",
            LtvError::Unsigned => "ltv_unsigned",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let text = |t: &Text| match lang {
            Lang::Id => t.id.clone(),
            Lang::En => t.en.clone(),
        };
        match self {
            LtvError::Verify(e) => e.message(lang),
            LtvError::Sign(e) => e.message(lang),
            LtvError::NotVerified { field, reason } => match lang {
                Lang::Id => format!(
                    "Tanda tangan {field} tidak lolos pemeriksaan ({}); data validasi tidak \
                     ditambahkan",
                    text(reason)
                ),
                Lang::En => format!(
                    "Signature {field} does not verify ({}); no validation data was added",
                    text(reason)
                ),
            },
            LtvError::NoPath { subject, reason } => match lang {
                Lang::Id => format!(
                    "Tidak ada jalur tepercaya untuk {subject} ({}); impor sertifikat akar \
                     penerbitnya ke folder kepercayaan",
                    text(reason)
                ),
                Lang::En => format!(
                    "No trusted path for {subject} ({}); import its issuer's root certificate \
                     into the trust folder",
                    text(reason)
                ),
            },
            LtvError::NoRevocation { subject } => match lang {
                Lang::Id => format!(
                    "Status pencabutan {subject} tidak dapat diperoleh (OCSP dan CRL tidak \
                     menjawab); periksa koneksi ke server Sertel"
                ),
                Lang::En => format!(
                    "The revocation status of {subject} could not be obtained (neither OCSP nor \
                     CRL answered); check the connection to the Sertel server"
                ),
            },
            LtvError::PathInvalid { subject, reason } => match lang {
                Lang::Id => format!(
                    "Jalur sertifikat {subject} tidak valid dengan data yang dikumpulkan: {}",
                    text(reason)
                ),
                Lang::En => format!(
                    "The certificate path of {subject} does not validate with the collected \
                     data: {}",
                    text(reason)
                ),
            },
            LtvError::Unsigned => lang
                .pick(
                    "Berkas tidak memiliki tanda tangan",
                    "The file has no signature",
                )
                .into(),
        }
    }
}
