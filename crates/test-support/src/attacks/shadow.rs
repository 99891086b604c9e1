//! Shadow attacks (Mainka, Mladenov, Schwenk: "Shadow Attacks: Hiding and Replacing Content
//! in Signed PDFs", NDSS 2021): the attacker drafts the letter with something prepared — an
//! overlay, a dangling reference, an unused alternative content — gets it signed, and then
//! appends a revision that hides the overlay, defines the dangling object, replaces fonts or
//! content, or switches the page to the alternative content.

use sertel_pdf::{Dict, Document, IncrementalUpdate, ObjRef, Object, Stream};

use super::build::{contents_of, cover, first_font, first_page, name, page};
use super::{Bench, Case, Expect, Family};
use sertel_core::pades::Appearance;

const F: Family = Family::Shadow;

/// Prepares page 1 with an extra content stream that paints the form XObject `/Shadow` over
/// the letter's body.
fn with_overlay(doc: &Document, upd: &mut IncrementalUpdate) {
    let (page_ref, mut p) = first_page(doc);
    let overlay = upd.allocate();
    upd.put(overlay, cover(450.0, 60.0, "Lampiran: lihat halaman 2"));
    let paint = upd.allocate();
    upd.put(
        paint,
        Object::Stream(Stream::new(
            Dict::new(),
            b"q 1 0 0 1 72 520 cm /Shadow Do Q".to_vec(),
        )),
    );
    let mut resources = match p.get(b"Resources").map(|r| doc.resolve(r)) {
        Some(Ok(Object::Dictionary(d))) => d,
        _ => Dict::new(),
    };
    resources.set(
        "XObject",
        Object::Dictionary(Dict::from_pairs([("Shadow", Object::Reference(overlay))])),
    );
    p.set("Resources", Object::Dictionary(resources));
    let original = p.get(b"Contents").cloned().unwrap_or(Object::Null);
    p.set(
        "Contents",
        Object::Array(vec![original, Object::Reference(paint)]),
    );
    upd.put(page_ref, Object::Dictionary(p));
}

/// The overlay XObject of a letter prepared [`with_overlay`].
fn overlay_of(doc: &Document) -> ObjRef {
    let (_, p) = first_page(doc);
    let resources = match p.get(b"Resources").map(|r| doc.resolve(r)) {
        Some(Ok(Object::Dictionary(d))) => d,
        other => panic!("resources: {other:?}"),
    };
    match resources.get(b"XObject") {
        Some(Object::Dictionary(x)) => x.get_ref(b"Shadow").expect("overlay"),
        other => panic!("XObject: {other:?}"),
    }
}

/// Prepares page 1 with a second content stream that is referenced but not defined: it
/// reads as nothing when signed.
fn with_dangling_content(doc: &Document, upd: &mut IncrementalUpdate) {
    let (page_ref, mut p) = first_page(doc);
    let hidden = upd.allocate();
    let original = p.get(b"Contents").cloned().unwrap_or(Object::Null);
    p.set(
        "Contents",
        Object::Array(vec![original, Object::Reference(hidden)]),
    );
    upd.put(page_ref, Object::Dictionary(p));
}

/// The reference [`with_dangling_content`] left undefined on page 1.
fn dangling_content(doc: &Document) -> ObjRef {
    let (_, p) = first_page(doc);
    match p.get(b"Contents") {
        Some(Object::Array(a)) => match a.get(1) {
            Some(Object::Reference(r)) => *r,
            other => panic!("prepared content: {other:?}"),
        },
        other => panic!("prepared contents: {other:?}"),
    }
}

/// Prepares an unused alternative content stream (an object nothing refers to).
fn with_alternative_content(_doc: &Document, upd: &mut IncrementalUpdate) {
    let alt = upd.allocate();
    upd.put(
        alt,
        Object::Stream(Stream::new(
            Dict::from_pairs([("Alternative", Object::Boolean(true))]),
            b"BT /F1 12 Tf 72 700 Td (Surat ini dibatalkan.) Tj ET".to_vec(),
        )),
    );
}

fn alternative_of(doc: &Document) -> ObjRef {
    doc.objects()
        .find(|r| match doc.get(*r) {
            Ok(Object::Stream(s)) => s.dict.get(b"Alternative").is_some(),
            _ => false,
        })
        .expect("the prepared alternative content")
}

fn empty_stream() -> Object {
    Object::Stream(Stream::new(Dict::new(), Vec::new()))
}

