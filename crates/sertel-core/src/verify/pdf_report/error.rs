//! Why a validation report could not be made or saved.

use std::path::PathBuf;

use crate::i18n::{Lang, Localized};

/// Why a validation report could not be made or saved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The report file exists and overwriting was not asked for.
    #[error("{}: the report file already exists", .0.display())]
    AlreadyExists(PathBuf),
}

impl Localized for ReportError {
    fn kind(&self) -> &'static str {
        match self {
            ReportError::Io { .. } => "io",
            ReportError::AlreadyExists(_) => "report_exists",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReportError::Io { path, source }, _) => format!("{}: {source}", path.display()),
            (ReportError::AlreadyExists(p), Lang::Id) => format!(
                "{}: berkas laporan sudah ada dan tidak ditimpa; pilih nama lain atau gunakan \
                 --overwrite",
                p.display()
            ),
            (ReportError::AlreadyExists(p), Lang::En) => format!(
                "{}: the report file already exists and was not overwritten; choose another \
                 name or use --overwrite",
                p.display()
            ),
        }
    }
}
