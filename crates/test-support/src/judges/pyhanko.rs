//! pyHanko as a judge of signatures: `pyhanko sign validate` and `pyhanko sign list`.
//!
//! pyHanko 0.38 (CLI 0.6) validates every signature in the file in one run (document
//! timestamps excepted), printing one `Field N: <name>` section each, and exits 1 if any is
//! judged invalid.

use std::ffi::OsString;
use std::path::Path;

use super::pyhanko_report::{self, PyHankoSignature};
use super::tool::{self, ToolRun};

/// pyHanko's verdict on every signature of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyHankoReport {
    /// One entry per signature, in file order.
    pub signatures: Vec<PyHankoSignature>,
    /// pyHanko exited 0, the file has at least one signature, and every one is `ok`.
    pub ok: bool,
    /// The raw run, for assertion messages.
    pub output: ToolRun,
}

/// A signature field as `pyhanko sign list` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureField {
    /// Fully qualified field name.
    pub name: String,
    /// The field holds a signature (`FILLED`) rather than being empty.
    pub filled: bool,
}

/// Validates every signature in `pdf` against `trust_root_pem` as the only trust anchor,
/// at the current time, without revocation checks:
/// `pyhanko sign validate --pretty-print --trust <root> --trust-replace --no-revocation-check <pdf>`.
///
/// # Panics
/// If pyHanko's venv is missing (run `scripts/setup.sh`, or set `SERTEL_VENV`).
pub fn pyhanko_validate(pdf: &Path, trust_root_pem: &Path) -> PyHankoReport {
    validate(pdf, trust_root_pem, None)
}

/// Like [`pyhanko_validate`], judging the certificates at `time` instead of now: an ISO 8601
/// date-time, or `claimed` for the signing time each signature states
/// (`--validation-time <time>`).
pub fn pyhanko_validate_at(pdf: &Path, trust_root_pem: &Path, time: &str) -> PyHankoReport {
    validate(pdf, trust_root_pem, Some(time))
}

fn validate(pdf: &Path, root: &Path, time: Option<&str>) -> PyHankoReport {
    let mut args: Vec<OsString> = ["sign", "validate", "--pretty-print", "--trust"]
        .map(OsString::from)
        .into();
    args.push(root.into());
    args.push("--trust-replace".into());
    match time {
        // pyHanko turns revocation checking off itself when given a validation time.
        Some(time) => args.extend(["--validation-time".into(), time.into()]),
        None => args.push("--no-revocation-check".into()),
    }
    args.push(pdf.into());
    let output = tool::run(tool::pyhanko_program(), args);
    let signatures = pyhanko_report::parse(&output.stdout);
    let ok = output.code == Some(0) && !signatures.is_empty() && signatures.iter().all(|s| s.ok);
    PyHankoReport {
        signatures,
        ok,
        output,
    }
}

/// Lists the signature fields of `pdf` (`pyhanko sign list <pdf>`, lines `name:FILLED` or
/// `name:EMPTY`). A file pyHanko cannot read gives an empty list.
pub fn pyhanko_signature_fields(pdf: &Path) -> Vec<SignatureField> {
    let output = tool::run(
        tool::pyhanko_program(),
        ["sign".as_ref(), "list".as_ref(), pdf.as_os_str()],
    );
    if output.code != Some(0) {
        return Vec::new();
    }
    output
        .stdout
        .lines()
        .filter_map(|line| line.rsplit_once(':'))
        .map(|(name, status)| SignatureField {
            name: name.to_owned(),
            filled: status.trim() == "FILLED",
        })
        .collect()
}
