//! Whether an annotation can show anything on its page: a rectangle of some area, and not
//! hidden by its flags.

use sertel_pdf::{Dict, Document, Object, PdfError};

use super::rules::Pair;

/// Annotation flags that keep it from being shown: Hidden (2) and NoView (32).
const NOT_SHOWN: i64 = 2 | 32;

/// The width and height of `/Rect` in `d`, or none when it is not four numbers.
pub fn rect_size(doc: &Document, d: &Dict) -> Result<Option<(f64, f64)>, PdfError> {
    let Some(Object::Array(a)) = d.get(b"Rect").map(|r| doc.resolve(r)).transpose()? else {
        return Ok(None);
    };
    let mut n = Vec::with_capacity(4);
    for v in a.iter().take(5) {
        match doc.resolve(v)? {
            Object::Integer(i) => n.push(i as f64),
            Object::Real(r) if r.is_finite() => n.push(r),
            _ => return Ok(None),
        }
    }
    if n.len() != 4 {
        return Ok(None);
    }
    Ok(Some(((n[2] - n[0]).abs(), (n[3] - n[1]).abs())))
}

impl Pair<'_> {
    /// Whether annotation `d` (in `doc`) can be seen: its flags do not hide it and its
    /// rectangle has an area. A rectangle that cannot be read counts as visible.
    pub(super) fn shows(&self, doc: &Document, d: &Dict) -> Result<bool, PdfError> {
        let flags = match d.get(b"F").map(|f| doc.resolve(f)).transpose()? {
            Some(Object::Integer(f)) => f,
            _ => 0,
        };
        if flags & NOT_SHOWN != 0 {
            return Ok(false);
        }
        Ok(match rect_size(doc, d)? {
            Some((w, h)) => w > 0.0 && h > 0.0,
            None => true,
        })
    }
}
