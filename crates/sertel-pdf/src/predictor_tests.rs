use super::*;
use crate::Object;

fn parms(pred: i64, colors: i64, bpc: i64, columns: i64) -> Dict {
    Dict::from_pairs([
        ("Predictor", Object::Integer(pred)),
        ("Colors", Object::Integer(colors)),
        ("BitsPerComponent", Object::Integer(bpc)),
        ("Columns", Object::Integer(columns)),
    ])
}

fn predictor(d: &Dict) -> Predictor {
    match Predictor::from_parms(Some(d)) {
        Ok(Some(p)) => p,
        other => panic!("{other:?}"),
    }
}

#[test]
fn none_for_predictor_1_or_absent() {
    assert_eq!(Predictor::from_parms(None).ok(), Some(None));
    assert_eq!(Predictor::from_parms(Some(&Dict::new())).ok(), Some(None));
    assert_eq!(
        Predictor::from_parms(Some(&parms(1, 1, 8, 1))).ok(),
        Some(None)
    );
}

#[test]
fn png_all_filter_types() {
    // 3 columns, 1 byte per pixel. Rows: None, Sub, Up, Average, Paeth.
    let p = predictor(&parms(12, 1, 8, 3));
    let data = [
        0, 10, 20, 30, // None: 10 20 30
        1, 1, 1, 1, // Sub: 1 2 3
        2, 1, 1, 1, // Up: 2 3 4
        3, 2, 2, 2, // Average: 2+(0+2)/2=3, 2+(3+3)/2=5, 2+(5+4)/2=6
        4, 1, 1, 1, // Paeth
    ];
    let out = p.decode(data.to_vec()).expect("decodes");
    assert_eq!(&out[..12], &[10, 20, 30, 1, 2, 3, 2, 3, 4, 3, 5, 6]);
    // Paeth row: a=left, b=up, c=up-left.
    // i=0: a=0,b=3,c=0 -> p=3, pa=3,pb=0,pc=3 -> b=3 -> 1+3=4
    // i=1: a=4,b=5,c=3 -> p=6, pa=2,pb=1,pc=3 -> b=5 -> 6
    // i=2: a=6,b=6,c=5 -> p=7, pa=1,pb=1,pc=2 -> a=6 -> 7
    assert_eq!(&out[12..], &[4, 6, 7]);
}

#[test]
fn png_multi_byte_pixels() {
    // Colors 3, 8 bits: bpp = 3; Sub subtracts the byte three to the left.
    let p = predictor(&parms(15, 3, 8, 2));
    let out = p.decode(vec![1, 1, 2, 3, 1, 1, 1]).expect("decodes");
    assert_eq!(out, vec![1, 2, 3, 2, 3, 4]);
}

#[test]
fn xref_stream_style() {
    // Typical /Columns 5 /Predictor 12 cross-reference stream rows, using Up.
    let p = predictor(&parms(12, 1, 8, 5));
    let rows = [2, 1, 0, 0, 16, 0, 2, 0, 0, 0, 32, 0];
    assert_eq!(
        p.decode(rows.to_vec()).expect("decodes"),
        vec![1, 0, 0, 16, 0, 1, 0, 0, 48, 0]
    );
}

#[test]
fn png_errors() {
    let p = predictor(&parms(12, 1, 8, 3));
    assert!(matches!(p.decode(vec![0, 1, 2]), Err(PdfError::Decode(_))));
    assert!(matches!(
        p.decode(vec![5, 1, 2, 3]),
        Err(PdfError::Decode(_))
    ));
    assert_eq!(p.decode(Vec::new()).ok(), Some(vec![]));
}

#[test]
fn tiff_8_bit() {
    let p = predictor(&parms(2, 2, 8, 3));
    assert_eq!(
        p.decode(vec![1, 10, 1, 1, 1, 1, 5, 5, 0, 0, 255, 2])
            .expect("decodes"),
        vec![1, 10, 2, 11, 3, 12, 5, 5, 5, 5, 4, 7]
    );
}

#[test]
fn tiff_16_bit() {
    let p = predictor(&parms(2, 1, 16, 3));
    assert_eq!(
        p.decode(vec![0x01, 0x00, 0x00, 0xff, 0xff, 0x02])
            .expect("decodes"),
        vec![0x01, 0x00, 0x01, 0xff, 0x01, 0x01]
    );
}

#[test]
fn tiff_sub_byte() {
    // 4-bit samples, one color, 4 columns: 0x1 0x1 0x1 0xF -> 1 2 3 2 (mod 16).
    let p = predictor(&parms(2, 1, 4, 4));
    assert_eq!(
        p.decode(vec![0x11, 0x1f]).expect("decodes"),
        vec![0x12, 0x32]
    );
    // 1-bit: 8 columns 1 0 0 0 0 0 0 0 -> 1 1 1 1 1 1 1 1.
    let p = predictor(&parms(2, 1, 1, 8));
    assert_eq!(p.decode(vec![0x80]).expect("decodes"), vec![0xff]);
    assert!(matches!(
        predictor(&parms(2, 1, 8, 3)).decode(vec![1, 2]),
        Err(PdfError::Decode(_))
    ));
}

#[test]
fn bad_parameters() {
    for d in [
        parms(3, 1, 8, 1),
        parms(12, 0, 8, 1),
        parms(12, 1, 3, 1),
        parms(12, 1, 8, 0),
        parms(12, 1, 8, 1 << 40),
        parms(16, 1, 8, 1),
    ] {
        assert!(Predictor::from_parms(Some(&d)).is_err(), "{d:?}");
    }
    let d = Dict::from_pairs([("Predictor", Object::Real(12.0))]);
    assert!(Predictor::from_parms(Some(&d)).is_err());
}

#[test]
fn huge_rows_allocate_nothing_for_empty_or_short_data() {
    // 256 colors x 16 bits x 2^24 columns is an 8 GiB row.
    let p = predictor(&parms(12, 256, 16, 1 << 24));
    assert_eq!(p.decode(Vec::new()).ok(), Some(vec![]));
    assert!(p.decode(vec![0; 100]).is_err());
    let t = predictor(&parms(2, 256, 16, 1 << 24));
    assert_eq!(t.decode(Vec::new()).ok(), Some(vec![]));
    assert!(t.decode(vec![0; 100]).is_err());
}
