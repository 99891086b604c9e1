//! Hostile inputs: every one must fail cleanly and quickly, without exhausting memory.

mod common;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use common::{zlib, Builder};
use sertel_pdf::{Document, Limit, Limits, ObjRef, Object, PdfError};

fn r(num: u32) -> ObjRef {
    ObjRef::new(num, 0)
}

/// Runs `f`, asserting it finishes within a generous bound for a debug build.
#[track_caller]
fn bounded<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    let took = t.elapsed();
    assert!(took < Duration::from_secs(20), "{what} took {took:?}");
    v
}

fn open(bytes: Vec<u8>) -> Document {
    Document::open(bytes, Limits::default()).unwrap_or_else(|e| panic!("open failed: {e}"))
}

fn catalog_and_pages(b: &mut Builder) {
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(2, 0, "<< /Type /Pages /Kids [] /Count 0 >>");
}

#[test]
fn deep_nesting_in_an_object() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.obj_bytes(3, 0, &vec![b'['; 100_000]);
    b.obj_bytes(4, 0, &b"<</A ".repeat(100_000));
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    for n in [3, 4] {
        let res = bounded("deep nesting", || doc.get(r(n)));
        assert!(
            matches!(res, Err(PdfError::LimitExceeded(Limit::Depth))),
            "{res:?}"
        );
    }
}

#[test]
fn deep_nesting_in_the_trailer() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.xref_table(&format!("/Root 1 0 R /X {}", "[".repeat(100_000)));
    let res = bounded("deep trailer", || {
        Document::open(b.finish(), Limits::default())
    });
    assert!(
        matches!(res, Err(PdfError::LimitExceeded(Limit::Depth))),
        "{res:?}"
    );
}

#[test]
fn huge_length() {
    for len in [
        "1000000000000000",
        "9223372036854775807",
        "99999999999999999999",
    ] {
        let mut b = Builder::new();
        catalog_and_pages(&mut b);
        b.obj_bytes(
            3,
            0,
            format!("<< /Length {len} >>\nstream\nabc\nendstream").as_bytes(),
        );
        b.xref_table("/Root 1 0 R");
        let doc = open(b.finish());
        assert!(doc.get(r(3)).is_err(), "{len}");
    }
}

#[test]
fn length_that_points_to_itself() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.obj_bytes(3, 0, b"<< /Length 3 0 R >>\nstream\nabc\nendstream");
    b.obj_bytes(4, 0, b"<< /Length 5 0 R >>\nstream\nabc\nendstream");
    b.obj_bytes(5, 0, b"<< /Length 4 0 R >>\nstream\nabc\nendstream");
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    assert!(matches!(doc.get(r(3)), Err(PdfError::Cycle(_))));
    assert!(matches!(doc.get(r(4)), Err(PdfError::Cycle(_))));
}

/// A zlib stream of `n` zero bytes, compressed without holding them in memory.
fn zeros_zlib(n: u64) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let mut src = std::io::repeat(0).take(n);
    std::io::copy(&mut src, &mut e).expect("in-memory write");
    e.flush().expect("in-memory write");
    e.finish().expect("in-memory write")
}

#[test]
fn flate_bombs() {
    let big = zeros_zlib(300 << 20);
    let double = zlib(&zeros_zlib(512 << 20));
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.stream(3, "/Filter /FlateDecode", &big);
    b.stream(4, "/Filter [/FlateDecode /FlateDecode]", &double);
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    for n in [3, 4] {
        let Ok(Object::Stream(s)) = doc.get(r(n)) else {
            panic!("not a stream")
        };
        let res = bounded("flate bomb", || doc.stream_decoded(&s));
        assert!(
            matches!(
                res,
                Err(PdfError::LimitExceeded(
                    Limit::DecodeRatio | Limit::DecodedStreamBytes
                ))
            ),
            "{:?}",
            res.map(|v| v.len())
        );
    }
    // A small absolute bound applies below the ratio threshold as well.
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.stream(3, "/Filter /FlateDecode", &zeros_zlib(600 << 10));
    b.xref_table("/Root 1 0 R");
    let small = Limits {
        max_decoded_stream_bytes: 512 << 10,
        ..Limits::default()
    };
    let doc = Document::open(b.finish(), small).expect("opens");
    let Ok(Object::Stream(s)) = doc.get(r(3)) else {
        panic!("not a stream")
    };
    assert!(matches!(
        doc.stream_decoded(&s),
        Err(PdfError::LimitExceeded(Limit::DecodedStreamBytes))
    ));
}

