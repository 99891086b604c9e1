//! Incremental updates: exact bytes, round trips through the reader, and qpdf's opinion.

mod common;

use common::{qpdf, qpdf_check, simple_stream_pdf, simple_table_pdf, tempdir, Builder};
use sertel_pdf::{
    Dict, Document, IncrementalUpdate, Limits, ObjRef, Object, PdfError, Stream, StreamData,
    Written, XrefKind,
};

fn r(num: u32) -> ObjRef {
    ObjRef::new(num, 0)
}

fn fnv128(parts: &[&[u8]]) -> Vec<u8> {
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for p in parts {
        for &b in *p {
            h ^= u128::from(b);
            h = h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
        }
    }
    h.to_be_bytes().to_vec()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02X}")).collect()
}

#[track_caller]
fn assert_bytes(found: &[u8], expected: &[u8]) {
    assert!(
        found == expected,
        "expected:\n{}\nfound:\n{}",
        expected.escape_ascii(),
        found.escape_ascii()
    );
}

/// Replaces the catalog (adding /Extra) and adds a new object; returns the update.
fn update(doc: &Document) -> Result<Written, PdfError> {
    let mut up = IncrementalUpdate::new(doc)?;
    let extra = up.allocate();
    let (root, mut catalog) = doc.catalog()?;
    catalog.set(b"Extra", Object::Reference(extra));
    up.put(root, Object::Dictionary(catalog));
    up.put(extra, Object::string(b"added".to_vec()));
    up.finish()
}

fn appended(orig: &[u8], w: &Written) -> Vec<u8> {
    let mut v = orig.to_vec();
    v.extend_from_slice(&w.bytes);
    v
}

#[test]
fn exact_bytes_for_a_table_update() -> Result<(), PdfError> {
    let orig = simple_table_pdf();
    let doc = Document::open(orig.clone(), Limits::default())?;
    let w = update(&doc)?;
    let n = orig.len();
    let prev = doc.startxref();
    let obj1 = b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Extra 7 0 R >>\nendobj".to_vec();
    let obj7 = b"7 0 obj\n(added)\nendobj".to_vec();
    let mut objects = obj1.clone();
    objects.push(b'\n');
    objects.extend_from_slice(&obj7);
    objects.push(b'\n');
    let digest = fnv128(&[&(n as u64).to_be_bytes(), &prev.to_be_bytes(), &objects]);
    let xref_at = n + objects.len();
    let off1 = n;
    let off7 = n + obj1.len() + 1;
    let mut expected = objects.clone();
    expected.extend_from_slice(
        format!(
            "xref\n0 2\n0000000000 65535 f\r\n{off1:010} 00000 n\r\n7 1\n{off7:010} 00000 n\r\n\
             trailer\n<< /Size 8 /Root 1 0 R /Info 6 0 R /ID [<0102030405060708090A0B0C0D0E0F10> <{}>] /Prev {prev} >>\n\
             startxref\n{xref_at}\n%%EOF\n",
            hex(&digest)
        )
        .as_bytes(),
    );
    assert_bytes(&w.bytes, &expected);
    assert_eq!(
        w.objects,
        vec![
            (r(1), 0..obj1.len()),
            (r(7), obj1.len() + 1..obj1.len() + 1 + obj7.len())
        ]
    );
    Ok(())
}

fn round_trip(orig: Vec<u8>, kind: XrefKind) -> Result<Vec<u8>, PdfError> {
    let doc = Document::open(orig.clone(), Limits::default())?;
    let pages_before = doc.pages()?;
    let w = update(&doc)?;
    for (obj, range) in &w.objects {
        let text = &w.bytes[range.clone()];
        assert!(text.starts_with(format!("{} {} obj", obj.num, obj.gen).as_bytes()));
        assert!(text.ends_with(b"endobj"));
    }
    let updated = appended(&orig, &w);
    assert_eq!(&updated[..orig.len()], &orig[..], "original bytes changed");
    let doc2 = Document::open(updated.clone(), Limits::default())?;
    let revs = doc2.revisions();
    assert_eq!(revs.len(), doc.revisions().len() + 1);
    // The old revisions end where the original ended (plus the end-of-line marker the
    // update adds after a final %%EOF that lacked one). Linearized files list their
    // first-page section (which ends early) as the newest, so look at the furthest end.
    let added_eol = u64::from(w.bytes.first() == Some(&b'\n') && !orig.ends_with(b"\n"));
    let old_end = revs[..revs.len() - 1].iter().map(|r| r.end).max();
    assert_eq!(old_end, Some(orig.len() as u64 + added_eol));
    assert_eq!(revs[revs.len() - 1].end, updated.len() as u64);
    assert_eq!(revs[revs.len() - 1].kind, kind);
    assert_eq!(
        revs[revs.len() - 1].trailer.get_int(b"Prev"),
        Some(doc.startxref() as i64)
    );
    let (root, catalog) = doc2.catalog()?;
    assert_eq!(root, doc.catalog()?.0);
    let extra = catalog.get_ref(b"Extra").expect("catalog has /Extra");
    assert_eq!(extra.num, doc.next_object_number());
    assert_eq!(doc2.get(extra)?, Object::string(b"added".to_vec()));
    assert_eq!(doc2.pages()?, pages_before);
    assert!(doc2.next_object_number() > extra.num);
    // The ID keeps its first element.
    let id = |d: &Document| d.trailer().get_array(b"ID").map(<[Object]>::to_vec);
    if let (Some(old), Some(new)) = (id(&doc), id(&doc2)) {
        assert_eq!(old[0], new[0]);
        assert_ne!(old[1], new[1]);
    }
    Ok(updated)
}

