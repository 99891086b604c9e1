//! What each object of the signed revision is for: the roles that decide which changes to it
//! a signing operation may make.

use std::collections::{HashMap, HashSet};

use sertel_pdf::{Dict, Document, ObjRef, Object, PdfError};

use crate::verify::fields::text_string;

/// How many VRI entries are given the validation-data role.
const MAX_DSS_OBJECTS: usize = 100_000;
/// How many form fields and widgets are given roles before the form is taken as hostile.
const MAX_FIELDS: usize = 100_000;
/// How deep `/Kids` may nest.
const MAX_FIELD_DEPTH: usize = 32;

/// The role of an indirect object in the signed revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The document catalog.
    Catalog,
    /// The interactive form dictionary.
    AcroForm,
    /// The form's `/Fields` array.
    FieldList,
    /// A page.
    Page,
    /// A page's `/Annots` array.
    AnnotList,
    /// The document information dictionary.
    Info,
    /// The XMP metadata stream.
    Metadata,
    /// The DSS or something inside it.
    ValidationData,
    /// A form field, a widget of one, or both merged: the index into [`Context::fields`].
    Field(usize),
    /// An annotation listed on a page that is not a form field's widget.
    Annotation,
}

/// What a form field (or a widget of it) is in the signed revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The fully qualified field name.
    pub name: String,
    /// The field type (`/FT`, inherited): `Tx`, `Btn`, `Ch` or `Sig`.
    pub field_type: Option<Vec<u8>>,
    /// The field has a value (`/V`, inherited): for a signature field, it is signed.
    pub has_value: bool,
}

impl FieldInfo {
    /// Whether this is a signature field (or its widget).
    pub fn is_signature(&self) -> bool {
        self.field_type.as_deref() == Some(b"Sig")
    }
}

/// The roles of the signed revision's objects.
#[derive(Debug, Default)]
pub struct Context {
    /// Roles by object.
    pub roles: HashMap<ObjRef, Role>,
    /// The catalog reference.
    pub catalog: Option<ObjRef>,
    /// The DocMDP permission level of a certification signature (1, 2 or 3), if any.
    pub docmdp: Option<i64>,
    /// The form's fields and widgets, by the index their [`Role::Field`] holds.
    pub fields: Vec<FieldInfo>,
}

fn dict_of(doc: &Document, o: Option<&Object>) -> Result<Option<Dict>, PdfError> {
    match o {
        None => Ok(None),
        Some(o) => match doc.resolve(o)? {
            Object::Dictionary(d) => Ok(Some(d)),
            Object::Stream(s) => Ok(Some(s.dict)),
            _ => Ok(None),
        },
    }
}

/// The DocMDP level the catalog's `/Perms /DocMDP` signature sets (default 2 when absent).
pub fn docmdp_level(doc: &Document, catalog: &Dict) -> Result<Option<i64>, PdfError> {
    let Some(perms) = dict_of(doc, catalog.get(b"Perms"))? else {
        return Ok(None);
    };
    let Some(sig) = dict_of(doc, perms.get(b"DocMDP"))? else {
        return Ok(None);
    };
    let refs = match sig.get(b"Reference").map(|o| doc.resolve(o)).transpose()? {
        Some(Object::Array(a)) => a,
        _ => return Ok(Some(2)),
    };
    for r in refs {
        let Some(r) = dict_of(doc, Some(&r))? else {
            continue;
        };
        if !r.has_name(b"TransformMethod", b"DocMDP") {
            continue;
        }
        let params = dict_of(doc, r.get(b"TransformParams"))?;
        let p = params
            .and_then(|p| p.get(b"P").and_then(|v| v.as_int()))
            .unwrap_or(2);
        return Ok(Some(p.clamp(1, 3)));
    }
    Ok(Some(2))
}

impl Context {
    /// Learns the roles of the objects in `doc` (the signed revision).
    pub fn of(doc: &Document) -> Result<Context, PdfError> {
        let mut ctx = Context::default();
        let (cref, catalog) = doc.catalog()?;
        ctx.catalog = Some(cref);
        ctx.roles.insert(cref, Role::Catalog);
        ctx.docmdp = docmdp_level(doc, &catalog)?;
        if let Some(r) = doc.trailer().get_ref(b"Info") {
            ctx.roles.insert(r, Role::Info);
        }
        if let Some(r) = catalog.get_ref(b"Metadata") {
            ctx.roles.insert(r, Role::Metadata);
        }
        if let Some(form_ref) = catalog.get_ref(b"AcroForm") {
            ctx.roles.insert(form_ref, Role::AcroForm);
        }
        if let Some(form) = dict_of(doc, catalog.get(b"AcroForm"))? {
            if let Some(r) = form.get_ref(b"Fields") {
                ctx.roles.insert(r, Role::FieldList);
            }
            ctx.mark_fields(doc, form.get(b"Fields"))?;
        }
        for page in doc.pages()? {
            ctx.roles.insert(page, Role::Page);
            if let Object::Dictionary(p) = doc.get(page)? {
                if let Some(r) = p.get_ref(b"Annots") {
                    ctx.roles.insert(r, Role::AnnotList);
                }
                if let Some(Object::Array(annots)) =
                    p.get(b"Annots").map(|a| doc.resolve(a)).transpose()?
                {
                    for a in annots {
                        if let Object::Reference(a) = a {
                            ctx.roles.entry(a).or_insert(Role::Annotation);
                        }
                    }
                }
            }
        }
        if let Some(dss) = catalog.get(b"DSS") {
            ctx.mark_dss(doc, dss)?;
        }
        Ok(ctx)
    }

