//! The file header and the `startxref` pointer at the end of the file (ISO 32000-1 §7.5.2,
//! §7.5.5).

use crate::lexer::is_whitespace;
use crate::reader::FileReader;
use crate::PdfError;

/// How much of the end of the file is searched for `startxref`.
pub(crate) const TAIL_WINDOW: u64 = 1024;

/// Checks the `%PDF-d.d` header at offset 0; returns the version.
pub(crate) fn read_header(r: &FileReader) -> Result<(u8, u8), PdfError> {
    if r.len < 8 {
        return Err(PdfError::BadHeader);
    }
    let h = r.read_vec(0, 8)?;
    if &h[..5] != b"%PDF-" || !h[5].is_ascii_digit() || h[6] != b'.' || !h[7].is_ascii_digit() {
        return Err(PdfError::BadHeader);
    }
    Ok((h[5] - b'0', h[7] - b'0'))
}

/// Finds the last `startxref` in the final [`TAIL_WINDOW`] bytes and returns its offset
/// value. The value must be followed by white space and `%%EOF`; anything may follow that.
pub(crate) fn find_startxref(r: &FileReader) -> Result<u64, PdfError> {
    let n = r.len.min(TAIL_WINDOW);
    let tail = r.read_vec(r.len - n, n)?;
    let kw = b"startxref";
    let at = tail
        .windows(kw.len())
        .rposition(|w| w == kw)
        .ok_or(PdfError::StartXref("`startxref` not found"))?;
    let mut i = at + kw.len();
    let skip_ws = |i: &mut usize| {
        while *i < tail.len() && is_whitespace(tail[*i]) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    let digits_start = i;
    let mut value: u64 = 0;
    while i < tail.len() && tail[i].is_ascii_digit() {
        if i - digits_start >= 19 {
            return Err(PdfError::StartXref("offset too long"));
        }
        value = value * 10 + u64::from(tail[i] - b'0');
        i += 1;
    }
    if i == digits_start || digits_start == at + kw.len() {
        return Err(PdfError::StartXref("malformed offset"));
    }
    skip_ws(&mut i);
    if !tail[i..].starts_with(b"%%EOF") {
        return Err(PdfError::StartXref("offset not followed by %%EOF"));
    }
    if value >= r.len {
        return Err(PdfError::StartXref("offset beyond the end of the file"));
    }
    Ok(value)
}
