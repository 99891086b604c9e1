//! Errors of PDF signing.

use std::path::PathBuf;

use crate::i18n::{Lang, Localized};
use crate::signer::SignerError;
use crate::tsp::TimestampError;

/// Why a PDF could not be signed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// Reading the input or writing the output failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The input is not a PDF Sertel can read.
    #[error("{}: not a readable PDF: {source}", path.display())]
    Pdf {
        /// The input file.
        path: PathBuf,
        /// What the reader found.
        source: sertel_pdf::PdfError,
    },
    /// The input is encrypted; signing it would need its password.
    #[error("{}: the PDF is encrypted; decrypt it before signing", path.display())]
    Encrypted {
        /// The input file.
        path: PathBuf,
    },
    /// The input carries a certification signature that allows no change at all.
    #[error("{}: the PDF is certified with no changes allowed; a new signature would break its certification", path.display())]
    CertifiedNoChanges {
        /// The input file.
        path: PathBuf,
    },
    /// A certification signature was asked for, but the document is signed already: a
    /// certification must be its first signature.
    #[error("{}: the PDF is signed already; a certification signature must be the first", path.display())]
    CertificationNotFirst {
        /// The input file.
        path: PathBuf,
    },
    /// The output file exists and overwriting was not asked for.
    #[error("{}: the output file already exists", path.display())]
    OutputExists {
        /// The output file.
        path: PathBuf,
    },
    /// The file is larger than a `/ByteRange` of fixed width can describe (about 9.3 GB).
    #[error("{}: the file is too large to sign", path.display())]
    TooLarge {
        /// The input file.
        path: PathBuf,
    },
    /// A field of the requested name exists already.
    #[error("a form field named {0:?} already exists")]
    FieldNameTaken(String),
    /// The certificate does not belong to the key that signs.
    #[error("the certificate does not match the signing key")]
    CertificateKeyMismatch,
    /// The key could not sign.
    #[error(transparent)]
    Signer(#[from] SignerError),
    /// The timestamp for B-T could not be obtained.
    #[error(transparent)]
    Timestamp(#[from] TimestampError),
    /// The signature came out larger than the space reserved for it.
    #[error("the signature ({needed} bytes) does not fit the reserved space ({capacity} bytes)")]
    ContentsTooSmall {
        /// Bytes the CMS needs.
        needed: usize,
        /// Bytes reserved.
        capacity: usize,
    },
    /// A structure could not be encoded (a defect, not bad input).
    #[error("internal encoding error: {0}")]
    Encoding(#[from] der::Error),
    /// The signature specimen could not be built or placed.
    #[error(transparent)]
    Specimen(#[from] super::specimen::SpecimenError),
}

impl SignError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> SignError {
        let path = path.into();
        move |source| SignError::Io { path, source }
    }
}

impl Localized for SignError {
    fn kind(&self) -> &'static str {
        match self {
            SignError::Io { .. } => "io",
            SignError::Pdf { .. } => "pdf_unreadable",
            SignError::Encrypted { .. } => "pdf_encrypted",
            SignError::CertifiedNoChanges { .. } => "pdf_certified_locked",
            SignError::CertificationNotFirst { .. } => "pdf_certification_not_first",
            SignError::OutputExists { .. } => "output_exists",
            SignError::TooLarge { .. } => "pdf_too_large",
            SignError::FieldNameTaken(_) => "field_name_taken",
            SignError::CertificateKeyMismatch => "certificate_key_mismatch",
            SignError::Signer(_) => "signer_failed",
            SignError::Timestamp(e) => e.kind(),
            SignError::ContentsTooSmall { .. } => "signature_too_large",
            SignError::Encoding(_) => "internal",
            SignError::Specimen(e) => e.kind(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SignError::Io { path, source } => format!("{}: {source}", path.display()),
            SignError::Pdf { path, source } => {
                format!("{}: bukan PDF yang dapat dibaca: {source}", path.display())
            }
            SignError::Encrypted { path } => format!(
                "{}: PDF terenkripsi; buka enkripsinya sebelum menandatangani",
                path.display()
            ),
            SignError::CertifiedNoChanges { path } => format!(
                "{}: PDF telah disertifikasi tanpa izin perubahan; tanda tangan baru akan merusak sertifikasinya",
                path.display()
            ),
            SignError::CertificationNotFirst { path } => format!(
                "{}: PDF sudah ditandatangani; tanda tangan sertifikasi harus yang pertama",
                path.display()
            ),
            SignError::OutputExists { path } => {
                format!("{}: berkas keluaran sudah ada", path.display())
            }
            SignError::TooLarge { path } => {
                format!("{}: berkas terlalu besar untuk ditandatangani", path.display())
            }
            SignError::FieldNameTaken(n) => format!("Kolom formulir bernama {n:?} sudah ada"),
            SignError::CertificateKeyMismatch => {
                "Sertifikat tidak cocok dengan kunci penanda tangan".into()
            }
            SignError::Signer(e) => format!("Kunci tidak dapat menandatangani: {e}"),
            SignError::Timestamp(e) => e.message(lang),
            SignError::ContentsTooSmall { needed, capacity } => format!(
                "Tanda tangan ({needed} bita) melebihi ruang yang disediakan ({capacity} bita)"
            ),
            SignError::Encoding(e) => format!("Kesalahan internal pengodean: {e}"),
            SignError::Specimen(e) => e.message(lang),
        }
    }
}