#[test]
fn table_round_trip_passes_qpdf() -> Result<(), PdfError> {
    let updated = round_trip(simple_table_pdf(), XrefKind::Table)?;
    let (ok, out) = qpdf_check(&updated);
    assert!(ok, "qpdf --check failed:\n{out}");
    // And a second update on top.
    let twice = round_trip(updated, XrefKind::Table)?;
    let doc = Document::open(twice.clone(), Limits::default())?;
    assert_eq!(doc.revisions().len(), 3);
    let (ok, out) = qpdf_check(&twice);
    assert!(ok, "qpdf --check failed:\n{out}");
    Ok(())
}

#[test]
fn stream_round_trip_passes_qpdf() -> Result<(), PdfError> {
    let updated = round_trip(simple_stream_pdf(), XrefKind::Stream)?;
    let (ok, out) = qpdf_check(&updated);
    assert!(ok, "qpdf --check failed:\n{out}");
    let doc = Document::open(updated.clone(), Limits::default())?;
    // Object 7 was the old xref stream, 8 is the added object, 9 the new xref stream.
    assert_eq!(doc.trailer().get_int(b"Size"), Some(10));
    assert!(doc.trailer().has_name(b"Type", b"XRef"));
    assert!(matches!(doc.get(r(9))?, Object::Stream(_)));
    assert_eq!(doc.get(r(8))?, Object::string(b"added".to_vec()));
    let twice = round_trip(updated, XrefKind::Stream)?;
    let (ok, out) = qpdf_check(&twice);
    assert!(ok, "qpdf --check failed:\n{out}");
    Ok(())
}

#[test]
fn missing_final_eol_gets_one() -> Result<(), PdfError> {
    let mut orig = simple_table_pdf();
    assert_eq!(orig.pop(), Some(b'\n'));
    let doc = Document::open(orig.clone(), Limits::default())?;
    assert_eq!(doc.revisions()[0].end, orig.len() as u64);
    let w = update(&doc)?;
    assert!(w.bytes.starts_with(b"\n1 0 obj\n"));
    assert_eq!(w.objects[0].1.start, 1);
    let updated = round_trip(orig, XrefKind::Table)?;
    let (ok, out) = qpdf_check(&updated);
    assert!(ok, "qpdf --check failed:\n{out}");
    Ok(())
}

#[test]
fn streams_and_ids() -> Result<(), PdfError> {
    // No /ID and no /Info in the original.
    let mut b = Builder::new();
    common::simple_objects(&mut b);
    b.xref_table("/Root 1 0 R");
    let orig = b.finish();
    let doc = Document::open(orig.clone(), Limits::default())?;
    let mut up = IncrementalUpdate::new(&doc)?;
    let s = up.allocate();
    let mut d = Dict::new();
    d.set(b"Type", Object::name(b"Metadata"));
    up.put(
        s,
        Object::Stream(Stream::new(d, b"<x/>\n\r\0binary".to_vec())),
    );
    let w = up.finish()?;
    let updated = appended(&orig, &w);
    let doc2 = Document::open(updated.clone(), Limits::default())?;
    let id = doc2.trailer().get_array(b"ID").expect("new /ID").to_vec();
    assert_eq!(id.len(), 2);
    assert_eq!(id[0], id[1]);
    assert!(!doc2.trailer().contains_key(b"Info"));
    let Object::Stream(st) = doc2.get(s)? else {
        panic!("not a stream")
    };
    assert_eq!(doc2.stream_decoded(&st)?, b"<x/>\n\r\0binary");
    let (ok, out) = qpdf_check(&updated);
    assert!(ok, "qpdf --check failed:\n{out}");
    Ok(())
}

