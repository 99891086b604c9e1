//! The fixed-width `/ByteRange` and zero-filled `/Contents` that are written first and patched
//! in place once the offsets and the signature are known.

use std::ops::Range;

use sertel_pdf::{Object, PdfString};

/// The largest offset a `/ByteRange` entry can hold: ten digits.
pub const MAX_OFFSET: u64 = 9_999_999_999;

const BYTE_RANGE_DIGITS: &[u8] = b"0 9999999999 9999999999 9999999999";

/// The placeholder `/ByteRange` array: four integers whose text has the final width.
pub fn byte_range_object() -> Object {
    let big = MAX_OFFSET as i64;
    Object::Array(vec![
        Object::Integer(0),
        Object::Integer(big),
        Object::Integer(big),
        Object::Integer(big),
    ])
}

/// The placeholder `/Contents`: `capacity` zero bytes written as hex.
pub fn contents_object(capacity: usize) -> Object {
    Object::String(PdfString {
        bytes: vec![0; capacity],
        hex: true,
    })
}

/// Where the two placeholders sit within the bytes of the update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holes {
    /// The text inside the `/ByteRange` brackets.
    pub byte_range: Range<usize>,
    /// The `/Contents` hex string including its `<` and `>`.
    pub contents: Range<usize>,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Finds the placeholders inside the signature dictionary, which occupies `sig_object` of
/// `update`. Searching only there matters: copied objects may contain similar text.
pub fn locate(update: &[u8], sig_object: Range<usize>, capacity: usize) -> Option<Holes> {
    let obj = update.get(sig_object.clone())?;
    let br = find(obj, BYTE_RANGE_DIGITS)?;
    let mut contents_text = Vec::with_capacity(2 * capacity + 2);
    contents_text.push(b'<');
    contents_text.resize(2 * capacity + 1, b'0');
    contents_text.push(b'>');
    let c = find(obj, &contents_text)?;
    let base = sig_object.start;
    Some(Holes {
        byte_range: base + br..base + br + BYTE_RANGE_DIGITS.len(),
        contents: base + c..base + c + contents_text.len(),
    })
}

/// The `/ByteRange` text for `ranges`, padded with spaces to the placeholder's width.
pub fn byte_range_text(ranges: [u64; 4]) -> Option<Vec<u8>> {
    if ranges.iter().any(|&r| r > MAX_OFFSET) {
        return None;
    }
    let mut text = format!("{} {} {} {}", ranges[0], ranges[1], ranges[2], ranges[3]).into_bytes();
    text.resize(BYTE_RANGE_DIGITS.len(), b' ');
    Some(text)
}

/// `cms` as lowercase hex, zero-padded to fill a hole of `capacity` bytes; `None` if too big.
pub fn contents_hex(cms: &[u8], capacity: usize) -> Option<Vec<u8>> {
    if cms.len() > capacity {
        return None;
    }
    let mut out = hex::encode(cms).into_bytes();
    out.resize(2 * capacity, b'0');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_range_text_keeps_the_width() {
        let t = byte_range_text([0, 1234, 5678, 90]).unwrap_or_default();
        assert_eq!(t.len(), BYTE_RANGE_DIGITS.len());
        assert_eq!(&t[..15], b"0 1234 5678 90 ");
        assert!(byte_range_text([0, MAX_OFFSET + 1, 0, 0]).is_none());
    }

    #[test]
    fn contents_hex_pads_and_refuses_overflow() {
        assert_eq!(contents_hex(&[0xab, 0x01], 4), Some(b"ab010000".to_vec()));
        assert_eq!(contents_hex(&[1, 2, 3], 2), None);
    }

    #[test]
    fn locate_finds_both_holes_in_the_object_only() {
        let mut upd = b"1 0 obj <</Contents <0000>>> endobj\n".to_vec();
        let start = upd.len();
        upd.extend_from_slice(
            b"2 0 obj <</ByteRange [0 9999999999 9999999999 9999999999] /Contents <0000>>> endobj",
        );
        let end = upd.len();
        let holes = locate(&upd, start..end, 2).unwrap_or_else(|| panic!("not found"));
        assert_eq!(&upd[holes.contents.clone()], b"<0000>");
        assert!(holes.contents.start > start);
        assert_eq!(&upd[holes.byte_range], BYTE_RANGE_DIGITS);
    }
}
