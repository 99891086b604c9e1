//! What the marker search needs of a page's fonts: how shown bytes split into character codes,
//! the text each code stands for, and its advance width.
//!
//! Simple fonts (Type1, TrueType, Type3) take one byte per code; their text comes from the
//! ToUnicode CMap, else the encoding (Standard, WinAnsi, MacRoman, or a base encoding with
//! `/Differences`). Type0 fonts take two bytes per code (Identity-H and the other horizontal
//! two-byte CMaps) and need a ToUnicode CMap for their text. Widths come from `/Widths` or
//! `/W`; standard-14 fonts without widths use Helvetica's or Times' metrics, Courier's 600, or
//! half an em for the others (widths only matter for text that follows the marker on its line).

use std::collections::HashMap;

use sertel_pdf::{Dict, Document, Object, PdfError};

use super::cmap::parse_to_unicode;
use super::standard14::{ascii_width, TIMES, TIMES_BOLD};
use crate::pades::text::{helvetica_bold_width, helvetica_width, WIN_ANSI_HIGH};

/// One character code of a shown string.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// Its bytes within the string.
    pub start: usize,
    /// Its length in bytes (1 or 2).
    pub len: usize,
    /// The text it stands for (U+FFFD when unknown).
    pub text: String,
    /// The advance width in thousandths of text space.
    pub width: f64,
    /// Whether word spacing applies (the single-byte code 32).
    pub is_space: bool,
}

/// A page font as far as text extraction goes.
#[derive(Clone, Debug, Default)]
pub struct TextFont {
    two_byte: bool,
    to_unicode: HashMap<u32, String>,
    encoding: Vec<Option<char>>,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// For Type3 fonts, the glyph space to text space scale (FontMatrix a) × 1000.
    scale: f64,
}

fn num(doc: &Document, o: Option<&Object>) -> Option<f64> {
    o.and_then(|o| doc.resolve(o).ok())
        .and_then(|o| o.as_number())
}

fn dict(doc: &Document, o: Option<&Object>) -> Result<Option<Dict>, PdfError> {
    match o {
        None => Ok(None),
        Some(o) => Ok(doc.resolve(o)?.as_dict_or_stream_dict().cloned()),
    }
}

fn array(doc: &Document, o: Option<&Object>) -> Result<Vec<Object>, PdfError> {
    match o {
        None => Ok(Vec::new()),
        Some(o) => Ok(doc.resolve(o)?.into_array().unwrap_or_default()),
    }
}

