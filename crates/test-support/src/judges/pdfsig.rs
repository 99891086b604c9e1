//! poppler's `pdfsig` as a judge of signatures.

use std::path::Path;

use super::nss::NssDb;
use super::pdfsig_report::{self, PdfsigSignature, SignatureStatus};
use super::tool::{self, ToolRun};

/// pdfsig's report on every signature of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfsigReport {
    /// One entry per signature, in file order.
    pub signatures: Vec<PdfsigSignature>,
    /// pdfsig exited 0, found at least one signature, every signature value is valid and the
    /// last signature covers the whole file. Certificate status is not included (see
    /// [`PdfsigSignature::chain_accepted`]); poppler 22.12 reports document timestamps as
    /// not verified, so judge files with those signature by signature.
    pub ok: bool,
    /// The raw run, for assertion messages. Exit code 2 means "no signatures".
    pub output: ToolRun,
}

/// Checks the signatures of `pdf` without judging certificates:
/// `pdfsig -nssdir sql:<empty db> -nocert <pdf>`.
///
/// # Panics
/// If pdfsig or certutil is missing (run `scripts/setup.sh`).
pub fn pdfsig(pdf: &Path) -> PdfsigReport {
    run(pdf, &NssDb::empty(), false)
}

/// Checks the signatures of `pdf` and the signers' certificates against `root_pem` as the
/// only trusted root, without network access:
/// `pdfsig -nssdir sql:<db with root as CT,C,C> -no-ocsp <pdf>`.
pub fn pdfsig_trusting(pdf: &Path, root_pem: &Path) -> PdfsigReport {
    run(pdf, &NssDb::trusting(&[root_pem]), true)
}

/// Like [`pdfsig_trusting`], with a database the caller prepared (e.g. with intermediates).
pub fn pdfsig_with_db(pdf: &Path, db: &NssDb) -> PdfsigReport {
    run(pdf, db, true)
}

fn run(pdf: &Path, db: &NssDb, certificates: bool) -> PdfsigReport {
    let mut args = vec!["-nssdir".as_ref(), db.spec().as_ref()];
    args.push(if certificates { "-no-ocsp" } else { "-nocert" }.as_ref());
    args.push(pdf.as_os_str());
    let output = tool::run("pdfsig", args);
    let signatures = pdfsig_report::parse(&output.stdout);
    let ok = output.code == Some(0)
        && !signatures.is_empty()
        && signatures
            .iter()
            .all(|s| s.signature == SignatureStatus::Valid)
        && signatures.last().is_some_and(|s| s.total_document_signed);
    PdfsigReport {
        signatures,
        ok,
        output,
    }
}
