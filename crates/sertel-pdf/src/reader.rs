//! Bounded reads of objects at file offsets: windows that start small and grow on demand.

use crate::indirect::{parse_indirect, ParsedIndirect};
use crate::lexer::{is_whitespace, Lexer};
use crate::parse::{parse_value, ParseStats};
use crate::seq::SeqReader;
use crate::work::{Work, WORK_PER_ELEMENT};
use crate::{Limit, Limits, Object, PdfError, Source};

/// First window size when reading an object.
const INITIAL_WINDOW: usize = 2048;

/// How far past a stream's data `endstream` may start (only white space in between).
const ENDSTREAM_WINDOW: u64 = 256;

/// The source with its length, limits and work counter.
pub(crate) struct FileReader {
    pub(crate) src: Box<dyn Source>,
    pub(crate) len: u64,
    pub(crate) limits: Limits,
    pub(crate) work: Work,
}

impl FileReader {
    /// Wraps a source.
    pub(crate) fn new(src: Box<dyn Source>, limits: Limits) -> Self {
        let len = src.len();
        let work = Work::new(limits.work_budget(len));
        FileReader {
            src,
            len,
            limits,
            work,
        }
    }

    /// Reads `n` bytes at `offset` (charged to the work budget).
    pub(crate) fn read_vec(&self, offset: u64, n: u64) -> Result<Vec<u8>, PdfError> {
        if offset.checked_add(n).is_none_or(|end| end > self.len) {
            return Err(PdfError::Truncated { offset: self.len });
        }
        self.work.charge(n)?;
        let n = usize::try_from(n).map_err(|_| PdfError::LimitExceeded(Limit::ObjectBytes))?;
        let mut buf = vec![0u8; n];
        self.src.read_exact_at(offset, &mut buf)?;
        Ok(buf)
    }

    /// A forward cursor at `pos`.
    pub(crate) fn seq(&self, pos: u64) -> SeqReader<'_> {
        SeqReader::new(&*self.src, self.len, &self.work, pos)
    }

    /// Runs `parse` on a window at `offset`, doubling the window while the parse reports
    /// truncation, up to `max_object_bytes`. `parse` returns its value, the bytes it consumed
    /// and the values it parsed (both charged to the work budget).
    pub(crate) fn with_window<T>(
        &self,
        offset: u64,
        parse: impl Fn(&[u8], bool) -> Result<(T, usize, usize), PdfError>,
    ) -> Result<T, PdfError> {
        self.work.check()?;
        if offset >= self.len {
            return Err(PdfError::Truncated { offset });
        }
        let avail = self.len - offset;
        let max = self.limits.max_object_bytes as u64;
        let mut size = (INITIAL_WINDOW as u64).min(max);
        loop {
            let take = size.min(avail);
            let complete = take == avail;
            let buf = {
                let n = usize::try_from(take)
                    .map_err(|_| PdfError::LimitExceeded(Limit::ObjectBytes))?;
                let mut b = vec![0u8; n];
                self.src.read_exact_at(offset, &mut b)?;
                b
            };
            match parse(&buf, complete) {
                Ok((value, consumed, elements)) => {
                    self.work.charge(
                        (consumed as u64).saturating_add(elements as u64 * WORK_PER_ELEMENT),
                    )?;
                    return Ok(value);
                }
                Err(PdfError::Truncated { .. }) if !complete => {
                    self.work.charge(take)?;
                    if size >= max {
                        return Err(PdfError::LimitExceeded(Limit::ObjectBytes));
                    }
                    size = size.saturating_mul(2).min(max);
                }
                Err(e) => {
                    self.work.charge(take)?;
                    return Err(e);
                }
            }
        }
    }

    /// Parses the indirect object whose header is at `offset` (white space allowed first).
    pub(crate) fn indirect_at(&self, offset: u64) -> Result<ParsedIndirect, PdfError> {
        self.with_window(offset, |buf, complete| {
            let p = parse_indirect(buf, offset, complete, &self.limits)?;
            let (c, e) = (p.consumed, p.elements);
            Ok((p, c, e))
        })
    }

    /// Parses one direct object at `offset`; returns it and the offset just after it.
    pub(crate) fn direct_at(&self, offset: u64) -> Result<(Object, u64), PdfError> {
        self.with_window(offset, |buf, complete| {
            let mut lex = Lexer::new(buf, offset, complete);
            let mut stats = ParseStats::default();
            let obj = parse_value(&mut lex, &self.limits, &mut stats)?;
            Ok(((obj, lex.offset()), lex.pos(), stats.elements))
        })
    }

    /// Checks that white space, `endstream`, white space and `endobj` follow a stream's data
    /// ending at `data_end` (so a wrong `/Length` is detected). Returns the offset after
    /// `endobj`.
    pub(crate) fn check_stream_end(&self, data_end: u64) -> Result<u64, PdfError> {
        let bad = || {
            PdfError::syntax(
                data_end,
                "no `endstream endobj` where /Length says the data ends",
            )
        };
        if data_end > self.len {
            return Err(bad());
        }
        let n = (self.len - data_end).min(ENDSTREAM_WINDOW);
        let buf = self.read_vec(data_end, n)?;
        let mut i = 0;
        while i < buf.len() && is_whitespace(buf[i]) {
            i += 1;
        }
        if !buf[i..].starts_with(b"endstream") {
            return Err(bad());
        }
        i += 9;
        while i < buf.len() && is_whitespace(buf[i]) {
            i += 1;
        }
        if !buf[i..].starts_with(b"endobj") {
            return Err(bad());
        }
        Ok(data_end + (i + 6) as u64)
    }

    /// The offset just after the first `%%EOF` (and the end-of-line marker after it) at or
    /// after `pos`.
    pub(crate) fn eof_marker_after(&self, pos: u64) -> Result<u64, PdfError> {
        let mut seq = self.seq(pos);
        if seq.find(b"%%EOF")?.is_none() {
            return Err(PdfError::xref(pos, "revision is not terminated by %%EOF"));
        }
        seq.skip_eol()?;
        Ok(seq.pos())
    }
}
