//! Decrypting `/V 5` AES-256 documents with a given file key, and the whole-file writer.

use aws_lc_rs::cipher::{EncryptionContext, PaddedBlockEncryptingKey, UnboundCipherKey, AES_256};
use aws_lc_rs::iv::FixedLength;
use sertel_pdf::{
    Dict, Document, FileKey, FileWriter, Limits, ObjRef, Object, PdfError, Stream, XrefStyle,
};

const KEY: [u8; 32] = [7; 32];

fn aes(key: &[u8; 32], iv: [u8; 16], data: &[u8]) -> Vec<u8> {
    let k = PaddedBlockEncryptingKey::cbc_pkcs7(UnboundCipherKey::new(&AES_256, key).expect("key"))
        .expect("cipher");
    let mut buf = data.to_vec();
    k.less_safe_encrypt(&mut buf, EncryptionContext::Iv128(FixedLength::from(iv)))
        .expect("encrypt");
    let mut out = iv.to_vec();
    out.extend_from_slice(&buf);
    out
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).expect("in-memory");
    e.finish().expect("in-memory")
}

fn encrypt_dict(v: i64, cfm: &[u8]) -> Dict {
    let mut cf = Dict::new();
    cf.set(b"CFM", Object::name(cfm));
    cf.set(b"AuthEvent", Object::name(b"DocOpen"));
    let mut cfs = Dict::new();
    cfs.set(b"DefaultCryptFilter", Object::Dictionary(cf));
    let mut d = Dict::new();
    d.set(b"Filter", Object::name(b"Adobe.PubSec"));
    d.set(b"V", Object::Integer(v));
    d.set(b"CF", Object::Dictionary(cfs));
    d.set(b"StmF", Object::name(b"DefaultCryptFilter"));
    d.set(b"StrF", Object::name(b"DefaultCryptFilter"));
    d.set(
        b"Recipients",
        Object::Array(vec![Object::hex_string(b"kept as is".to_vec())]),
    );
    d
}

/// A one-page document encrypted under `KEY`: an encrypted title string in /Info, an
/// encrypted Flate content stream, an object stream (encrypted as a whole) holding a
/// dictionary with a string, and a signature dictionary whose /Contents stays in the clear.
fn encrypted_doc(style: XrefStyle, v: i64) -> Vec<u8> {
    let mut w = FileWriter::new((2, 0));
    let r = |n| ObjRef::new(n, 0);
    w.put(
        r(1),
        Object::Dictionary(Dict::from_pairs([
            (&b"Type"[..], Object::name(b"Catalog")),
            (&b"Pages"[..], Object::Reference(r(2))),
            (&b"Extra"[..], Object::Reference(r(7))),
            (&b"Sig"[..], Object::Reference(r(8))),
        ])),
    );
    w.put(
        r(2),
        Object::Dictionary(Dict::from_pairs([
            (&b"Type"[..], Object::name(b"Pages")),
            (&b"Kids"[..], Object::Array(vec![Object::Reference(r(3))])),
            (&b"Count"[..], Object::Integer(1)),
        ])),
    );
    w.put(
        r(3),
        Object::Dictionary(Dict::from_pairs([
            (&b"Type"[..], Object::name(b"Page")),
            (&b"Parent"[..], Object::Reference(r(2))),
            (
                &b"MediaBox"[..],
                Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
            ),
            (&b"Contents"[..], Object::Reference(r(4))),
        ])),
    );
    let content = b"BT /F1 12 Tf 72 720 Td (Surat Keputusan) Tj ET".to_vec();
    let mut sd = Dict::new();
    sd.set(b"Filter", Object::name(b"FlateDecode"));
    w.put(
        r(4),
        Object::Stream(Stream::new(sd, aes(&KEY, [1; 16], &deflate(&content)))),
    );
    w.put(
        r(5),
        Object::Dictionary(Dict::from_pairs([(
            &b"Title"[..],
            Object::string(aes(&KEY, [2; 16], b"Surat Dinas")),
        )])),
    );
    w.put(r(6), Object::Dictionary(encrypt_dict(v, b"AESV3")));
    // Object 7 lives in object stream 9: its string is not encrypted on its own.
    let inner = b"<< /Note (di dalam) >>";
    let header = b"7 0 ";
    let mut objstm = header.to_vec();
    objstm.extend_from_slice(inner);
    let mut od = Dict::new();
    od.set(b"Type", Object::name(b"ObjStm"));
    od.set(b"N", Object::Integer(1));
    od.set(b"First", Object::Integer(header.len() as i64));
    w.put(
        r(9),
        Object::Stream(Stream::new(od, aes(&KEY, [3; 16], &objstm))),
    );
    w.put(
        r(8),
        Object::Dictionary(Dict::from_pairs([
            (&b"Type"[..], Object::name(b"Sig")),
            (&b"Contents"[..], Object::hex_string(vec![0xAB; 8])),
            (
                &b"Name"[..],
                Object::string(aes(&KEY, [4; 16], b"Penandatangan")),
            ),
        ])),
    );
    let mut trailer = Dict::new();
    trailer.set(b"Root", Object::Reference(r(1)));
    trailer.set(b"Info", Object::Reference(r(5)));
    trailer.set(b"Encrypt", Object::Reference(r(6)));
    trailer.set(
        b"ID",
        Object::Array(vec![
            Object::hex_string(vec![1; 16]),
            Object::hex_string(vec![1; 16]),
        ]),
    );
    let bytes = w.finish(trailer, style).expect("write");
    // Object 7 is in object stream 9: append an update whose xref says so.
    with_compressed_object(bytes, 7, 9, 0)
}

