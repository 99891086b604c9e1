//! Revisions: the chain of cross-reference sections from `startxref` back through `/Prev`.

use std::collections::HashSet;

use crate::indirect::NOT_A_HEADER;
use crate::reader::FileReader;
use crate::xref::XrefTable;
use crate::xref_stream::read_xref_stream;
use crate::xref_table::read_table;
use crate::{Dict, Limit, Object, PdfError};

/// How a revision's cross-reference section is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum XrefKind {
    /// A classic `xref` table.
    Table,
    /// A cross-reference stream.
    Stream,
    /// A classic table whose trailer has `/XRefStm` (a hybrid-reference section).
    Hybrid,
}

/// One cross-reference section and its trailer: one revision of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// Offset of the section (`xref` keyword, or the cross-reference stream object).
    pub xref_offset: u64,
    /// Offset just past the `%%EOF` marker (and the end-of-line marker after it) that closes
    /// this revision: the first `%%EOF` after the section. Bytes `0..end` are the document as
    /// of this revision. (Linearized files list their first-page section as the newest, so
    /// `end` need not grow along the list.)
    pub end: u64,
    /// The kind of section.
    pub kind: XrefKind,
    /// The trailer dictionary (for a cross-reference stream: the stream dictionary).
    pub trailer: Dict,
}

/// The result of walking the chain.
pub(crate) struct Loaded {
    pub(crate) table: XrefTable,
    /// Oldest first.
    pub(crate) revisions: Vec<Revision>,
}

fn offset_value(o: Option<&Object>, len: u64, what: &'static str) -> Result<Option<u64>, PdfError> {
    match o {
        None => Ok(None),
        Some(Object::Integer(v)) => match u64::try_from(*v) {
            Ok(v) if v < len => Ok(Some(v)),
            _ => Err(PdfError::Invalid(what)),
        },
        Some(_) => Err(PdfError::Invalid(what)),
    }
}

/// Walks the sections from `start` (the `startxref` value) back through `/Prev`.
pub(crate) fn load_chain(r: &FileReader, start: u64) -> Result<Loaded, PdfError> {
    let mut table = XrefTable::default();
    let mut newest_first: Vec<Revision> = Vec::new();
    let mut visited: HashSet<u64> = HashSet::new();
    let mut budget = u64::from(r.limits.max_xref_entries);
    let bound = r.limits.max_xref_entries;
    let mut trailer_elements = 0usize;
    let mut next = Some(start);
    while let Some(offset) = next {
        if !visited.insert(offset) {
            return Err(PdfError::Cycle(
                "the /Prev chain of cross-reference sections",
            ));
        }
        if newest_first.len() >= r.limits.max_revisions {
            return Err(PdfError::LimitExceeded(Limit::Revisions));
        }
        let (kind, trailer, section_end) = if is_table(r, offset)? {
            let t = read_table(r, offset, &mut budget)?;
            table.merge_older(&t.entries, bound)?;
            drop(t.entries);
            let kind = match offset_value(
                t.trailer.get(b"XRefStm"),
                r.len,
                "/XRefStm is not a valid offset",
            )? {
                Some(stm) => {
                    if !visited.insert(stm) {
                        return Err(PdfError::Cycle("/XRefStm points at a section already read"));
                    }
                    let s =
                        read_xref_stream(r, stm, &mut budget).map_err(|e| not_a_section(e, stm))?;
                    table.merge_older(&s.entries, bound)?;
                    XrefKind::Hybrid
                }
                None => XrefKind::Table,
            };
            (kind, t.trailer, t.end)
        } else {
            let s =
                read_xref_stream(r, offset, &mut budget).map_err(|e| not_a_section(e, offset))?;
            table.merge_older(&s.entries, bound)?;
            (XrefKind::Stream, s.dict, s.end)
        };
        trailer_elements += trailer.element_count();
        if trailer_elements > r.limits.max_object_elements {
            return Err(PdfError::LimitExceeded(Limit::ObjectElements));
        }
        next = offset_value(trailer.get(b"Prev"), r.len, "/Prev is not a valid offset")?;
        let end = r.eof_marker_after(section_end)?;
        newest_first.push(Revision {
            xref_offset: offset,
            end,
            kind,
            trailer,
        });
    }
    newest_first.reverse();
    Ok(Loaded {
        table,
        revisions: newest_first,
    })
}

/// Reports "no `N G obj` here" at a section offset as a cross-reference error.
fn not_a_section(e: PdfError, offset: u64) -> PdfError {
    match e {
        PdfError::Syntax { what, .. } if what == NOT_A_HEADER => {
            PdfError::xref(offset, "no cross-reference table or stream at this offset")
        }
        other => other,
    }
}

/// Whether the section at `offset` starts with the `xref` keyword (after white space).
fn is_table(r: &FileReader, offset: u64) -> Result<bool, PdfError> {
    let mut seq = r.seq(offset);
    seq.skip_whitespace()?;
    seq.eat(b"xref")
}