/// The text of a glyph name (Adobe glyph list, the part Latin letters and markers need).
fn glyph_name(name: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(name).ok()?;
    if s.len() == 1 {
        return s.chars().next();
    }
    for prefix in ["uni", "u"] {
        if let Some(h) = s.strip_prefix(prefix) {
            if (4..=6).contains(&h.len()) {
                if let Ok(v) = u32::from_str_radix(h, 16) {
                    return char::from_u32(v);
                }
            }
        }
    }
    const NAMES: [(&str, char); 40] = [
        ("space", ' '),
        ("dollar", '$'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("period", '.'),
        ("comma", ','),
        ("colon", ':'),
        ("semicolon", ';'),
        ("hyphen", '-'),
        ("underscore", '_'),
        ("numbersign", '#'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("equal", '='),
        ("at", '@'),
        ("slash", '/'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("bracketleft", '['),
        ("bracketright", ']'),
        ("braceleft", '{'),
        ("braceright", '}'),
        ("less", '<'),
        ("greater", '>'),
        ("exclam", '!'),
        ("question", '?'),
        ("quotesingle", '\''),
        ("quotedbl", '"'),
        ("bar", '|'),
        ("asciitilde", '~'),
    ];
    NAMES.iter().find(|(n, _)| *n == s).map(|(_, c)| *c)
}

/// A base encoding's 256 entries.
fn base_encoding(name: &[u8]) -> Vec<Option<char>> {
    (0u32..256)
        .map(|code| {
            let b = code as u8;
            match (name, b) {
                (_, 0x20..=0x7e) if name == b"StandardEncoding" && b == 0x27 => Some('’'),
                (_, 0x20..=0x7e) if name == b"StandardEncoding" && b == 0x60 => Some('‘'),
                (_, 0x20..=0x7e) => Some(char::from(b)),
                (b"WinAnsiEncoding", 0xa0..=0xff) => Some(char::from(b)),
                (b"WinAnsiEncoding", 0x80..=0x9f) => WIN_ANSI_HIGH
                    .iter()
                    .find(|(_, c)| *c == b)
                    .map(|(ch, _)| *ch),
                _ => None,
            }
        })
        .collect()
}

impl TextFont {
    /// Reads the font dictionary `font`.
    pub fn load(doc: &Document, font: &Dict) -> Result<TextFont, PdfError> {
        let subtype = font.get_name(b"Subtype").map(|n| n.as_bytes().to_vec());
        let to_unicode = match font.get(b"ToUnicode").map(|o| doc.resolve(o)).transpose()? {
            Some(Object::Stream(s)) => parse_to_unicode(&doc.stream_decoded(&s)?),
            _ => HashMap::new(),
        };
        if subtype.as_deref() == Some(b"Type0") {
            let descendant = array(doc, font.get(b"DescendantFonts"))?;
            let cid = dict(doc, descendant.first())?.unwrap_or_default();
            let mut widths = HashMap::new();
            let w = array(doc, cid.get(b"W"))?;
            let mut i = 0;
            while i < w.len() && widths.len() < 1 << 17 {
                let first = num(doc, w.get(i)).unwrap_or(0.0) as u32;
                match w.get(i + 1).map(|o| doc.resolve(o)).transpose()? {
                    Some(Object::Array(list)) => {
                        for (k, v) in list.iter().enumerate().take(1 << 16) {
                            widths.insert(first + k as u32, num(doc, Some(v)).unwrap_or(0.0));
                        }
                        i += 2;
                    }
                    Some(last) => {
                        let last = last.as_number().unwrap_or(0.0) as u32;
                        let v = num(doc, w.get(i + 2)).unwrap_or(0.0);
                        for c in first..=last.min(first.saturating_add(1 << 16)) {
                            widths.insert(c, v);
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
            return Ok(TextFont {
                two_byte: true,
                to_unicode,
                encoding: Vec::new(),
                widths,
                default_width: num(doc, cid.get(b"DW")).unwrap_or(1000.0),
                scale: 1.0,
            });
        }
        let base = font
            .get_name(b"BaseFont")
            .map(|n| n.as_bytes().to_vec())
            .unwrap_or_default();
        let mut encoding = base_encoding(b"StandardEncoding");
        match font.get(b"Encoding").map(|o| doc.resolve(o)).transpose()? {
            Some(Object::Name(n)) => encoding = base_encoding(n.as_bytes()),
            Some(Object::Dictionary(d)) => {
                if let Some(n) = d.get_name(b"BaseEncoding") {
                    encoding = base_encoding(n.as_bytes());
                }
                let mut code = 0usize;
                for item in array(doc, d.get(b"Differences"))? {
                    match item {
                        Object::Integer(c) => code = c.clamp(0, 255) as usize,
                        Object::Name(n) => {
                            if let Some(slot) = encoding.get_mut(code) {
                                *slot = glyph_name(n.as_bytes());
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        let mut widths = HashMap::new();
        let first = num(doc, font.get(b"FirstChar")).unwrap_or(0.0) as u32;
        for (k, w) in array(doc, font.get(b"Widths"))?
            .iter()
            .enumerate()
            .take(256)
        {
            widths.insert(first + k as u32, num(doc, Some(w)).unwrap_or(0.0));
        }
        let missing =
            dict(doc, font.get(b"FontDescriptor"))?.and_then(|d| num(doc, d.get(b"MissingWidth")));
        let scale = if subtype.as_deref() == Some(b"Type3") {
            array(doc, font.get(b"FontMatrix"))?
                .first()
                .and_then(|o| num(doc, Some(o)))
                .unwrap_or(0.001)
                * 1000.0
        } else {
            1.0
        };
        if widths.is_empty() {
            let bold = base.windows(4).any(|w| w == b"Bold");
            for code in 0u32..256 {
                let w = if base.starts_with(b"Courier") {
                    600.0
                } else if base.starts_with(b"Helvetica") || base.starts_with(b"Arial") {
                    let byte = [code as u8];
                    if bold {
                        helvetica_bold_width(&byte, 1000.0)
                    } else {
                        helvetica_width(&byte, 1000.0)
                    }
                } else if base.starts_with(b"Times") {
                    let table = if bold { &TIMES_BOLD } else { &TIMES };
                    ascii_width(table, code).unwrap_or(500.0)
                } else {
                    500.0
                };
                widths.insert(code, w);
            }
        }
        Ok(TextFont {
            two_byte: false,
            to_unicode,
            encoding,
            widths,
            default_width: missing.unwrap_or(500.0),
            scale,
        })
    }

    /// Splits `bytes` into character codes.
    pub fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .enumerate()
            .map(|(i, chunk)| {
                let code = chunk.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b));
                let text = self
                    .to_unicode
                    .get(&code)
                    .cloned()
                    .or_else(|| {
                        (!self.two_byte)
                            .then(|| self.encoding.get(code as usize).copied().flatten())
                            .flatten()
                            .map(String::from)
                    })
                    .unwrap_or_else(|| "\u{FFFD}".into());
                Code {
                    start: i * step,
                    len: chunk.len(),
                    width: self
                        .widths
                        .get(&code)
                        .copied()
                        .unwrap_or(self.default_width)
                        * self.scale,
                    is_space: !self.two_byte && code == 32,
                    text,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_and_glyph_names() {
        let win = base_encoding(b"WinAnsiEncoding");
        assert_eq!(win[0x80], Some('€'));
        assert_eq!(win[0xe9], Some('é'));
        assert_eq!(base_encoding(b"StandardEncoding")[0x27], Some('’'));
        assert_eq!(glyph_name(b"dollar"), Some('$'));
        assert_eq!(glyph_name(b"uni0147"), Some('Ň'));
        assert_eq!(glyph_name(b"t"), Some('t'));
        assert_eq!(glyph_name(b"g123"), None);
    }

    #[test]
    fn simple_codes_carry_text_and_width() {
        let f = TextFont {
            two_byte: false,
            encoding: base_encoding(b"WinAnsiEncoding"),
            widths: [(36, 556.0)].into_iter().collect(),
            default_width: 250.0,
            scale: 1.0,
            ..TextFont::default()
        };
        let c = f.codes(b"$ ");
        assert_eq!(c[0].text, "$");
        assert_eq!(c[0].width, 556.0);
        assert!(c[1].is_space && c[1].width == 250.0);
    }
}
