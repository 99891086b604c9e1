//! ToUnicode CMaps (ISO 32000-1 §9.10.3): the `bfchar` and `bfrange` sections mapping
//! character codes to Unicode text, read with a small bounded scanner.

use std::collections::HashMap;

/// At most this many codes are mapped (a CMap covers at most 2^16 two-byte codes; more is
/// hostile).
const MAX_ENTRIES: usize = 1 << 17;

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
}

fn tokens(src: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        match b {
            b'%' => {
                while i < src.len() && src[i] != b'\n' && src[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if src.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if src.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = src[start..]
                    .iter()
                    .position(|c| *c == b'>')
                    .map_or(src.len(), |p| start + p);
                let digits: Vec<u8> = src[start..end]
                    .iter()
                    .filter_map(|c| (*c as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
                    .collect();
                out.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings do not occur in the sections read here; skip them.
                let mut depth = 0usize;
                while i < src.len() {
                    match src[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if b.is_ascii_whitespace() || b == 0 => i += 1,
            _ => {
                let start = i;
                while i < src.len()
                    && !src[i].is_ascii_whitespace()
                    && !b"<>[]()/%".contains(&src[i])
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                } else {
                    out.push(Tok::Word(&src[start..i]));
                }
            }
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> Option<u32> {
    (bytes.len() <= 4).then(|| bytes.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b)))
}

fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Adds one to the last UTF-16 unit of `bytes` (how a `bfrange` destination advances).
fn increment(bytes: &[u8], by: u32) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if out.len() >= 2 {
        let n = out.len();
        let last = u32::from(u16::from_be_bytes([out[n - 2], out[n - 1]])).wrapping_add(by);
        out[n - 2..].copy_from_slice(&(last as u16).to_be_bytes());
    }
    out
}

/// Parses a ToUnicode CMap into code → text. Malformed parts are skipped.
pub fn parse_to_unicode(src: &[u8]) -> HashMap<u32, String> {
    let toks = tokens(src);
    let mut map = HashMap::new();
    let mut i = 0;
    let mut section: Option<&[u8]> = None;
    while i < toks.len() && map.len() < MAX_ENTRIES {
        match (&toks[i], section) {
            (Tok::Word(w @ (b"beginbfchar" | b"beginbfrange")), _) => {
                section = Some(w);
                i += 1;
            }
            (Tok::Word(b"endbfchar" | b"endbfrange"), _) => {
                section = None;
                i += 1;
            }
            (Tok::Hex(src_code), Some(b"beginbfchar")) => {
                if let (Some(code), Some(Tok::Hex(dst))) = (code_of(src_code), toks.get(i + 1)) {
                    map.insert(code, utf16_text(dst));
                }
                i += 2;
            }
            (Tok::Hex(lo), Some(b"beginbfrange")) => {
                let (Some(lo), Some(Tok::Hex(hi))) = (code_of(lo), toks.get(i + 1)) else {
                    i += 1;
                    continue;
                };
                let Some(hi) = code_of(hi) else {
                    i += 2;
                    continue;
                };
                let count = hi.saturating_sub(lo).saturating_add(1) as usize;
                let count = count.min(MAX_ENTRIES - map.len());
                match toks.get(i + 2) {
                    Some(Tok::Hex(dst)) => {
                        for k in 0..count as u32 {
                            map.insert(lo + k, utf16_text(&increment(dst, k)));
                        }
                        i += 3;
                    }
                    Some(Tok::Open) => {
                        let mut j = i + 3;
                        let mut k = 0u32;
                        while let Some(Tok::Hex(dst)) = toks.get(j) {
                            if (k as usize) < count {
                                map.insert(lo + k, utf16_text(dst));
                            }
                            k += 1;
                            j += 1;
                        }
                        i = j + 1;
                    }
                    _ => i += 2,
                }
            }
            _ => i += 1,
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_and_bfrange() {
        let src = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0024> <0004> <00740074> endbfchar\n\
            2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<0064> <D835DC00>] endbfrange\n\
            endcmap";
        let m = parse_to_unicode(src);
        assert_eq!(m.get(&3).map(String::as_str), Some("$"));
        assert_eq!(m.get(&4).map(String::as_str), Some("tt"));
        assert_eq!(m.get(&0x12).map(String::as_str), Some("C"));
        assert_eq!(m.get(&0x20).map(String::as_str), Some("d"));
        assert_eq!(m.get(&0x21).map(String::as_str), Some("\u{1D400}"));
    }

    #[test]
    fn hostile_ranges_are_bounded() {
        let m = parse_to_unicode(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(m.len(), MAX_ENTRIES);
        assert!(parse_to_unicode(b"beginbfchar <01> endbfchar [[[ <").is_empty());
    }
}
