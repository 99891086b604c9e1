//! Adding the signature field: a widget on a page, listed in the AcroForm.

use sertel_pdf::{Dict, Document, IncrementalUpdate, Name, ObjRef, Object, PdfError, PdfString};

use super::error::SignError;

/// `/F 132`: Print + Locked — shown when printed, not movable.
const WIDGET_FLAGS: i64 = 132;

/// Where the new field goes and what it holds.
#[derive(Debug)]
pub struct NewField<'a> {
    /// The field's name (`/T`).
    pub name: &'a str,
    /// The page that carries the widget.
    pub page: ObjRef,
    /// The widget rectangle in default user space.
    pub rect: [f64; 4],
    /// The signature dictionary (`/V`); `None` leaves the field empty for a later signer.
    pub value: Option<ObjRef>,
    /// The normal appearance stream; `None` for an empty field.
    pub appearance: Option<ObjRef>,
    /// The fields the signature locks (`/Lock`), if any.
    pub lock: Option<&'a crate::verify::changes::FieldLock>,
}

/// Object `r` as this update leaves it: the update's version, else the document's.
pub fn current(doc: &Document, upd: &IncrementalUpdate, r: ObjRef) -> Result<Object, PdfError> {
    match upd.get(r.num) {
        Some(o) => Ok(o.clone()),
        None => doc.get(r),
    }
}

/// The array `obj` stands for (an inline array, or a reference to one as `upd` leaves it).
fn array_of(
    doc: &Document,
    upd: Option<&IncrementalUpdate>,
    obj: Option<&Object>,
) -> Result<Vec<Object>, PdfError> {
    let obj = match (obj, upd) {
        (Some(Object::Reference(r)), Some(upd)) => Some(current(doc, upd, *r)?),
        (other, _) => other.cloned(),
    };
    match obj {
        None => Ok(Vec::new()),
        Some(o) => match doc.resolve(&o)? {
            Object::Array(a) => Ok(a),
            Object::Null => Ok(Vec::new()),
            _ => Err(PdfError::Unsupported(
                "an /Annots or /Fields entry that is not an array".into(),
            )),
        },
    }
}

/// Appends `item` to the array at `key` of `dict`: in place when the array is inline, by
/// replacing the array object when it is indirect.
fn append_to_array(
    doc: &Document,
    upd: &mut IncrementalUpdate,
    dict: &mut Dict,
    key: &[u8],
    item: ObjRef,
) -> Result<(), PdfError> {
    match dict.get(key) {
        Some(Object::Reference(r)) => {
            let r = *r;
            let mut items = array_of(doc, Some(upd), Some(&Object::Reference(r)))?;
            items.push(Object::Reference(item));
            upd.put(r, Object::Array(items));
        }
        other => {
            let mut items = array_of(doc, Some(upd), other)?;
            items.push(Object::Reference(item));
            dict.set(key, Object::Array(items));
        }
    }
    Ok(())
}

/// The names (`/T`) of the document's top-level form fields.
pub fn field_names(doc: &Document) -> Result<Vec<Vec<u8>>, PdfError> {
    let (_, catalog) = doc.catalog()?;
    let Some(form) = catalog.get(b"AcroForm") else {
        return Ok(Vec::new());
    };
    let form = match doc.resolve(form)? {
        Object::Dictionary(d) => d,
        _ => return Ok(Vec::new()),
    };
    let mut names = Vec::new();
    for f in array_of(doc, None, form.get(b"Fields"))? {
        if let Object::Dictionary(d) = doc.resolve(&f)? {
            if let Some(Object::String(t)) = d.get(b"T") {
                names.push(t.bytes.clone());
            }
        }
    }
    Ok(names)
}

/// Picks the requested name, or the first free `SignatureN`.
pub fn choose_name(doc: &Document, requested: Option<&str>) -> Result<String, SignError> {
    let taken = field_names(doc).map_err(|e| SignError::Pdf {
        path: Default::default(),
        source: e,
    })?;
    if let Some(name) = requested {
        if taken.iter().any(|t| t == name.as_bytes()) {
            return Err(SignError::FieldNameTaken(name.to_string()));
        }
        return Ok(name.to_string());
    }
    Ok(first_free(&taken, "Signature"))
}

