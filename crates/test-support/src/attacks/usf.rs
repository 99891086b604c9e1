//! Universal signature forgery (Mladenov et al., CCS 2019): a signature dictionary whose
//! `/ByteRange` or `/Contents` is missing, null, empty, malformed, or describes something
//! other than "the whole revision except this signature's value", in the hope that a
//! validator skips the check and still shows the signature as valid. The edits are made in
//! place (same length) on a signed letter, or by redefining the signature dictionary.

use std::ops::Range;

use sertel_pdf::{Document, Object};

use super::build::{find, rfind};
use super::{Bench, Case, Expect, Family};

const F: Family = Family::UniversalForgery;

/// Where the signature's `/ByteRange` array (between its brackets) and `/Contents` hex
/// string (with its angle brackets) sit in the signed file.
pub struct SignatureText {
    /// The text inside `[` and `]`.
    pub byte_range: Range<usize>,
    /// `<…>`, brackets included.
    pub contents: Range<usize>,
    /// The four numbers.
    pub ranges: [u64; 4],
}

/// Locates the newest signature dictionary's `/ByteRange` and `/Contents` in `bytes`.
pub fn locate(bytes: &[u8]) -> SignatureText {
    let key = rfind(bytes, b"/ByteRange");
    let open = find(bytes, b"[", key) + 1;
    let close = find(bytes, b"]", open);
    let numbers: Vec<u64> = std::str::from_utf8(&bytes[open..close])
        .expect("ascii")
        .split_whitespace()
        .map(|n| n.parse().expect("number"))
        .collect();
    let ranges: [u64; 4] = numbers.try_into().expect("four numbers");
    let start = ranges[1] as usize;
    let end = ranges[2] as usize;
    assert_eq!(bytes[start], b'<', "the hole starts the hex string");
    SignatureText {
        byte_range: open..close,
        contents: start..end,
        ranges,
    }
}

/// Replaces `range` of `bytes` by `text`, padded with spaces to the same length.
pub fn fill(bytes: &mut [u8], range: Range<usize>, text: &str) {
    let width = range.len();
    let padded = format!("{text:<width$}");
    assert_eq!(padded.len(), width, "{text:?} fits");
    bytes[range].copy_from_slice(padded.as_bytes());
}

/// The universal signature forgery cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    let signed = b.signed("usf");
    let bytes = std::fs::read(&signed).expect("read");
    let at = locate(&bytes);
    let [_, a, s2, c] = at.ranges;
    let byte_range_edits: [(&'static str, String, &'static [&'static str]); 8] = [
        (
            "usf-byterange-null",
            "null".into(),
            &["byte_range_malformed"],
        ),
        ("usf-byterange-empty", "".into(), &["byte_range_malformed"]),
        (
            "usf-byterange-odd",
            format!("0 {a} {s2}"),
            &["byte_range_malformed"],
        ),
        (
            "usf-byterange-negative",
            format!("0 {a} -{s2} {c}"),
            &["byte_range_malformed"],
        ),
        (
            "usf-byterange-not-at-zero",
            format!("1 {a} {s2} {c}"),
            &["byte_range_malformed"],
        ),
        (
            "usf-byterange-overlapping",
            format!("0 {a} {} {}", a - 100, c + 100 + (s2 - a)),
            &["byte_range_out_of_file", "byte_range_not_contents"],
        ),
        (
            "usf-byterange-short",
            format!("0 {a} {s2} {}", c - 100),
            &["coverage_mid_revision"],
        ),
        (
            "usf-byterange-wide-hole",
            format!("0 {} {s2} {c}", a - 10),
            &["byte_range_not_contents"],
        ),
    ];
    for (case, text, kinds) in byte_range_edits {
        let path = b.rewrite(&signed, &format!("{case}.pdf"), |bytes| {
            let r = at.byte_range.clone();
            // "null" and the empty array replace the brackets too.
            let r = if text == "null" {
                r.start - 1..r.end + 1
            } else {
                r
            };
            fill(bytes, r, &text);
        });
        out.push(b.case(case, F, path, Expect::Fails(kinds)));
    }
    let missing = b.rewrite(&signed, "usf-byterange-missing.pdf", |bytes| {
        let key = rfind(bytes, b"/ByteRange");
        bytes[key..key + 10].copy_from_slice(b"/ByteRangX");
    });
    out.push(b.case(
        "usf-byterange-missing",
        F,
        missing,
        Expect::Fails(&["byte_range_malformed"]),
    ));
    let missing = b.rewrite(&signed, "usf-contents-missing.pdf", |bytes| {
        let key = rfind(&bytes[..at.contents.start], b"/Contents");
        bytes[key..key + 9].copy_from_slice(b"/Contentz");
    });
    out.push(b.case(
        "usf-contents-missing",
        F,
        missing,
        Expect::Fails(&["contents_malformed"]),
    ));
    let empty = b.rewrite(&signed, "usf-contents-empty.pdf", |bytes| {
        fill(bytes, at.contents.clone(), "<>");
    });
    out.push(b.case(
        "usf-contents-empty",
        F,
        empty,
        Expect::Fails(&["byte_range_not_contents"]),
    ));
    let literal = b.rewrite(&signed, "usf-contents-not-hex.pdf", |bytes| {
        bytes[at.contents.start] = b'(';
        bytes[at.contents.end - 1] = b')';
    });
    out.push(b.case(
        "usf-contents-not-hex",
        F,
        literal,
        Expect::Fails(&["byte_range_not_contents"]),
    ));
    let zeroed = b.rewrite(&signed, "usf-contents-zeroed.pdf", |bytes| {
        for x in &mut bytes[at.contents.start + 1..at.contents.end - 1] {
            *x = b'0';
        }
    });
    out.push(b.case(
        "usf-contents-zeroed",
        F,
        zeroed,
        Expect::Fails(&["cms_malformed"]),
    ));
    let redefined = b.update(&signed, "usf-signature-redefined.pdf", |doc, upd| {
        let value = signature_value(doc);
        let mut d = match doc.get(value).expect("signature dictionary") {
            Object::Dictionary(d) => d,
            other => panic!("signature value {other:?}"),
        };
        d.remove(b"ByteRange");
        d.set("Contents", Object::Null);
        upd.put(value, Object::Dictionary(d));
    });
    out.push(b.case(
        "usf-signature-redefined",
        F,
        redefined,
        Expect::Fails(&["byte_range_malformed"]),
    ));
    out.push(b.case("usf-untouched", F, signed, Expect::Valid));
    out
}

/// The object of the first signature field's value.
pub fn signature_value(doc: &Document) -> sertel_pdf::ObjRef {
    let (_, catalog) = doc.catalog().expect("catalog");
    let form = match catalog.get(b"AcroForm").map(|f| doc.resolve(f)) {
        Some(Ok(Object::Dictionary(d))) => d,
        other => panic!("form {other:?}"),
    };
    let fields = match form.get(b"Fields").map(|f| doc.resolve(f)) {
        Some(Ok(Object::Array(a))) => a,
        other => panic!("fields {other:?}"),
    };
    for f in fields {
        if let Ok(Object::Dictionary(d)) = doc.resolve(&f) {
            if d.has_name(b"FT", b"Sig") {
                if let Some(v) = d.get_ref(b"V") {
                    return v;
                }
            }
        }
    }
    panic!("no signed field")
}
