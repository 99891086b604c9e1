//! Empty signature fields: made with one signature (typically the certifying seal) for the
//! later signers, and signed into later. A signature that fills a field takes the field's
//! widget rectangle; only the widget's value, appearance and flags change, which is what a
//! certification at `/P 2` permits (a new visible signature field would not be).

use sertel_pdf::{Dict, Document, IncrementalUpdate, Name, ObjRef, Object, PdfError};

use super::error::SignError;
use super::fields::{add_signature_field, current, NewField};
use super::options::{Appearance, EmptyField};
use super::specimen::geometry::PageView;
use super::specimen::locate::{locate, BoxSizes};
use super::specimen::paraf::PARAF_SIZES;
use super::specimen::{PageChoice, Placement, DEFAULT_SIZE};

/// `/F 132`: Print + Locked, as for a new signature widget.
const WIDGET_FLAGS: i64 = 132;

/// The sizes an empty field may take: as small as a paraf, by default a specimen's.
const EMPTY_FIELD_SIZES: BoxSizes = BoxSizes {
    min: PARAF_SIZES.min,
    default: DEFAULT_SIZE,
};

/// An empty signature field of the document, found by name.
#[derive(Clone, Debug)]
pub struct Unsigned {
    /// The field's widget (a field and widget in one dictionary).
    pub widget: ObjRef,
    /// The page the widget is on (0-based).
    pub page_index: usize,
    /// The widget rectangle as a placement in view space.
    pub placement: Placement,
}

fn name_is(d: &Dict, name: &str) -> bool {
    matches!(d.get(b"T"), Some(Object::String(t)) if crate::verify::fields::text_string(&t.bytes) == name)
}

/// The page of `widget`: its `/P`, else the page whose `/Annots` lists it.
fn page_of(
    doc: &Document,
    pages: &[ObjRef],
    widget: ObjRef,
    d: &Dict,
) -> Result<Option<usize>, PdfError> {
    if let Some(p) = d.get_ref(b"P") {
        if let Some(i) = pages.iter().position(|&q| q == p) {
            return Ok(Some(i));
        }
    }
    for (i, &p) in pages.iter().enumerate() {
        let Object::Dictionary(page) = doc.get(p)? else {
            continue;
        };
        if let Some(annots) = page.get(b"Annots") {
            if let Object::Array(a) = doc.resolve(annots)? {
                if a.contains(&Object::Reference(widget)) {
                    return Ok(Some(i));
                }
            }
        }
    }
    Ok(None)
}

/// The empty signature field named `name`, if the document has one (a field and widget in
/// one dictionary, on a page, without a value).
pub fn find_unsigned(
    doc: &Document,
    pages: &[ObjRef],
    name: &str,
) -> Result<Option<Unsigned>, PdfError> {
    let (_, catalog) = doc.catalog()?;
    let Some(Object::Dictionary(form)) = catalog
        .get(b"AcroForm")
        .map(|f| doc.resolve(f))
        .transpose()?
    else {
        return Ok(None);
    };
    let Some(Object::Array(fields)) = form.get(b"Fields").map(|f| doc.resolve(f)).transpose()?
    else {
        return Ok(None);
    };
    for f in fields {
        let Object::Reference(widget) = f else {
            continue;
        };
        let Object::Dictionary(d) = doc.get(widget)? else {
            continue;
        };
        if !name_is(&d, name)
            || !d.has_name(b"FT", b"Sig")
            || d.get(b"V").is_some()
            || d.get(b"Kids").is_some()
        {
            continue;
        }
        let Some(page_index) = page_of(doc, pages, widget, &d)? else {
            continue;
        };
        let view = PageView::of(doc, pages[page_index])?;
        let rect = match d.get(b"Rect").map(|r| doc.resolve(r)).transpose()? {
            Some(Object::Array(a)) if a.len() == 4 => a
                .iter()
                .map(|v| v.as_number().filter(|n| n.is_finite()))
                .collect::<Option<Vec<f64>>>(),
            _ => None,
        };
        let Some(r) = rect else {
            continue;
        };
        let (ax, ay) = view.to_view(r[0], r[1]);
        let (bx, by) = view.to_view(r[2], r[3]);
        return Ok(Some(Unsigned {
            widget,
            page_index,
            placement: Placement::At {
                page: PageChoice::Number(page_index + 1),
                x: ax.min(bx),
                y: ay.min(by),
                width: (ax - bx).abs(),
                height: (ay - by).abs(),
            },
        }));
    }
    Ok(None)
}

/// `appearance` moved into the empty field's rectangle.
pub fn appearance_in(appearance: &Appearance, field: &Unsigned) -> Appearance {
    let placement = field.placement.clone();
    match appearance {
        Appearance::Invisible => Appearance::Invisible,
        Appearance::Visible { .. } => match placement {
            Placement::At {
                x,
                y,
                width,
                height,
                ..
            } => Appearance::Visible {
                page: field.page_index + 1,
                x,
                y,
                width,
                height,
            },
            Placement::Marker { .. } => appearance.clone(),
        },
        Appearance::Specimen(s) => {
            let mut s = s.clone();
            s.placement = placement;
            Appearance::Specimen(s)
        }
        Appearance::Seal(s) => {
            let mut s = s.clone();
            s.placement = placement;
            Appearance::Seal(s)
        }
        Appearance::Paraf(p) => {
            let mut p = p.clone();
            p.placement = placement;
            Appearance::Paraf(p)
        }
    }
}

/// Signs into the empty field: its widget gets the signature `value` and the `appearance`.
pub fn fill(
    doc: &Document,
    upd: &mut IncrementalUpdate,
    widget: ObjRef,
    value: ObjRef,
    appearance: ObjRef,
) -> Result<(), PdfError> {
    let Object::Dictionary(mut d) = current(doc, upd, widget)? else {
        return Err(PdfError::Unsupported(
            "a signature field that is not a dictionary".into(),
        ));
    };
    d.set(b"Type", Object::Name(Name::from("Annot")));
    d.set(b"V", Object::Reference(value));
    d.set(
        b"AP",
        Object::Dictionary(Dict::from_pairs([("N", Object::Reference(appearance))])),
    );
    d.set(b"F", Object::Integer(WIDGET_FLAGS));
    upd.put(widget, Object::Dictionary(d));
    Ok(())
}

/// Adds the empty fields `fields` to `upd` (names checked against the document's fields, each
/// other and `taken`, the new signature's own field).
pub fn add_empty_fields(
    doc: &Document,
    pages: &[ObjRef],
    upd: &mut IncrementalUpdate,
    fields: &[EmptyField],
    taken: &str,
) -> Result<(), SignError> {
    let pdf_err = |source| SignError::Pdf {
        path: Default::default(),
        source,
    };
    let existing = super::fields::field_names(doc).map_err(pdf_err)?;
    let mut names: Vec<&str> = vec![taken];
    for f in fields {
        if names.contains(&f.name.as_str()) || existing.iter().any(|e| e == f.name.as_bytes()) {
            return Err(SignError::FieldNameTaken(f.name.clone()));
        }
        names.push(&f.name);
        let at = locate(doc, pages, &f.placement, EMPTY_FIELD_SIZES, false)?;
        add_signature_field(
            doc,
            upd,
            &NewField {
                name: &f.name,
                page: pages[at.page_index],
                rect: at.view.rect_of(at.x, at.y, at.width, at.height),
                value: None,
                appearance: None,
                lock: None,
            },
        )
        .map_err(pdf_err)?;
    }
    Ok(())
}