#[test]
fn prev_loops() {
    // A table whose /Prev is itself.
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let at = b.pos();
    b.last_xref = Some(at);
    b.xref_table("/Root 1 0 R");
    let res = bounded("prev self", || {
        Document::open(b.finish(), Limits::default())
    });
    assert!(matches!(res, Err(PdfError::Cycle(_))), "{res:?}");

    // Two tables pointing at each other.
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let first = b.pos();
    let mut bytes = b.finish();
    let second_guess = first + 200;
    let t1 = format!(
        "xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 3 /Prev {second_guess:010} /Root 1 0 R >>\n"
    );
    bytes.extend_from_slice(t1.as_bytes());
    while (bytes.len() as u64) < second_guess {
        bytes.push(b' ');
    }
    let t2 = format!("xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 3 /Prev {first} /Root 1 0 R >>\nstartxref\n{second_guess}\n%%EOF\n");
    bytes.extend_from_slice(t2.as_bytes());
    let res = bounded("prev loop", || Document::open(bytes, Limits::default()));
    assert!(matches!(res, Err(PdfError::Cycle(_))), "{res:?}");
}

#[test]
fn xref_stream_prev_points_to_itself() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.last_xref = Some(b.pos());
    b.xref_stream(3, "/Root 1 0 R", true);
    let res = bounded("xref stream prev self", || {
        Document::open(b.finish(), Limits::default())
    });
    assert!(matches!(res, Err(PdfError::Cycle(_))), "{res:?}");
}

#[test]
fn object_stream_containing_itself() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.objstm(10, &[(4, "(four)")]);
    // The xref claims object 10 (the object stream) lives inside object stream 10.
    b.entries.insert(10, common::Entry::Compressed(10, 0));
    b.xref_stream(11, "/Root 1 0 R", false);
    let doc = open(b.finish());
    assert!(doc.get(r(10)).is_err());
    assert!(doc.get(r(4)).is_err());
    for o in doc.objects() {
        let _ = bounded("objstm self", || doc.get(o));
    }

    // An object stream whose /Length lives inside itself.
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let data = zlib(b"4 0 5 2 100 200");
    let at = b.pos();
    b.raw(
        b"10 0 obj\n<< /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length 5 0 R >>\nstream\n",
    );
    b.raw(&data);
    b.raw(b"\nendstream\nendobj\n");
    b.entries.insert(10, common::Entry::InFile(at, 0));
    b.entries.insert(4, common::Entry::Compressed(10, 0));
    b.entries.insert(5, common::Entry::Compressed(10, 1));
    b.xref_stream(11, "/Root 1 0 R", false);
    let doc = open(b.finish());
    assert!(matches!(doc.get(r(4)), Err(PdfError::Cycle(_))));
    assert!(matches!(doc.get(r(10)), Err(PdfError::Cycle(_))));

    // Two object streams each holding the other's /Length.
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    for (num, other_len_obj) in [(10u32, 21u32), (11, 20)] {
        let own = num + 10;
        let text = format!("{own} 0 99 ");
        let data = zlib(text.as_bytes());
        let at = b.pos();
        b.raw(format!("{num} 0 obj\n<< /Type /ObjStm /N 1 /First {} /Filter /FlateDecode /Length {other_len_obj} 0 R >>\nstream\n", text.len() - 3).as_bytes());
        b.raw(&data);
        b.raw(b"\nendstream\nendobj\n");
        b.entries.insert(num, common::Entry::InFile(at, 0));
        b.entries.insert(own, common::Entry::Compressed(num, 0));
    }
    b.xref_stream(12, "/Root 1 0 R", false);
    let doc = open(b.finish());
    for n in [10, 11, 20, 21] {
        assert!(bounded("objstm length loop", || doc.get(r(n))).is_err());
    }
}

#[test]
fn reference_chains() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.obj(3, 0, "4 0 R");
    b.obj(4, 0, "3 0 R");
    for n in 10..60u32 {
        b.obj(n, 0, &format!("{} 0 R", n + 1));
    }
    b.obj(60, 0, "(end)");
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    assert!(matches!(
        doc.resolve(&Object::Reference(r(3))),
        Err(PdfError::Cycle(_))
    ));
    assert!(matches!(
        doc.resolve(&Object::Reference(r(10))),
        Err(PdfError::LimitExceeded(Limit::ReferenceChain))
    ));
    assert_eq!(
        doc.resolve(&Object::Reference(r(40))).ok(),
        Some(Object::string(b"end".to_vec()))
    );
}

