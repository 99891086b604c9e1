//! Reading documents built by hand: tables, streams, object streams, hybrids, revisions.

mod common;

use common::{simple_stream_pdf, simple_table_pdf, zlib, Builder};
use sertel_pdf::{
    Document, Limits, Name, ObjRef, Object, PdfError, Prefix, StreamData, XrefEntry, XrefKind,
};

fn open(bytes: Vec<u8>) -> Document {
    Document::open(bytes, Limits::default()).unwrap_or_else(|e| panic!("open failed: {e}"))
}

fn r(num: u32) -> ObjRef {
    ObjRef::new(num, 0)
}

fn check_simple(doc: &Document) -> Result<(), PdfError> {
    let (root, cat) = doc.catalog()?;
    assert_eq!(root, r(1));
    assert_eq!(cat.get_ref(b"Pages"), Some(r(2)));
    assert_eq!(doc.pages()?, vec![r(3), r(4)]);
    let mb = |p| doc.inherited(p, b"MediaBox");
    assert_eq!(
        mb(r(3))?,
        Some(Object::Array(vec![
            0.into(),
            0.into(),
            612.into(),
            792.into()
        ]))
    );
    assert_eq!(
        mb(r(4))?,
        Some(Object::Array(vec![
            0.into(),
            0.into(),
            100.into(),
            200.into()
        ]))
    );
    assert_eq!(doc.inherited(r(4), b"Rotate")?, Some(Object::Integer(90)));
    assert_eq!(doc.inherited(r(3), b"Rotate")?, None);
    assert!(doc.inherited(r(3), b"Resources")?.is_some());
    let Object::Stream(s) = doc.get(r(5))? else {
        panic!("object 5 is not a stream");
    };
    assert!(matches!(s.data, StreamData::InFile { .. }));
    assert_eq!(doc.stream_decoded(&s)?, b"BT /F1 12 Tf (Hello) Tj ET");
    assert_eq!(doc.stream_raw(&s)?, zlib(b"BT /F1 12 Tf (Hello) Tj ET"));
    let info = doc.resolve(&Object::Reference(r(6)))?;
    assert_eq!(
        info.as_dict()
            .and_then(|d| d.get(b"Producer"))
            .and_then(Object::as_string)
            .map(|s| s.bytes.clone()),
        Some(b"sertel tests".to_vec())
    );
    assert!(!doc.is_encrypted());
    Ok(())
}

#[test]
fn classic_table() -> Result<(), PdfError> {
    let bytes = simple_table_pdf();
    let len = bytes.len() as u64;
    let doc = open(bytes);
    check_simple(&doc)?;
    assert_eq!(doc.len(), len);
    assert_eq!(doc.version(), (1, 7));
    assert_eq!(doc.revisions().len(), 1);
    let rev = &doc.revisions()[0];
    assert_eq!(rev.kind, XrefKind::Table);
    assert_eq!(rev.end, len);
    assert_eq!(rev.xref_offset, doc.startxref());
    assert_eq!(doc.trailer().get_int(b"Size"), Some(7));
    assert_eq!(doc.next_object_number(), 7);
    assert_eq!(
        doc.objects().collect::<Vec<_>>(),
        (1..=6).map(r).collect::<Vec<_>>()
    );
    assert!(matches!(
        doc.xref_entry(1),
        Some(XrefEntry::InFile { offset: 15, gen: 0 })
    ));
    assert!(matches!(
        doc.xref_entry(0),
        Some(XrefEntry::Free {
            next: 0,
            gen: 65535
        })
    ));
    assert_eq!(doc.xref_entry(99), None);
    Ok(())
}

#[test]
fn xref_stream_with_predictor() -> Result<(), PdfError> {
    let doc = open(simple_stream_pdf());
    check_simple(&doc)?;
    assert_eq!(doc.revisions()[0].kind, XrefKind::Stream);
    assert!(doc.trailer().has_name(b"Type", b"XRef"));
    assert_eq!(doc.next_object_number(), 8);
    // The xref stream is itself an object.
    assert!(matches!(doc.get(r(7))?, Object::Stream(_)));
    Ok(())
}

