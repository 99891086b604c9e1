//! What changed after signing: each family of post-signing tampering makes the signature
//! INVALID with the matching finding, and each benign twin (a second signature, metadata)
//! keeps it VALID.

use std::path::{Path, PathBuf};

use sertel_core::pades::Appearance;
use sertel_core::verify::{verify_file, Check, Verdict};
use sertel_pdf::{Dict, Name, Object, PdfString, Stream};
use test_support::attacks::build::first_page;
use test_support::attacks::Bench;

/// A signed two-page letter (classic xref or object streams).
fn signed(bench: &Bench, objstm: bool) -> PathBuf {
    if !objstm {
        return bench.signed("signed");
    }
    let letter = bench.letter_with_object_streams("surat.pdf");
    bench.sign(&letter, "signed.pdf", Appearance::Invisible)
}

/// The first signature's verdict and finding kinds.
fn judged(pdf: &Path) -> (Verdict, Check, Vec<String>) {
    let report = verify_file(pdf).expect("readable");
    let s = &report.signatures[0];
    let kinds = s
        .findings
        .iter()
        .map(|f| {
            serde_json::to_value(f)
                .ok()
                .and_then(|v| v["kind"].as_str().map(String::from))
                .unwrap_or_default()
        })
        .collect();
    (s.verdict, s.modifications.clone(), kinds)
}

fn assert_invalid(pdf: &Path, kind: &str) {
    let (verdict, modifications, kinds) = judged(pdf);
    assert_eq!(verdict, Verdict::Invalid, "{}: {kinds:?}", pdf.display());
    assert_eq!(modifications, Check::Failed, "{kinds:?}");
    assert!(kinds.iter().any(|k| k == "modified"), "{kinds:?}");
    let report = verify_file(pdf).expect("readable");
    let changes = report.signatures[0]
        .changes
        .clone()
        .expect("changes analysed");
    let found: Vec<String> = changes
        .violations
        .iter()
        .map(|v| {
            serde_json::to_value(v)
                .ok()
                .and_then(|j| j["kind"].as_str().map(String::from))
                .unwrap_or_default()
        })
        .collect();
    assert!(
        found.iter().any(|k| k == kind),
        "expected {kind}, found {found:?}"
    );
}

#[test]
fn a_second_signature_and_a_metadata_update_keep_the_first_valid() {
    for objstm in [false, true] {
        let c = Bench::new();
        let signed = signed(&c, objstm);
        let visible = Appearance::Visible {
            page: 1,
            x: 320.0,
            y: 60.0,
            width: 200.0,
            height: 60.0,
        };
        let twice = c.sign(&signed, "twice.pdf", visible);
        let (verdict, modifications, kinds) = judged(&twice);
        assert_eq!(
            (verdict, modifications),
            (Verdict::Valid, Check::Passed),
            "{kinds:?}"
        );
        let info = c.update(&twice, "info.pdf", |doc, upd| {
            let mut info = Dict::new();
            info.set(
                "Title",
                Object::String(PdfString {
                    bytes: b"Undangan".to_vec(),
                    hex: false,
                }),
            );
            match doc.trailer().get_ref(b"Info") {
                Some(r) => upd.put(r, Object::Dictionary(info)),
                None => {
                    // No /Info to update: the twin is just the twice-signed file.
                }
            }
        });
        let report = verify_file(&info).expect("readable");
        assert!(
            report
                .signatures
                .iter()
                .all(|s| s.verdict == Verdict::Valid),
            "{:#?}",
            report.signatures
        );
    }
}

#[test]
fn a_redefined_content_stream_is_a_violation() {
    let c = Bench::new();
    let signed = signed(&c, false);
    let forged = c.update(&signed, "forged.pdf", |doc, upd| {
        let (_, page) = first_page(doc);
        let contents = page.get_ref(b"Contents").expect("page content is indirect");
        let data = b"BT /F1 24 Tf 72 720 Td (Dibatalkan) Tj ET".to_vec();
        upd.put(contents, Object::Stream(Stream::new(Dict::new(), data)));
    });
    assert_invalid(&forged, "object_changed");
}

#[test]
fn new_page_content_is_a_violation() {
    for objstm in [false, true] {
        let c = Bench::new();
        let signed = signed(&c, objstm);
        let forged = c.update(&signed, "forged.pdf", |doc, upd| {
            let (page_ref, mut page) = first_page(doc);
            let extra = upd.allocate();
            upd.put(
                extra,
                Object::Stream(Stream::new(
                    Dict::new(),
                    b"1 1 1 rg 0 0 600 800 re f".to_vec(),
                )),
            );
            let old = page.get(b"Contents").cloned().unwrap_or(Object::Null);
            page.set(
                "Contents",
                Object::Array(vec![old, Object::Reference(extra)]),
            );
            upd.put(page_ref, Object::Dictionary(page));
        });
        assert_invalid(&forged, "page_changed");
    }
}

#[test]
fn an_overlaying_annotation_is_a_violation() {
    let c = Bench::new();
    let signed = signed(&c, false);
    let forged = c.update(&signed, "forged.pdf", |doc, upd| {
        let (page_ref, mut page) = first_page(doc);
        let annot = upd.allocate();
        let mut a = Dict::new();
        a.set("Type", Object::Name(Name::from("Annot")));
        a.set("Subtype", Object::Name(Name::from("FreeText")));
        a.set(
            "Rect",
            Object::Array(vec![
                Object::Integer(50),
                Object::Integer(600),
                Object::Integer(550),
                Object::Integer(700),
            ]),
        );
        a.set(
            "Contents",
            Object::String(PdfString {
                bytes: b"Rp 900.000.000".to_vec(),
                hex: false,
            }),
        );
        upd.put(annot, Object::Dictionary(a));
        let mut annots = match page.get(b"Annots").map(|o| doc.resolve(o)) {
            Some(Ok(Object::Array(v))) => v,
            _ => Vec::new(),
        };
        annots.push(Object::Reference(annot));
        page.set("Annots", Object::Array(annots));
        upd.put(page_ref, Object::Dictionary(page));
    });
    assert_invalid(&forged, "annotation_added");
}

#[test]
fn a_catalog_change_beyond_signing_entries_is_a_violation() {
    let c = Bench::new();
    let signed = signed(&c, false);
    let forged = c.update(&signed, "forged.pdf", |doc, upd| {
        let (r, mut catalog) = doc.catalog().expect("catalog");
        let mut js = Dict::new();
        js.set("S", Object::Name(Name::from("JavaScript")));
        js.set(
            "JS",
            Object::String(PdfString {
                bytes: b"app.alert(1)".to_vec(),
                hex: false,
            }),
        );
        catalog.set("OpenAction", Object::Dictionary(js));
        upd.put(r, Object::Dictionary(catalog));
    });
    assert_invalid(&forged, "catalog_changed");
}

#[test]
fn garbage_after_the_last_revision_is_a_violation() {
    let c = Bench::new();
    let signed = signed(&c, false);
    let twice = c.sign(&signed, "twice.pdf", Appearance::Invisible);
    let mut bytes = std::fs::read(&twice).expect("read");
    bytes.extend_from_slice(b"\n1 0 obj << /Hidden true >> endobj\n");
    let path = c.path("garbage.pdf");
    std::fs::write(&path, bytes).expect("write");
    let report = verify_file(&path).expect("readable");
    // Both signatures now end before the file does: neither may be taken as covering it.
    assert!(
        report
            .signatures
            .iter()
            .all(|s| s.verdict == Verdict::Invalid),
        "{:#?}",
        report.signatures
    );
}
