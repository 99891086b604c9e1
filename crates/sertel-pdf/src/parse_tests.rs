use super::*;
use crate::PdfString;

fn p(s: &[u8]) -> Result<Object, PdfError> {
    parse_object(s, &Limits::default())
}

fn ok(s: &[u8]) -> Object {
    p(s).unwrap_or_else(|e| panic!("{}: {e}", s.escape_ascii()))
}

#[test]
fn scalars() {
    assert_eq!(ok(b"null"), Object::Null);
    assert_eq!(ok(b"true"), Object::Boolean(true));
    assert_eq!(ok(b" false "), Object::Boolean(false));
    assert_eq!(ok(b"-12"), Object::Integer(-12));
    assert_eq!(ok(b"1.5"), Object::Real(1.5));
    assert_eq!(ok(b"/Type"), Object::name(b"Type"));
    assert_eq!(
        ok(b"(x)"),
        Object::String(PdfString::literal(b"x".to_vec()))
    );
    assert_eq!(ok(b"<78>"), Object::String(PdfString::hex(b"x".to_vec())));
}

#[test]
fn references() {
    assert_eq!(ok(b"12 0 R"), Object::Reference(ObjRef::new(12, 0)));
    assert!(p(b"12 3R").is_err());
    assert_eq!(ok(b"12 3 R"), Object::Reference(ObjRef::new(12, 3)));
    // "1 0 R 2 3 4 0 R 5" is 1 0 R, 2, 3, 4 0 R, 5.
    assert_eq!(
        ok(b"[1 0 R 2 3 4 0 R 5]"),
        Object::Array(vec![
            Object::Reference(ObjRef::new(1, 0)),
            Object::Integer(2),
            Object::Integer(3),
            Object::Reference(ObjRef::new(4, 0)),
            Object::Integer(5),
        ])
    );
    assert_eq!(
        ok(b"[1 2]"),
        Object::Array(vec![Object::Integer(1), Object::Integer(2)])
    );
    assert!(p(b"<</A 1 2>>").is_err());
    assert!(p(b"-1 0 R").is_err());
    assert!(p(b"1 -1 R").is_err());
    assert!(p(b"1 65536 R").is_err());
    assert!(p(b"4294967296 0 R").is_err());
    assert_eq!(
        ok(b"4294967295 65535 R"),
        Object::Reference(ObjRef::new(u32::MAX, u16::MAX))
    );
    assert!(p(b"1.0 0 R").is_err());
}

#[test]
fn containers() {
    let o = ok(b"<< /Type /Page /Kids [1 0 R (s) <00>] /D << /X 1.5 /Y null >> /E [] /F <<>> >>");
    let d = o.as_dict().expect("dictionary");
    assert_eq!(d.len(), 5);
    assert!(d.has_name(b"Type", b"Page"));
    assert_eq!(d.get_array(b"Kids").map(<[Object]>::len), Some(3));
    assert_eq!(
        d.get_dict(b"D").and_then(|x| x.get(b"Y")),
        Some(&Object::Null)
    );
    assert_eq!(d.get_array(b"E"), Some(&[][..]));
    assert_eq!(d.get_dict(b"F").map(Dict::len), Some(0));
    let keys: Vec<&[u8]> = d.keys().map(Name::as_bytes).collect();
    assert_eq!(keys, vec![&b"Type"[..], b"Kids", b"D", b"E", b"F"]);
    assert_eq!(
        ok(b"[[[]]]"),
        Object::Array(vec![Object::Array(vec![Object::Array(vec![])])])
    );
    assert_eq!(ok(b"<</A<</B[/C]>>>>").as_dict().map(Dict::len), Some(1));
}

#[test]
fn dictionary_errors() {
    for s in [
        &b"<< /A >>"[..],
        b"<< 1 2 >>",
        b"<< /A 1 /A 2 >>",
        b"<< /A 1",
        b"[1 2",
        b"]",
        b">>",
        b"[1 >>",
        b"<< /A ]",
        b"{ }",
        b"obj",
        b"1 2",
        b"",
        b"<< /A stream >>",
    ] {
        assert!(p(s).is_err(), "{}", s.escape_ascii());
    }
}

#[test]
fn duplicate_keys_in_large_dicts() {
    let mut s = b"<<".to_vec();
    for i in 0..100 {
        s.extend_from_slice(format!("/K{i} {i} ").as_bytes());
    }
    s.extend_from_slice(b"/K50 1 >>");
    assert!(matches!(p(&s), Err(PdfError::Syntax { .. })));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let s = vec![b'['; 100_000];
    assert!(matches!(p(&s), Err(PdfError::LimitExceeded(Limit::Depth))));
    let s = b"<</A ".repeat(100_000);
    assert!(matches!(p(&s), Err(PdfError::LimitExceeded(Limit::Depth))));
    // Exactly at the limit is fine.
    let mut s = vec![b'['; 64];
    s.extend(vec![b']'; 64]);
    assert!(p(&s).is_ok());
    let mut s = vec![b'['; 65];
    s.extend(vec![b']'; 65]);
    assert!(p(&s).is_err());
}

#[test]
fn element_limit() {
    let limits = Limits {
        max_object_elements: 1000,
        ..Limits::default()
    };
    let s = format!("[{}]", "1 ".repeat(999));
    assert!(parse_object(s.as_bytes(), &limits).is_ok());
    let s = format!("[{}]", "1 ".repeat(1000));
    assert!(matches!(
        parse_object(s.as_bytes(), &limits),
        Err(PdfError::LimitExceeded(Limit::ObjectElements))
    ));
}

#[test]
fn trailing_data() {
    assert!(p(b"1 % comment").is_ok());
    assert!(p(b"1 2 3").is_err());
    assert!(p(b"(a))").is_err());
}
