//! The judgement of each redefined object by its role in the signed revision. What a rule
//! does not explicitly permit is a violation: the catalog, the form dictionary and pages may
//! change only in the entries signing and form filling write; fields, widgets and
//! annotations are judged by [`super::forms`] and [`super::annots`], lists of them by
//! [`super::lists`].

use sertel_pdf::{Dict, Document, ObjRef, Object, PdfError};

use super::context::{Context, Role};
use super::equal::{same, same_dict_except};
use super::lists::ListKind;
use super::locks::FieldLock;
use super::report::{Changes, Permitted, Violation};

/// The two revisions being compared, what the older one's objects are for, and the fields
/// the signature locked.
pub struct Pair<'a> {
    /// The earlier revision.
    pub old: &'a Document,
    /// The later revision.
    pub new: &'a Document,
    /// Roles of the earlier revision's objects.
    pub ctx: &'a Context,
    /// The fields the signature being validated locks (FieldMDP).
    pub locks: &'a [FieldLock],
}

/// The dictionary `o` holds, if it is one.
pub(super) fn as_dict(o: Object) -> Option<Dict> {
    match o {
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

impl Pair<'_> {
    /// Whether `r` is an object this revision brings (the earlier one cannot read it).
    pub(super) fn is_new(&self, r: ObjRef) -> bool {
        self.old.get(r).is_err()
    }

    /// The certification level (1, 2 or 3), if the document is certified.
    pub(super) fn docmdp(&self) -> Option<i64> {
        self.ctx.docmdp
    }

    /// The array `o` holds in `doc` (after references), or none.
    pub(super) fn array(
        &self,
        doc: &Document,
        o: Option<&Object>,
    ) -> Result<Vec<Object>, PdfError> {
        match o.map(|o| doc.resolve(o)).transpose()? {
            Some(Object::Array(a)) => Ok(a),
            _ => Ok(Vec::new()),
        }
    }

    /// Judges the form dictionary: only `/Fields` (by its list rules), `/SigFlags` and the
    /// default resources and appearance (`/DR`, `/DA`, which a signer extends with the font
    /// of its appearance) may change.
    fn judge_form(&self, old: &Dict, new: &Dict, out: &mut Changes) -> Result<(), PdfError> {
        if !same_dict_except(
            self.old,
            old,
            self.new,
            new,
            &[b"Fields", b"SigFlags", b"DR", b"DA"],
        )? {
            out.violations
                .push(Violation::FormChanged("form dictionary".into()));
        }
        match (old.get(b"Fields"), new.get(b"Fields")) {
            (Some(Object::Reference(a)), Some(Object::Reference(b))) if a == b => Ok(()),
            (a, b) => {
                let (a, b) = (self.array(self.old, a)?, self.array(self.new, b)?);
                self.judge_list(&a, &b, ListKind::Fields, out)
            }
        }
    }

    /// Judges one object of the old revision that the new one redefines.
    pub fn judge(&self, r: ObjRef, out: &mut Changes) -> Result<(), PdfError> {
        let old = self.old.get(r)?;
        let new = self.new.get(r)?;
        if same(self.old, &old, self.new, &new)? {
            return Ok(());
        }
        match self.ctx.roles.get(&r) {
            Some(Role::Catalog) => self.judge_catalog(&old, &new, out),
            Some(Role::AcroForm) => match (as_dict(old), as_dict(new)) {
                (Some(a), Some(b)) => self.judge_form(&a, &b, out),
                _ => {
                    out.violations
                        .push(Violation::FormChanged("form dictionary replaced".into()));
                    Ok(())
                }
            },
            Some(Role::FieldList) => {
                let (a, b) = (
                    self.array(self.old, Some(&old))?,
                    self.array(self.new, Some(&new))?,
                );
                self.judge_list(&a, &b, ListKind::Fields, out)
            }
            Some(Role::AnnotList) => {
                let (a, b) = (
                    self.array(self.old, Some(&old))?,
                    self.array(self.new, Some(&new))?,
                );
                self.judge_list(&a, &b, ListKind::Annots, out)
            }
            Some(Role::Page) => self.judge_page(r, &old, &new, out),
            Some(Role::Info) | Some(Role::Metadata) => {
                out.permitted.push(Permitted::Metadata);
                Ok(())
            }
            Some(Role::ValidationData) => {
                out.permitted.push(Permitted::ValidationData);
                Ok(())
            }
            Some(Role::Field(i)) => match self.ctx.fields.get(*i) {
                Some(info) => self.judge_field(r, info, old, new, out),
                None => {
                    out.violations
                        .push(Violation::ObjectChanged(format!("{r}")));
                    Ok(())
                }
            },
            Some(Role::Annotation) => self.judge_annotation(r, old, new, out),
            None => {
                out.violations
                    .push(Violation::ObjectChanged(format!("{r}")));
                Ok(())
            }
        }
    }

    /// Judges an object of the old revision that the new one frees: only a comment that a
    /// certification of level 3 lets be deleted.
    pub fn judge_removed(&self, r: ObjRef, out: &mut Changes) -> Result<(), PdfError> {
        if self.ctx.roles.get(&r) == Some(&Role::Annotation) && self.docmdp() == Some(3) {
            if let Some(d) = as_dict(self.old.get(r)?) {
                if self.is_comment_subtype(&d) {
                    out.permitted
                        .push(Permitted::Annotation(format!("{r} deleted")));
                    return Ok(());
                }
            }
        }
        out.violations
            .push(Violation::ObjectChanged(format!("{r} removed")));
        Ok(())
    }

    fn judge_catalog(&self, old: &Object, new: &Object, out: &mut Changes) -> Result<(), PdfError> {
        let (Some(a), Some(b)) = (as_dict(old.clone()), as_dict(new.clone())) else {
            out.violations
                .push(Violation::CatalogChanged("not a dictionary".into()));
            return Ok(());
        };
        if !same_dict_except(
            self.old,
            &a,
            self.new,
            &b,
            &[b"AcroForm", b"DSS", b"Extensions", b"Metadata", b"Version"],
        )? {
            out.violations.push(Violation::CatalogChanged(
                "entries other than the form and validation data".into(),
            ));
        }
        match (a.get(b"DSS"), b.get(b"DSS")) {
            (x, y) if x == y => {}
            _ => out.permitted.push(Permitted::ValidationData),
        }
        if a.get(b"Metadata") != b.get(b"Metadata") {
            out.permitted.push(Permitted::Metadata);
        }
        match (a.get(b"AcroForm"), b.get(b"AcroForm")) {
            (Some(Object::Reference(x)), Some(Object::Reference(y))) if x == y => Ok(()),
            (x, y) => {
                let resolve = |d: &Document, o: Option<&Object>| -> Result<Dict, PdfError> {
                    Ok(o.map(|o| d.resolve(o))
                        .transpose()?
                        .and_then(as_dict)
                        .unwrap_or_default())
                };
                let (fa, fb) = (resolve(self.old, x)?, resolve(self.new, y)?);
                self.judge_form(&fa, &fb, out)
            }
        }
    }

    fn judge_page(
        &self,
        r: ObjRef,
        old: &Object,
        new: &Object,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        let (Some(a), Some(b)) = (as_dict(old.clone()), as_dict(new.clone())) else {
            out.violations.push(Violation::PageChanged(format!("{r}")));
            return Ok(());
        };
        if !same_dict_except(self.old, &a, self.new, &b, &[b"Annots"])? {
            out.violations.push(Violation::PageChanged(format!(
                "{r}: content, resources or geometry"
            )));
            return Ok(());
        }
        match (a.get(b"Annots"), b.get(b"Annots")) {
            (Some(Object::Reference(x)), Some(Object::Reference(y))) if x == y => Ok(()),
            (x, y) => {
                let (la, lb) = (self.array(self.old, x)?, self.array(self.new, y)?);
                self.judge_list(&la, &lb, ListKind::Annots, out)
            }
        }
    }
}