/// Appends a cross-reference stream section marking `num` as compressed in `stream`.
fn with_compressed_object(mut bytes: Vec<u8>, num: u32, stream: u32, index: u16) -> Vec<u8> {
    let doc = Document::open(bytes.clone(), Limits::default()).expect("open base");
    let prev = doc.startxref();
    let size = doc.next_object_number().max(num + 1) + 1;
    let xs = size - 1;
    let offset = bytes.len() as u64;
    let mut rows = vec![2u8];
    rows.extend_from_slice(&stream.to_be_bytes());
    rows.extend_from_slice(&index.to_be_bytes());
    rows.push(1);
    rows.extend_from_slice(&(offset as u32).to_be_bytes());
    rows.extend_from_slice(&0u16.to_be_bytes());
    let mut d = doc.trailer().clone();
    for k in [
        &b"XRefStm"[..],
        b"Filter",
        b"Index",
        b"W",
        b"DecodeParms",
        b"Type",
    ] {
        d.remove(k);
    }
    d.set(b"Type", Object::name(b"XRef"));
    d.set(b"Size", Object::from(size));
    d.set(b"Prev", Object::Integer(prev as i64));
    d.set(
        b"Index",
        Object::Array(vec![num.into(), 1.into(), xs.into(), 1.into()]),
    );
    d.set(b"W", Object::Array(vec![1.into(), 4.into(), 2.into()]));
    let mut obj = format!("{xs} 0 obj\n").into_bytes();
    sertel_pdf::write_object(&mut obj, &Object::Stream(Stream::new(d, rows))).expect("write");
    bytes.extend_from_slice(&obj);
    bytes.extend_from_slice(format!("\nendobj\nstartxref\n{offset}\n%%EOF\n").as_bytes());
    bytes
}

fn open_decrypting(bytes: Vec<u8>, key: [u8; 32]) -> Document {
    let mut doc = Document::open(bytes, Limits::strict()).expect("open");
    doc.set_file_key(FileKey::new(key)).expect("set key");
    doc
}

fn string_at(doc: &Document, num: u32, key: &[u8]) -> Vec<u8> {
    let obj = doc.get(ObjRef::new(num, 0)).expect("object");
    obj.as_dict()
        .and_then(|d| d.get(key))
        .and_then(Object::as_string)
        .map(|s| s.bytes.clone())
        .expect("string entry")
}

#[test]
fn decrypts_strings_streams_and_object_streams_with_either_xref_style() {
    for style in [XrefStyle::Table, XrefStyle::Stream] {
        let doc = open_decrypting(encrypted_doc(style, 5), KEY);
        assert!(doc.is_encrypted() && doc.is_decrypting());
        assert_eq!(string_at(&doc, 5, b"Title"), b"Surat Dinas", "{style:?}");
        let Object::Stream(s) = doc.get(ObjRef::new(4, 0)).expect("content") else {
            panic!("content is not a stream");
        };
        assert_eq!(
            doc.stream_decoded(&s).expect("decode"),
            b"BT /F1 12 Tf 72 720 Td (Surat Keputusan) Tj ET"
        );
        assert_eq!(string_at(&doc, 7, b"Note"), b"di dalam", "{style:?}");
        // Signature /Contents stays in the clear; its other strings are decrypted.
        assert_eq!(string_at(&doc, 8, b"Contents"), vec![0xAB; 8]);
        assert_eq!(string_at(&doc, 8, b"Name"), b"Penandatangan");
        // The encryption dictionary's strings are never decrypted.
        let enc = doc.get(ObjRef::new(6, 0)).expect("encrypt dict");
        let recipients = enc.as_dict().and_then(|d| d.get_array(b"Recipients"));
        assert_eq!(
            recipients
                .and_then(|a| a.first())
                .and_then(Object::as_string)
                .map(|s| s.bytes.clone()),
            Some(b"kept as is".to_vec())
        );
    }
}

