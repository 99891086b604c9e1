//! Exporting the PDF validation report of a file, in the user's language, never over an
//! existing file.

use std::path::Path;

use sertel_core::i18n::{Lang, Text};
use sertel_core::verify::pdf_report::{
    render, write_report, FileIdentity, ReportOptions, ReportedFile,
};
use sertel_core::verify::Verifier;

use crate::DesktopError;

/// Validates `pdf` again (so the report is about the file as it is now) and writes the
/// report to `out`.
pub fn export_report(
    verifier: &Verifier,
    pdf: &Path,
    out: &Path,
    lang: Lang,
) -> Result<(), DesktopError> {
    if out.symlink_metadata().is_ok() {
        return Err(DesktopError::core(
            sertel_core::verify::pdf_report::ReportError::AlreadyExists(out.to_path_buf()),
        ));
    }
    let outcome = crate::validation::validate(verifier, pdf).map_err(|e| Text::of(&e));
    let identity = FileIdentity::read(pdf).ok();
    let file = ReportedFile {
        path: pdf,
        identity,
        outcome: outcome.as_ref(),
    };
    let options = ReportOptions {
        lang,
        created: time::OffsetDateTime::now_utc(),
    };
    write_report(out, &render(&[file], &options), false).map_err(DesktopError::core)
}
