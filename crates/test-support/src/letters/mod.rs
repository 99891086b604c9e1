//! Sample letters: official letters (naskah dinas) of Kabupaten Muara Enim, as the regency's
//! officials would sign them, generated deterministically in several paper sizes and lengths.
//!
//! [`sample_letter`] makes one letter; [`with_object_streams`] turns it into the
//! cross-reference-stream flavour; [`named_corpus`] writes the varied set that the signing
//! tests iterate over.

mod compose;
mod corpus;
mod layout;
mod metrics;
mod parts;
mod spec;
mod wording;
mod writer;

pub use corpus::{named_corpus, with_object_streams};
pub use spec::{LetterSpec, PageSize};

/// Makes the letter `spec` describes: `spec.pages` pages of `spec.size` paper with a
/// letterhead, particulars, an invitation in Indonesian, a signature block with blank space
/// for the signature, copies and "Halaman i dari n" page numbers. The same spec always gives
/// the same bytes (fixed /Info dates, /ID derived from the spec).
pub fn sample_letter(spec: &LetterSpec) -> Vec<u8> {
    let pages = compose::pages(spec);
    writer::write(spec, &pages)
}
