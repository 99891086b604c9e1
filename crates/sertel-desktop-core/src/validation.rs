//! Validating a PDF the way the Validate screen shows it: `sertel-core`'s report, worded per
//! signature in the user's language (who, when, which certificate, intact, trusted, revoked,
//! what changed), with the trust anchors of the trust folder.

use std::path::Path;

use serde::Serialize;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::pades::text::display_date;
use sertel_core::trust::{RevocationPolicy, TrustStore};
use sertel_core::verify::{
    Check, CheckName, Conclusion, Indication, SignatureReport, Verifier, VerifyOptions,
    VerifyReport, DEFAULT_FETCH_TIMEOUT,
};

use crate::DesktopError;

/// A conclusion as shown: the ETSI name, a tone for the colour, and the sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConclusionView {
    /// `TOTAL-PASSED`, `TOTAL-FAILED` or `INDETERMINATE`, with the sub-indication if any.
    pub code: String,
    /// `passed`, `failed` or `indeterminate`.
    pub tone: &'static str,
    /// The conclusion in words.
    pub message: String,
}

/// One check as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckView {
    /// `integrity`, `signature`, `modifications`, `trust` or `revocation`.
    pub check: &'static str,
    /// The check's name.
    pub label: &'static str,
    /// `passed`, `failed` or `not_checked`.
    pub state: &'static str,
    /// The outcome in words.
    pub outcome: &'static str,
}

/// One signature as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignatureView {
    /// The signature field's name.
    pub field: String,
    /// Who signed (the certificate's common name).
    pub signer: Option<String>,
    /// The signer is an agency's electronic seal, not a person (the certificate's QcType
    /// eseal): shown as "Segel elektronik" instead of "Penanda tangan".
    pub seal: bool,
    /// When, as the signer's computer claimed (WIB).
    pub claimed_time: Option<String>,
    /// When, as a timestamp proves (WIB).
    pub timestamp_time: Option<String>,
    /// The conclusion.
    pub conclusion: ConclusionView,
    /// Every check, in reading order.
    pub checks: Vec<CheckView>,
    /// The certificate and its issuers, signer first.
    pub chain: Vec<String>,
    /// What the signature covers.
    pub coverage: String,
    /// Permitted changes after signing.
    pub changes: Vec<String>,
    /// Problems and warnings found.
    pub findings: Vec<String>,
}

/// A whole file as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValidationView {
    /// The file's path.
    pub file: String,
    /// Its size in bytes.
    pub size: u64,
    /// How many revisions it has.
    pub revisions: usize,
    /// The worst conclusion over all signatures.
    pub overall: ConclusionView,
    /// One entry per signature.
    pub signatures: Vec<SignatureView>,
    /// How many trust anchors were used (none: nothing can be trusted).
    pub trust_anchors: usize,
}

/// A verifier trusting the certificates of the trust folder `trust_dir` (when it exists),
/// asking the certificates' OCSP responders and CRL addresses, and taking an unknown
/// revocation status as a warning, as the CLI does by default.
pub fn verifier(trust_dir: &Path) -> Result<(Verifier, usize), DesktopError> {
    let mut trust = TrustStore::new();
    if trust_dir.is_dir() {
        trust.add_dir(trust_dir).map_err(DesktopError::core)?;
    }
    let anchors = trust.len();
    let mut options = VerifyOptions::trusting(trust);
    options.revocation = RevocationPolicy::SoftFail;
    options.fetch = Some(DEFAULT_FETCH_TIMEOUT);
    Ok((Verifier::new(options), anchors))
}

/// Validates the PDF at `path`.
pub fn validate(verifier: &Verifier, path: &Path) -> Result<VerifyReport, DesktopError> {
    if !path.is_file() {
        return Err(DesktopError::FileNotFound(path.to_path_buf()));
    }
    verifier.verify_file(path).map_err(DesktopError::core)
}

/// `report` worded in `lang`.
pub fn view(report: &VerifyReport, trust_anchors: usize, lang: Lang) -> ValidationView {
    ValidationView {
        file: report.file.display().to_string(),
        size: report.size,
        revisions: report.revisions,
        overall: conclusion_view(report.conclusion(), lang),
        signatures: report
            .signatures
            .iter()
            .map(|s| signature_view(s, lang))
            .collect(),
        trust_anchors,
    }
}

fn conclusion_view(c: Conclusion, lang: Lang) -> ConclusionView {
    let code = match c.sub_indication {
        Some(sub) => format!("{} / {}", c.indication.etsi_name(), sub.etsi_name()),
        None => c.indication.etsi_name().to_owned(),
    };
    ConclusionView {
        code,
        tone: match c.indication {
            Indication::TotalPassed => "passed",
            Indication::TotalFailed => "failed",
            Indication::Indeterminate => "indeterminate",
        },
        message: c.message(lang),
    }
}

fn check_key(name: CheckName) -> &'static str {
    match name {
        CheckName::Integrity => "integrity",
        CheckName::Signature => "signature",
        CheckName::Modifications => "modifications",
        CheckName::Trust => "trust",
        CheckName::Revocation => "revocation",
    }
}

fn signature_view(s: &SignatureReport, lang: Lang) -> SignatureView {
    SignatureView {
        field: s.field.clone(),
        signer: s.signer.clone(),
        seal: s.seal,
        claimed_time: s.claimed_time_shown(),
        timestamp_time: s
            .timestamp_time
            .and_then(|t| i64::try_from(t).ok())
            .map(display_date),
        conclusion: conclusion_view(s.conclusion, lang),
        checks: s
            .checks()
            .iter()
            .map(|(name, check)| CheckView {
                check: check_key(*name),
                label: name.label(lang),
                state: match check {
                    Check::Passed => "passed",
                    Check::Failed => "failed",
                    Check::NotChecked => "not_checked",
                },
                outcome: check.label(lang),
            })
            .collect(),
        chain: s.chain.iter().map(|c| c.name.clone()).collect(),
        coverage: s.coverage_label(lang).to_owned(),
        changes: s
            .changes
            .iter()
            .flat_map(|c| c.permitted.iter())
            .map(|p| p.label(lang))
            .collect(),
        findings: s.findings.iter().map(|f| f.message(lang)).collect(),
    }
}
