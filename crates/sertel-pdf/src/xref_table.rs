//! Classic cross-reference tables (ISO 32000-1 §7.5.4) and their trailers (§7.5.5).

use crate::reader::FileReader;
use crate::xref::{check_section, XrefEntry};
use crate::{Dict, Limit, Object, PdfError};

/// A parsed `xref ... trailer << >>` section.
pub(crate) struct TableSection {
    /// The rows, sorted by object number.
    pub(crate) entries: Vec<(u32, XrefEntry)>,
    /// The trailer dictionary.
    pub(crate) trailer: Dict,
    /// Offset just after the trailer dictionary.
    pub(crate) end: u64,
}

/// Parses a 20-byte row: `oooooooooo ggggg n` plus a two-byte end of line (`\r\n`, ` \n` or
/// ` \r`).
fn parse_row(row: &[u8; 20]) -> Option<(u64, u16, u8)> {
    let digits = |s: &[u8]| -> Option<u64> {
        s.iter().try_fold(0u64, |acc, &b| {
            b.is_ascii_digit().then(|| acc * 10 + u64::from(b - b'0'))
        })
    };
    let offset = digits(&row[0..10])?;
    if row[10] != b' ' || row[16] != b' ' {
        return None;
    }
    let gen = u16::try_from(digits(&row[11..16])?).ok()?;
    let kind = row[17];
    if kind != b'n' && kind != b'f' {
        return None;
    }
    if !matches!(&row[18..20], b"\r\n" | b" \n" | b" \r") {
        return None;
    }
    Some((offset, gen, kind))
}

/// Parses the table whose `xref` keyword is at `offset` (white space allowed before it).
/// `budget` is how many more entries may be read; it is reduced by the rows read.
pub(crate) fn read_table(
    r: &FileReader,
    offset: u64,
    budget: &mut u64,
) -> Result<TableSection, PdfError> {
    let mut seq = r.seq(offset);
    seq.skip_whitespace()?;
    if !seq.eat(b"xref")? {
        return Err(PdfError::xref(offset, "expected `xref`"));
    }
    let mut entries = Vec::new();
    loop {
        seq.skip_whitespace()?;
        if seq.eat(b"trailer")? {
            break;
        }
        let at = seq.pos();
        let bad_header = || PdfError::xref(at, "malformed subsection header");
        let start = seq.read_uint(10)?.ok_or_else(bad_header)?;
        let mut spaces = 0;
        while matches!(seq.peek()?, Some(b' ')) {
            seq.bump();
            spaces += 1;
        }
        if spaces == 0 {
            return Err(bad_header());
        }
        let count = seq.read_uint(10)?.ok_or_else(bad_header)?;
        while matches!(seq.peek()?, Some(b' ')) {
            seq.bump();
        }
        if !matches!(seq.peek()?, Some(b'\r' | b'\n')) {
            return Err(bad_header());
        }
        seq.skip_eol()?;
        if count > *budget {
            return Err(PdfError::LimitExceeded(Limit::XrefEntries));
        }
        *budget -= count;
        let last = start.saturating_add(count);
        if last > u64::from(u32::MAX) {
            return Err(PdfError::xref(at, "object number out of range"));
        }
        for i in 0..count {
            let row_at = seq.pos();
            let mut row = [0u8; 20];
            if !seq.read_into(&mut row)? {
                return Err(PdfError::xref(row_at, "table ends inside a row"));
            }
            let (field, gen, kind) =
                parse_row(&row).ok_or_else(|| PdfError::xref(row_at, "malformed 20-byte row"))?;
            // `start + i < last <= u32::MAX` was checked above.
            let num = (start + i) as u32;
            let entry = if kind == b'n' {
                XrefEntry::InFile { offset: field, gen }
            } else {
                let next = u32::try_from(field)
                    .map_err(|_| PdfError::xref(row_at, "free-list link out of range"))?;
                XrefEntry::Free { next, gen }
            };
            entries.push((num, entry));
        }
    }
    check_section(&mut entries, offset)?;
    let (trailer, end) = r.direct_at(seq.pos())?;
    let Object::Dictionary(trailer) = trailer else {
        return Err(PdfError::xref(offset, "trailer is not a dictionary"));
    };
    Ok(TableSection {
        entries,
        trailer,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows() {
        assert_eq!(parse_row(b"0000000015 00000 n\r\n"), Some((15, 0, b'n')));
        assert_eq!(parse_row(b"0000000000 65535 f \n"), Some((0, 65535, b'f')));
        assert_eq!(parse_row(b"0000000015 00002 n \r"), Some((15, 2, b'n')));
        assert_eq!(parse_row(b"        15 00000 n \n"), None);
        assert_eq!(parse_row(b"0000000015 00000 n\n0"), None);
        assert_eq!(parse_row(b"0000000015 00000 x \n"), None);
        assert_eq!(parse_row(b"0000000015 99999 n \n"), None);
        assert_eq!(parse_row(b"0000000015  0000 n \n"), None);
    }
}
