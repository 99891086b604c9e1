//! Stream lengths and filters.

mod common;

use common::{zlib, Builder};
use sertel_pdf::{Document, Limits, ObjRef, Object, PdfError};

fn open(bytes: Vec<u8>) -> Document {
    Document::open(bytes, Limits::default()).unwrap_or_else(|e| panic!("open failed: {e}"))
}

fn r(num: u32) -> ObjRef {
    ObjRef::new(num, 0)
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
