//! Form filling and signing: what may happen to the fields of the signed form, and which new
//! signature fields a revision may bring.
//!
//! A field present when signing may receive a value (`/V`) and its widgets a new appearance
//! (`/AP`, `/AS`): nothing else of it may change. A signature field may be filled only while
//! it is empty; a filled one never changes. A certification of level 1 forbids both, a field
//! the signature locked (FieldMDP) may not change, and every new appearance must bring its
//! own objects ([`super::appearance`]). New signature fields are permitted, except that a
//! certified document accepts no new *visible* one (the sneaky signature: a signature's
//! appearance is arbitrary drawing, placed anywhere on a page), and no revision may add an
//! unsigned signature field that shows something.

use sertel_pdf::{Dict, Document, ObjRef, Object, PdfError};

use super::context::FieldInfo;
use super::equal::same_dict_except;
use super::lists::ListKind;
use super::report::{Changes, Permitted, Violation};
use super::rules::{as_dict, Pair};

/// How many top-level fields are searched for the one listing a new widget.
const MAX_FIELD_SEARCH: usize = 10_000;

impl Pair<'_> {
    /// Whether `d` (in `doc`) is a signature field or a widget of one: `/FT /Sig` on itself
    /// or inherited from a `/Parent` (bounded). Returns the field's dictionary.
    pub(super) fn signature_field(
        &self,
        doc: &Document,
        d: &Dict,
    ) -> Result<Option<Dict>, PdfError> {
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

    /// The new revision's signature field that lists `widget` among its `/Kids` (a widget
    /// need not point back with `/Parent`), if any.
    pub(super) fn field_listing_kid(&self, widget: ObjRef) -> Result<Option<Dict>, PdfError> {
        let (_, catalog) = self.new.catalog()?;
        let Some(form) = catalog
            .get(b"AcroForm")
            .map(|f| self.new.resolve(f))
            .transpose()?
            .and_then(as_dict)
        else {
            return Ok(None);
        };
        for f in self
            .array(self.new, form.get(b"Fields"))?
            .iter()
            .take(MAX_FIELD_SEARCH)
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

    /// Whether a value (`/V`) brings its own object: direct, or a reference to an object new
    /// in this revision, or the one it had.
    fn fresh_value(&self, old: Option<&Object>, new: Option<&Object>) -> bool {
        match new {
            Some(Object::Reference(r)) => old == new || self.is_new(*r),
            _ => true,
        }
    }

    /// Judges a new signature field (`kind` Fields) or its widget (`kind` Annots), `field`
    /// being the field's dictionary.
    pub(super) fn judge_new_signature(
        &self,
        r: ObjRef,
        dict: &Dict,
        field: &Dict,
        kind: ListKind,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        let value = match field.get(b"V") {
            Some(v) => as_dict(self.new.resolve(v)?),
            None => None,
        };
        if value
            .as_ref()
            .is_some_and(|v| v.has_name(b"Type", b"DocTimeStamp"))
        {
            out.permitted.push(Permitted::DocumentTimestamp);
            return Ok(());
        }
        if self.docmdp() == Some(1) {
            out.violations
                .push(Violation::CertificationViolated(format!(
                    "new signature field {r}"
                )));
            return Ok(());
        }
        if !self.fresh_value(None, field.get(b"V")) {
            out.violations.push(Violation::FormChanged(format!(
                "{r}: its value is an object of the signed revision"
            )));
            return Ok(());
        }
        if kind == ListKind::Annots {
            let visible = self.shows(self.new, dict)?;
            if visible && matches!(self.docmdp(), Some(2 | 3)) {
                out.violations
                    .push(Violation::CertificationViolated(format!(
                        "new visible signature field {r} on a certified document"
                    )));
                return Ok(());
            }
            if visible && value.is_none() {
                out.violations.push(Violation::AnnotationAdded(format!(
                    "{r}: an unsigned signature field that shows an appearance"
                )));
                return Ok(());
            }
            if let Some(why) = self.appearance_problem(r, None, dict.get(b"AP"))? {
                out.violations
                    .push(Violation::AppearanceShadowed(format!("{r}: {why}")));
                return Ok(());
            }
        }
        out.permitted.push(Permitted::Signature);
        Ok(())
    }

    /// Judges a field or widget of the signed form that the new revision redefines.
    pub(super) fn judge_field(
        &self,
        r: ObjRef,
        info: &FieldInfo,
        old: Object,
        new: Object,
        out: &mut Changes,
    ) -> Result<(), PdfError> {
        let name = if info.name.is_empty() {
            format!("{r}")
        } else {
            info.name.clone()
        };
        let (Some(a), Some(b)) = (as_dict(old), as_dict(new)) else {
            out.violations
                .push(Violation::FormChanged(format!("{name}: not a dictionary")));
            return Ok(());
        };
        // Signing a field also sets its widget flags (print, locked) and type, as Acrobat and
        // pyHanko do; the rectangle the certifier placed stays.
        let value_keys: &[&[u8]] = if info.is_signature() {
            &[b"V", b"AP", b"F", b"Type"]
        } else {
            &[b"V", b"AP", b"AS"]
        };
        if !same_dict_except(self.old, &a, self.new, &b, value_keys)? {
            out.violations.push(Violation::FormChanged(format!(
                "{name}: entries other than its value and appearance"
            )));
            return Ok(());
        }
        if info.is_signature() && info.has_value {
            out.violations.push(Violation::FormChanged(format!(
                "{name}: a signed signature field was changed"
            )));
            return Ok(());
        }
        if self.docmdp() == Some(1) {
            out.violations
                .push(Violation::CertificationViolated(format!("{name} filled")));
            return Ok(());
        }
        if self.locks.iter().any(|l| l.covers(&info.name)) {
            out.violations.push(Violation::LockedFieldChanged(name));
            return Ok(());
        }
        if !self.fresh_value(a.get(b"V"), b.get(b"V")) {
            out.violations.push(Violation::FormChanged(format!(
                "{name}: its value is another object of the signed revision"
            )));
            return Ok(());
        }
        if let Some(why) = self.appearance_problem(r, a.get(b"AP"), b.get(b"AP"))? {
            out.violations
                .push(Violation::AppearanceShadowed(format!("{name}: {why}")));
            return Ok(());
        }
        out.permitted.push(if info.is_signature() {
            Permitted::Signature
        } else {
            Permitted::FormFilled(name)
        });
        Ok(())
    }
}
