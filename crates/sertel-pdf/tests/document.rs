//! Reading documents built by hand: tables, streams, object streams, hybrids, revisions.

mod common;

use common::{check_simple, simple_stream_pdf, simple_table_pdf, Builder};
use sertel_pdf::{Document, Limits, Name, ObjRef, Object, PdfError, Prefix, XrefEntry, XrefKind};

fn open(bytes: Vec<u8>) -> Document {
    Document::open(bytes, Limits::default()).unwrap_or_else(|e| panic!("open failed: {e}"))
}

fn r(num: u32) -> ObjRef {
    ObjRef::new(num, 0)
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
