//! Comments under a certification of level 3 (DocMDP `/P 3`): which annotations may be
//! added, changed or deleted.
//!
//! The specification lets level 3 add any annotation. The evil annotation attack (Rohlmann,
//! Mladenov, Mainka, Schwenk: "Breaking the Specification: PDF Certification", 2021) uses
//! exactly that: a free-text, stamp, shape or widget annotation with its own appearance is
//! arbitrary drawing over the certified page. Sertel therefore permits only comments that
//! cannot carry such drawing: sticky notes (`/Text`, with their `/Popup`) and text markup
//! (`/Highlight`, `/Underline`, `/StrikeOut`, `/Squiggly`). Markup and popups must come
//! without an appearance stream (the viewer draws them from their quad points and colour);
//! a note may carry one only within an icon-sized rectangle, and its streams must be new
//! objects. Everything else — FreeText, Stamp, Ink, shapes, Link, FileAttachment, Redact,
//! widgets of new fields — stays a violation. pyHanko permits no annotation change at all.

use sertel_pdf::{Dict, ObjRef, Object, PdfError};

use super::report::{Changes, Permitted, Violation};
use super::rules::{as_dict, Pair};
use super::visible::rect_size;

/// The annotation subtypes a level-3 certification lets a reviewer add, change or delete.
pub const COMMENT_SUBTYPES: [&[u8]; 6] = [
    b"Text",
    b"Popup",
    b"Highlight",
    b"Underline",
    b"StrikeOut",
    b"Squiggly",
];

/// The largest side, in points, of a note whose appearance is its own drawing: an icon.
pub const MAX_NOTE_ICON: f64 = 64.0;

fn subtype(d: &Dict) -> Vec<u8> {
    match d.get(b"Subtype") {
        Some(Object::Name(n)) => n.0.clone(),
        _ => Vec::new(),
    }
}

impl Pair<'_> {
    /// Whether `d` is an annotation of a comment subtype (not a field's widget).
    pub(super) fn is_comment_subtype(&self, d: &Dict) -> bool {
        let s = subtype(d);
        COMMENT_SUBTYPES.contains(&s.as_slice()) && d.get(b"FT").is_none()
    }

    /// Why annotation `d` of the new revision is not a comment that level 3 permits, if it
    /// is not; `old` is the annotation as signed, when it existed then.
    pub(super) fn comment_problem(
        &self,
        r: ObjRef,
        d: &Dict,
        old: Option<&Dict>,
    ) -> Result<Option<String>, PdfError> {
        let s = subtype(d);
        let shown = String::from_utf8_lossy(&s).into_owned();
        if !self.is_comment_subtype(d) {
            return Ok(Some(format!("/{shown} is not a comment annotation")));
        }
        if let Some(o) = old {
            if subtype(o) != s {
                return Ok(Some(format!("its subtype became /{shown}")));
            }
        }
        if d.get(b"AP").is_none() {
            return Ok(None);
        }
        if s != b"Text" {
            return Ok(Some(format!("/{shown} with its own appearance")));
        }
        match rect_size(self.new, d)? {
            Some((w, h)) if w <= MAX_NOTE_ICON && h <= MAX_NOTE_ICON => {}
            _ => {
                return Ok(Some(
                    "a note whose appearance is larger than an icon".into(),
                ))
            }
        }
        self.appearance_problem(r, old.and_then(|o| o.get(b"AP")), d.get(b"AP"))
    }

    /// Judges an annotation of the signed revision (not a widget) that the new one redefines.
    pub(super) fn judge_annotation(
        &self,
        r: ObjRef,
        old: Object,
        new: Object,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        let (Some(a), Some(b)) = (as_dict(old), as_dict(new)) else {
            out.violations.push(Violation::AnnotationChanged(format!(
                "{r}: not a dictionary"
            )));
            return Ok(());
        };
        if self.docmdp() != Some(3) {
            out.violations
                .push(Violation::AnnotationChanged(format!("{r}")));
            return Ok(());
        }
        let problem = if self.is_comment_subtype(&a) {
            self.comment_problem(r, &b, Some(&a))?
        } else {
            Some(format!(
                "/{} is not a comment annotation",
                String::from_utf8_lossy(&subtype(&a))
            ))
        };
        match problem {
            None => out
                .permitted
                .push(Permitted::Annotation(format!("{r} changed"))),
            Some(why) => out
                .violations
                .push(Violation::AnnotationChanged(format!("{r}: {why}"))),
        }
        Ok(())
    }
}
