//! The judgement of each redefined object by its role: only what a signing operation writes
//! is permitted (a new signature field listed on its page and in the form, the form's
//! signature flags, the DSS, metadata); anything else is a violation.

use sertel_pdf::{Dict, Document, ObjRef, Object, PdfError};

use super::context::{Context, Role};
use super::equal::{same, same_dict_except};
use super::report::{Changes, Permitted, Violation};

/// The two revisions being compared, and what the older one's objects are for.
pub struct Pair<'a> {
    /// The earlier revision.
    pub old: &'a Document,
    /// The later revision.
    pub new: &'a Document,
    /// Roles of the earlier revision's objects.
    pub ctx: &'a Context,
}

/// What a list (`/Annots` or `/Fields`) may gain.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Annots,
    Fields,
}

fn as_dict(o: Object) -> Option<Dict> {
    match o {
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

impl Pair<'_> {
    fn is_new(&self, r: ObjRef) -> bool {
        self.old.get(r).is_err()
    }

    fn array(&self, doc: &Document, o: Option<&Object>) -> Result<Vec<Object>, PdfError> {
        match o.map(|o| doc.resolve(o)).transpose()? {
            Some(Object::Array(a)) => Ok(a),
            _ => Ok(Vec::new()),
        }
    }

    /// Judges a field or widget added in the new revision.
    fn judge_addition(
        &self,
        item: &Object,
        kind: ListKind,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        let what = format!(
            "{kind_name} {item:?}",
            kind_name = if kind == ListKind::Annots {
                "annotation"
            } else {
                "field"
            }
        );
        let Object::Reference(r) = item else {
            out.violations.push(Violation::FormChanged(what));
            return Ok(());
        };
        let fresh = self.is_new(*r);
        let dict = as_dict(self.new.get(*r)?).unwrap_or_default();
        let is_sig_field = dict.has_name(b"FT", b"Sig");
        let is_widget = dict.has_name(b"Subtype", b"Widget");
        let ok_shape = match kind {
            ListKind::Annots => is_widget && is_sig_field,
            ListKind::Fields => is_sig_field,
        };
        if !fresh || !ok_shape {
            out.violations.push(match kind {
                ListKind::Annots => Violation::AnnotationAdded(format!("{r}")),
                ListKind::Fields => Violation::FormChanged(format!("field {r}")),
            });
            return Ok(());
        }
        let value = match dict.get(b"V") {
            Some(v) => as_dict(self.new.resolve(v)?),
            None => None,
        };
        let timestamp = value
            .as_ref()
            .is_some_and(|v| v.has_name(b"Type", b"DocTimeStamp"));
        if timestamp {
            out.permitted.push(Permitted::DocumentTimestamp);
        } else if self.ctx.docmdp == Some(1) {
            out.violations
                .push(Violation::CertificationViolated(format!(
                    "new signature field {r}"
                )));
        } else {
            out.permitted.push(Permitted::Signature);
        }
        Ok(())
    }

    /// An array may only grow at its end, by new signature fields or widgets.
    fn judge_list(
        &self,
        old: &[Object],
        new: &[Object],
        kind: ListKind,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        if new.len() < old.len() {
            out.violations
                .push(Violation::FormChanged("an entry was removed".into()));
            return Ok(());
        }
        for (a, b) in old.iter().zip(new) {
            if !same(self.old, a, self.new, b)? {
                out.violations
                    .push(Violation::FormChanged("an entry was replaced".into()));
                return Ok(());
            }
        }
        for item in &new[old.len()..] {
            self.judge_addition(item, kind, out)?;
        }
        Ok(())
    }

    /// Judges the form dictionary: only `/Fields` (growing) and `/SigFlags` may change.
    fn judge_form(&self, old: &Dict, new: &Dict, out: &mut Changes) -> Result<(), PdfError> {
        if !same_dict_except(self.old, old, self.new, new, &[b"Fields", b"SigFlags"])? {
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
            None => self.judge_unlisted(r, old, new, out),
        }
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
            &[b"AcroForm", b"DSS", b"Extensions"],
        )? {
            out.violations.push(Violation::CatalogChanged(
                "entries other than the form and validation data".into(),
            ));
        }
        match (a.get(b"DSS"), b.get(b"DSS")) {
            (x, y) if x == y => {}
            _ => out.permitted.push(Permitted::ValidationData),
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

    /// An object without a signing role: only an empty signature field being filled in.
    fn judge_unlisted(
        &self,
        r: ObjRef,
        old: Object,
        new: Object,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        if let (Some(a), Some(b)) = (as_dict(old), as_dict(new)) {
            let empty_sig_field = a.has_name(b"FT", b"Sig") && a.get(b"V").is_none();
            if empty_sig_field && same_dict_except(self.old, &a, self.new, &b, &[b"V", b"AP"])? {
                if self.ctx.docmdp == Some(1) {
                    out.violations
                        .push(Violation::CertificationViolated(format!(
                            "signature field {r} filled"
                        )));
                } else {
                    out.permitted.push(Permitted::Signature);
                }
                return Ok(());
            }
        }
        out.violations
            .push(Violation::ObjectChanged(format!("{r}")));
        Ok(())
    }
}
