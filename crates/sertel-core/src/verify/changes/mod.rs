//! What changed after a signature: every later revision is compared with the one before it,
//! object by object, and each redefined object is judged by its role in the signed revision.
//!
//! Permitted: further signatures, document timestamps, validation data (DSS), metadata.
//! Everything else — changed page content or resources, new annotations other than signature
//! widgets, a replaced catalog, a redefined object of any other kind, a broken revision chain,
//! anything a DocMDP level of 1 forbids — is a violation that makes the signature fail.
//! Form filling and annotations that DocMDP levels 2 and 3 would permit are not yet told apart
//! from tampering, so they count as violations too (fail closed).

pub mod context;
pub mod equal;
pub mod report;
pub mod rules;

use std::fs::File;

use sertel_pdf::{Document, Limits, PdfError, Prefix};

pub use report::{Changes, Permitted, Violation};

use context::Context;
use rules::Pair;

/// Trailing bytes after the last revision that may be white space only (editors pad files).
const MAX_TRAILING_PADDING: u64 = 4096;

fn open(file: &File, len: u64, limits: &Limits) -> Result<Document, PdfError> {
    let source = file.try_clone().map_err(PdfError::Io)?;
    Document::open(Prefix::new(source, len), limits.clone())
}

fn trailing_is_padding(file: &File, from: u64, to: u64) -> Result<bool, PdfError> {
    use std::os::unix::fs::FileExt;
    if to - from > MAX_TRAILING_PADDING {
        return Ok(false);
    }
    let mut buf = vec![0u8; (to - from) as usize];
    file.read_exact_at(&mut buf, from).map_err(PdfError::Io)?;
    Ok(buf.iter().all(|b| b.is_ascii_whitespace() || *b == 0))
}

/// Compares every revision after `signed_end` (the offset the signature covers up to) with the
/// one before it. `revision_ends` are the ends of the file's revisions.
pub fn analyse(
    file: &File,
    file_len: u64,
    signed_end: u64,
    revision_ends: &[u64],
    limits: &Limits,
) -> Result<Changes, PdfError> {
    let mut ends: Vec<u64> = revision_ends
        .iter()
        .copied()
        .filter(|e| *e > signed_end && *e <= file_len)
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let mut out = Changes::default();
    let last = ends.last().copied().unwrap_or(signed_end);
    if last < file_len && !trailing_is_padding(file, last, file_len)? {
        out.violations.push(Violation::TrailingData);
    }
    let mut prev = signed_end;
    for end in ends {
        let old = open(file, prev, limits)?;
        let new = open(file, end, limits)?;
        compare(&old, &new, &mut out)?;
        out.revisions_after += 1;
        prev = end;
    }
    Ok(out)
}

/// Judges the revision that turns `old` into `new`.
pub fn compare(old: &Document, new: &Document, out: &mut Changes) -> Result<(), PdfError> {
    let (or, nr) = (old.revisions(), new.revisions());
    let chained = nr.len() == or.len() + 1
        && or
            .iter()
            .zip(nr)
            .all(|(a, b)| a.xref_offset == b.xref_offset);
    if !chained {
        out.violations.push(Violation::RevisionChainBroken);
        return Ok(());
    }
    for key in [&b"Root"[..], b"Encrypt"] {
        if old.trailer().get(key) != new.trailer().get(key) {
            out.violations.push(Violation::CatalogChanged(format!(
                "trailer /{} changed",
                String::from_utf8_lossy(key)
            )));
        }
    }
    let ctx = Context::of(old)?;
    let pair = Pair {
        old,
        new,
        ctx: &ctx,
    };
    let redefined: Vec<_> = new
        .objects()
        .filter(|r| {
            old.xref_entry(r.num).is_some() && old.xref_entry(r.num) != new.xref_entry(r.num)
        })
        .filter(|r| old.get(*r).is_ok())
        .collect();
    for r in redefined {
        pair.judge(r, out)?;
    }
    // An object freed in the new revision that the old one used is a removal.
    for r in old.objects() {
        if new.get(r).is_err() {
            out.violations
                .push(Violation::ObjectChanged(format!("{r} removed")));
        }
    }
    Ok(())
}
