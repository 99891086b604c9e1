//! Checking the signatures of a PDF, layer by layer:
//!
//! 1. integrity: the byte ranges are well formed, cover the file except exactly the
//!    signature's own `/Contents`, and hash to the digest the signature signed;
//! 2. cryptography: the CMS signature (and its timestamp) verifies with the signer's key;
//! 3. changes: every later revision is compared with the signed one, by role;
//! 4. trust: the signer's certification path to the user's trust anchors, with revocation, at
//!    the time a trusted timestamp proves or now.
//!
//! Each signature gets a status per check and an overall conclusion in the terms of ETSI EN
//! 319 102-1 ([`Conclusion`]). [`wording`] names the checks for people; [`pdf_report`] renders
//! reports as a PDF to print or attach.

pub mod changes;
pub mod cms_check;
pub mod conclusion;
pub mod dss;
pub mod error;
pub mod evidence;
pub mod fetch;
pub mod fields;
pub mod integrity;
pub mod ltv;
pub mod options;
pub mod pdf_report;
pub mod report;
pub mod signed_attrs;
pub mod signer_kind;
pub mod trust_check;
pub mod wording;

use std::fs::File;
use std::path::Path;

use sertel_pdf::{Document, Limits};

pub use conclusion::{Conclusion, Indication, SubIndication};
pub use error::VerifyError;
pub use options::{VerifyOptions, DEFAULT_FETCH_TIMEOUT};
pub use report::{Check, SignatureReport, Verdict, VerifyReport};
pub use wording::CheckName;

/// Judges what changed after the signature (its byte ranges passed, so `signed_length` is the
/// end of the revision it signed); `locks` are the fields the signature locks.
fn check_changes(
    file: &File,
    len: u64,
    revisions: &[u64],
    locks: Result<Vec<changes::FieldLock>, sertel_pdf::PdfError>,
    report: &mut SignatureReport,
) {
    if report.covers_whole_file {
        report.modifications = Check::Passed;
        return;
    }
    let analysed = locks.and_then(|locks| {
        changes::analyse(
            file,
            len,
            report.signed_length,
            revisions,
            &locks,
            &Limits::default(),
        )
    });
    match analysed {
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

/// Verifies every signature of the PDF at `path` against no trust anchors: the integrity,
/// cryptographic and change checks run in full, and the conclusion is at best INDETERMINATE
/// NO_CERTIFICATE_CHAIN_FOUND. Use a [`Verifier`] to judge trust.
pub fn verify_file(path: &Path) -> Result<VerifyReport, VerifyError> {
    Verifier::new(VerifyOptions::default()).verify_file(path)
}

/// Verifies files with one set of options; downloads (when allowed) are shared by every file
/// it verifies. It can be shared between threads.
#[derive(Debug)]
pub struct Verifier {
    options: VerifyOptions,
    fetcher: Option<fetch::Fetcher>,
}

impl Verifier {
    /// A verifier with `options`.
    pub fn new(options: VerifyOptions) -> Verifier {
        let fetcher = options.fetch.map(fetch::Fetcher::new);
        Verifier { options, fetcher }
    }

    /// Verifies every signature of the PDF at `path`.
    pub fn verify_file(&self, path: &Path) -> Result<VerifyReport, VerifyError> {
        let examined = self.examine(path)?;
        let mut signatures: Vec<SignatureReport> =
            examined.signatures.into_iter().map(|s| s.report).collect();
        ltv::mark_archived(&mut signatures);
        Ok(VerifyReport {
            file: path.to_path_buf(),
            size: examined.size,
            revisions: examined.revisions,
            signatures,
        })
    }

    /// Verifies every signature of the PDF at `path` and keeps, beside each report, what the
    /// signature brought for judging trust (for collecting validation data).
    pub fn examine(&self, path: &Path) -> Result<Examined, VerifyError> {
        let io = |source| VerifyError::Io {
            path: path.into(),
            source,
        };
        let pdf = |source| VerifyError::Pdf {
            path: path.into(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let doc = Document::open(file.try_clone().map_err(io)?, Limits::default()).map_err(pdf)?;
        let fields = fields::signature_fields(&doc).map_err(pdf)?;
        let revisions: Vec<u64> = doc.revisions().iter().map(|r| r.end).collect();
        let dss = dss::Dss::read(&doc);
        let ctx = trust_check::TrustContext {
            options: &self.options,
            fetcher: self.fetcher.as_ref(),
            dss: &dss,
            now: self
                .options
                .now
                .unwrap_or_else(time::OffsetDateTime::now_utc),
        };
        let signatures = fields
            .into_iter()
            .map(|f| {
                let mut report = SignatureReport::new(&f);
                let mut examined_evidence = None;
                let mut contents = None;
                let intact = integrity::check(&file, doc.len(), &revisions, &f, &mut report);
                if let Some(checked) = intact {
                    let evidence = cms_check::check(&file, &f, &checked, &mut report);
                    let locks = changes::locks::signature_locks(&doc, &f.value);
                    check_changes(&file, doc.len(), &revisions, locks, &mut report);
                    if let Some(evidence) = &evidence {
                        trust_check::check(evidence, &ctx, &mut report);
                    }
                    examined_evidence = evidence;
                    contents = Some(checked.contents);
                }
                report.conclude();
                ExaminedSignature {
                    report,
                    evidence: examined_evidence,
                    contents,
                }
            })
            .collect();
        Ok(Examined {
            size: doc.len(),
            revisions: revisions.len(),
            dss,
            signatures,
        })
    }

    /// The options the verifier was made with.
    pub fn options(&self) -> &VerifyOptions {
        &self.options
    }
}

/// The outcome of [`Verifier::examine`].
#[derive(Debug)]
pub struct Examined {
    /// The file's size in bytes.
    pub size: u64,
    /// How many revisions it has.
    pub revisions: usize,
    /// Its document security store.
    pub dss: dss::Dss,
    /// Every signature, in the order of the form's fields.
    pub signatures: Vec<ExaminedSignature>,
}

/// One signature as [`Verifier::examine`] found it.
#[derive(Debug)]
pub struct ExaminedSignature {
    /// The verdict.
    pub report: SignatureReport,
    /// What it brings for judging trust, when its cryptographic checks passed.
    pub evidence: Option<evidence::Evidence>,
    /// Its `/Contents` (the CMS, zero padding included), when its byte ranges were sound.
    pub contents: Option<Vec<u8>>,
}
