//! Form filling under the signature's rules: a letter drafted with a text field (`nomor`)
//! and a check box (`setuju`), signed or certified, then filled in. Filling is permitted to
//! approval signatures and certification levels 2 and 3; it is an attack on level 1, on a
//! field the signature locked (FieldMDP), or when the new appearance reuses or rewrites a
//! signed object, or the filling touches more than the value and appearance.

use sertel_core::pades::{Appearance, Certification, SignOptions};
use sertel_core::verify::changes::FieldLock;
use sertel_pdf::{Dict, Document, IncrementalUpdate, ObjRef, Object};

use super::build::{
    add_annotation, annotation, appearance, contents_of, first_page, list_field, name, rect, text,
};
use super::{Bench, Case, Expect, Family};

const F: Family = Family::FormFilling;

/// The letter number text field and the consent check box, on page 1, in an indirect form.
fn with_form(doc: &Document, upd: &mut IncrementalUpdate) {
    let (page, _) = first_page(doc);
    let mut nomor = annotation("Widget", [400.0, 780.0, 540.0, 800.0], page);
    nomor.set("FT", name("Tx"));
    nomor.set("T", text("nomor"));
    nomor.set("V", text("005/2026"));
    nomor.set("DA", text("/Helv 10 Tf 0 g"));
    let nomor = add_annotation(doc, upd, 0, nomor, Some(value_appearance("005/2026")));
    let mut setuju = annotation("Widget", [400.0, 760.0, 412.0, 772.0], page);
    setuju.set("FT", name("Btn"));
    setuju.set("T", text("setuju"));
    setuju.set("V", name("Off"));
    setuju.set("AS", name("Off"));
    let yes = upd.allocate();
    upd.put(yes, appearance(12.0, 12.0, "0 g 2 2 8 8 re f"));
    let off = upd.allocate();
    upd.put(off, appearance(12.0, 12.0, ""));
    setuju.set(
        "AP",
        Object::Dictionary(Dict::from_pairs([(
            "N",
            Object::Dictionary(Dict::from_pairs([
                ("Yes", Object::Reference(yes)),
                ("Off", Object::Reference(off)),
            ])),
        )])),
    );
    let setuju = add_annotation(doc, upd, 0, setuju, None);
    let form = upd.allocate();
    upd.put(
        form,
        Object::Dictionary(Dict::from_pairs([
            (
                "Fields",
                Object::Array(vec![Object::Reference(nomor), Object::Reference(setuju)]),
            ),
            ("DA", text("/Helv 0 Tf 0 g")),
        ])),
    );
    let (catalog_ref, mut catalog) = doc.catalog().expect("catalog");
    catalog.set("AcroForm", Object::Reference(form));
    upd.put(catalog_ref, Object::Dictionary(catalog));
}

fn value_appearance(value: &str) -> Object {
    appearance(
        140.0,
        20.0,
        &format!("BT /Helv 10 Tf 2 6 Td ({value}) Tj ET"),
    )
}

/// The field named `t` of the form.
fn field(doc: &Document, t: &str) -> (ObjRef, Dict) {
    let (_, catalog) = doc.catalog().expect("catalog");
    let form = match catalog.get(b"AcroForm").map(|f| doc.resolve(f)) {
        Some(Ok(Object::Dictionary(d))) => d,
        other => panic!("form {other:?}"),
    };
    let fields = match form.get(b"Fields").map(|f| doc.resolve(f)) {
        Some(Ok(Object::Array(a))) => a,
        other => panic!("fields {other:?}"),
    };
    for f in fields {
        if let Object::Reference(r) = f {
            if let Ok(Object::Dictionary(d)) = doc.get(r) {
                if d.get(b"T") == Some(&text(t)) {
                    return (r, d);
                }
            }
        }
    }
    panic!("no field {t}")
}

/// Fills `nomor` with a new value and a new appearance stream.
fn fill_number(doc: &Document, upd: &mut IncrementalUpdate) {
    let (r, mut d) = field(doc, "nomor");
    let ap = upd.allocate();
    upd.put(ap, value_appearance("007/2026"));
    d.set("V", text("007/2026"));
    d.set(
        "AP",
        Object::Dictionary(Dict::from_pairs([("N", Object::Reference(ap))])),
    );
    upd.put(r, Object::Dictionary(d));
}

/// Ticks `setuju`.
fn tick(doc: &Document, upd: &mut IncrementalUpdate) {
    let (r, mut d) = field(doc, "setuju");
    d.set("V", name("Yes"));
    d.set("AS", name("Yes"));
    upd.put(r, Object::Dictionary(d));
}

