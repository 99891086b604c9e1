//! Buffered forward reading through a [`Source`], for cross-reference tables and scans.

use crate::work::Work;
use crate::{PdfError, Source};

const CHUNK: usize = 64 << 10;

/// A forward cursor over a source, reading in chunks (each charged to the work budget).
pub(crate) struct SeqReader<'a> {
    src: &'a dyn Source,
    len: u64,
    work: &'a Work,
    buf: Vec<u8>,
    buf_start: u64,
    pos: u64,
}

impl<'a> SeqReader<'a> {
    /// A cursor at `pos`.
    pub(crate) fn new(src: &'a dyn Source, len: u64, work: &'a Work, pos: u64) -> Self {
        SeqReader {
            src,
            len,
            work,
            buf: Vec::new(),
            buf_start: pos,
            pos,
        }
    }

    /// Current absolute offset.
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    /// The byte at the cursor, or `None` at the end of the source.
    pub(crate) fn peek(&mut self) -> Result<Option<u8>, PdfError> {
        if self.pos >= self.len {
            return Ok(None);
        }
        let end = self.buf_start + self.buf.len() as u64;
        if self.pos < self.buf_start || self.pos >= end {
            let n = (self.len - self.pos).min(CHUNK as u64) as usize;
            self.work.charge(n as u64)?;
            self.buf.resize(n, 0);
            self.src.read_exact_at(self.pos, &mut self.buf)?;
            self.buf_start = self.pos;
        }
        Ok(Some(self.buf[(self.pos - self.buf_start) as usize]))
    }

    /// Advances by one byte.
    pub(crate) fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    /// Returns the byte at the cursor and advances.
    pub(crate) fn next_byte(&mut self) -> Result<Option<u8>, PdfError> {
        let b = self.peek()?;
        if b.is_some() {
            self.bump();
        }
        Ok(b)
    }

    /// Skips PDF white space.
    pub(crate) fn skip_whitespace(&mut self) -> Result<(), PdfError> {
        while let Some(b) = self.peek()? {
            if !crate::lexer::is_whitespace(b) {
                break;
            }
            self.bump();
        }
        Ok(())
    }

    /// If the next bytes are `s`, consumes them and returns true; otherwise stays put.
    pub(crate) fn eat(&mut self, s: &[u8]) -> Result<bool, PdfError> {
        let start = self.pos;
        for &want in s {
            if self.peek()? != Some(want) {
                self.pos = start;
                return Ok(false);
            }
            self.bump();
        }
        Ok(true)
    }

    /// Reads exactly `out.len()` bytes.
    pub(crate) fn read_into(&mut self, out: &mut [u8]) -> Result<bool, PdfError> {
        for slot in out.iter_mut() {
            match self.next_byte()? {
                Some(b) => *slot = b,
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Reads an unsigned decimal number of 1 to `max_digits` digits.
    pub(crate) fn read_uint(&mut self, max_digits: usize) -> Result<Option<u64>, PdfError> {
        let mut v: u64 = 0;
        let mut n = 0;
        while let Some(b @ b'0'..=b'9') = self.peek()? {
            if n == max_digits {
                return Ok(None);
            }
            v = v * 10 + u64::from(b - b'0');
            n += 1;
            self.bump();
        }
        Ok(if n == 0 { None } else { Some(v) })
    }

    /// Scans forward for `pat`; leaves the cursor just after it. `None` if not found.
    pub(crate) fn find(&mut self, pat: &[u8]) -> Result<Option<u64>, PdfError> {
        let mut matched = 0usize;
        while let Some(b) = self.next_byte()? {
            if b == pat[matched] {
                matched += 1;
                if matched == pat.len() {
                    return Ok(Some(self.pos - pat.len() as u64));
                }
            } else if matched > 0 {
                // Restart the match just after where it began.
                self.pos -= matched as u64;
                matched = 0;
            }
        }
        Ok(None)
    }

    /// Skips one end-of-line marker (CRLF, LF or CR) if present.
    pub(crate) fn skip_eol(&mut self) -> Result<(), PdfError> {
        match self.peek()? {
            Some(b'\r') => {
                self.bump();
                if self.peek()? == Some(b'\n') {
                    self.bump();
                }
            }
            Some(b'\n') => self.bump(),
            _ => {}
        }
        Ok(())
    }
}
