use super::*;
use crate::{parse_object, Limits, ObjRef};

fn w(o: &Object) -> Vec<u8> {
    let mut out = Vec::new();
    write_object(&mut out, o).unwrap_or_else(|e| panic!("{o:?}: {e}"));
    out
}

#[track_caller]
fn expect_bytes(o: &Object, expected: &[u8]) {
    let found = w(o);
    assert!(
        found == expected,
        "expected: {}\n   found: {}",
        expected.escape_ascii(),
        found.escape_ascii()
    );
}

#[test]
fn scalars() {
    expect_bytes(&Object::Null, b"null");
    expect_bytes(&Object::Boolean(true), b"true");
    expect_bytes(&Object::Boolean(false), b"false");
    expect_bytes(&Object::Integer(-42), b"-42");
    expect_bytes(&Object::Reference(ObjRef::new(12, 0)), b"12 0 R");
}

#[test]
fn reals() {
    expect_bytes(&Object::Real(1.5), b"1.5");
    expect_bytes(&Object::Real(1.0), b"1.0");
    expect_bytes(&Object::Real(-0.25), b"-0.25");
    expect_bytes(&Object::Real(0.0), b"0.0");
    expect_bytes(&Object::Real(-0.0), b"0.0");
    expect_bytes(&Object::Real(1e-9), b"0.0");
    expect_bytes(&Object::Real(1.0 / 3.0), b"0.333333");
    expect_bytes(&Object::Real(2.0 / 3.0), b"0.666667");
    expect_bytes(&Object::Real(1e20), b"100000000000000000000.0");
    expect_bytes(&Object::Real(595.276), b"595.276");
    let mut out = Vec::new();
    assert!(write_object(&mut out, &Object::Real(f64::NAN)).is_err());
    assert!(write_object(&mut out, &Object::Real(f64::INFINITY)).is_err());
    assert!(out.is_empty());
}

#[test]
fn names() {
    expect_bytes(&Object::name(b"Type"), b"/Type");
    expect_bytes(&Object::name(b""), b"/");
    expect_bytes(&Object::name(b"lime Green"), b"/lime#20Green");
    expect_bytes(&Object::name(b"a#b/c(d)"), b"/a#23b#2Fc#28d#29");
    expect_bytes(&Object::name(b"\xe9\x7f~!"), b"/#E9#7F~!");
    let mut out = Vec::new();
    assert!(write_object(&mut out, &Object::name(b"a\0b")).is_err());
}

#[test]
fn strings() {
    expect_bytes(&Object::string(b"abc".to_vec()), b"(abc)");
    expect_bytes(&Object::string(b"a(b)c\\".to_vec()), b"(a\\(b\\)c\\\\)");
    expect_bytes(&Object::string(b"l1\nl2\rx".to_vec()), b"(l1\\nl2\\rx)");
    expect_bytes(&Object::string(b"\x00\xff".to_vec()), b"(\x00\xff)");
    expect_bytes(&Object::hex_string(b"\x01\xab".to_vec()), b"<01AB>");
    expect_bytes(&Object::hex_string(Vec::new()), b"<>");
}

#[test]
fn containers() {
    expect_bytes(&Object::Array(vec![]), b"[]");
    expect_bytes(
        &Object::Array(vec![
            Object::Integer(1),
            Object::name(b"A"),
            Object::Array(vec![]),
        ]),
        b"[1 /A []]",
    );
    expect_bytes(&Object::Dictionary(Dict::new()), b"<< >>");
    let d = Dict::from_pairs([
        ("Type", Object::name(b"Sig")),
        ("Contents", Object::hex_string(vec![0; 4])),
        (
            "ByteRange",
            Object::Array(vec![Object::Integer(0), Object::Integer(10)]),
        ),
        ("P", Object::Reference(ObjRef::new(3, 0))),
    ]);
    expect_bytes(
        &Object::Dictionary(d),
        b"<< /Type /Sig /Contents <00000000> /ByteRange [0 10] /P 3 0 R >>",
    );
}

#[test]
fn streams() {
    let mut d = Dict::new();
    d.set(b"Length", Object::Integer(999));
    d.set(b"Subtype", Object::name(b"XML"));
    let s = Stream::new(d, b"hello".to_vec());
    expect_bytes(
        &Object::Stream(s),
        b"<< /Length 5 /Subtype /XML >>\nstream\nhello\nendstream",
    );
    let s = Stream::new(Dict::new(), Vec::new());
    expect_bytes(&Object::Stream(s), b"<< /Length 0 >>\nstream\n\nendstream");
}

#[test]
fn unwritable_streams() {
    let in_file = Stream {
        dict: Dict::new(),
        data: StreamData::InFile { offset: 10, len: 5 },
    };
    let mut out = b"keep".to_vec();
    assert!(matches!(
        write_object(&mut out, &Object::Stream(in_file)),
        Err(PdfError::Unwritable(_))
    ));
    let nested = Object::Array(vec![Object::Stream(Stream::new(Dict::new(), vec![]))]);
    assert!(matches!(
        write_object(&mut out, &nested),
        Err(PdfError::Unwritable(_))
    ));
    assert_eq!(out, b"keep");
}

#[test]
fn too_deep_to_write() {
    let mut o = Object::Null;
    for _ in 0..300 {
        o = Object::Array(vec![o]);
    }
    let mut out = Vec::new();
    assert!(matches!(
        write_object(&mut out, &o),
        Err(PdfError::Unwritable(_))
    ));
}

#[test]
fn round_trips() {
    let d = Dict::from_pairs([
        ("Null", Object::Null),
        ("Bool", Object::Boolean(true)),
        ("Int", Object::Integer(i64::MIN)),
        ("Real", Object::Real(-12.125)),
        ("Lit", Object::string((0u8..=255).collect::<Vec<u8>>())),
        (
            "Hex",
            Object::hex_string((0u8..=255).rev().collect::<Vec<u8>>()),
        ),
        (
            "We\u{ff}ird Name#/",
            Object::name((1u8..=255).collect::<Vec<u8>>()),
        ),
        (
            "Arr",
            Object::Array(vec![
                Object::Reference(ObjRef::new(7, 2)),
                Object::Integer(7),
                Object::Integer(2),
                Object::Array(vec![Object::Dictionary(Dict::new())]),
            ]),
        ),
        (
            "Nested",
            Object::Dictionary(Dict::from_pairs([(
                "X",
                Object::string(b"((\r\n))".to_vec()),
            )])),
        ),
    ]);
    let o = Object::Dictionary(d);
    let bytes = w(&o);
    let back = parse_object(&bytes, &Limits::default())
        .unwrap_or_else(|e| panic!("{e}: {}", bytes.escape_ascii()));
    assert_eq!(back, o);
}
