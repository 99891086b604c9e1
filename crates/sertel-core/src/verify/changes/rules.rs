//! The judgement of each redefined object by its role: only what a signing operation writes
//! is permitted (a new signature field listed on its page and in the form, the form's
//! signature flags, the DSS, metadata); anything else is a violation.

use sertel_pdf::{Dict, Document, ObjRef, Object, PdfError};

use super::context::{Context, Role};
use super::equal::{same, same_dict_except};
use super::report::{Changes, Permitted, Violation};

/// How many objects are searched for other references to a replaced appearance.
const MAX_REFERENCE_SCAN: usize = 200_000;

fn refers_to(o: &Object, target: ObjRef, depth: usize) -> bool {
    if depth > 64 {
        return true; // too deep to tell: assume shared (fail closed)
    }
    match o {
        Object::Reference(r) => *r == target,
        Object::Array(a) => a.iter().any(|x| refers_to(x, target, depth + 1)),
        Object::Dictionary(d) => d.iter().any(|(_, x)| refers_to(x, target, depth + 1)),
        Object::Stream(s) => s.dict.iter().any(|(_, x)| refers_to(x, target, depth + 1)),
        _ => false,
    }
}

/// Whether anything in `doc` other than object `owner` (the trailer included) refers to
/// `target`. Objects that cannot be read count as referring (fail closed).
fn referenced_elsewhere(doc: &Document, target: ObjRef, owner: ObjRef) -> Result<bool, PdfError> {
    if doc.trailer().iter().any(|(_, v)| refers_to(v, target, 0)) {
        return Ok(true);
    }
    for (i, r) in doc.objects().enumerate() {
        if i > MAX_REFERENCE_SCAN {
            return Ok(true);
        }
        if r == owner || r == target {
            continue;
        }
        match doc.get(r) {
            Ok(o) if refers_to(&o, target, 0) => return Ok(true),
            Ok(_) => {}
            Err(_) => return Ok(true),
        }
    }
    Ok(false)
}

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

/// Whether `d` (in `doc`) is a signature field or a widget of one: `/FT /Sig` on itself or
/// inherited from a `/Parent` (bounded). Returns the field's dictionary.
fn signature_field(doc: &Document, d: &Dict) -> Result<Option<Dict>, PdfError> {
    let mut current = d.clone();
    for _ in 0..8 {
        if current.has_name(b"FT", b"Sig") {
            return Ok(Some(current));
        }
        if current.get(b"FT").is_some() {
            return Ok(None);
        }
        match current.get(b"Parent").map(|p| doc.resolve(p)).transpose()? {
            Some(Object::Dictionary(p)) => current = p,
            _ => return Ok(None),
        }
    }
    Ok(None)
}

impl Pair<'_> {
    fn is_new(&self, r: ObjRef) -> bool {
        self.old.get(r).is_err()
    }

    /// The new revision's signature field that lists `widget` among its `/Kids` (a widget
    /// need not point back with `/Parent`), if any.
    fn field_listing_kid(&self, widget: ObjRef) -> Result<Option<Dict>, PdfError> {
        let (_, catalog) = self.new.catalog()?;
        let form = match catalog
            .get(b"AcroForm")
            .map(|f| self.new.resolve(f))
            .transpose()?
        {
            Some(Object::Dictionary(f)) => f,
            _ => return Ok(None),
        };
        for f in self
            .array(self.new, form.get(b"Fields"))?
            .iter()
            .take(10_000)
        {
            let Some(field) = as_dict(self.new.resolve(f)?) else {
                continue;
            };
            if !field.has_name(b"FT", b"Sig") {
                continue;
            }
            let kids = self.array(self.new, field.get(b"Kids"))?;
            if kids.contains(&Object::Reference(widget)) {
                return Ok(Some(field));
            }
        }
        Ok(None)
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
        let field = match signature_field(self.new, &dict)? {
            Some(f) => Some(f),
            None if kind == ListKind::Annots => self.field_listing_kid(*r)?,
            None => None,
        };
        let is_sig_field = field.is_some();
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
        let value = match field.as_ref().and_then(|f| f.get(b"V")) {
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

    /// Judges the form dictionary: only `/Fields` (growing), `/SigFlags` and the default
    /// resources and appearance (`/DR`, `/DA`, which a signer extends with the font of its
    /// appearance) may change.
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

    /// An object without a signing role: only an empty signature field being filled in.
    fn judge_unlisted(
        &self,
        r: ObjRef,
        old: Object,
        new: Object,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        if let (Some(a), Some(b)) = (as_dict(old), as_dict(new)) {
            // The field being filled, or a widget of it: the field had no value before.
            let old_field = signature_field(self.old, &a)?;
            let empty_sig_field = old_field.is_some_and(|f| f.get(b"V").is_none());
            if empty_sig_field && same_dict_except(self.old, &a, self.new, &b, &[b"V", b"AP"])? {
                // Replacing an appearance that something else also shows would change what
                // that other place displays: only an appearance of this field alone may go.
                if let Some(Object::Reference(ap)) = a.get(b"AP") {
                    if a.get(b"AP") != b.get(b"AP") && referenced_elsewhere(self.old, *ap, r)? {
                        out.violations.push(Violation::ObjectChanged(format!(
                            "{r}: replaced appearance {ap} is shared"
                        )));
                        return Ok(());
                    }
                }
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
