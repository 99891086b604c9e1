//! Literal `(...)` and hexadecimal `<...>` strings (ISO 32000-1 §7.3.4).

use super::{hex_value, is_whitespace, Lexer, Token};
use crate::{PdfError, PdfString};

impl<'a> Lexer<'a> {
    pub(super) fn literal_string(&mut self) -> Result<Token<'a>, PdfError> {
        let mut out = Vec::new();
        let mut depth: usize = 1;
        let buf = self.buf;
        loop {
            let Some(&c) = buf.get(self.pos) else {
                return Err(self.end_error("unterminated literal string"));
            };
            self.pos += 1;
            match c {
                b'\\' => {
                    let Some(&e) = buf.get(self.pos) else {
                        return Err(self.end_error("unterminated literal string"));
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'(' | b')' | b'\\' => out.push(e),
                        b'0'..=b'7' => {
                            let mut v: u32 = u32::from(e - b'0');
                            for _ in 0..2 {
                                match buf.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            // High-order overflow is ignored (ISO 32000-1 §7.3.4.2).
                            out.push((v & 0xff) as u8);
                        }
                        b'\r' => {
                            if buf.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        // An unknown escape: the backslash is ignored.
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(Token::String(PdfString::literal(out)));
                    }
                    out.push(c);
                }
                b'\r' => {
                    // An unescaped end-of-line (CR, LF or CRLF) reads as a single LF.
                    if buf.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(c),
            }
        }
    }

    pub(super) fn hex_string(&mut self, start: usize) -> Result<Token<'a>, PdfError> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let Some(&c) = self.buf.get(self.pos) else {
                return Err(self.end_error("unterminated hex string"));
            };
            self.pos += 1;
            if c == b'>' {
                if let Some(h) = high {
                    out.push(h << 4);
                }
                return Ok(Token::String(PdfString::hex(out)));
            }
            if is_whitespace(c) {
                continue;
            }
            let Some(v) = hex_value(c) else {
                return Err(self.err(start, "invalid character in hex string"));
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
    }
}
