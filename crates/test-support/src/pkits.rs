//! NIST PKITS path-validation cases (the vectors ship in the PyPI package
//! `cryptography-vectors`, folder `cryptography_vectors/x509/PKITS_data`).
//!
//! The table `data/pkits.tsv` lists, for sections 4.1–4.7, 4.13, 4.14 and 4.16 of PKITS, each
//! test's certificate path (top-down, end entity last), the CRLs and extra certificates its
//! revocation checks need, the PKITS user inputs and the result PKITS expects.
//! `data/pkits-generate.py` made it from the vectors; `data/pkits.md` says how.

use std::path::{Path, PathBuf};

use crate::judges::{tool, venv_dir};

/// The table, embedded at compile time.
pub const PKITS_TSV: &str = include_str!("../data/pkits.tsv");

/// The columns of [`PKITS_TSV`], in order.
pub const PKITS_COLUMNS: [&str; 11] = [
    "id",
    "name",
    "expected",
    "trust_anchor",
    "path",
    "crls",
    "other_certs",
    "initial_policy_set",
    "explicit_policy",
    "inhibit_policy_mapping",
    "inhibit_any_policy",
];

/// How many tests PKITS defines in each section the table covers.
pub const PKITS_SECTION_SIZES: [(&str, usize); 10] = [
    ("4.1", 6),
    ("4.2", 8),
    ("4.3", 11),
    ("4.4", 21),
    ("4.5", 8),
    ("4.6", 17),
    ("4.7", 5),
    ("4.13", 38),
    ("4.14", 35),
    ("4.16", 2),
];

/// The OID of `anyPolicy`, the default initial policy set.
pub const ANY_POLICY: &str = "2.5.29.32.0";

/// One PKITS test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PkitsCase {
    /// The PKITS test number, e.g. `4.1.1`.
    pub id: &'static str,
    /// The PKITS test name, e.g. `Valid Signatures Test1`.
    pub name: &'static str,
    /// The trust anchor certificate (`TrustAnchorRootCertificate.crt`).
    pub trust_anchor: PathBuf,
    /// The path: the certificate the anchor issued first, the end entity last.
    pub path: Vec<PathBuf>,
    /// The CRLs a validator can use (DER).
    pub crls: Vec<PathBuf>,
    /// Certificates outside the path that sign some of `crls` (separate CRL keys, indirect
    /// CRL issuers), with what chains them to the anchor.
    pub other_certs: Vec<PathBuf>,
    /// The initial policy set (OIDs).
    pub initial_policy_set: Vec<&'static str>,
    /// Initial explicit-policy indicator.
    pub explicit_policy: bool,
    /// Initial policy-mapping-inhibit indicator.
    pub inhibit_policy_mapping: bool,
    /// Initial any-policy-inhibit indicator.
    pub inhibit_any_policy: bool,
    /// Whether PKITS expects the path to validate.
    pub expected_valid: bool,
}

impl PkitsCase {
    /// The section of the test, e.g. `4.1` for `4.1.1`.
    pub fn section(&self) -> &'static str {
        self.id.rsplit_once('.').map_or(self.id, |(s, _)| s)
    }

    /// The end-entity certificate (the last of [`PkitsCase::path`]).
    pub fn end_entity(&self) -> &Path {
        self.path.last().map_or(Path::new(""), PathBuf::as_path)
    }

    /// Every file the case names.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        std::iter::once(self.trust_anchor.as_path())
            .chain(self.path.iter().map(PathBuf::as_path))
            .chain(self.crls.iter().map(PathBuf::as_path))
            .chain(self.other_certs.iter().map(PathBuf::as_path))
    }
}

