//! Errors that stop verification of a whole file (per-signature problems go in the report).

use std::path::PathBuf;

use crate::i18n::{Lang, Localized};

/// Why a file could not be verified at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file is not a PDF Sertel can read.
    #[error("{}: not a readable PDF: {source}", path.display())]
    Pdf {
        /// The file.
        path: PathBuf,
        /// What the reader found.
        source: sertel_pdf::PdfError,
    },
}

impl Localized for VerifyError {
    fn kind(&self) -> &'static str {
        match self {
            VerifyError::Io { .. } => "io",
            VerifyError::Pdf { .. } => "pdf_unreadable",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (VerifyError::Io { path, source }, _) => format!("{}: {source}", path.display()),
            (VerifyError::Pdf { path, source }, Lang::Id) => {
                format!("{}: bukan PDF yang dapat dibaca: {source}", path.display())
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}
