//! The validation report as a PDF a person can print or attach to a letter: per file its name,
//! size and SHA-256, and per signature the ETSI conclusion, the signer, the times, every check,
//! the certificate chain and the findings — in Indonesian or English.
//!
//! The report is drawn with the standard Helvetica fonts in WinAnsiEncoding (nothing embedded),
//! A4 portrait, with as many pages as it needs and "Halaman 1 dari 3" at the foot of each.
//! Characters those fonts lack (names in non-Latin scripts) print as `?`, and the legend says
//! so; the JSON output keeps the exact text.
//!
//! ```no_run
//! # use sertel_core::verify::{verify_file, pdf_report::*};
//! # use sertel_core::i18n::Lang;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let path = std::path::Path::new("surat-signed.pdf");
//! let report = verify_file(path)?;
//! let file = ReportedFile {
//!     path,
//!     identity: Some(FileIdentity::read(path)?),
//!     outcome: Ok(&report),
//! };
//! let options = ReportOptions { lang: Lang::Id, created: time::OffsetDateTime::now_utc() };
//! write_report("laporan.pdf".as_ref(), &render(&[file], &options), false)?;
//! # Ok(())
//! # }
//! ```

mod block;
mod compose;
mod error;
mod flow;
mod input;
mod legend;
pub(crate) mod page;
mod save;
mod signature;
pub(crate) mod wrap;
pub(crate) mod writer;

use time::OffsetDateTime;

pub use error::ReportError;
pub use input::{FileIdentity, ReportedFile};
pub use save::write_report;

use crate::i18n::Lang;

/// The product named in the report.
const PRODUCT: &str = "Sertel";

/// How a report is made.
#[derive(Clone, Copy, Debug)]
pub struct ReportOptions {
    /// The language of the report.
    pub lang: Lang,
    /// When the report is made: shown in WIB and written as the PDF's creation date.
    pub created: OffsetDateTime,
}

/// Renders one report covering `files`, in their order, as the bytes of a PDF.
pub fn render(files: &[ReportedFile<'_>], options: &ReportOptions) -> Vec<u8> {
    let producer = format!("{PRODUCT} {}", crate::VERSION);
    let blocks = compose::document(files, &producer, options);
    let pages = flow::lay_out(&blocks);
    let meta = writer::Meta {
        title: compose::title(options.lang),
        producer: &producer,
    };
    writer::write(&pages, &meta, options)
}