/// The installed PKITS data: `$SERTEL_PKITS_DATA` if set, else
/// `cryptography_vectors/x509/PKITS_data` of the venv's `cryptography-vectors`.
///
/// # Panics
/// If the package is not installed in [`venv_dir`]: run `scripts/fetch-pkits.sh`.
pub fn pkits_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SERTEL_PKITS_DATA").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let python = venv_dir().join("bin/python");
    assert!(
        python.is_file(),
        "no Python at {}; run scripts/setup.sh and scripts/fetch-pkits.sh (or set SERTEL_VENV)",
        python.display()
    );
    let run = tool::run(
        &python,
        [
            "-c",
            "import cryptography_vectors, os; print(os.path.dirname(cryptography_vectors.__file__))",
        ],
    );
    assert!(
        run.code == Some(0),
        "cryptography-vectors is not installed in {}; run scripts/fetch-pkits.sh\n{run}",
        venv_dir().display()
    );
    let dir = PathBuf::from(run.stdout.trim()).join("x509/PKITS_data");
    assert!(
        dir.join("certs").is_dir(),
        "{} holds no PKITS certs; run scripts/fetch-pkits.sh",
        dir.display()
    );
    dir
}

/// Every case of the embedded table, with files resolved under [`pkits_data_dir`].
///
/// # Panics
/// If the vectors are not installed or the table is malformed.
pub fn pkits_cases() -> Vec<PkitsCase> {
    parse_pkits_table(PKITS_TSV, &pkits_data_dir())
        .unwrap_or_else(|e| panic!("data/pkits.tsv: {e}"))
}

/// Parses a PKITS table whose file names are relative to `dir`. Lines starting with `#` and
/// blank lines are skipped; the first other line must be the header.
pub fn parse_pkits_table(text: &'static str, dir: &Path) -> Result<Vec<PkitsCase>, String> {
    let mut cases = Vec::new();
    let mut header_seen = false;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |m: String| format!("line {}: {m}", index + 1);
        let cells: Vec<&'static str> = line.split('\t').collect();
        if !header_seen {
            if cells != PKITS_COLUMNS {
                return Err(at(format!("expected header {PKITS_COLUMNS:?}")));
            }
            header_seen = true;
            continue;
        }
        let [id, name, expected, anchor, path, crls, other, policies, explicit, mapping, any] =
            cells[..]
        else {
            return Err(at(format!("{} cells, expected 11", cells.len())));
        };
        let files = |cell: &str| -> Vec<PathBuf> {
            cell.split(',')
                .filter(|f| !f.is_empty())
                .map(|f| dir.join(f))
                .collect()
        };
        let flag = |cell: &str| match cell {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(at(format!("bad flag {other:?}"))),
        };
        let expected_valid = match expected {
            "valid" => true,
            "invalid" => false,
            other => return Err(at(format!("bad expected {other:?}"))),
        };
        let path = files(path);
        if path.is_empty() {
            return Err(at("empty path".into()));
        }
        cases.push(PkitsCase {
            id,
            name,
            trust_anchor: dir.join(anchor),
            path,
            crls: files(crls),
            other_certs: files(other),
            initial_policy_set: policies.split(',').filter(|p| !p.is_empty()).collect(),
            explicit_policy: flag(explicit)?,
            inhibit_policy_mapping: flag(mapping)?,
            inhibit_any_policy: flag(any)?,
            expected_valid,
        });
    }
    if !header_seen {
        return Err("no header".into());
    }
    Ok(cases)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_parses_with_default_inputs() {
        let cases = parse_pkits_table(PKITS_TSV, Path::new("/v")).unwrap();
        let total: usize = PKITS_SECTION_SIZES.iter().map(|(_, n)| n).sum();
        assert_eq!(cases.len(), total);
        let first = &cases[0];
        assert_eq!((first.id, first.section()), ("4.1.1", "4.1"));
        assert_eq!(
            first.end_entity(),
            Path::new("/v/certs/ValidCertificatePathTest1EE.crt")
        );
        for case in &cases {
            assert_eq!(case.initial_policy_set, [ANY_POLICY], "{}", case.id);
            assert!(
                !case.explicit_policy && !case.inhibit_policy_mapping && !case.inhibit_any_policy
            );
        }
    }
}