/// The first `{prefix}N` (N from 1) that no field of `doc` is named.
pub fn free_name(doc: &Document, prefix: &str) -> Result<String, PdfError> {
    Ok(first_free(&field_names(doc)?, prefix))
}

fn first_free(taken: &[Vec<u8>], prefix: &str) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|n| !taken.iter().any(|t| t == n.as_bytes()))
        .unwrap_or_else(|| prefix.into())
}

/// Writes the widget, lists it on its page and in the AcroForm (creating the form if needed),
/// and sets `/SigFlags 3` (signatures exist; append only).
pub fn add_signature_field(
    doc: &Document,
    upd: &mut IncrementalUpdate,
    field: &NewField<'_>,
) -> Result<ObjRef, PdfError> {
    let widget_ref = upd.allocate();
    let mut widget = Dict::default();
    widget.set(b"Type", Object::Name(Name::from("Annot")));
    widget.set(b"Subtype", Object::Name(Name::from("Widget")));
    widget.set(b"FT", Object::Name(Name::from("Sig")));
    widget.set(
        b"T",
        Object::String(PdfString {
            bytes: field.name.as_bytes().to_vec(),
            hex: false,
        }),
    );
    if let Some(value) = field.value {
        widget.set(b"V", Object::Reference(value));
    }
    widget.set(b"P", Object::Reference(field.page));
    widget.set(
        b"Rect",
        Object::Array(field.rect.iter().map(|v| Object::Real(*v)).collect()),
    );
    widget.set(b"F", Object::Integer(WIDGET_FLAGS));
    if let Some(appearance) = field.appearance {
        widget.set(
            b"AP",
            Object::Dictionary(Dict::from_pairs([("N", Object::Reference(appearance))])),
        );
    }
    if let Some(lock) = field.lock {
        widget.set(
            b"Lock",
            Object::Dictionary(super::permissions::lock_dictionary(lock)),
        );
    }
    upd.put(widget_ref, Object::Dictionary(widget));

    let mut page = match current(doc, upd, field.page)? {
        Object::Dictionary(d) => d,
        _ => {
            return Err(PdfError::Unsupported(
                "a page that is not a dictionary".into(),
            ))
        }
    };
    append_to_array(doc, upd, &mut page, b"Annots", widget_ref)?;
    upd.put(field.page, Object::Dictionary(page));

    let (catalog_ref, catalog) = doc.catalog()?;
    let mut catalog = match upd.get(catalog_ref.num) {
        Some(Object::Dictionary(d)) => d.clone(),
        _ => catalog,
    };
    match catalog.get(b"AcroForm") {
        Some(Object::Reference(r)) => {
            let r = *r;
            let mut form = match current(doc, upd, r)? {
                Object::Dictionary(d) => d,
                _ => Dict::default(),
            };
            update_form(doc, upd, &mut form, widget_ref)?;
            upd.put(r, Object::Dictionary(form));
        }
        other => {
            let mut form = match other {
                Some(Object::Dictionary(d)) => d.clone(),
                _ => Dict::default(),
            };
            update_form(doc, upd, &mut form, widget_ref)?;
            catalog.set(b"AcroForm", Object::Dictionary(form));
            upd.put(catalog_ref, Object::Dictionary(catalog));
        }
    }
    Ok(widget_ref)
}

fn update_form(
    doc: &Document,
    upd: &mut IncrementalUpdate,
    form: &mut Dict,
    widget: ObjRef,
) -> Result<(), PdfError> {
    append_to_array(doc, upd, form, b"Fields", widget)?;
    let flags = match form.get(b"SigFlags").map(|o| doc.resolve(o)) {
        Some(Ok(Object::Integer(f))) => f,
        _ => 0,
    };
    form.set(b"SigFlags", Object::Integer(flags | 3));
    Ok(())
}

/// True when the document carries a DocMDP certification that permits no change (`/P 1`).
pub fn certified_without_changes(doc: &Document) -> Result<bool, PdfError> {
    let (_, catalog) = doc.catalog()?;
    Ok(crate::verify::changes::context::docmdp_level(doc, &catalog)? == Some(1))
}