#[test]
fn xref_stream_without_predictor() -> Result<(), PdfError> {
    let mut b = Builder::new();
    common::simple_objects(&mut b);
    b.xref_stream(7, "/Root 1 0 R", false);
    check_simple(&open(b.finish()))
}

#[test]
fn object_streams() -> Result<(), PdfError> {
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.objstm(
        10,
        &[
            (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            (
                3,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 1] /Str (a\\)b) >>",
            ),
            (4, "[1 2 3]"),
            (5, "42"),
        ],
    );
    b.xref_stream(11, "/Root 1 0 R", true);
    let doc = open(b.finish());
    assert_eq!(doc.pages()?, vec![r(3)]);
    assert_eq!(doc.get(r(5))?, Object::Integer(42));
    assert_eq!(
        doc.get(r(4))?,
        Object::Array(vec![1.into(), 2.into(), 3.into()])
    );
    assert!(matches!(
        doc.xref_entry(4),
        Some(XrefEntry::InObjectStream {
            stream: 10,
            index: 2
        })
    ));
    // Objects in object streams have generation 0 only.
    assert!(matches!(
        doc.get(ObjRef::new(5, 1)),
        Err(PdfError::MissingObject(_))
    ));
    let objects: Vec<ObjRef> = doc.objects().collect();
    assert_eq!(objects, [1, 2, 3, 4, 5, 10, 11].map(r).to_vec());
    Ok(())
}

#[test]
fn indirect_length() -> Result<(), PdfError> {
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(2, 0, "<< /Type /Pages /Kids [] /Count 0 >>");
    b.obj_bytes(
        3,
        0,
        b"<< /Length 4 0 R >>\r\nstream\r\nabcdef\r\nendstream",
    );
    b.obj(4, 0, "6");
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    let Object::Stream(s) = doc.get(r(3))? else {
        panic!("not a stream")
    };
    assert_eq!(doc.stream_decoded(&s)?, b"abcdef");
    assert_eq!(doc.pages()?, vec![]);
    Ok(())
}

#[test]
fn wrong_length_is_an_error() {
    // /Length 7 takes the end-of-line marker into the data, which is legal.
    for (len, ok) in [
        ("5", false),
        ("8", false),
        ("6", true),
        ("7", true),
        ("60", false),
        ("-1", false),
        ("(6)", false),
    ] {
        let mut b = Builder::new();
        b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
        b.obj_bytes(
            3,
            0,
            format!("<< /Length {len} >>\nstream\nabcdef\nendstream").as_bytes(),
        );
        b.xref_table("/Root 1 0 R");
        let doc = open(b.finish());
        assert_eq!(doc.get(r(3)).is_ok(), ok, "/Length {len}");
    }
}

#[test]
fn missing_free_and_mismatched_objects() {
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(2, 3, "<< /Type /Pages /Kids [] /Count 0 >>");
    b.entries.insert(3, common::Entry::Free(0, 1));
    b.obj(4, 0, "(four)");
    // Object 5's entry points at object 4's header.
    let four = match b.entries.get(&4) {
        Some(common::Entry::InFile(o, _)) => *o,
        _ => unreachable!(),
    };
    b.entries.insert(5, common::Entry::InFile(four, 0));
    // Object 6's entry points into the middle of object 4.
    b.entries.insert(6, common::Entry::InFile(four + 3, 0));
    // Object 7's entry points past the end of the file.
    b.entries.insert(7, common::Entry::InFile(9_999_999_999, 0));
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    assert!(matches!(
        doc.get(ObjRef::new(2, 3)),
        Ok(Object::Dictionary(_))
    ));
    assert!(matches!(doc.get(r(2)), Err(PdfError::MissingObject(x)) if x == r(2)));
    assert!(matches!(doc.get(r(3)), Err(PdfError::MissingObject(_))));
    assert!(matches!(doc.get(r(99)), Err(PdfError::MissingObject(_))));
    assert!(matches!(doc.get(r(0)), Err(PdfError::MissingObject(_))));
    assert!(
        matches!(doc.get(r(5)), Err(PdfError::ObjectMismatch { expected, .. }) if expected == r(5))
    );
    assert!(matches!(
        doc.get(r(6)),
        Err(PdfError::ObjectMismatch { .. })
    ));
    assert!(matches!(
        doc.get(r(7)),
        Err(PdfError::ObjectMismatch { .. })
    ));
    assert!(matches!(
        doc.resolve(&Object::Reference(r(3))),
        Err(PdfError::MissingObject(_))
    ));
    assert_eq!(
        doc.resolve(&Object::Integer(3)).ok(),
        Some(Object::Integer(3))
    );
}

