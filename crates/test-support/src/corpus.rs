//! Expected verdicts for pyHanko's own test files (`shared/corpora/pyhanko/pdf`).
//!
//! The table `data/pyhanko-corpus.tsv` says, for every PDF of the corpus, what kind of file it
//! is, whether a correct reader opens it, and for each signature whether it is intact, how much
//! of the file it covers, what later revisions changed and the verdict a correct validator gives
//! without any trust anchor. Each row names the pyHanko test that fixes it (or says the verdict
//! was only observed with pyHanko's CLI). `data/pyhanko-corpus.md` explains the table and every
//! file whose verdict is not obvious; the test PKI that signed the files is rendered in
//! `data/pyhanko-pki/`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::judges::shared_dir;

/// The table, embedded at compile time.
pub const PYHANKO_CORPUS_TSV: &str = include_str!("../data/pyhanko-corpus.tsv");

/// The columns of [`PYHANKO_CORPUS_TSV`], in order.
pub const PYHANKO_CORPUS_COLUMNS: [&str; 12] = [
    "file",
    "kind",
    "open",
    "signatures",
    "fields",
    "intact",
    "coverage",
    "modifications",
    "expected",
    "credential",
    "source",
    "note",
];

/// What a corpus file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A plain document to sign: no signature, nothing wrong with it.
    UnsignedInput,
    /// Damaged or contradictory structure that a reader must survive or refuse cleanly.
    BrokenStructure,
    /// An encrypted document without signatures.
    Encrypted,
    /// A document with at least one signature dictionary.
    Signed,
}

/// Whether a correct reader opens the file (and lists its signature fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Open {
    /// It must open.
    Ok,
    /// It must be refused with an error (and without hanging).
    Error,
    /// A strict reader may refuse it and a lenient one may recover it: both are correct.
    Either,
}

/// How much of the file a signature's byte range covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Coverage {
    /// The whole file, except the signature value itself.
    Entire,
    /// A whole earlier revision; later incremental updates follow.
    Partial,
    /// Anything else: gaps, a single range, ranges that are not a revision. Never acceptable.
    Anomalous,
}

/// What the revisions after a signature changed (pyHanko's difference analysis).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Modifications {
    /// Nothing: the signature covers the final revision.
    None,
    /// Only what the signature's rules allow: further signatures, form filling, DSS and
    /// timestamp maintenance, /Info updates.
    Allowed,
    /// Something else changed (pyHanko's `ModificationLevel.OTHER` or a `SuspiciousModification`).
    Forbidden,
}

/// The verdict a correct validator gives for one signature when it is given no trust anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Intact, well formed, acceptable coverage and modifications: only trust is left to decide.
    ValidCrypto,
    /// Broken: bad hash or signature, malformed CMS, anomalous coverage or forbidden changes.
    Invalid,
    /// The signature cannot be judged: e.g. an algorithm combination that policy does not allow.
    Indeterminate,
}

/// What opens an encrypted corpus file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    /// Not encrypted (or no credential is relevant).
    None,
    /// A password of the standard security handler.
    Password(String),
    /// A recipient of the public-key security handler.
    PublicKey {
        /// The recipient's private key (PEM).
        key: PathBuf,
        /// The recipient's certificate (PEM).
        cert: PathBuf,
        /// The passphrase of `key`, if it is encrypted.
        passphrase: Option<String>,
    },
}

/// What a correct validator must find for one signature of a corpus file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedSignature {
    /// The signature field's fully qualified name.
    pub field: String,
    /// Whether the CMS signature verifies over the bytes its byte range names.
    pub intact: bool,
    /// How much of the file the byte range covers.
    pub coverage: Coverage,
    /// What later revisions changed.
    pub modifications: Modifications,
    /// The verdict without trust anchors.
    pub expected: Verdict,
}

/// One PDF of the corpus and what a correct validator must say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusCase {
    /// The PDF, resolved under the shared corpus folder.
    pub file: PathBuf,
    /// Its path relative to `corpora/pyhanko/pdf`, as written in the table.
    pub name: String,
    /// What kind of file it is.
    pub kind: Kind,
    /// Whether it must open.
    pub open: Open,
    /// Its signatures, in the order pyHanko lists them (by signed revision, earliest first).
    pub signatures: Vec<ExpectedSignature>,
    /// What opens it, if it is encrypted.
    pub credential: Credential,
    /// The pyHanko test (`file::function`) that fixes the verdict, or `pyhanko-cli run`.
    pub source: String,
    /// Why the verdict is what it is.
    pub note: String,
}

