//! PDF objects the corpus's edits put in: names, strings, rectangles, appearance streams,
//! annotations, and their listing on a page.

use sertel_pdf::{Dict, Document, IncrementalUpdate, Name, ObjRef, Object, PdfString, Stream};

/// A name object.
pub fn name(n: &str) -> Object {
    Object::Name(Name::from(n))
}

/// A literal string object.
pub fn text(s: &str) -> Object {
    Object::String(PdfString {
        bytes: s.as_bytes().to_vec(),
        hex: false,
    })
}

/// A rectangle `[x0 y0 x1 y1]`.
pub fn rect(r: [f64; 4]) -> Object {
    Object::Array(r.iter().map(|v| Object::Real(*v)).collect())
}

/// A form XObject of size `w`×`h` drawing `content` with Helvetica as `/Helv`.
pub fn appearance(w: f64, h: f64, content: &str) -> Object {
    let helv = Dict::from_pairs([
        ("Type", name("Font")),
        ("Subtype", name("Type1")),
        ("BaseFont", name("Helvetica")),
        ("Encoding", name("WinAnsiEncoding")),
    ]);
    let resources = Dict::from_pairs([(
        "Font",
        Object::Dictionary(Dict::from_pairs([("Helv", Object::Dictionary(helv))])),
    )]);
    let dict = Dict::from_pairs([
        ("Type", name("XObject")),
        ("Subtype", name("Form")),
        ("BBox", rect([0.0, 0.0, w, h])),
        ("Resources", Object::Dictionary(resources)),
    ]);
    Object::Stream(Stream::new(dict, content.as_bytes().to_vec()))
}

/// An opaque white box with `words` on it, `w`×`h`: what an attacker draws over a letter.
pub fn cover(w: f64, h: f64, words: &str) -> Object {
    appearance(
        w,
        h,
        &format!(
            "1 1 1 rg 0 0 {w} {h} re f BT 0 g /Helv 14 Tf 4 {} Td ({words}) Tj ET",
            h / 2.0
        ),
    )
}

/// An annotation dictionary of `subtype` at `r` on `page`.
pub fn annotation(subtype: &str, r: [f64; 4], page: ObjRef) -> Dict {
    Dict::from_pairs([
        ("Type", name("Annot")),
        ("Subtype", name(subtype)),
        ("Rect", rect(r)),
        ("P", Object::Reference(page)),
        ("F", Object::Integer(4)),
    ])
}

/// The first page and its dictionary.
pub fn first_page(doc: &Document) -> (ObjRef, Dict) {
    page(doc, 0)
}

/// Page `index` (0-based) and its dictionary.
pub fn page(doc: &Document, index: usize) -> (ObjRef, Dict) {
    let r = doc.pages().expect("pages")[index];
    match doc.get(r).expect("page") {
        Object::Dictionary(d) => (r, d),
        other => panic!("page is {other:?}"),
    }
}

/// Lists `annot` at the end of the `/Annots` of page `index`, rewriting the page (or its
/// indirect `/Annots` array) in `upd`.
pub fn list_annotation(doc: &Document, upd: &mut IncrementalUpdate, index: usize, annot: ObjRef) {
    let (page_ref, mut page) = page(doc, index);
    let current = |o: Option<&Object>| match o.map(|o| doc.resolve(o)) {
        Some(Ok(Object::Array(v))) => v,
        _ => Vec::new(),
    };
    match page.get(b"Annots") {
        Some(Object::Reference(r)) => {
            let r = *r;
            let mut items = match upd.get(r.num) {
                Some(Object::Array(a)) => a.clone(),
                _ => current(Some(&Object::Reference(r))),
            };
            items.push(Object::Reference(annot));
            upd.put(r, Object::Array(items));
        }
        other => {
            let mut items = match upd.get(page_ref.num) {
                Some(Object::Dictionary(p)) => current(p.get(b"Annots")),
                _ => current(other),
            };
            items.push(Object::Reference(annot));
            page.set("Annots", Object::Array(items));
            upd.put(page_ref, Object::Dictionary(page));
        }
    }
}

/// Adds an annotation made of `dict` (and an appearance `ap`, when given) to page `index`.
pub fn add_annotation(
    doc: &Document,
    upd: &mut IncrementalUpdate,
    index: usize,
    mut dict: Dict,
    ap: Option<Object>,
) -> ObjRef {
    if let Some(ap) = ap {
        let ap_ref = upd.allocate();
        upd.put(ap_ref, ap);
        dict.set(
            "AP",
            Object::Dictionary(Dict::from_pairs([("N", Object::Reference(ap_ref))])),
        );
    }
    let r = upd.allocate();
    upd.put(r, Object::Dictionary(dict));
    list_annotation(doc, upd, index, r);
    r
}

/// The object the page's `/Contents` refers to (a single stream in the sample letters).
pub fn contents_of(page: &Dict) -> ObjRef {
    page.get_ref(b"Contents")
        .expect("page content is one indirect stream")
}

/// The first font of the page's resources.
pub fn first_font(doc: &Document, page: &Dict) -> ObjRef {
    let resources = match page.get(b"Resources").map(|r| doc.resolve(r)) {
        Some(Ok(Object::Dictionary(d))) => d,
        other => panic!("page resources: {other:?}"),
    };
    let fonts = match resources.get(b"Font").map(|f| doc.resolve(f)) {
        Some(Ok(Object::Dictionary(d))) => d,
        other => panic!("page fonts: {other:?}"),
    };
    let font = fonts.iter().find_map(|(_, v)| match v {
        Object::Reference(r) => Some(*r),
        _ => None,
    });
    font.expect("an indirect font")
}

/// The offset of the first occurrence of `needle` in `hay` at or after `from`.
pub fn find(hay: &[u8], needle: &[u8], from: usize) -> usize {
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(needle)))
}

/// The offset of the last occurrence of `needle` in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .rposition(|w| w == needle)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(needle)))
}

/// Lists `field` at the end of the form's `/Fields` (the form inline in the catalog or
/// indirect), creating the form if there is none.
pub fn list_field(doc: &Document, upd: &mut IncrementalUpdate, field: ObjRef) {
    let (catalog_ref, catalog) = doc.catalog().expect("catalog");
    let mut catalog = match upd.get(catalog_ref.num) {
        Some(Object::Dictionary(d)) => d.clone(),
        _ => catalog,
    };
    let push = |form: &mut Dict, upd: &mut IncrementalUpdate| match form.get(b"Fields") {
        Some(Object::Reference(r)) => {
            let r = *r;
            let mut items = match doc.get(r) {
                Ok(Object::Array(a)) => a,
                _ => Vec::new(),
            };
            items.push(Object::Reference(field));
            upd.put(r, Object::Array(items));
        }
        other => {
            let mut items = match other {
                Some(Object::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            items.push(Object::Reference(field));
            form.set("Fields", Object::Array(items));
        }
    };
    match catalog.get(b"AcroForm") {
        Some(Object::Reference(r)) => {
            let r = *r;
            let mut form = match doc.get(r) {
                Ok(Object::Dictionary(d)) => d,
                _ => Dict::new(),
            };
            push(&mut form, upd);
            upd.put(r, Object::Dictionary(form));
        }
        other => {
            let mut form = match other {
                Some(Object::Dictionary(d)) => d.clone(),
                _ => Dict::new(),
            };
            push(&mut form, upd);
            catalog.set("AcroForm", Object::Dictionary(form));
            upd.put(catalog_ref, Object::Dictionary(catalog));
        }
    }
}
