//! Finding the signature fields of a document and the values of those that are signed.

use std::collections::HashSet;

use sertel_pdf::{Dict, Document, ObjRef, Object, PdfError};

/// How deep `/Kids` may nest before the form is taken as hostile.
const MAX_FIELD_DEPTH: usize = 32;
/// How many fields a form may have before it is taken as hostile.
const MAX_FIELDS: usize = 100_000;

/// A signed signature field.
#[derive(Clone, Debug)]
pub struct SignedField {
    /// The fully qualified field name.
    pub name: String,
    /// The signature dictionary (`/V`).
    pub value: Dict,
}

/// A PDF text string as Rust text: UTF-16BE with its byte-order mark, else one byte a
/// character (PDFDocEncoding's ASCII range; other bytes kept as Latin-1).
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn text(o: Option<&Object>) -> String {
    match o {
        Some(Object::String(s)) => text_string(&s.bytes),
        _ => String::new(),
    }
}

/// Every field with `/FT /Sig` (inherited through `/Parent` names) that has a value, in form
/// order. Loops and excessive nesting are errors, not hangs.
pub fn signature_fields(doc: &Document) -> Result<Vec<SignedField>, PdfError> {
    let (_, catalog) = doc.catalog()?;
    let Some(form) = catalog.get(b"AcroForm") else {
        return Ok(Vec::new());
    };
    let Object::Dictionary(form) = doc.resolve(form)? else {
        return Ok(Vec::new());
    };
    let Some(fields) = form.get(b"Fields") else {
        return Ok(Vec::new());
    };
    let Object::Array(fields) = doc.resolve(fields)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut seen: HashSet<ObjRef> = HashSet::new();
    let mut stack: Vec<(Object, String, Option<Vec<u8>>, usize)> = fields
        .into_iter()
        .rev()
        .map(|f| (f, String::new(), None, 0))
        .collect();
    while let Some((field, parent_name, parent_ft, depth)) = stack.pop() {
        if depth > MAX_FIELD_DEPTH || seen.len() > MAX_FIELDS {
            return Err(PdfError::Unsupported(
                "form fields nested too deep or too many".into(),
            ));
        }
        if let Object::Reference(r) = field {
            if !seen.insert(r) {
                return Err(PdfError::Unsupported(
                    "a form field appears twice (loop)".into(),
                ));
            }
        }
        let Object::Dictionary(d) = doc.resolve(&field)? else {
            continue;
        };
        let partial = text(d.get(b"T"));
        let name = match (parent_name.is_empty(), partial.is_empty()) {
            (true, _) => partial,
            (false, true) => parent_name.clone(),
            (false, false) => format!("{parent_name}.{partial}"),
        };
        let ft = match d.get(b"FT") {
            Some(Object::Name(n)) => Some(n.0.clone()),
            _ => parent_ft.clone(),
        };
        if ft.as_deref() == Some(b"Sig") {
            if let Some(v) = d.get(b"V") {
                if let Object::Dictionary(value) = doc.resolve(v)? {
                    out.push(SignedField {
                        name: name.clone(),
                        value,
                    });
                }
            }
        }
        if let Some(kids) = d.get(b"Kids") {
            if let Object::Array(kids) = doc.resolve(kids)? {
                for k in kids.into_iter().rev() {
                    stack.push((k, name.clone(), ft.clone(), depth + 1));
                }
            }
        }
    }
    Ok(out)
}
