//! Opens arbitrary bytes as a PDF and walks everything reachable: revisions, pages and their
//! inherited attributes, every object, every stream (decoded). Where the document opens and
//! is not encrypted, also appends an incremental update and checks the result reopens.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sertel_pdf::{Document, IncrementalUpdate, Limits, Object, PdfError, Prefix};

fn walk(doc: &Document) {
    let _ = doc.trailer();
    let _ = doc.is_encrypted();
    let _ = doc.next_object_number();
    if let Ok(pages) = doc.pages() {
        for p in pages {
            for key in [&b"MediaBox"[..], b"Resources", b"CropBox", b"Rotate"] {
                if let Ok(Some(v)) = doc.inherited(p, key) {
                    let _ = doc.resolve(&v);
                }
            }
        }
    }
    for r in doc.objects() {
        let _ = doc.xref_entry(r.num);
        match doc.get(r) {
            Ok(Object::Stream(s)) => {
                let _ = doc.stream_raw(&s);
                let _ = doc.stream_decoded(&s);
            }
            Ok(o) => {
                let _ = doc.resolve(&o);
            }
            Err(_) => {}
        }
    }
}

fn update(data: &[u8], doc: &Document) {
    let Ok((root, mut catalog)) = doc.catalog() else {
        return;
    };
    let Ok(mut up) = IncrementalUpdate::new(doc) else {
        return;
    };
    let extra = up.allocate();
    catalog.set(b"FuzzExtra", Object::Reference(extra));
    up.put(root, Object::Dictionary(catalog));
    up.put(extra, Object::Integer(42));
    let written = match up.finish() {
        Ok(w) => w,
        // A catalog holding something unwritable (a non-finite real cannot be parsed, so
        // only structural limits) is not a bug.
        Err(PdfError::Unwritable(_)) => return,
        Err(e) => panic!("finish failed: {e}"),
    };
    let mut bytes = data.to_vec();
    bytes.extend_from_slice(&written.bytes);
    match Document::open(bytes, Limits::strict()) {
        Ok(doc2) => match doc2.get(extra) {
            Ok(Object::Integer(42)) => {}
            Err(PdfError::LimitExceeded(_)) => {}
            other => panic!("added object reads back as {other:?}"),
        },
        Err(PdfError::LimitExceeded(_)) => {}
        Err(e) => panic!("updated document does not reopen: {e}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::open(data.to_vec(), Limits::strict()) else {
        return;
    };
    walk(&doc);
    // Every revision reopens on its own, as a validator does.
    for rev in doc.revisions() {
        if let Ok(old) = Document::open(Prefix::new(data.to_vec(), rev.end), Limits::strict()) {
            let _ = old.pages();
        }
    }
    update(data, &doc);
});