#[test]
fn revisions_and_prefix() -> Result<(), PdfError> {
    let mut b = Builder::new();
    common::simple_objects(&mut b);
    let first = b.xref_table("/Root 1 0 R");
    let end1 = b.pos();
    b.obj(
        3,
        0,
        "<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Rotate 180 >>",
    );
    b.obj(8, 0, "(new)");
    let second = b.update_table(&[3, 8], "/Root 1 0 R");
    let end2 = b.pos();
    // A third revision in xref-stream form, whose section is followed by a comment.
    b.obj(9, 0, "(newer)");
    b.xref_stream(10, "/Root 1 0 R", true);
    let bytes = b.finish();
    let end3 = bytes.len() as u64;
    let shared = std::sync::Arc::<[u8]>::from(bytes);
    let doc = Document::open(shared.clone(), Limits::default())?;
    let revs = doc.revisions();
    assert_eq!(revs.len(), 3);
    assert_eq!(
        revs.iter()
            .map(|r| (r.xref_offset, r.end, r.kind))
            .collect::<Vec<_>>(),
        vec![
            (first, end1, XrefKind::Table),
            (second, end2, XrefKind::Table),
            (doc.startxref(), end3, XrefKind::Stream)
        ]
    );
    assert_eq!(doc.inherited(r(3), b"Rotate")?, Some(Object::Integer(180)));
    assert_eq!(doc.get(r(9))?, Object::string(b"newer".to_vec()));
    assert_eq!(doc.next_object_number(), 11);

    // The document as of the first revision.
    let old = Document::open(Prefix::new(shared.clone(), end1), Limits::default())?;
    assert_eq!(old.revisions().len(), 1);
    assert_eq!(old.inherited(r(3), b"Rotate")?, None);
    assert!(matches!(old.get(r(8)), Err(PdfError::MissingObject(_))));
    let mid = Document::open(Prefix::new(shared, end2), Limits::default())?;
    assert_eq!(mid.revisions().len(), 2);
    assert_eq!(mid.get(r(8))?, Object::string(b"new".to_vec()));
    Ok(())
}