/// An error in the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    /// The 1-based line of the table.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for TableError {}

/// The pyHanko corpus: `corpora/pyhanko` under [`shared_dir`].
pub fn pyhanko_corpus_dir() -> PathBuf {
    shared_dir().join("corpora/pyhanko")
}

/// The rendered certificates of the corpus's test PKI (`data/pyhanko-pki`).
pub fn pyhanko_pki_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/pyhanko-pki")
}

/// Every case of the embedded table, with files resolved under [`pyhanko_corpus_dir`].
///
/// # Panics
/// If the shared folder is missing or the table is malformed.
pub fn pyhanko_cases() -> Vec<CorpusCase> {
    let root = pyhanko_corpus_dir();
    parse_pyhanko_table(PYHANKO_CORPUS_TSV, &root, &pyhanko_pki_dir())
        .unwrap_or_else(|e| panic!("data/pyhanko-corpus.tsv: {e}"))
}

/// Parses a corpus table: PDFs resolve under `corpus/pdf`, public-key credentials under
/// `corpus/crypto` (or `pki` when written `pyhanko-pki/...`). Lines starting with `#` and
/// blank lines are skipped; the first other line must be the header.
pub fn parse_pyhanko_table(
    text: &str,
    corpus: &Path,
    pki: &Path,
) -> Result<Vec<CorpusCase>, TableError> {
    let mut cases = Vec::new();
    let mut header_seen = false;
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| TableError {
            line: line_no,
            message,
        };
        let cells: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            if cells != PYHANKO_CORPUS_COLUMNS {
                return Err(err(format!("expected header {PYHANKO_CORPUS_COLUMNS:?}")));
            }
            header_seen = true;
            continue;
        }
        let [file, kind, open, count, fields, intact, coverage, modifications, expected, credential, source, note] =
            cells[..]
        else {
            return Err(err(format!("{} cells, expected 12", cells.len())));
        };
        let kind = match kind {
            "unsigned-input" => Kind::UnsignedInput,
            "broken-structure" => Kind::BrokenStructure,
            "encrypted" => Kind::Encrypted,
            "signed" => Kind::Signed,
            other => return Err(err(format!("unknown kind {other:?}"))),
        };
        let open = match open {
            "ok" => Open::Ok,
            "error" => Open::Error,
            "either" => Open::Either,
            other => return Err(err(format!("unknown open {other:?}"))),
        };
        let count: usize = count
            .parse()
            .map_err(|_| err(format!("bad signature count {count:?}")))?;
        let signatures = if count == 0 {
            for cell in [fields, intact, coverage, modifications, expected] {
                if cell != "-" {
                    return Err(err(format!("no signatures but {cell:?}")));
                }
            }
            Vec::new()
        } else {
            signatures(count, fields, intact, coverage, modifications, expected).map_err(err)?
        };
        if (kind == Kind::Signed) != (count > 0) {
            return Err(err(format!("kind {kind:?} with {count} signatures")));
        }
        if source.is_empty() || note.is_empty() {
            return Err(err("empty source or note".into()));
        }
        cases.push(CorpusCase {
            file: corpus.join("pdf").join(file),
            name: file.to_owned(),
            kind,
            open,
            signatures,
            credential: parse_credential(credential, corpus, pki).map_err(err)?,
            source: source.to_owned(),
            note: note.to_owned(),
        });
    }
    if !header_seen {
        return Err(TableError {
            line: 0,
            message: "no header".into(),
        });
    }
    Ok(cases)
}

