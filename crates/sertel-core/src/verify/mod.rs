//! Checking the signatures of a PDF: that each is intact (its byte ranges hash to the digest it
//! signed, and they cover the file except exactly its own `/Contents`) and that the CMS
//! signature verifies with the signer's key.
//!
//! This is the integrity and cryptographic layer; trust in the signer's certificate,
//! revocation and the analysis of later revisions build on it.

pub mod changes;
pub mod cms_check;
pub mod error;
pub mod fields;
pub mod integrity;
pub mod report;

use std::fs::File;
use std::path::Path;

use sertel_pdf::{Document, Limits};

pub use error::VerifyError;
pub use report::{Check, SignatureReport, Verdict, VerifyReport};

/// Judges what changed after the signature (its byte ranges passed, so `signed_length` is the
/// end of the revision it signed).
fn check_changes(file: &File, len: u64, revisions: &[u64], report: &mut SignatureReport) {
    if report.covers_whole_file {
        report.modifications = Check::Passed;
        return;
    }
    match changes::analyse(
        file,
        len,
        report.signed_length,
        revisions,
        &Limits::default(),
    ) {
        Ok(c) => {
            report.modifications = if c.violations.is_empty() {
                Check::Passed
            } else {
                Check::Failed
            };
            report
                .findings
                .extend(c.violations.iter().cloned().map(report::Finding::Modified));
            report.changes = Some(c);
        }
        Err(e) => report
            .findings
            .push(report::Finding::ModificationsUnchecked(e.to_string())),
    }
}

/// Verifies every signature of the PDF at `path`.
pub fn verify_file(path: &Path) -> Result<VerifyReport, VerifyError> {
    let file = File::open(path).map_err(|source| VerifyError::Io {
        path: path.into(),
        source,
    })?;
    let doc = Document::open(
        file.try_clone().map_err(|source| VerifyError::Io {
            path: path.into(),
            source,
        })?,
        Limits::default(),
    )
    .map_err(|source| VerifyError::Pdf {
        path: path.into(),
        source,
    })?;
    let fields = fields::signature_fields(&doc).map_err(|source| VerifyError::Pdf {
        path: path.into(),
        source,
    })?;
    let revisions: Vec<u64> = doc.revisions().iter().map(|r| r.end).collect();
    let signatures = fields
        .into_iter()
        .map(|f| {
            let mut report = SignatureReport::new(&f);
            let intact = integrity::check(&file, doc.len(), &revisions, &f, &mut report);
            if let Some(checked) = intact {
                cms_check::check(&file, &f, &checked, &mut report);
                check_changes(&file, doc.len(), &revisions, &mut report);
            }
            report.conclude();
            report
        })
        .collect();
    Ok(VerifyReport {
        file: path.to_path_buf(),
        size: doc.len(),
        revisions: revisions.len(),
        signatures,
    })
}
