//! Checking the signatures of a PDF: that each is intact (its byte ranges hash to the digest it
//! signed, and they cover the file except exactly its own `/Contents`) and that the CMS
//! signature verifies with the signer's key.
//!
//! This is the integrity and cryptographic layer; trust in the signer's certificate,
//! revocation and the analysis of later revisions build on it.

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
