//! An attack corpus against the validator's "what changed after signing" and integrity
//! checks, generated from signed sample letters.
//!
//! Each family of the research literature is here, in its own module, with benign twins: the
//! same kind of edit done legitimately, which must keep every signature valid.
//!
//! | module | family | source |
//! |---|---|---|
//! | [`shadow`] | shadow attacks: hide, replace, hide-and-replace | Mainka et al., NDSS 2021 |
//! | [`isa`] | incremental saving attack | Mladenov et al., CCS 2019 |
//! | [`usf`] | universal signature forgery | Mladenov et al., CCS 2019 |
//! | [`swa`] | signature wrapping | Mladenov et al., CCS 2019 |
//! | [`eaa`] | evil annotation | Rohlmann et al., IEEE S&P 2021 |
//! | [`ssa`] | sneaky signature | Rohlmann et al., IEEE S&P 2021 |
//! | [`forms`] | form filling and field locks (FieldMDP) | ISO 32000-1 §12.8.2 |
//! | [`upkeep`] | validation data, metadata, further signatures | PAdES |
//!
//! [`corpus`] writes every case into a [`Bench`]'s folder and says what the validator must
//! conclude about it.

mod bench;
pub mod build;
pub mod eaa;
pub mod forms;
pub mod isa;
pub mod shadow;
pub mod ssa;
pub mod swa;
pub mod upkeep;
pub mod usf;

use std::path::PathBuf;

pub use bench::Bench;

/// The family a case belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Shadow attacks: content hidden, replaced, or both, by a later revision.
    Shadow,
    /// Incremental saving attack: revisions that redefine objects or bend the revision chain.
    IncrementalSaving,
    /// Universal signature forgery: a missing or broken `/ByteRange` or `/Contents`.
    UniversalForgery,
    /// Signature wrapping: attacker bytes in the excluded hole, a moved signed range.
    SignatureWrapping,
    /// Evil annotation: annotations that change what a certified page shows.
    EvilAnnotation,
    /// Sneaky signature: a new signature field whose appearance covers certified content.
    SneakySignature,
    /// Form filling, certification levels and field locks.
    FormFilling,
    /// Validation data, metadata and further signatures.
    Upkeep,
}

/// What the validator must conclude.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A benign twin: every signature of the file is TOTAL-PASSED.
    Valid,
    /// An attack: the attacked (first) signature is not TOTAL-PASSED, and at least one of these
    /// finding kinds is reported for it. `unreadable` stands for the file being refused
    /// outright (INDETERMINATE), `unsigned` for no signature being found any more.
    Fails(&'static [&'static str]),
}

/// One file of the corpus.
#[derive(Clone, Debug)]
pub struct Case {
    /// A short unique name (also the file's stem).
    pub name: &'static str,
    /// Its family.
    pub family: Family,
    /// The PDF.
    pub path: PathBuf,
    /// What the validator must conclude.
    pub expect: Expect,
}

impl Case {
    /// Whether this is a benign twin.
    pub fn is_twin(&self) -> bool {
        self.expect == Expect::Valid
    }
}

/// Writes every case of every family into `bench`'s folder.
pub fn corpus(bench: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    out.extend(shadow::cases(bench));
    out.extend(isa::cases(bench));
    out.extend(usf::cases(bench));
    out.extend(swa::cases(bench));
    out.extend(eaa::cases(bench));
    out.extend(ssa::cases(bench));
    out.extend(forms::cases(bench));
    out.extend(upkeep::cases(bench));
    out
}
