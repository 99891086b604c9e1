//! `sertel verify --report FILE.pdf`: one PDF validation report covering every file checked,
//! written atomically, never over an existing file unless `--overwrite`.

use std::path::Path;

use sertel_core::verify::pdf_report::{
    render, write_report, ReportError, ReportOptions, ReportedFile,
};

use super::verify::Checked;
use crate::exit::CliError;
use crate::output::Out;

/// Refuses an existing report file before anything is verified, unless `overwrite`.
pub fn refuse_existing(path: &Path, overwrite: bool) -> Result<(), CliError> {
    if !overwrite && path.symlink_metadata().is_ok() {
        return Err(ReportError::AlreadyExists(path.to_path_buf()).into());
    }
    Ok(())
}

/// Renders the report of `checked` in the user's language and writes it to `path`.
pub fn write(
    path: &Path,
    checked: &[Checked<'_>],
    overwrite: bool,
    out: &Out,
) -> Result<(), CliError> {
    let files: Vec<ReportedFile<'_>> = checked
        .iter()
        .map(|c| ReportedFile {
            path: c.path,
            identity: c.identity,
            outcome: c.outcome.as_ref(),
        })
        .collect();
    let options = ReportOptions {
        lang: out.lang,
        created: time::OffsetDateTime::now_utc(),
    };
    Ok(write_report(path, &render(&files, &options), overwrite)?)
}
