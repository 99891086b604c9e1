//! Incremental saving attacks (Mladenov, Mainka, Meyer zu Selhausen, Grothe, Schwenk:
//! "1 Trillion Dollar Refund", CCS 2019): revisions after the signed one that redefine its
//! objects, bytes appended without a cross-reference section, a cross-reference section that
//! points a signed object at other bytes, and one whose chain skips the signed revision.

use sertel_pdf::{Document, Limits, Name, Object, Stream};

use super::build::{first_page, rect, rfind, text};
use super::{Bench, Case, Expect, Family};
use sertel_core::pades::Appearance;
use sertel_pdf::Dict;

const F: Family = Family::IncrementalSaving;

fn open(path: &std::path::Path) -> Document {
    Document::open(std::fs::read(path).expect("read"), Limits::default()).expect("open")
}

/// The incremental saving cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    let signed = b.signed("isa");

    let page = b.update(&signed, "isa-page-redefined.pdf", |doc, upd| {
        let (r, mut p) = first_page(doc);
        p.set("MediaBox", rect([0.0, 0.0, 595.0, 400.0]));
        upd.put(r, Object::Dictionary(p));
    });
    out.push(b.case(
        "isa-page-redefined",
        F,
        page,
        Expect::Fails(&["page_changed"]),
    ));

    let catalog = b.update(&signed, "isa-catalog-redefined.pdf", |doc, upd| {
        let (r, mut c) = doc.catalog().expect("catalog");
        c.set(
            "OpenAction",
            Object::Dictionary(Dict::from_pairs([
                ("S", Object::Name(Name::from("JavaScript"))),
                ("JS", text("app.alert('Surat sah')")),
            ])),
        );
        upd.put(r, Object::Dictionary(c));
    });
    out.push(b.case(
        "isa-catalog-redefined",
        F,
        catalog,
        Expect::Fails(&["catalog_changed"]),
    ));

    let body = b.rewrite(&signed, "isa-body-without-xref.pdf", |bytes| {
        bytes.extend_from_slice(
            b"9 0 obj\n<< /Length 20 >>\nstream\n0 0 0 rg 0 0 9 9 re f\nendstream\nendobj\n",
        );
    });
    out.push(b.case(
        "isa-body-without-xref",
        F,
        body,
        Expect::Fails(&["trailing_data"]),
    ));

    // The attacker drafts an extra object whose header claims the number of page 1's content
    // stream; after signing, a cross-reference section alone points that number at it.
    let drafted = b.letter(
        "isa-redirect-unsigned.pdf",
        Some(&|_doc, upd| {
            let alt = upd.allocate();
            upd.put(
                alt,
                Object::Stream(Stream::new(
                    Dict::new(),
                    b"BT /F1 12 Tf 72 700 Td (Surat ini dibatalkan.) Tj ET".to_vec(),
                )),
            );
        }),
    );
    let doc = open(&drafted);
    let (_, p) = first_page(&doc);
    let content = p.get_ref(b"Contents").expect("content");
    let alt = doc.objects().map(|r| r.num).max().expect("objects");
    let claimed = format!("{} 0 obj", content.num);
    let original = format!("{alt} 0 obj");
    assert!(claimed.len() <= original.len(), "numbers fit");
    let drafted = b.rewrite(&drafted, "isa-redirect-unsigned.pdf", |bytes| {
        let at = rfind(bytes, original.as_bytes());
        let padded = format!("{claimed:>width$}", width = original.len());
        bytes[at..at + original.len()].copy_from_slice(padded.as_bytes());
    });
    let signed_r = b.sign(&drafted, "isa-redirect.pdf", Appearance::Invisible);
    let redirected = b.rewrite(&signed_r, "isa-xref-redirect.pdf", |bytes| {
        let doc = Document::open(bytes.clone(), Limits::default()).expect("open");
        let header = rfind(bytes, format!(" {claimed}").as_bytes()) + 1;
        let size = doc.next_object_number();
        let prev = doc.startxref();
        let xref_at = bytes.len();
        let section = format!(
            "xref\n{} 1\n{header:010} 00000 n \ntrailer\n<< /Size {size} /Root 1 0 R /Prev {prev} >>\nstartxref\n{xref_at}\n%%EOF\n",
            content.num
        );
        bytes.extend_from_slice(section.as_bytes());
    });
    out.push(b.case(
        "isa-xref-redirect",
        F,
        redirected,
        Expect::Fails(&["object_changed"]),
    ));

    // The page's content stream defined again under another generation: `N 0 R` no longer
    // matches it, so a strict reader shows nothing and a viewer that ignores generations
    // shows the new text.
    let bumped = b.rewrite(&signed, "isa-generation-bump.pdf", |bytes| {
        let doc = Document::open(bytes.clone(), Limits::default()).expect("open");
        let (_, p) = first_page(&doc);
        let content = p.get_ref(b"Contents").expect("content");
        let size = doc.next_object_number();
        let prev = doc.startxref();
        let data = b"BT /F1 12 Tf 72 700 Td (Surat ini dibatalkan.) Tj ET";
        let header = bytes.len() + 1;
        let object = format!(
            "\n{} 1 obj\n<< /Length {} >>\nstream\n{}\nendstream\nendobj\n",
            content.num,
            data.len(),
            String::from_utf8_lossy(data)
        );
        bytes.extend_from_slice(object.as_bytes());
        let xref_at = bytes.len();
        let section = format!(
            "xref\n{} 1\n{header:010} 00001 n \ntrailer\n<< /Size {size} /Root 1 0 R /Prev {prev} >>\nstartxref\n{xref_at}\n%%EOF\n",
            content.num
        );
        bytes.extend_from_slice(section.as_bytes());
    });
    out.push(b.case(
        "isa-generation-bump",
        F,
        bumped,
        Expect::Fails(&["object_changed"]),
    ));

    // A revision whose /Prev skips the signed revision's section.
    let skipping = b.update(&signed, "isa-prev-skips-signed.pdf", |doc, upd| {
        let (r, p) = first_page(doc);
        upd.put(r, Object::Dictionary(p));
    });
    let first_xref = open(&signed).revisions()[0].xref_offset;
    let skipping = b.rewrite(&skipping, "isa-prev-skips-signed.pdf", |bytes| {
        let at = rfind(bytes, b"/Prev ") + 6;
        let end = at
            + bytes[at..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .expect("digits");
        let width = end - at;
        let text = format!("{first_xref:<width$}");
        assert_eq!(text.len(), width, "offset fits");
        bytes[at..end].copy_from_slice(text.as_bytes());
    });
    out.push(b.case(
        "isa-prev-skips-signed",
        F,
        skipping,
        Expect::Fails(&[
            "revision_chain_broken",
            "unreadable",
            "unsigned",
            "coverage_mid_revision",
        ]),
    ));

    let twin = b.update(&signed, "isa-info-updated.pdf", |doc, upd| {
        let info = doc.trailer().get_ref(b"Info").expect("letters have /Info");
        upd.put(
            info,
            Object::Dictionary(Dict::from_pairs([("Title", text("Undangan rapat"))])),
        );
    });
    out.push(b.case("isa-info-updated", F, twin, Expect::Valid));
    let twin = b.sign(
        &signed_r,
        "isa-redirect-countersigned.pdf",
        Appearance::Invisible,
    );
    out.push(b.case("isa-redirect-countersigned", F, twin, Expect::Valid));
    out
}
