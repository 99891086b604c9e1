//! Object streams (ISO 32000-1 §7.5.7): decoding, the offset table, and a small cache.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::lexer::{Lexer, Token};
use crate::parse::{parse_value, ParseStats};
use crate::{Dict, Limit, Limits, Object, PdfError};

/// A decoded object stream.
#[derive(Debug)]
pub(crate) struct ObjStm {
    data: Vec<u8>,
    first: usize,
    /// `(object number, offset relative to /First)` per index.
    offsets: Vec<(u32, usize)>,
}

fn int_entry(d: &Dict, key: &[u8], what: &'static str) -> Result<u64, PdfError> {
    d.get_int(key)
        .and_then(|v| u64::try_from(v).ok())
        .ok_or(PdfError::Invalid(what))
}

impl ObjStm {
    /// Builds the index of a decoded object stream with dictionary `dict`.
    pub(crate) fn new(dict: &Dict, data: Vec<u8>, limits: &Limits) -> Result<ObjStm, PdfError> {
        if !dict.has_name(b"Type", b"ObjStm") {
            return Err(PdfError::Invalid("object stream is not of /Type /ObjStm"));
        }
        let n = int_entry(
            dict,
            b"N",
            "object stream /N must be a non-negative integer",
        )?;
        let first = int_entry(
            dict,
            b"First",
            "object stream /First must be a non-negative integer",
        )?;
        if n > u64::from(limits.max_objstm_objects) {
            return Err(PdfError::LimitExceeded(Limit::ObjStmObjects));
        }
        let first = usize::try_from(first)
            .ok()
            .filter(|&f| f <= data.len())
            .ok_or(PdfError::Invalid("object stream /First beyond its data"))?;
        // Each pair takes at least 4 bytes ("1 2 "), so /N is bounded by the header size.
        if n > (first as u64 / 3) + 1 {
            return Err(PdfError::Invalid("object stream /N larger than its header"));
        }
        let mut lex = Lexer::new(&data[..first], 0, true);
        let mut offsets = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let num = match lex.next_token()? {
                Some(Token::Integer(v)) => u32::try_from(v).ok(),
                _ => None,
            };
            let off = match lex.next_token()? {
                Some(Token::Integer(v)) => usize::try_from(v).ok(),
                _ => None,
            };
            match (num, off) {
                (Some(num), Some(off)) if off <= data.len() - first => offsets.push((num, off)),
                _ => return Err(PdfError::Invalid("malformed object stream header")),
            }
        }
        Ok(ObjStm {
            data,
            first,
            offsets,
        })
    }

    /// Size of the decoded data (for the cache's accounting).
    pub(crate) fn size(&self) -> usize {
        self.data.len() + self.offsets.len() * 16
    }

    /// Parses the object at `index`, which must be object `num`. Returns the object and the
    /// number of values parsed.
    pub(crate) fn object(
        &self,
        index: u32,
        num: u32,
        limits: &Limits,
    ) -> Result<(Object, usize, usize), PdfError> {
        let Some(&(found, off)) = self.offsets.get(index as usize) else {
            return Err(PdfError::Invalid("object stream index out of range"));
        };
        if found != num {
            return Err(PdfError::Invalid(
                "object stream holds a different object at the index the xref gives",
            ));
        }
        let start = self.first + off;
        let slice = &self.data[start..];
        let window = &slice[..slice.len().min(limits.max_object_bytes)];
        let complete = window.len() == slice.len();
        let mut lex = Lexer::new(window, start as u64, complete);
        let mut stats = ParseStats::default();
        let obj = parse_value(&mut lex, limits, &mut stats).map_err(|e| match e {
            PdfError::Truncated { .. } => PdfError::LimitExceeded(Limit::ObjectBytes),
            other => other,
        })?;
        Ok((obj, lex.pos(), stats.elements))
    }
}

/// The most recently used decoded object streams, bounded in count and bytes.
#[derive(Debug, Default)]
pub(crate) struct ObjStmCache {
    entries: VecDeque<(u32, Arc<ObjStm>)>,
    bytes: usize,
}

const CACHE_ENTRIES: usize = 8;
const CACHE_BYTES: usize = 16 << 20;

impl ObjStmCache {
    /// Forgets every stream (after the document's file key is set).
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }

    /// The cached stream `num`, moved to the front.
    pub(crate) fn get(&mut self, num: u32) -> Option<Arc<ObjStm>> {
        let i = self.entries.iter().position(|(n, _)| *n == num)?;
        let e = self.entries.remove(i)?;
        let s = Arc::clone(&e.1);
        self.entries.push_front(e);
        Some(s)
    }

    /// Drops an oversized entry (kept alone) before another stream is decoded, so at most
    /// one oversized decoded stream is held at a time.
    pub(crate) fn shed_oversized(&mut self) {
        if self.bytes > CACHE_BYTES {
            self.entries.clear();
            self.bytes = 0;
        }
    }

    /// Adds a stream, evicting the least recently used ones to stay within bounds. A stream
    /// bigger than the byte bound is kept alone.
    pub(crate) fn insert(&mut self, num: u32, s: Arc<ObjStm>) {
        let size = s.size();
        while !self.entries.is_empty()
            && (self.entries.len() >= CACHE_ENTRIES || self.bytes + size > CACHE_BYTES)
        {
            if let Some((_, old)) = self.entries.pop_back() {
                self.bytes -= old.size();
            }
        }
        self.bytes += size;
        self.entries.push_front((num, s));
    }
}
