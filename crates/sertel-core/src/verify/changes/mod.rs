//! What changed after a signature: every later revision is compared with the one before it,
//! object by object, on every page, and each redefined, new or freed object is judged by its
//! role in the earlier revision. What no rule permits is a violation that makes the signature
//! fail (never a warning).
//!
//! Always permitted: validation data (the DSS), document timestamps, the document information
//! dictionary and XMP metadata. What else depends on the certification (DocMDP) level of the
//! document and the field locks (FieldMDP) of the signature:
//!
//! | change | approval (no DocMDP) | P 1 | P 2 | P 3 |
//! |---|---|---|---|---|
//! | new signature (invisible, or in a field present when certified) | yes | no | yes | yes |
//! | new *visible* signature field (sneaky signature) | yes | no | no | no |
//! | filling a form field present when signing (not locked) | yes | no | yes | yes |
//! | comments: notes and text markup ([`annots`]) | no | no | no | yes |
//! | other annotations (FreeText, Stamp, shapes, new widgets) | no | no | no | no |
//!
//! Never permitted: changed page content, resources or geometry; a catalog entry other than
//! the form, DSS, extensions, version and metadata; a redefined object that has none of these
//! roles (fonts, content and appearance streams: the shadow attacks' "replace"); an object
//! the signed revision referred to but did not define (hidden objects, [`hidden`]); a new
//! appearance that reuses or rewrites a signed object ([`appearance`]); a locked field changed
//! ([`locks`]); an unsigned signature field that shows something; removed or reordered list
//! entries (other than comments at P 3); a revision that does not continue the signed one's
//! cross-reference chain, or bytes after the last revision (the incremental saving attack).

pub mod annots;
pub mod appearance;
pub mod context;
pub mod equal;
pub mod forms;
pub mod hidden;
pub mod lists;
pub mod locks;
pub mod report;
pub mod rules;
pub mod visible;

use std::collections::{HashMap, HashSet};
use std::fs::File;

use sertel_pdf::{Document, Limits, ObjRef, PdfError, Prefix};

pub use locks::FieldLock;
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
/// one before it. `revision_ends` are the ends of the file's revisions; `locks` the fields the
/// signature locks.
pub fn analyse(
    file: &File,
    file_len: u64,
    signed_end: u64,
    revision_ends: &[u64],
    locks: &[FieldLock],
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
        compare(&old, &new, locks, &mut out)?;
        out.revisions_after += 1;
        prev = end;
    }
    Ok(out)
}

/// Judges the revision that turns `old` into `new`.
pub fn compare(
    old: &Document,
    new: &Document,
    locks: &[FieldLock],
    out: &mut Changes,
) -> Result<(), PdfError> {
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
        locks,
    };
    let old_objects: HashMap<u32, ObjRef> = old.objects().map(|r| (r.num, r)).collect();
    let new_objects: HashSet<ObjRef> = new.objects().collect();
    let mut fresh = HashSet::new();
    for r in new.objects() {
        match old_objects.get(&r.num) {
            None => {
                fresh.insert(r);
                continue;
            }
            // No signing tool renumbers an object's generation, and viewers that ignore
            // generations would show the new object where the signed one was.
            Some(o) if o.gen != r.gen => {
                out.violations
                    .push(Violation::ObjectChanged(format!("{o} redefined as {r}")));
                continue;
            }
            Some(_) => {}
        }
        if old.xref_entry(r.num) != new.xref_entry(r.num) {
            if old.get(r).is_ok() {
                pair.judge(r, out)?;
            } else {
                // Listed but unreadable when signed (read as null): defining it now is
                // showing something the signer could not see.
                fresh.insert(r);
            }
        }
    }
    hidden::check(old, &fresh, out)?;
    // An object of the old revision that the new one frees (or no longer reads) is removed.
    for r in old.objects() {
        let gone = !new_objects.contains(&r)
            || (old.xref_entry(r.num) != new.xref_entry(r.num) && new.get(r).is_err());
        if gone && old.get(r).is_ok() {
            pair.judge_removed(r, out)?;
        }
    }
    Ok(())
}
