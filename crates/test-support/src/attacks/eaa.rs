//! Evil annotations (Rohlmann, Mladenov, Mainka, Schwenk: "Breaking the Specification: PDF
//! Certification", IEEE S&P 2021): on a certified letter, annotations whose appearance is
//! drawing over the certified content — free text, stamps, a new field's widget, a note or a
//! highlight given a page-sized appearance, a note turned into free text later. The twins are
//! the comments level 3 is for: a sticky note, a highlight, a note edited and deleted.

use sertel_core::pades::Certification;
use sertel_pdf::{Dict, Object};

use super::build::{add_annotation, annotation, cover, first_page, list_field, name, text};
use super::{Bench, Case, Expect, Family};

const F: Family = Family::EvilAnnotation;

/// A rectangle over the letter's body on page 1.
const OVER_BODY: [f64; 4] = [72.0, 480.0, 522.0, 560.0];

fn covering(subtype: &str, doc: &sertel_pdf::Document, upd: &mut sertel_pdf::IncrementalUpdate) {
    let (page, _) = first_page(doc);
    let mut a = annotation(subtype, OVER_BODY, page);
    a.set("Contents", text("Nominal: Rp 900.000.000"));
    add_annotation(
        doc,
        upd,
        0,
        a,
        Some(cover(450.0, 80.0, "Nominal: Rp 900.000.000")),
    );
}

fn note(doc: &sertel_pdf::Document, upd: &mut sertel_pdf::IncrementalUpdate) {
    let (page, _) = first_page(doc);
    let mut a = annotation("Text", [540.0, 760.0, 560.0, 780.0], page);
    a.set("Contents", text("Mohon nomor surat diperiksa kembali."));
    a.set("Name", name("Comment"));
    add_annotation(doc, upd, 0, a, None);
}

/// The annotation a twin's note added: the last entry of page 1's `/Annots`.
fn last_annotation(doc: &sertel_pdf::Document) -> sertel_pdf::ObjRef {
    let (_, p) = first_page(doc);
    match p.get(b"Annots").map(|a| doc.resolve(a)) {
        Some(Ok(Object::Array(a))) => match a.last() {
            Some(Object::Reference(r)) => *r,
            other => panic!("annotation {other:?}"),
        },
        other => panic!("annots {other:?}"),
    }
}

/// The evil annotation cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    let p2 = b.certified("eaa-p2", Certification::FormFilling);
    let p3 = b.certified("eaa-p3", Certification::Annotations);

    let path = b.update(&p2, "eaa-p2-freetext.pdf", |d, u| {
        covering("FreeText", d, u)
    });
    out.push(b.case(
        "eaa-p2-freetext",
        F,
        path,
        Expect::Fails(&["annotation_added"]),
    ));
    let path = b.update(&p2, "eaa-p2-note.pdf", note);
    out.push(b.case("eaa-p2-note", F, path, Expect::Fails(&["annotation_added"])));
    for (case, subtype) in [
        ("eaa-p3-freetext", "FreeText"),
        ("eaa-p3-stamp", "Stamp"),
        ("eaa-p3-square", "Square"),
        ("eaa-p3-note-page-sized", "Text"),
        ("eaa-p3-highlight-painted", "Highlight"),
    ] {
        let path = b.update(&p3, &format!("{case}.pdf"), |d, u| covering(subtype, d, u));
        out.push(b.case(case, F, path, Expect::Fails(&["annotation_added"])));
    }
    let path = b.update(&p3, "eaa-p3-text-field.pdf", |doc, upd| {
        let (page, _) = first_page(doc);
        let mut w = annotation("Widget", OVER_BODY, page);
        w.set("FT", name("Tx"));
        w.set("T", text("nominal"));
        w.set("V", text("Rp 900.000.000"));
        let widget = add_annotation(doc, upd, 0, w, Some(cover(450.0, 80.0, "Rp 900.000.000")));
        list_field(doc, upd, widget);
    });
    out.push(b.case(
        "eaa-p3-text-field",
        F,
        path,
        Expect::Fails(&["annotation_added", "form_changed"]),
    ));

    let noted = b.update(&p3, "eaa-p3-note.pdf", note);
    out.push(b.case("eaa-p3-note", F, noted.clone(), Expect::Valid));
    let path = b.update(&noted, "eaa-p3-note-turned-freetext.pdf", |doc, upd| {
        let r = last_annotation(doc);
        let (page, _) = first_page(doc);
        let ap = upd.allocate();
        upd.put(ap, cover(450.0, 80.0, "Nominal: Rp 900.000.000"));
        let mut a = annotation("FreeText", OVER_BODY, page);
        a.set(
            "AP",
            Object::Dictionary(Dict::from_pairs([("N", Object::Reference(ap))])),
        );
        upd.put(r, Object::Dictionary(a));
    });
    out.push(b.case(
        "eaa-p3-note-turned-freetext",
        F,
        path,
        Expect::Fails(&["annotation_changed"]),
    ));
    let path = b.update(&noted, "eaa-p3-note-edited.pdf", |doc, upd| {
        let r = last_annotation(doc);
        let mut a = match doc.get(r).expect("note") {
            Object::Dictionary(d) => d,
            other => panic!("note {other:?}"),
        };
        a.set("Contents", text("Sudah diperiksa, sesuai."));
        upd.put(r, Object::Dictionary(a));
    });
    out.push(b.case("eaa-p3-note-edited", F, path, Expect::Valid));
    let path = b.update(&noted, "eaa-p3-note-deleted.pdf", |doc, upd| {
        let (r, mut p) = first_page(doc);
        let mut annots = match p.get(b"Annots").map(|a| doc.resolve(a)) {
            Some(Ok(Object::Array(a))) => a,
            other => panic!("annots {other:?}"),
        };
        annots.pop();
        p.set("Annots", Object::Array(annots));
        upd.put(r, Object::Dictionary(p));
    });
    out.push(b.case("eaa-p3-note-deleted", F, path, Expect::Valid));
    let path = b.update(&p3, "eaa-p3-highlight.pdf", |doc, upd| {
        let (page, _) = first_page(doc);
        let mut a = annotation("Highlight", [72.0, 600.0, 300.0, 614.0], page);
        a.set(
            "QuadPoints",
            Object::Array(
                [72.0, 614.0, 300.0, 614.0, 72.0, 600.0, 300.0, 600.0]
                    .iter()
                    .map(|v| Object::Real(*v))
                    .collect(),
            ),
        );
        a.set(
            "C",
            Object::Array(vec![
                Object::Real(1.0),
                Object::Real(1.0),
                Object::Real(0.0),
            ]),
        );
        add_annotation(doc, upd, 0, a, None);
    });
    out.push(b.case("eaa-p3-highlight", F, path, Expect::Valid));
    out
}