#[test]
fn unwritable_objects_fail_finish() -> Result<(), PdfError> {
    let doc = Document::open(simple_table_pdf(), Limits::default())?;
    let Object::Stream(content) = doc.get(r(5))? else {
        panic!("not a stream")
    };
    assert!(matches!(content.data, StreamData::InFile { .. }));
    let mut up = IncrementalUpdate::new(&doc)?;
    up.put(r(5), Object::Stream(content.clone()));
    assert!(matches!(up.finish(), Err(PdfError::Unwritable(_))));
    // Loading the data into memory first makes it writable.
    let mut up = IncrementalUpdate::new(&doc)?;
    let data = doc.stream_raw(&content)?;
    up.put(
        r(5),
        Object::Stream(Stream {
            dict: content.dict.clone(),
            data: StreamData::InMemory(data),
        }),
    );
    assert!(up.finish().is_ok());
    let mut up = IncrementalUpdate::new(&doc)?;
    up.put(r(0), Object::Null);
    assert!(up.finish().is_err());
    Ok(())
}

#[test]
fn allocation_and_replacement() -> Result<(), PdfError> {
    let doc = Document::open(simple_table_pdf(), Limits::default())?;
    let mut up = IncrementalUpdate::new(&doc)?;
    assert_eq!(up.allocate(), r(7));
    assert_eq!(up.allocate(), r(8));
    up.put(r(20), Object::Null);
    assert_eq!(up.allocate(), r(21));
    up.put(r(8), Object::Integer(1));
    up.put(r(8), Object::Integer(2));
    assert_eq!(up.get(8), Some(&Object::Integer(2)));
    up.put(ObjRef::new(3, 0), Object::Integer(3));
    let w = up.finish()?;
    let nums: Vec<u32> = w.objects.iter().map(|(r, _)| r.num).collect();
    assert_eq!(nums, vec![3, 8, 20]);
    let text = String::from_utf8_lossy(&w.bytes).to_string();
    assert!(
        text.contains("xref\n0 1\n0000000000 65535 f\r\n3 1\n"),
        "{text}"
    );
    assert!(text.contains("/Size 22"), "{text}");
    Ok(())
}

#[test]
fn hybrid_documents_get_a_table() -> Result<(), PdfError> {
    let path = common::corpus_dir().join("minimal-hybrid-xref.pdf");
    let orig = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = Document::open(orig.clone(), Limits::default())?;
    assert_eq!(
        doc.revisions().last().map(|r| r.kind),
        Some(XrefKind::Hybrid)
    );
    let updated = round_trip(orig, XrefKind::Table)?;
    let (ok, out) = qpdf_check(&updated);
    assert!(ok, "qpdf --check failed:\n{out}");
    Ok(())
}

/// Runs qpdf with `args` on `input`, returns the output file's bytes.
fn qpdf_convert(input: &[u8], args: &[&str]) -> Vec<u8> {
    let dir = tempdir();
    let (inp, outp) = (dir.join("in.pdf"), dir.join("out.pdf"));
    std::fs::write(&inp, input).expect("write temp file");
    let status = std::process::Command::new(qpdf())
        .args(args)
        .arg(&inp)
        .arg(&outp)
        .status()
        .expect("run qpdf");
    assert!(status.success(), "qpdf {args:?} failed");
    let out = std::fs::read(&outp).expect("read qpdf output");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn qpdf_object_streams() -> Result<(), PdfError> {
    let converted = qpdf_convert(&simple_table_pdf(), &["--object-streams=generate"]);
    let doc = Document::open(converted.clone(), Limits::default())?;
    assert_eq!(
        doc.revisions().last().map(|r| r.kind),
        Some(XrefKind::Stream)
    );
    assert!(doc.objects().any(|o| matches!(
        doc.xref_entry(o.num),
        Some(sertel_pdf::XrefEntry::InObjectStream { .. })
    )));
    assert_eq!(doc.pages()?.len(), 2);
    let updated = round_trip(converted, XrefKind::Stream)?;
    let (ok, out) = qpdf_check(&updated);
    assert!(ok, "qpdf --check failed:\n{out}");
    Ok(())
}

#[test]
fn qpdf_linearized() -> Result<(), PdfError> {
    for args in [
        &["--linearize"][..],
        &["--linearize", "--object-streams=generate"],
    ] {
        let converted = qpdf_convert(&simple_table_pdf(), args);
        let doc = Document::open(converted.clone(), Limits::default())?;
        assert_eq!(doc.pages()?.len(), 2, "{args:?}");
        for o in doc.objects() {
            doc.get(o)?;
        }
        let updated = round_trip(
            converted,
            doc.revisions()
                .last()
                .map_or(XrefKind::Table, |r| match r.kind {
                    XrefKind::Hybrid => XrefKind::Table,
                    k => k,
                }),
        )?;
        let (ok, out) = qpdf_check(&updated);
        assert!(ok, "{args:?}: qpdf --check failed:\n{out}");
    }
    Ok(())
}
