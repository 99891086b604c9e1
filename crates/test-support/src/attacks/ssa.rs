//! Sneaky signatures (Rohlmann et al., IEEE S&P 2021): on a certified letter, a new signature
//! field whose appearance — any drawing the attacker likes — lies over the certified content,
//! signed or left unsigned. The twins sign the certified letter invisibly, and sign an
//! approval-signed letter visibly in the space the letter leaves for it.

use sertel_core::pades::{Appearance, Certification, SignOptions};
use sertel_pdf::{Document, IncrementalUpdate};

use super::build::{add_annotation, annotation, cover, first_page, list_field, name, text};
use super::{Bench, Case, Expect, Family};

const F: Family = Family::SneakySignature;

/// A signature appearance over the letter's body on page 1.
fn over_body() -> Appearance {
    Appearance::Visible {
        page: 1,
        x: 72.0,
        y: 480.0,
        width: 450.0,
        height: 120.0,
    }
}

/// An unsigned signature field whose widget covers the body.
fn unsigned_field(doc: &Document, upd: &mut IncrementalUpdate) {
    let (page, _) = first_page(doc);
    let mut w = annotation("Widget", [72.0, 480.0, 522.0, 600.0], page);
    w.set("FT", name("Sig"));
    w.set("T", text("Persetujuan"));
    let widget = add_annotation(doc, upd, 0, w, Some(cover(450.0, 120.0, "DIBATALKAN")));
    list_field(doc, upd, widget);
}

/// The sneaky signature cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    let p2 = b.certified("ssa-p2", Certification::FormFilling);
    let p3 = b.certified("ssa-p3", Certification::Annotations);
    let approved = b.signed("ssa-approval");

    let path = b.sign(&p2, "ssa-p2-visible-signature.pdf", over_body());
    out.push(b.case(
        "ssa-p2-visible-signature",
        F,
        path,
        Expect::Fails(&["certification_violated"]),
    ));
    let path = b.sign(&p3, "ssa-p3-visible-signature.pdf", over_body());
    out.push(b.case(
        "ssa-p3-visible-signature",
        F,
        path,
        Expect::Fails(&["certification_violated"]),
    ));
    let path = b.update(&p2, "ssa-p2-unsigned-field.pdf", unsigned_field);
    out.push(b.case(
        "ssa-p2-unsigned-field",
        F,
        path,
        Expect::Fails(&["certification_violated"]),
    ));
    let path = b.update(&approved, "ssa-approval-unsigned-field.pdf", unsigned_field);
    out.push(b.case(
        "ssa-approval-unsigned-field",
        F,
        path,
        Expect::Fails(&["annotation_added"]),
    ));
    let p1 = b.certified("ssa-p1", Certification::NoChanges);
    let path = b.update(&p1, "ssa-p1-hidden-field.pdf", |doc, upd| {
        let (page, _) = first_page(doc);
        let mut w = annotation("Widget", [0.0, 0.0, 0.0, 0.0], page);
        w.set("FT", name("Sig"));
        w.set("T", text("Tambahan"));
        let widget = add_annotation(doc, upd, 0, w, None);
        list_field(doc, upd, widget);
    });
    out.push(b.case(
        "ssa-p1-new-field",
        F,
        path,
        Expect::Fails(&["certification_violated"]),
    ));

    for (case, certified) in [
        ("ssa-p2-invisible-signature", &p2),
        ("ssa-p3-invisible-signature", &p3),
    ] {
        let path = b.sign(certified, &format!("{case}.pdf"), Appearance::Invisible);
        out.push(b.case(case, F, path, Expect::Valid));
    }
    let path = b.sign_with(
        &approved,
        "ssa-approval-visible-signature.pdf",
        SignOptions {
            appearance: Appearance::Visible {
                page: 1,
                x: 320.0,
                y: 60.0,
                width: 200.0,
                height: 50.0,
            },
            ..SignOptions::default()
        },
    );
    out.push(b.case("ssa-approval-visible-signature", F, path, Expect::Valid));
    out
}
