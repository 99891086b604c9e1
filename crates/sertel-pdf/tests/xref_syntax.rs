//! File structure syntax: header, startxref tail, table rows and subsections.

mod common;

use common::{check_simple, simple_table_pdf, Builder};
use sertel_pdf::{Document, Limits, ObjRef, PdfError};

fn open(bytes: Vec<u8>) -> Document {
    Document::open(bytes, Limits::default()).unwrap_or_else(|e| panic!("open failed: {e}"))
}

fn r(num: u32) -> ObjRef {
    ObjRef::new(num, 0)
}

#[test]
fn whitespace_before_objects_and_sections() -> Result<(), PdfError> {
    let mut b = Builder::new();
    b.raw(b"\r\n  ");
    let at = b.pos() - 4;
    b.raw(b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n");
    b.entries.insert(1, common::Entry::InFile(at, 0));
    b.obj(2, 0, "<</Type/Pages/Kids[]/Count 0>>");
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    assert_eq!(doc.catalog()?.0, r(1));
    Ok(())
}

#[test]
fn tail_variants() {
    let base = simple_table_pdf();
    let at = base
        .windows(9)
        .rposition(|w| w == b"startxref")
        .expect("has startxref");
    let body = &base[..at];
    let x = Document::open(base.clone(), Limits::default())
        .map(|d| d.startxref())
        .expect("opens");
    let variants: Vec<(Vec<u8>, bool)> = vec![
        (format!("startxref {x}\n%%EOF").into_bytes(), true),
        (format!("startxref\r\n{x}\r\n%%EOF\r\n").into_bytes(), true),
        (
            format!("startxref\n{x}\n%%EOF\n\n\0\0garbage after EOF\n").into_bytes(),
            true,
        ),
        (format!("startxref\n{x}\n").into_bytes(), false),
        (format!("startxref\n{x}0\n%%EOF\n").into_bytes(), false),
        (format!("startxref\nx{x}\n%%EOF\n").into_bytes(), false),
        (format!("startxref\n{}\n%%EOF\n", x + 1).into_bytes(), false),
        (b"startxref\n99999999\n%%EOF\n".to_vec(), false),
        (b"%%EOF\n".to_vec(), false),
    ];
    for (tail, ok) in variants {
        let mut v = body.to_vec();
        v.extend_from_slice(&tail);
        let res = Document::open(v, Limits::default());
        assert_eq!(res.is_ok(), ok, "{}: {:?}", tail.escape_ascii(), res.err());
    }
    // A startxref beyond the last 1024 bytes is not found.
    let mut v = base.clone();
    v.extend(std::iter::repeat_n(b' ', 2000));
    assert!(matches!(
        Document::open(v, Limits::default()),
        Err(PdfError::StartXref(_))
    ));
}

#[test]
fn headers() {
    let base = simple_table_pdf();
    for (h, ok) in [
        (&b"%PDF-1.4"[..], true),
        (b"%PDF-2.0", true),
        (b"%PDF-X.Y", false),
        (b"%FDP-1.7", false),
    ] {
        let mut v = base.clone();
        v[..8].copy_from_slice(h);
        assert_eq!(
            Document::open(v, Limits::default()).is_ok(),
            ok,
            "{}",
            h.escape_ascii()
        );
    }
    assert!(matches!(
        Document::open(b"%PDF-1".to_vec(), Limits::default()),
        Err(PdfError::BadHeader)
    ));
    assert!(matches!(
        Document::open(Vec::new(), Limits::default()),
        Err(PdfError::BadHeader)
    ));
}

#[test]
fn table_row_forms() {
    // The three allowed two-byte row endings, and a wrong one.
    for (eol, ok) in [
        (&b"\r\n"[..], true),
        (b" \n", true),
        (b" \r", true),
        (b"\n\n", false),
    ] {
        let mut b = Builder::new();
        common::simple_objects(&mut b);
        let mut v = b.finish();
        let at = v.len();
        v.extend_from_slice(b"xref\n0 7\n");
        let e = |s: &str, v: &mut Vec<u8>| {
            v.extend_from_slice(s.as_bytes());
            v.extend_from_slice(eol);
        };
        e("0000000000 65535 f", &mut v);
        for n in 1..=6u32 {
            let Some(common::Entry::InFile(o, _)) = b.entries.get(&n) else {
                unreachable!()
            };
            e(&format!("{o:010} 00000 n"), &mut v);
        }
        v.extend_from_slice(
            format!("trailer<</Size 7/Root 1 0 R>>\nstartxref\n{at}\n%%EOF").as_bytes(),
        );
        let res = Document::open(v, Limits::default());
        assert_eq!(res.is_ok(), ok, "{}: {:?}", eol.escape_ascii(), res.err());
        if let Ok(doc) = res {
            assert_eq!(doc.pages().map(|p| p.len()).ok(), Some(2));
        }
    }
}

#[test]
fn multiple_subsections() -> Result<(), PdfError> {
    let mut b = Builder::new();
    common::simple_objects(&mut b);
    let mut v = b.finish();
    let at = v.len();
    let row = |n: u32| match b.entries.get(&n) {
        Some(common::Entry::InFile(o, _)) => format!("{o:010} 00000 n \n"),
        _ => unreachable!(),
    };
    let mut s = String::from("xref\n0 1\n0000000000 65535 f \n");
    s.push_str(&format!("1 2\n{}{}", row(1), row(2)));
    s.push_str(&format!(
        "3  4 \r\n{}{}{}{}",
        row(3),
        row(4),
        row(5),
        row(6)
    ));
    s.push_str(&format!(
        "trailer\n<</Size 7/Root 1 0 R>>\nstartxref\n{at}\n%%EOF\n"
    ));
    v.extend_from_slice(s.as_bytes());
    check_simple(&Document::open(v, Limits::default())?)
}

#[test]
fn duplicate_numbers_in_one_section_are_rejected() {
    let mut b = Builder::new();
    common::simple_objects(&mut b);
    let mut v = b.finish();
    let at = v.len();
    v.extend_from_slice(
        format!("xref\n1 1\n0000000015 00000 n \n1 1\n0000000015 00000 n \ntrailer<</Size 7/Root 1 0 R>>\nstartxref\n{at}\n%%EOF\n").as_bytes(),
    );
    assert!(matches!(
        Document::open(v, Limits::default()),
        Err(PdfError::Xref { .. })
    ));
}
