//! How a page's `/Annots` or the form's `/Fields` may change: entries present when signing
//! stay, in their order (the order of annotations is the order they are painted in); new
//! entries must be new signature fields or widgets — or, under a certification of level 3,
//! comments; only comments, under level 3, may leave.

use sertel_pdf::{Object, PdfError};

use super::equal::same;
use super::report::{Changes, Permitted, Violation};
use super::rules::{as_dict, Pair};

/// The longest list compared entry by entry before the document is taken as hostile.
const MAX_LIST: usize = 100_000;

/// Which list is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// A page's annotations.
    Annots,
    /// The form's top-level fields.
    Fields,
}

impl Pair<'_> {
    /// Where `item` of the old list sits in `new` at or after `from`.
    fn find_from(
        &self,
        item: &Object,
        new: &[Object],
        from: usize,
    ) -> Result<Option<usize>, PdfError> {
        for (i, candidate) in new.iter().enumerate().skip(from) {
            let equal = match (item, candidate) {
                (Object::Reference(a), Object::Reference(b)) => a == b,
                (Object::Reference(_), _) | (_, Object::Reference(_)) => false,
                (a, b) => same(self.old, a, self.new, b)?,
            };
            if equal {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// Judges a list that changed: which entries left, which came, and whether those that
    /// stayed kept their order.
    pub(super) fn judge_list(
        &self,
        old: &[Object],
        new: &[Object],
        kind: ListKind,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        if old.len() > MAX_LIST || new.len() > MAX_LIST {
            return Err(PdfError::Unsupported(
                "an /Annots or /Fields list too long to compare".into(),
            ));
        }
        let mut next = 0;
        let mut added: Vec<&Object> = Vec::new();
        for item in old {
            match self.find_from(item, new, next)? {
                Some(at) => {
                    added.extend(&new[next..at]);
                    next = at + 1;
                }
                None => {
                    if self.find_from(item, new, 0)?.is_some() {
                        out.violations
                            .push(Violation::FormChanged("entries were reordered".into()));
                        return Ok(());
                    }
                    self.judge_departure(item, kind, out)?;
                }
            }
        }
        added.extend(&new[next..]);
        for item in added {
            self.judge_addition(item, kind, out)?;
        }
        Ok(())
    }

    /// An entry of the signed list that is gone: only a comment under level 3.
    fn judge_departure(
        &self,
        item: &Object,
        kind: ListKind,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        if let (ListKind::Annots, Some(3), Object::Reference(r)) = (kind, self.docmdp(), item) {
            let comment = as_dict(self.old.get(*r)?).is_some_and(|d| self.is_comment_subtype(&d));
            if comment {
                out.permitted
                    .push(Permitted::Annotation(format!("{r} removed")));
                return Ok(());
            }
        }
        out.violations.push(match kind {
            ListKind::Annots => Violation::AnnotationChanged(format!("{item:?} removed")),
            ListKind::Fields => Violation::FormChanged(format!("field {item:?} removed")),
        });
        Ok(())
    }

    /// Judges a field or annotation added in the new revision.
    fn judge_addition(
        &self,
        item: &Object,
        kind: ListKind,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        let Object::Reference(r) = item else {
            out.violations.push(match kind {
                ListKind::Annots => Violation::AnnotationAdded(format!("direct {item:?}")),
                ListKind::Fields => Violation::FormChanged(format!("direct field {item:?}")),
            });
            return Ok(());
        };
        let fresh = self.is_new(*r);
        let dict = as_dict(self.new.get(*r)?).unwrap_or_default();
        let is_widget = dict.has_name(b"Subtype", b"Widget");
        let field = match self.signature_field(self.new, &dict)? {
            Some(f) => Some(f),
            None if kind == ListKind::Annots && is_widget => self.field_listing_kid(*r)?,
            None => None,
        };
        let signature_shape = match kind {
            ListKind::Annots => is_widget && field.is_some(),
            ListKind::Fields => field.is_some(),
        };
        if fresh && signature_shape {
            let field = field.unwrap_or_default();
            return self.judge_new_signature(*r, &dict, &field, kind, out);
        }
        if fresh && kind == ListKind::Annots && self.docmdp() == Some(3) {
            match self.comment_problem(*r, &dict, None)? {
                None => out
                    .permitted
                    .push(Permitted::Annotation(format!("{r} added"))),
                Some(why) => out
                    .violations
                    .push(Violation::AnnotationAdded(format!("{r}: {why}"))),
            }
            return Ok(());
        }
        let subtype = match dict.get(b"Subtype") {
            Some(Object::Name(n)) => String::from_utf8_lossy(&n.0).into_owned(),
            _ => "?".into(),
        };
        out.violations.push(match kind {
            ListKind::Annots => Violation::AnnotationAdded(format!("{r} /{subtype}")),
            ListKind::Fields => Violation::FormChanged(format!("field {r} added")),
        });
        Ok(())
    }
}