/// The per-signature cells of one row, split on commas.
fn signatures(
    count: usize,
    fields: &str,
    intact: &str,
    coverage: &str,
    modifications: &str,
    expected: &str,
) -> Result<Vec<ExpectedSignature>, String> {
    let split = |name: &str, cell: &str| -> Result<Vec<String>, String> {
        let parts: Vec<String> = cell.split(',').map(str::to_owned).collect();
        if parts.len() == count {
            Ok(parts)
        } else {
            Err(format!(
                "{name}: {} values for {count} signatures",
                parts.len()
            ))
        }
    };
    let fields = split("fields", fields)?;
    let intact = split("intact", intact)?;
    let coverage = split("coverage", coverage)?;
    let modifications = split("modifications", modifications)?;
    let expected = split("expected", expected)?;
    (0..count)
        .map(|i| {
            Ok(ExpectedSignature {
                field: fields[i].clone(),
                intact: match intact[i].as_str() {
                    "yes" => true,
                    "no" => false,
                    other => return Err(format!("unknown intact {other:?}")),
                },
                coverage: match coverage[i].as_str() {
                    "entire" => Coverage::Entire,
                    "partial" => Coverage::Partial,
                    "anomalous" => Coverage::Anomalous,
                    other => return Err(format!("unknown coverage {other:?}")),
                },
                modifications: match modifications[i].as_str() {
                    "none" => Modifications::None,
                    "allowed" => Modifications::Allowed,
                    "forbidden" => Modifications::Forbidden,
                    other => return Err(format!("unknown modifications {other:?}")),
                },
                expected: match expected[i].as_str() {
                    "VALID-CRYPTO" => Verdict::ValidCrypto,
                    "INVALID" => Verdict::Invalid,
                    "INDETERMINATE" => Verdict::Indeterminate,
                    other => return Err(format!("unknown verdict {other:?}")),
                },
            })
        })
        .collect()
}

/// `-`, `password:PW` or `pubkey:KEY:CERT:PASSPHRASE` (`-` for no passphrase).
fn parse_credential(cell: &str, corpus: &Path, pki: &Path) -> Result<Credential, String> {
    if cell == "-" {
        return Ok(Credential::None);
    }
    if let Some(password) = cell.strip_prefix("password:") {
        return Ok(Credential::Password(password.to_owned()));
    }
    let resolve = |p: &str| match p.strip_prefix("pyhanko-pki/") {
        Some(rest) => pki.join(rest),
        None => corpus.join("crypto").join(p),
    };
    match cell
        .strip_prefix("pubkey:")
        .map(|r| r.split(':').collect::<Vec<_>>())
    {
        Some(parts) if parts.len() == 3 => Ok(Credential::PublicKey {
            key: resolve(parts[0]),
            cert: resolve(parts[1]),
            passphrase: (parts[2] != "-").then(|| parts[2].to_owned()),
        }),
        _ => Err(format!("unknown credential {cell:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "file\tkind\topen\tsignatures\tfields\tintact\tcoverage\tmodifications\texpected\tcredential\tsource\tnote";

    #[test]
    fn a_signed_row_parses_per_signature() {
        let text = format!(
            "# comment\n{HEADER}\na.pdf\tsigned\tok\t2\tSig1,Sig2\tyes,no\tpartial,entire\tallowed,none\tVALID-CRYPTO,INVALID\tpubkey:k.pem:pyhanko-pki/c.pem:-\tt.py::f\twhy\n"
        );
        let cases = parse_pyhanko_table(&text, Path::new("/c"), Path::new("/pki")).unwrap();
        assert_eq!(cases.len(), 1);
        let case = &cases[0];
        assert_eq!(case.file, Path::new("/c/pdf/a.pdf"));
        assert_eq!(case.signatures.len(), 2);
        assert!(case.signatures[0].intact && !case.signatures[1].intact);
        assert_eq!(case.signatures[1].expected, Verdict::Invalid);
        assert_eq!(
            case.credential,
            Credential::PublicKey {
                key: "/c/crypto/k.pem".into(),
                cert: "/pki/c.pem".into(),
                passphrase: None
            }
        );
    }

    #[test]
    fn inconsistent_rows_are_refused() {
        for row in [
            "a.pdf\tsigned\tok\t0\t-\t-\t-\t-\t-\t-\ts\tn",
            "a.pdf\tunsigned-input\tok\t1\tS\tyes\tentire\tnone\tINVALID\t-\ts\tn",
            "a.pdf\tsigned\tok\t2\tS\tyes\tentire\tnone\tINVALID\t-\ts\tn",
            "a.pdf\tsigned\tmaybe\t1\tS\tyes\tentire\tnone\tINVALID\t-\ts\tn",
            "a.pdf\tsigned\tok\t1\tS\tyes\tentire\tnone\tINVALID\t-\t\tn",
        ] {
            let text = format!("{HEADER}\n{row}\n");
            assert!(
                parse_pyhanko_table(&text, Path::new("/c"), Path::new("/p")).is_err(),
                "{row}"
            );
        }
    }

    #[test]
    fn the_embedded_table_parses() {
        let cases =
            parse_pyhanko_table(PYHANKO_CORPUS_TSV, Path::new("/c"), Path::new("/p")).unwrap();
        assert_eq!(cases.len(), 130);
    }
}
