//! The workbench the corpus is made on: a temporary folder, sample letters, the test PKI's
//! signer, and the edits an attacker (or an honest user) appends.

use std::path::{Path, PathBuf};

use sertel_core::key::KeyAlgorithm;
use sertel_core::pades::{sign_file, Appearance, Certification, SignOptions};
use sertel_pdf::{Document, IncrementalUpdate, Limits};

use super::{Case, Expect, Family};
use crate::letters::{sample_letter, with_object_streams, LetterSpec, PageSize};
use crate::pki::TestPki;

/// An edit that makes one incremental update of a document.
pub type Edit<'a> = &'a dyn Fn(&Document, &mut IncrementalUpdate);

/// A folder of corpus files and the operations that make them. Panics on any failure: a
/// corpus that cannot be built is a broken test.
#[derive(Debug)]
pub struct Bench {
    dir: tempfile::TempDir,
}

impl Default for Bench {
    fn default() -> Self {
        Bench::new()
    }
}

impl Bench {
    /// A bench in a new temporary folder (removed when dropped).
    pub fn new() -> Bench {
        Bench {
            dir: tempfile::tempdir().expect("temporary folder for the attack corpus"),
        }
    }

    /// The file `name` in the bench's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A case named `name` whose file is `path`.
    pub fn case(&self, name: &'static str, family: Family, path: PathBuf, expect: Expect) -> Case {
        Case {
            name,
            family,
            path,
            expect,
        }
    }

    /// A two-page unsigned letter, with `prepare` appended as one incremental update when
    /// given (what the author, or an attacker who drafts the letter, puts in before signing).
    pub fn letter(&self, name: &str, prepare: Option<Edit<'_>>) -> PathBuf {
        let bytes = sample_letter(&LetterSpec::new(2, PageSize::A4Portrait));
        let path = self.path(name);
        std::fs::write(&path, &bytes).expect("write letter");
        match prepare {
            Some(edit) => self.update(&path, name, |d, u| edit(d, u)),
            None => path,
        }
    }

    /// The two-page letter with cross-reference and object streams instead of a table.
    pub fn letter_with_object_streams(&self, name: &str) -> PathBuf {
        let bytes = with_object_streams(&sample_letter(&LetterSpec::new(2, PageSize::A4Portrait)));
        self.write(name, &bytes)
    }

    /// Signs `input` into `out` with the test PKI's P-256 signer and `opts`.
    pub fn sign_with(&self, input: &Path, out: &str, opts: SignOptions) -> PathBuf {
        let e = TestPki::get().signer(KeyAlgorithm::EcdsaP256);
        let output = self.path(out);
        let opts = SignOptions {
            overwrite: true,
            ..opts
        };
        sign_file(
            input,
            &output,
            e.signer.as_ref(),
            &e.certificate,
            &e.chain,
            &opts,
        )
        .unwrap_or_else(|err| panic!("signing {out}: {err}"));
        output
    }

    /// Signs `input` into `out` with `appearance` (an approval signature).
    pub fn sign(&self, input: &Path, out: &str, appearance: Appearance) -> PathBuf {
        self.sign_with(
            input,
            out,
            SignOptions {
                appearance,
                ..SignOptions::default()
            },
        )
    }

    /// A letter signed with an invisible approval signature.
    pub fn signed(&self, name: &str) -> PathBuf {
        let letter = self.letter(&format!("{name}-unsigned.pdf"), None);
        self.sign(&letter, &format!("{name}.pdf"), Appearance::Invisible)
    }

    /// A letter certified (invisibly) with `level`.
    pub fn certified(&self, name: &str, level: Certification) -> PathBuf {
        let letter = self.letter(&format!("{name}-unsigned.pdf"), None);
        self.sign_with(
            &letter,
            &format!("{name}.pdf"),
            SignOptions {
                certification: Some(level),
                ..SignOptions::default()
            },
        )
    }

    /// Appends to a copy of `pdf`, as `out`, the incremental update `edit` makes.
    pub fn update(
        &self,
        pdf: &Path,
        out: &str,
        edit: impl FnOnce(&Document, &mut IncrementalUpdate),
    ) -> PathBuf {
        let mut bytes = std::fs::read(pdf).expect("read");
        let doc = Document::open(bytes.clone(), Limits::default()).expect("open for update");
        let mut upd = IncrementalUpdate::new(&doc).expect("incremental update");
        edit(&doc, &mut upd);
        bytes.extend_from_slice(&upd.finish().expect("finish update").bytes);
        self.write(out, &bytes)
    }

    /// Writes a copy of `pdf`, as `out`, with its bytes changed by `edit`.
    pub fn rewrite(&self, pdf: &Path, out: &str, edit: impl FnOnce(&mut Vec<u8>)) -> PathBuf {
        let mut bytes = std::fs::read(pdf).expect("read");
        edit(&mut bytes);
        self.write(out, &bytes)
    }

    /// Writes `bytes` as `name`.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("write corpus file");
        path
    }
}