/// The form filling cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    let drafted = b.letter("form-unsigned.pdf", Some(&with_form));
    let sign = |out: &str, certification: Option<Certification>, lock: Option<FieldLock>| {
        b.sign_with(
            &drafted,
            out,
            SignOptions {
                appearance: Appearance::Invisible,
                certification,
                lock,
                ..SignOptions::default()
            },
        )
    };
    let approved = sign("form-approved.pdf", None, None);
    let p1 = sign("form-p1.pdf", Some(Certification::NoChanges), None);
    let p2 = sign("form-p2.pdf", Some(Certification::FormFilling), None);
    let locked = sign(
        "form-locked-nomor.pdf",
        None,
        Some(FieldLock::Include(vec!["nomor".into()])),
    );
    let all = sign("form-locked-all.pdf", None, Some(FieldLock::All));

    let path = b.update(&approved, "form-filled.pdf", fill_number);
    out.push(b.case("form-filled", F, path, Expect::Valid));
    let path = b.update(&p2, "form-p2-ticked.pdf", tick);
    out.push(b.case("form-p2-ticked", F, path, Expect::Valid));
    let path = b.update(&p2, "form-p2-filled-and-ticked.pdf", |d, u| {
        fill_number(d, u);
        tick(d, u);
    });
    out.push(b.case("form-p2-filled-and-ticked", F, path, Expect::Valid));
    let path = b.update(&locked, "form-unlocked-field-ticked.pdf", tick);
    out.push(b.case("form-unlocked-field-ticked", F, path, Expect::Valid));

    let path = b.update(&locked, "form-locked-field-filled.pdf", fill_number);
    out.push(b.case(
        "form-locked-field-filled",
        F,
        path,
        Expect::Fails(&["locked_field_changed"]),
    ));
    let path = b.update(&all, "form-lock-all-ticked.pdf", tick);
    out.push(b.case(
        "form-lock-all-ticked",
        F,
        path,
        Expect::Fails(&["locked_field_changed"]),
    ));
    let path = b.update(&p1, "form-p1-filled.pdf", fill_number);
    out.push(b.case(
        "form-p1-filled",
        F,
        path,
        Expect::Fails(&["certification_violated"]),
    ));
    let path = b.update(&approved, "form-appearance-reused.pdf", |doc, upd| {
        let (_, page) = first_page(doc);
        let (r, mut d) = field(doc, "nomor");
        d.set("V", text("007/2026"));
        d.set(
            "AP",
            Object::Dictionary(Dict::from_pairs([(
                "N",
                Object::Reference(contents_of(&page)),
            )])),
        );
        upd.put(r, Object::Dictionary(d));
    });
    out.push(b.case(
        "form-appearance-reused",
        F,
        path,
        Expect::Fails(&["appearance_shadowed"]),
    ));
    let path = b.update(&approved, "form-appearance-rewritten.pdf", |doc, upd| {
        let (_, d) = field(doc, "nomor");
        let ap = match d.get(b"AP") {
            Some(Object::Dictionary(ap)) => ap.get_ref(b"N").expect("appearance"),
            other => panic!("AP {other:?}"),
        };
        upd.put(ap, value_appearance("Rp 900.000.000"));
    });
    out.push(b.case(
        "form-appearance-rewritten",
        F,
        path,
        Expect::Fails(&["object_changed"]),
    ));
    let path = b.update(&approved, "form-widget-moved.pdf", |doc, upd| {
        let (r, mut d) = field(doc, "nomor");
        d.set("V", text("007/2026"));
        d.set("Rect", rect([72.0, 480.0, 522.0, 600.0]));
        upd.put(r, Object::Dictionary(d));
    });
    out.push(b.case(
        "form-widget-moved",
        F,
        path,
        Expect::Fails(&["form_changed"]),
    ));
    let path = b.update(&approved, "form-field-added.pdf", |doc, upd| {
        let (page, _) = first_page(doc);
        let mut w = annotation("Widget", [72.0, 480.0, 522.0, 600.0], page);
        w.set("FT", name("Tx"));
        w.set("T", text("catatan"));
        w.set("V", text("Dibatalkan"));
        let widget = add_annotation(doc, upd, 0, w, Some(value_appearance("Dibatalkan")));
        list_field(doc, upd, widget);
    });
    out.push(b.case(
        "form-field-added",
        F,
        path,
        Expect::Fails(&["form_changed", "annotation_added"]),
    ));
    out
}