#[test]
fn hybrid_section() -> Result<(), PdfError> {
    // Main table for objects 1-3; the update is a table with /XRefStm pointing at a stream
    // that lists object 4 (in object stream 5), 5 and itself (6).
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(2, 0, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    b.obj(3, 0, "<< /Type /Page /Parent 2 0 R /Extra 4 0 R >>");
    b.xref_table("/Root 1 0 R");
    b.objstm(5, &[(4, "(hidden)")]);
    let Some(common::Entry::InFile(objstm_at, _)) = b.entries.get(&5).copied() else {
        unreachable!()
    };
    let stm_at = b.pos();
    let mut rows = Vec::new();
    for (t, f2, f3) in [
        (2u8, 5u32, 0u16),
        (1, objstm_at as u32, 0),
        (1, stm_at as u32, 0),
    ] {
        rows.push(t);
        rows.extend_from_slice(&f2.to_be_bytes());
        rows.extend_from_slice(&f3.to_be_bytes());
    }
    b.raw(
        format!(
            "6 0 obj\n<< /Type /XRef /Size 7 /Index [4 3] /W [1 4 2] /Length {} >>\nstream\n",
            rows.len()
        )
        .as_bytes(),
    );
    b.raw(&rows);
    b.raw(b"\nendstream\nendobj\n");
    b.entries.insert(6, common::Entry::InFile(stm_at, 0));
    let update = b.update_table(&[], &format!("/Root 1 0 R /XRefStm {stm_at}"));
    let doc = open(b.finish());
    assert_eq!(doc.revisions().len(), 2);
    assert_eq!(doc.revisions()[1].kind, XrefKind::Hybrid);
    assert_eq!(doc.revisions()[1].xref_offset, update);
    assert_eq!(doc.get(r(4))?, Object::string(b"hidden".to_vec()));
    assert_eq!(doc.pages()?, vec![r(3)]);
    assert_eq!(doc.next_object_number(), 7);
    Ok(())
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

#[test]
fn encrypted_documents_open() -> Result<(), PdfError> {
    let mut b = Builder::new();
    common::simple_objects(&mut b);
    b.obj(
        7,
        0,
        "<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>",
    );
    b.xref_table("/Root 1 0 R /Encrypt 7 0 R /ID [<01> <01>]");
    let doc = open(b.finish());
    assert!(doc.is_encrypted());
    assert_eq!(doc.pages()?.len(), 2);
    assert!(matches!(
        sertel_pdf::IncrementalUpdate::new(&doc),
        Err(PdfError::Encrypted)
    ));
    Ok(())
}

#[test]
fn unsupported_filters() -> Result<(), PdfError> {
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.stream(3, "/Filter /ASCIIHexDecode", b"414243>");
    b.stream(4, "/Filter [/FlateDecode /DCTDecode]", &zlib(b"x"));
    b.stream(5, "/F (external.dat)", b"");
    b.stream(
        6,
        "/Filter [/FlateDecode /FlateDecode] /DecodeParms [null null]",
        &zlib(&zlib(b"twice")),
    );
    b.stream(
        7,
        "/Filter 8 0 R /DecodeParms 9 0 R",
        &zlib(&[2, 1, 2, 2, 1, 1]),
    );
    b.obj(8, 0, "/FlateDecode");
    b.obj(9, 0, "<< /Predictor 12 /Columns 2 >>");
    b.stream(
        10,
        "/Filter /FlateDecode /DecodeParms [<< >> << >>]",
        &zlib(b"x"),
    );
    b.stream(11, "/Filter (FlateDecode)", &zlib(b"x"));
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    let dec = |n| -> Result<Vec<u8>, PdfError> {
        match doc.get(r(n))? {
            Object::Stream(s) => doc.stream_decoded(&s),
            _ => panic!("not a stream"),
        }
    };
    assert!(matches!(dec(3), Err(PdfError::Unsupported(_))));
    assert!(matches!(dec(4), Err(PdfError::Unsupported(_))));
    assert!(matches!(dec(5), Err(PdfError::Unsupported(_))));
    assert_eq!(dec(6)?, b"twice");
    assert_eq!(dec(7)?, vec![1, 2, 2, 3]);
    assert!(matches!(dec(10), Err(PdfError::Invalid(_))));
    assert!(matches!(dec(11), Err(PdfError::Invalid(_))));
    Ok(())
}

#[test]
fn page_tree_rules() {
    let build = |pages: &str, page: &str| {
        let mut b = Builder::new();
        b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
        b.obj(2, 0, pages);
        b.obj(3, 0, page);
        b.xref_table("/Root 1 0 R");
        open(b.finish())
    };
    let good = build(
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R >>",
    );
    assert_eq!(good.pages().ok(), Some(vec![r(3)]));
    for (pages, page) in [
        (
            "<< /Type /Pages /Kids [3 0 R] >>",
            "<< /Type /Page /Parent 1 0 R >>",
        ),
        ("<< /Type /Pages /Kids [3 0 R] >>", "<< /Type /Page >>"),
        ("<< /Type /Pages /Kids [3 0 R] >>", "<< /Parent 2 0 R >>"),
        (
            "<< /Type /Pages /Kids [3 0 R 3 0 R] >>",
            "<< /Type /Page /Parent 2 0 R >>",
        ),
        (
            "<< /Type /Pages /Kids [2 0 R] >>",
            "<< /Type /Page /Parent 2 0 R >>",
        ),
        ("<< /Type /Pages /Kids [<< /Type /Page >>] >>", "null"),
        (
            "<< /Type /Pages /Kids 3 0 R >>",
            "<< /Type /Page /Parent 2 0 R >>",
        ),
        ("<< /Type /Pages >>", "null"),
        ("<< /Type /Page >>", "null"),
        ("<< /Type /Pages /Parent 2 0 R /Kids [] >>", "null"),
        ("<< /Type /Pages /Kids [3 0 R] >>", "[1 2]"),
        ("<< /Type /Pages /Kids [4 0 R] >>", "null"),
    ] {
        let doc = build(pages, page);
        assert!(doc.pages().is_err(), "{pages} / {page}");
    }
    // /Kids may be an indirect array.
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(2, 0, "<< /Type /Pages /Kids 4 0 R /Count 1 >>");
    b.obj(3, 0, "<< /Type /Page /Parent 2 0 R >>");
    b.obj(4, 0, "[3 0 R]");
    b.xref_table("/Root 1 0 R");
    assert_eq!(open(b.finish()).pages().ok(), Some(vec![r(3)]));
}

#[test]
fn deep_but_legal_page_tree() -> Result<(), PdfError> {
    // A chain of 40 /Pages nodes with one page at the bottom.
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    for n in 2..42u32 {
        let parent = if n == 2 {
            String::new()
        } else {
            format!("/Parent {} 0 R", n - 1)
        };
        b.obj(
            n,
            0,
            &format!("<< /Type /Pages /Kids [{} 0 R] /Count 1 {parent} >>", n + 1),
        );
    }
    b.obj(42, 0, "<< /Type /Page /Parent 41 0 R >>");
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    assert_eq!(doc.pages()?, vec![r(42)]);
    let shallow = Document::open(
        {
            let mut b2 = Builder::new();
            b2.buf = b.buf.clone();
            b2.finish()
        },
        Limits {
            max_page_tree_depth: 10,
            ..Limits::default()
        },
    )?;
    assert!(matches!(
        shallow.pages(),
        Err(PdfError::LimitExceeded(sertel_pdf::Limit::PageTreeDepth))
    ));
    assert!(shallow.inherited(r(42), b"MediaBox").is_err());
    Ok(())
}

#[test]
fn files_and_shared_sources() -> Result<(), PdfError> {
    let dir = common::tempdir();
    let path = dir.join("simple.pdf");
    std::fs::write(&path, simple_table_pdf())?;
    let doc = Document::open(std::fs::File::open(&path)?, Limits::default())?;
    check_simple(&doc)?;
    let _ = std::fs::remove_dir_all(&dir);
    let arc: std::sync::Arc<[u8]> = simple_stream_pdf().into();
    check_simple(&Document::open(arc, Limits::default())?)?;
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Document>();
    Ok(())
}

#[test]
fn names_and_dicts() {
    let n = Name::from("A B");
    assert_eq!(n, "A B");
    assert_eq!(n.as_bytes(), b"A B");
    let mut d = sertel_pdf::Dict::new();
    d.set(b"K", Object::Integer(1));
    d.set("L", Object::Null);
    d.set(b"K", Object::Integer(2));
    assert_eq!(d.len(), 2);
    assert_eq!(d.get_int(b"K"), Some(2));
    assert_eq!(
        d.keys().map(|k| k.as_bytes().to_vec()).collect::<Vec<_>>(),
        vec![b"K".to_vec(), b"L".to_vec()]
    );
    if let Some(v) = d.get_mut(b"L") {
        *v = Object::Boolean(true);
    }
    assert_eq!(d.remove(b"K"), Some(Object::Integer(2)));
    assert_eq!(d.iter().count(), 1);
    assert!(!d.is_empty());
    assert_eq!(ObjRef::new(12, 0).to_string(), "12 0 R");
}
