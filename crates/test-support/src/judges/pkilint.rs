//! pkilint (PyPI `pkilint`): RFC 5280 lints of certificates and CRLs, run from the judges'
//! venv ([`super::venv_dir`]).

use std::path::Path;

use super::tool::{run, venv_dir, ToolRun};

/// What pkilint found at severity ERROR or above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PkilintReport {
    /// The findings' lines (validator and finding), empty when clean.
    pub findings: Vec<String>,
    /// The raw run, for assertion messages.
    pub run: ToolRun,
}

impl PkilintReport {
    /// Whether nothing of severity ERROR or FATAL was found.
    pub fn clean(&self) -> bool {
        self.findings.is_empty() && self.run.code == Some(0)
    }
}

fn lint(program: &str, extra: &[&str], file: &Path) -> PkilintReport {
    let program = venv_dir().join("bin").join(program);
    assert!(
        program.is_file(),
        "pkilint not found at {}; run scripts/setup.sh (or set SERTEL_VENV to the venv)",
        program.display()
    );
    let mut args = vec!["lint"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-s", "ERROR", "-f", "TEXT", "--document-format", "DER"]);
    let file = file.to_string_lossy();
    args.push(&file);
    let run = run(program, args);
    let findings = run
        .stdout
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    PkilintReport { findings, run }
}

/// `lint_pkix_cert` on a DER certificate (RFC 5280 profile).
pub fn pkilint_certificate(der_file: &Path) -> PkilintReport {
    lint("lint_pkix_cert", &[], der_file)
}

/// `lint_crl` on a DER CRL (RFC 5280 profile, a CRL rather than an ARL).
pub fn pkilint_crl(der_file: &Path) -> PkilintReport {
    lint("lint_crl", &["-t", "CRL", "-p", "PKIX"], der_file)
}