/// The shadow cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();

    let drafted = b.letter("shadow-overlay-unsigned.pdf", Some(&with_overlay));
    let signed = b.sign(&drafted, "shadow-overlay.pdf", Appearance::Invisible);
    let hide = b.update(&signed, "shadow-hide-overlay-emptied.pdf", |doc, upd| {
        upd.put(overlay_of(doc), empty_stream());
    });
    out.push(b.case(
        "shadow-hide-overlay-emptied",
        F,
        hide,
        Expect::Fails(&["object_changed"]),
    ));
    let unlisted = b.update(&signed, "shadow-hide-overlay-unlisted.pdf", |doc, upd| {
        let (r, mut p) = first_page(doc);
        p.set("Resources", Object::Dictionary(Dict::new()));
        upd.put(r, Object::Dictionary(p));
    });
    out.push(b.case(
        "shadow-hide-overlay-unlisted",
        F,
        unlisted,
        Expect::Fails(&["page_changed"]),
    ));
    let twin = b.sign(
        &signed,
        "shadow-overlay-countersigned.pdf",
        Appearance::Invisible,
    );
    out.push(b.case("shadow-overlay-countersigned", F, twin, Expect::Valid));

    let drafted = b.letter("shadow-dangling-unsigned.pdf", Some(&with_dangling_content));
    let signed = b.sign(&drafted, "shadow-dangling.pdf", Appearance::Invisible);
    let defined = b.update(&signed, "shadow-hide-dangling-defined.pdf", |doc, upd| {
        let hidden = dangling_content(doc);
        upd.put(
            hidden,
            Object::Stream(Stream::new(
                Dict::new(),
                b"1 1 1 rg 72 500 450 120 re f".to_vec(),
            )),
        );
    });
    out.push(b.case(
        "shadow-hide-dangling-defined",
        F,
        defined,
        Expect::Fails(&["hidden_object_defined"]),
    ));
    // The same, defined under another generation: `N 0 R` does not match `N 1 obj` for a
    // strict reader, but viewers that ignore generations show it.
    let other_generation = b.update(
        &signed,
        "shadow-hide-dangling-other-generation.pdf",
        |doc, upd| {
            let hidden = dangling_content(doc);
            upd.put(
                ObjRef {
                    num: hidden.num,
                    gen: hidden.gen + 1,
                },
                Object::Stream(Stream::new(
                    Dict::new(),
                    b"1 1 1 rg 72 500 450 120 re f".to_vec(),
                )),
            );
        },
    );
    out.push(b.case(
        "shadow-hide-dangling-other-generation",
        F,
        other_generation,
        Expect::Fails(&["hidden_object_defined"]),
    ));
    let twin = b.sign(
        &signed,
        "shadow-dangling-countersigned.pdf",
        Appearance::Invisible,
    );
    out.push(b.case("shadow-dangling-countersigned", F, twin, Expect::Valid));

    let signed = b.signed("shadow-plain");
    let font = b.update(&signed, "shadow-replace-font.pdf", |doc, upd| {
        let (_, p) = first_page(doc);
        let font = first_font(doc, &p);
        upd.put(
            font,
            Object::Dictionary(Dict::from_pairs([
                ("Type", name("Font")),
                ("Subtype", name("Type1")),
                ("BaseFont", name("ZapfDingbats")),
            ])),
        );
    });
    out.push(b.case(
        "shadow-replace-font",
        F,
        font,
        Expect::Fails(&["object_changed"]),
    ));
    let content = b.update(&signed, "shadow-replace-content-page2.pdf", |doc, upd| {
        let (_, p) = page(doc, 1);
        upd.put(
            contents_of(&p),
            Object::Stream(Stream::new(
                Dict::new(),
                b"BT /F1 12 Tf 72 700 Td (Halaman pengganti) Tj ET".to_vec(),
            )),
        );
    });
    out.push(b.case(
        "shadow-replace-content-page2",
        F,
        content,
        Expect::Fails(&["object_changed"]),
    ));

    let drafted = b.letter(
        "shadow-alternative-unsigned.pdf",
        Some(&with_alternative_content),
    );
    let signed = b.sign(&drafted, "shadow-alternative.pdf", Appearance::Invisible);
    let switched = b.update(&signed, "shadow-hide-and-replace.pdf", |doc, upd| {
        let alt = alternative_of(doc);
        let (r, mut p) = first_page(doc);
        p.set("Contents", Object::Reference(alt));
        upd.put(r, Object::Dictionary(p));
    });
    out.push(b.case(
        "shadow-hide-and-replace",
        F,
        switched,
        Expect::Fails(&["page_changed"]),
    ));
    let twin = b.sign(
        &signed,
        "shadow-alternative-countersigned.pdf",
        Appearance::Invisible,
    );
    out.push(b.case("shadow-alternative-countersigned", F, twin, Expect::Valid));
    out
}