#[test]
fn without_a_key_strings_come_back_as_stored() {
    let doc = Document::open(encrypted_doc(XrefStyle::Table, 5), Limits::strict()).expect("open");
    assert!(doc.is_encrypted() && !doc.is_decrypting());
    let stored = string_at(&doc, 5, b"Title");
    assert_eq!(stored.len(), 32);
    assert_eq!(&stored[..16], &[2; 16]);
    let enc = doc.encryption().expect("read").expect("encrypted");
    assert_eq!(enc.reference(), Some(ObjRef::new(6, 0)));
    assert_eq!(
        enc.filter().map(|n| n.as_bytes().to_vec()),
        Some(b"Adobe.PubSec".to_vec())
    );
    assert!(enc.encrypt_metadata());
}

#[test]
fn a_wrong_key_is_a_decryption_error() {
    let doc = open_decrypting(encrypted_doc(XrefStyle::Table, 5), [8; 32]);
    match doc.get(ObjRef::new(5, 0)) {
        Err(PdfError::Decryption(_)) => {}
        // A wrong key gives valid padding about once in 256 tries; then the text is garbage.
        Ok(o) => assert_ne!(
            o.as_dict()
                .and_then(|d| d.get(b"Title"))
                .and_then(Object::as_string)
                .map(|s| s.bytes.clone()),
            Some(b"Surat Dinas".to_vec())
        ),
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
fn other_algorithm_versions_are_unsupported() {
    let mut doc =
        Document::open(encrypted_doc(XrefStyle::Table, 4), Limits::strict()).expect("open");
    let err = doc.set_file_key(FileKey::new(KEY)).expect_err("V4 refused");
    assert!(
        matches!(err, PdfError::UnsupportedEncryption(ref m) if m.contains("/V 4")),
        "{err}"
    );
    assert!(!doc.is_decrypting());
}

#[test]
fn damaged_ciphertext_is_an_error_not_a_panic() {
    let key = FileKey::new(KEY);
    let mut w = FileWriter::new((2, 0));
    let r = |n| ObjRef::new(n, 0);
    w.put(
        r(1),
        Object::Dictionary(Dict::from_pairs([
            (&b"Type"[..], Object::name(b"Catalog")),
            (&b"A"[..], Object::string(vec![1; 17])),
            (&b"B"[..], Object::string(vec![1; 5])),
        ])),
    );
    w.put(r(2), Object::Dictionary(encrypt_dict(5, b"AESV3")));
    let mut trailer = Dict::new();
    trailer.set(b"Root", Object::Reference(r(1)));
    trailer.set(b"Encrypt", Object::Reference(r(2)));
    let bytes = w.finish(trailer, XrefStyle::Table).expect("write");
    let mut doc = Document::open(bytes, Limits::strict()).expect("open");
    doc.set_file_key(key).expect("key");
    assert!(matches!(doc.get(r(1)), Err(PdfError::Decryption(_))));
}

#[test]
fn file_writer_output_reopens_with_both_styles() {
    for style in [XrefStyle::Table, XrefStyle::Stream] {
        let mut w = FileWriter::new((1, 7));
        w.put(
            ObjRef::new(1, 0),
            Object::Dictionary(Dict::from_pairs([
                (&b"Type"[..], Object::name(b"Catalog")),
                (&b"Pages"[..], Object::Reference(ObjRef::new(3, 0))),
            ])),
        );
        w.put(
            ObjRef::new(3, 0),
            Object::Dictionary(Dict::from_pairs([
                (&b"Type"[..], Object::name(b"Pages")),
                (&b"Kids"[..], Object::Array(vec![])),
                (&b"Count"[..], Object::Integer(0)),
            ])),
        );
        let mut trailer = Dict::new();
        trailer.set(b"Root", Object::Reference(ObjRef::new(1, 0)));
        trailer.set(b"Prev", Object::Integer(99));
        let bytes = w.finish(trailer, style).expect("write");
        let doc = Document::open(bytes, Limits::strict()).expect("reopen");
        assert_eq!(doc.revisions().len(), 1);
        assert!(doc.trailer().get(b"Prev").is_none());
        let want_size = match style {
            XrefStyle::Table => 4,
            XrefStyle::Stream => 5,
        };
        assert_eq!(doc.trailer().get_int(b"Size"), Some(want_size));
        assert!(doc.pages().expect("pages").is_empty());
    }
}
