//! Tokenizer for PDF object syntax (ISO 32000-1 §7.2 and §7.3).
//!
//! The lexer works on a window of bytes. When the window is not the end of the input
//! (`complete == false`) and a token might continue past the window, it reports
//! [`PdfError::Truncated`] so the caller can retry with a larger window.

use crate::{Name, PdfError, PdfString};

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token<'a> {
    /// An integer.
    Integer(i64),
    /// A real number.
    Real(f64),
    /// A literal or hex string.
    String(PdfString),
    /// A name.
    Name(Name),
    /// `[`
    ArrayOpen,
    /// `]`
    ArrayClose,
    /// `<<`
    DictOpen,
    /// `>>`
    DictClose,
    /// `{` (PostScript calculator functions only)
    BraceOpen,
    /// `}`
    BraceClose,
    /// Any other run of regular characters: `true`, `null`, `R`, `obj`, operators, ...
    Keyword(&'a [u8]),
}

/// Whether `b` is PDF white space.
pub(crate) fn is_whitespace(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Whether `b` is a PDF delimiter.
pub(crate) fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Whether `b` is a regular character.
pub(crate) fn is_regular(b: u8) -> bool {
    !is_whitespace(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A tokenizer over a window of bytes.
#[derive(Debug, Clone)]
pub(crate) struct Lexer<'a> {
    buf: &'a [u8],
    pos: usize,
    base: u64,
    complete: bool,
}

impl<'a> Lexer<'a> {
    /// A lexer over `buf`, whose first byte is at absolute offset `base`; `complete` says that
    /// `buf` runs to the true end of the input.
    pub(crate) fn new(buf: &'a [u8], base: u64, complete: bool) -> Self {
        Lexer {
            buf,
            pos: 0,
            base,
            complete,
        }
    }

    /// Current position inside the window.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Moves to `pos` inside the window.
    pub(crate) fn set_pos(&mut self, pos: usize) {
        self.pos = pos.min(self.buf.len());
    }

    /// The window.
    pub(crate) fn buf(&self) -> &'a [u8] {
        self.buf
    }

    /// Whether the window ends where the input ends.
    pub(crate) fn is_complete(&self) -> bool {
        self.complete
    }

    /// Absolute offset of the current position.
    pub(crate) fn offset(&self) -> u64 {
        self.base.saturating_add(self.pos as u64)
    }

    fn offset_at(&self, pos: usize) -> u64 {
        self.base.saturating_add(pos as u64)
    }

    fn err(&self, pos: usize, what: &'static str) -> PdfError {
        PdfError::syntax(self.offset_at(pos), what)
    }

    /// The error for running off the end of the window at `pos`.
    pub(crate) fn end_error(&self, what: &'static str) -> PdfError {
        if self.complete {
            self.err(self.buf.len(), what)
        } else {
            PdfError::Truncated {
                offset: self.offset_at(self.buf.len()),
            }
        }
    }

    /// Skips white space only (no comments).
    pub(crate) fn skip_whitespace(&mut self) {
        while self.pos < self.buf.len() && is_whitespace(self.buf[self.pos]) {
            self.pos += 1;
        }
    }

    /// Skips white space and comments. A comment that runs to the end of an incomplete window
    /// is reported as truncated (the next token is unknown).
    pub(crate) fn skip_whitespace_and_comments(&mut self) -> Result<(), PdfError> {
        loop {
            self.skip_whitespace();
            if self.pos < self.buf.len() && self.buf[self.pos] == b'%' {
                while self.pos < self.buf.len() && !matches!(self.buf[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
                if self.pos == self.buf.len() && !self.complete {
                    return Err(self.end_error("unterminated comment"));
                }
            } else {
                return Ok(());
            }
        }
    }

    /// Whether the bytes at the current position start with `s` (no token boundary check).
    pub(crate) fn starts_with(&self, s: &[u8]) -> bool {
        self.buf[self.pos..].starts_with(s)
    }

    /// The next token; `Ok(None)` only at the end of a complete window.
    pub(crate) fn next_token(&mut self) -> Result<Option<Token<'a>>, PdfError> {
        self.skip_whitespace_and_comments()?;
        let start = self.pos;
        let Some(&b) = self.buf.get(start) else {
            if self.complete {
                return Ok(None);
            }
            return Err(self.end_error("expected a token"));
        };
        match b {
            b'(' => {
                self.pos += 1;
                self.literal_string().map(Some)
            }
            b'<' => match self.buf.get(start + 1) {
                Some(b'<') => {
                    self.pos += 2;
                    Ok(Some(Token::DictOpen))
                }
                Some(_) => {
                    self.pos += 1;
                    self.hex_string(start).map(Some)
                }
                None => Err(self.end_error("unterminated hex string")),
            },
            b'>' => match self.buf.get(start + 1) {
                Some(b'>') => {
                    self.pos += 2;
                    Ok(Some(Token::DictClose))
                }
                Some(_) => Err(self.err(start, "unexpected '>'")),
                None => Err(self.end_error("unexpected '>'")),
            },
            b'[' => {
                self.pos += 1;
                Ok(Some(Token::ArrayOpen))
            }
            b']' => {
                self.pos += 1;
                Ok(Some(Token::ArrayClose))
            }
            b'{' => {
                self.pos += 1;
                Ok(Some(Token::BraceOpen))
            }
            b'}' => {
                self.pos += 1;
                Ok(Some(Token::BraceClose))
            }
            b')' => Err(self.err(start, "unbalanced ')'")),
            b'/' => {
                self.pos += 1;
                self.name(start).map(Some)
            }
            _ => self.regular(start).map(Some),
        }
    }

    /// Scans a run of regular characters; reports truncation if it touches the window end.
    fn regular_run(&mut self) -> Result<&'a [u8], PdfError> {
        let start = self.pos;
        while self.pos < self.buf.len() && is_regular(self.buf[self.pos]) {
            self.pos += 1;
        }
        if self.pos == self.buf.len() && !self.complete {
            return Err(self.end_error("token runs past the window"));
        }
        Ok(&self.buf[start..self.pos])
    }

    fn regular(&mut self, start: usize) -> Result<Token<'a>, PdfError> {
        let run = self.regular_run()?;
        match run[0] {
            b'0'..=b'9' | b'+' | b'-' | b'.' => parse_number(run).ok_or_else(|| {
                self.err(
                    start,
                    "malformed number (or integer out of the 64-bit range)",
                )
            }),
            _ => Ok(Token::Keyword(run)),
        }
    }

    fn name(&mut self, start: usize) -> Result<Token<'a>, PdfError> {
        let run = self.regular_run()?;
        let mut out = Vec::with_capacity(run.len());
        let mut i = 0;
        while i < run.len() {
            let c = run[i];
            if c == b'#' {
                let hi = run.get(i + 1).copied().and_then(hex_value);
                let lo = run.get(i + 2).copied().and_then(hex_value);
                match (hi, lo) {
                    (Some(h), Some(l)) if h != 0 || l != 0 => out.push(h << 4 | l),
                    _ => return Err(self.err(start, "malformed #xx escape in name")),
                }
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(Token::Name(Name(out)))
    }
}

mod number;
mod strings;

use number::parse_number;

#[cfg(test)]
#[path = "lexer_tests.rs"]
mod tests;