#[test]
fn page_tree_cycles() {
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(2, 0, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    b.obj(
        3,
        0,
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    );
    b.obj(4, 0, "<< /Type /Page /Parent 5 0 R >>");
    b.obj(5, 0, "<< /Type /Pages /Parent 4 0 R >>");
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    assert!(bounded("page cycle", || doc.pages()).is_err());
    assert!(matches!(
        doc.inherited(r(4), b"MediaBox"),
        Err(PdfError::Cycle(_))
    ));
}

#[test]
fn too_many_revisions() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    b.xref_table("/Root 1 0 R");
    for _ in 0..30 {
        b.update_table(&[], "/Root 1 0 R");
    }
    let bytes = b.finish();
    assert_eq!(open(bytes.clone()).revisions().len(), 31);
    let limits = Limits {
        max_revisions: 30,
        ..Limits::default()
    };
    assert!(matches!(
        Document::open(bytes, limits),
        Err(PdfError::LimitExceeded(Limit::Revisions))
    ));
}

#[test]
fn huge_xref_counts() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let mut bytes = b.finish();
    let at = bytes.len();
    bytes.extend_from_slice(
        format!(
            "xref\n0 999999999\n0000000000 65535 f\r\ntrailer<</Size 3>>\nstartxref\n{at}\n%%EOF\n"
        )
        .as_bytes(),
    );
    let res = bounded("huge count", || Document::open(bytes, Limits::default()));
    assert!(
        matches!(res, Err(PdfError::LimitExceeded(Limit::XrefEntries))),
        "{res:?}"
    );

    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let mut bytes = b.finish();
    let at = bytes.len();
    bytes.extend_from_slice(
        format!("xref\n4000000000 1\n0000000015 00000 n\r\ntrailer<</Size 3>>\nstartxref\n{at}\n%%EOF\n").as_bytes(),
    );
    let res = Document::open(bytes, Limits::default());
    assert!(
        matches!(res, Err(PdfError::LimitExceeded(Limit::XrefEntries))),
        "{res:?}"
    );
}

fn xref_stream_pdf(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let at = b.pos();
    b.raw(
        format!(
            "3 0 obj\n<< /Type /XRef /Root 1 0 R {dict} /Length {} >>\nstream\n",
            data.len()
        )
        .as_bytes(),
    );
    b.raw(data);
    b.raw(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
    b.finish()
}

#[test]
fn malformed_xref_streams() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("/Size 3 /W [1 9 2]", vec![0; 36]),
        ("/Size 3 /W [1 2]", vec![0; 9]),
        ("/Size 3 /W [0 0 0]", vec![]),
        ("/Size 3 /W [1 -1 2]", vec![0; 6]),
        (
            "/Size 4000000000 /W [1 4 2] /Index [0 4000000000]",
            vec![0; 7],
        ),
        ("/Size 3 /W [1 4 2] /Index [4294967295 2]", vec![0; 14]),
        ("/Size 3 /W [1 4 2] /Index [0]", vec![0; 7]),
        ("/Size 3 /W [1 4 2]", vec![0; 20]),
        ("/Size 3 /W [1 4 2]", vec![0; 22]),
        ("/Size 3 /W 5 0 R", vec![0; 21]),
        ("/Size 3 /W [1 4 2] /Filter /FlateDecode", vec![0; 21]),
        ("/Size 1 /W [1 4 4]", [1u8, 0, 0, 0, 1, 0, 1, 0, 0].to_vec()),
    ];
    for (dict, data) in cases {
        let res = bounded("xref stream", || {
            Document::open(xref_stream_pdf(dict, &data), Limits::default())
        });
        assert!(res.is_err(), "{dict} should fail");
    }
    // An entry whose offset is far beyond the file opens, but the object cannot be read.
    let data = [
        0u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0,
    ];
    let doc = Document::open(
        xref_stream_pdf("/Size 2 /W [1 8 2]", &data),
        Limits::default(),
    )
    .expect("opens");
    assert!(matches!(
        doc.get(r(1)),
        Err(PdfError::ObjectMismatch { .. })
    ));
    // A bomb as the xref stream's data.
    let bomb = zeros_zlib(300 << 20);
    let res = bounded("xref bomb", || {
        Document::open(
            xref_stream_pdf("/Size 3 /W [1 4 2] /Filter /FlateDecode", &bomb),
            Limits::default(),
        )
    });
    assert!(matches!(res, Err(PdfError::LimitExceeded(_))), "{res:?}");
}