    /// Gives every field and widget of the form its [`Role::Field`], with its fully
    /// qualified name and inherited type and value. Loops and excessive nesting are errors.
    fn mark_fields(&mut self, doc: &Document, fields: Option<&Object>) -> Result<(), PdfError> {
        let Some(Object::Array(fields)) = fields.map(|f| doc.resolve(f)).transpose()? else {
            return Ok(());
        };
        let hostile =
            || PdfError::Unsupported("form fields nested too deep, too many or looping".into());
        let mut seen: HashSet<ObjRef> = HashSet::new();
        let root = FieldInfo {
            name: String::new(),
            field_type: None,
            has_value: false,
        };
        let mut stack: Vec<(Object, FieldInfo, usize)> = fields
            .into_iter()
            .rev()
            .map(|f| (f, root.clone(), 0))
            .collect();
        while let Some((item, parent, depth)) = stack.pop() {
            if depth > MAX_FIELD_DEPTH || seen.len() > MAX_FIELDS {
                return Err(hostile());
            }
            let Object::Reference(r) = item else {
                continue;
            };
            if !seen.insert(r) {
                return Err(hostile());
            }
            let Object::Dictionary(d) = doc.get(r)? else {
                continue;
            };
            let partial = match d.get(b"T") {
                Some(Object::String(s)) => Some(text_string(&s.bytes)),
                _ => None,
            };
            let name = match (&partial, parent.name.is_empty()) {
                (None, _) => parent.name.clone(),
                (Some(p), true) => p.clone(),
                (Some(p), false) => format!("{}.{p}", parent.name),
            };
            let info = FieldInfo {
                name,
                field_type: match d.get(b"FT") {
                    Some(Object::Name(n)) => Some(n.0.clone()),
                    _ => parent.field_type.clone(),
                },
                has_value: d.get(b"V").is_some_and(|v| !v.is_null()) || parent.has_value,
            };
            self.roles
                .entry(r)
                .or_insert(Role::Field(self.fields.len()));
            self.fields.push(info.clone());
            if let Some(Object::Array(kids)) = d.get(b"Kids").map(|k| doc.resolve(k)).transpose()? {
                for k in kids.into_iter().rev() {
                    stack.push((k, info.clone(), depth + 1));
                }
            }
        }
        Ok(())
    }

    fn mark(&mut self, o: Option<&Object>) {
        if let Some(Object::Reference(r)) = o {
            // A role already given (page, form, …) wins: the DSS must not launder it.
            self.roles.entry(*r).or_insert(Role::ValidationData);
        }
    }

    /// Marks the DSS containers — the DSS dictionary, its `/Certs`, `/CRLs` and `/OCSPs`
    /// arrays, the `/VRI` dictionary and each entry with its arrays — as validation data.
    /// The certificate, CRL and OCSP streams themselves are not: an update adds new ones and
    /// never needs to redefine an old one, so a redefined stream stays a violation.
    fn mark_dss(&mut self, doc: &Document, dss: &Object) -> Result<(), PdfError> {
        self.mark(Some(dss));
        let Some(d) = dict_of(doc, Some(dss))? else {
            return Ok(());
        };
        for key in [&b"Certs"[..], b"CRLs", b"OCSPs"] {
            self.mark(d.get(key));
        }
        self.mark(d.get(b"VRI"));
        let Some(vri) = dict_of(doc, d.get(b"VRI"))? else {
            return Ok(());
        };
        for (i, (_, entry)) in vri.iter().enumerate() {
            if i >= MAX_DSS_OBJECTS {
                break;
            }
            self.mark(Some(entry));
            if let Some(e) = dict_of(doc, Some(entry))? {
                for key in [&b"Cert"[..], b"CRL", b"OCSP"] {
                    self.mark(e.get(key));
                }
            }
        }
        Ok(())
    }
}
