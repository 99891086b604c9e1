//! Cross-reference streams (ISO 32000-1 §7.5.8).

use crate::filters;
use crate::reader::FileReader;
use crate::xref::{check_section, XrefEntry};
use crate::{Dict, Limit, Object, PdfError};

/// A parsed cross-reference stream.
pub(crate) struct StreamSection {
    /// The entries, sorted by object number.
    pub(crate) entries: Vec<(u32, XrefEntry)>,
    /// The stream dictionary (which doubles as the trailer).
    pub(crate) dict: Dict,
    /// Offset just after the stream object's `endobj`.
    pub(crate) end: u64,
}

fn direct_only(o: &Object) -> Result<Object, PdfError> {
    match o {
        Object::Reference(_) => Err(PdfError::Invalid(
            "cross-reference stream dictionary values must be direct",
        )),
        other => Ok(other.clone()),
    }
}

fn non_negative(o: Option<&Object>, what: &'static str) -> Result<u64, PdfError> {
    o.and_then(Object::as_int)
        .and_then(|v| u64::try_from(v).ok())
        .ok_or(PdfError::Invalid(what))
}

/// Reads the cross-reference stream object at `offset`. `budget` is how many more entries
/// may be read; it is reduced by the entries read.
pub(crate) fn read_xref_stream(
    r: &FileReader,
    offset: u64,
    budget: &mut u64,
) -> Result<StreamSection, PdfError> {
    let parsed = r.indirect_at(offset)?;
    let (Object::Dictionary(dict), Some(data_start)) = (parsed.object, parsed.stream_start) else {
        return Err(PdfError::xref(
            offset,
            "expected a cross-reference stream object",
        ));
    };
    if !dict.has_name(b"Type", b"XRef") {
        return Err(PdfError::xref(offset, "stream is not of /Type /XRef"));
    }
    let length = non_negative(
        dict.get(b"Length"),
        "xref stream /Length must be a direct non-negative integer",
    )?;
    if length > r.limits.max_decoded_stream_bytes {
        return Err(PdfError::LimitExceeded(Limit::DecodedStreamBytes));
    }
    let end = r.check_stream_end(
        data_start
            .checked_add(length)
            .ok_or(PdfError::xref(offset, "bad /Length"))?,
    )?;
    let steps = filters::chain(&dict, &direct_only, &r.limits)?;
    let raw = r.read_vec(data_start, length)?;
    let data = filters::decode(raw, &steps, &r.limits)?;
    r.work.charge(data.len() as u64)?;

    let w = dict
        .get_array(b"W")
        .ok_or(PdfError::xref(offset, "missing /W"))?;
    if w.len() != 3 {
        return Err(PdfError::xref(offset, "/W must have three elements"));
    }
    let mut widths = [0usize; 3];
    for (slot, o) in widths.iter_mut().zip(w) {
        let v = non_negative(Some(o), "/W elements must be non-negative integers")?;
        if v > 8 {
            return Err(PdfError::xref(offset, "/W field wider than 8 bytes"));
        }
        *slot = v as usize;
    }
    let row = widths.iter().sum::<usize>();
    if row == 0 {
        return Err(PdfError::xref(offset, "/W fields are all zero"));
    }
    let size = non_negative(
        dict.get(b"Size"),
        "xref stream /Size must be a non-negative integer",
    )?;
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    match dict.get(b"Index") {
        None => ranges.push((0, size)),
        Some(Object::Array(items)) => {
            if items.len() % 2 != 0 {
                return Err(PdfError::xref(offset, "/Index must have an even length"));
            }
            for pair in items.chunks_exact(2) {
                let first = non_negative(
                    Some(&pair[0]),
                    "/Index elements must be non-negative integers",
                )?;
                let count = non_negative(
                    Some(&pair[1]),
                    "/Index elements must be non-negative integers",
                )?;
                ranges.push((first, count));
            }
        }
        Some(_) => return Err(PdfError::xref(offset, "/Index is not an array")),
    }
    let mut total: u64 = 0;
    for &(first, count) in &ranges {
        if first.saturating_add(count) > u64::from(u32::MAX) {
            return Err(PdfError::xref(offset, "object number out of range"));
        }
        total = total.saturating_add(count);
    }
    if total > *budget {
        return Err(PdfError::LimitExceeded(Limit::XrefEntries));
    }
    *budget -= total;
    if (data.len() as u64) != total.saturating_mul(row as u64) {
        return Err(PdfError::xref(
            offset,
            "stream data length does not match /W and /Index",
        ));
    }

    let mut entries = Vec::with_capacity(total as usize);
    let mut rows = data.chunks_exact(row);
    for (first, count) in ranges {
        for i in 0..count {
            // The length check above guarantees one row per entry.
            let Some(bytes) = rows.next() else {
                return Err(PdfError::xref(offset, "stream data too short"));
            };
            let (f1, rest) = bytes.split_at(widths[0]);
            let (f2, f3) = rest.split_at(widths[1]);
            let kind = if widths[0] == 0 { 1 } else { be(f1) };
            let (f2, f3) = (be(f2), be(f3));
            let bad = || PdfError::xref(offset, "entry field out of range");
            let entry = match kind {
                0 => XrefEntry::Free {
                    next: u32::try_from(f2).map_err(|_| bad())?,
                    gen: u16::try_from(f3).map_err(|_| bad())?,
                },
                1 => XrefEntry::InFile {
                    offset: f2,
                    gen: u16::try_from(f3).map_err(|_| bad())?,
                },
                2 => XrefEntry::InObjectStream {
                    stream: u32::try_from(f2).map_err(|_| bad())?,
                    index: u32::try_from(f3).map_err(|_| bad())?,
                },
                // Other types denote the null object (§7.5.8.3).
                _ => XrefEntry::Free { next: 0, gen: 0 },
            };
            // `first + count <= u32::MAX` was checked above.
            entries.push(((first + i) as u32, entry));
        }
    }
    check_section(&mut entries, offset)?;
    Ok(StreamSection { entries, dict, end })
}

/// A big-endian unsigned integer of up to 8 bytes.
fn be(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b))
}