#[test]
fn oversized_objects() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let mut body = b"(".to_vec();
    body.extend(std::iter::repeat_n(b'a', 3 << 20));
    body.push(b')');
    b.obj_bytes(3, 0, &body);
    b.obj_bytes(4, 0, format!("[{}]", "1 ".repeat(600_000)).as_bytes());
    b.xref_table("/Root 1 0 R");
    let bytes = b.finish();
    let limits = Limits {
        max_object_bytes: 1 << 20,
        max_object_elements: 500_000,
        ..Limits::default()
    };
    let doc = Document::open(bytes.clone(), limits).expect("opens");
    assert!(matches!(
        doc.get(r(3)),
        Err(PdfError::LimitExceeded(Limit::ObjectBytes))
    ));
    assert!(matches!(
        doc.get(r(4)),
        Err(PdfError::LimitExceeded(
            Limit::ObjectElements | Limit::ObjectBytes
        ))
    ));
    let doc = open(bytes);
    assert!(doc.get(r(3)).is_ok());
    assert!(doc.get(r(4)).is_ok());
}

#[test]
fn object_stream_bounds() {
    for (n, first, header) in [
        ("1000000000", "10", "4 0 "),
        ("2", "4", "4 0 "),
        ("1", "100", "4 0 "),
        ("1", "4", "4 999 "),
        ("1", "-1", "4 0 "),
        ("1", "4", "x y "),
    ] {
        let mut b = Builder::new();
        catalog_and_pages(&mut b);
        let data = zlib(format!("{header}(four)").as_bytes());
        b.stream(
            10,
            &format!("/Type /ObjStm /N {n} /First {first} /Filter /FlateDecode"),
            &data,
        );
        b.entries.insert(4, common::Entry::Compressed(10, 0));
        b.xref_stream(11, "/Root 1 0 R", false);
        let doc = open(b.finish());
        assert!(doc.get(r(4)).is_err(), "/N {n} /First {first} {header}");
    }
}

#[test]
fn overlapping_objects_exhaust_the_work_budget() {
    // Object k's text contains object k+1 inside a string, so reading every object would
    // lex a quadratic amount of text; the work budget stops it.
    let n = 4000u32;
    let mut text = Vec::new();
    let mut offsets = Vec::new();
    for k in 1..=n {
        offsets.push(text.len());
        text.extend_from_slice(format!("{k} 0 obj (").as_bytes());
    }
    text.extend_from_slice(b"x");
    for _ in 1..=n {
        text.extend_from_slice(b")\nendobj\n");
    }
    let mut b = Builder::new();
    let base = b.pos();
    b.raw(&text);
    for (k, off) in offsets.iter().enumerate() {
        b.entries
            .insert(k as u32 + 1, common::Entry::InFile(base + *off as u64, 0));
    }
    b.xref_table("/Root 1 0 R");
    let limits = Limits {
        max_work_base: 16 << 20,
        max_work_per_byte: 4,
        ..Limits::default()
    };
    let doc = Document::open(b.finish(), limits).expect("opens");
    let mut errors = 0;
    bounded("overlapping objects", || {
        for o in doc.objects() {
            if let Err(e) = doc.get(o) {
                assert!(matches!(e, PdfError::LimitExceeded(Limit::Work)), "{e}");
                errors += 1;
            }
        }
    });
    assert!(errors > 0);
}

#[test]
fn garbage_never_panics() {
    // Truncations and byte flips of a valid file, each walked completely.
    let base = common::simple_stream_pdf();
    let walk = |bytes: Vec<u8>| {
        if let Ok(doc) = Document::open(bytes, Limits::strict()) {
            let _ = doc.pages();
            for o in doc.objects() {
                if let Ok(Object::Stream(s)) = doc.get(o) {
                    let _ = doc.stream_decoded(&s);
                }
            }
        }
    };
    for cut in (0..base.len()).step_by(7) {
        walk(base[..cut].to_vec());
    }
    let mut state = 0x1234_5678_u32;
    for _ in 0..2000 {
        let mut v = base.clone();
        for _ in 0..3 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let i = state as usize % v.len();
            v[i] = (state >> 8) as u8;
        }
        walk(v);
    }
}

#[test]
fn absurd_trailer_size() {
    let mut b = Builder::new();
    catalog_and_pages(&mut b);
    let mut bytes = b.finish();
    let at = bytes.len();
    bytes.extend_from_slice(
        format!("xref\n0 1\n0000000000 65535 f\r\ntrailer<</Size 4294967295/Root 1 0 R>>\nstartxref\n{at}\n%%EOF\n").as_bytes(),
    );
    let res = Document::open(bytes, Limits::default());
    assert!(
        matches!(res, Err(PdfError::LimitExceeded(Limit::XrefEntries))),
        "{res:?}"
    );
}
