//! Writing cross-reference sections (ISO 32000-1 §7.5.4, §7.5.8): a classic table with its
//! trailer, or a Flate-compressed cross-reference stream.

use crate::flate::deflate;
use crate::write::write_object;
use crate::{Dict, ObjRef, Object, PdfError, Stream};

/// One cross-reference row.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Row {
    /// Object 0: head of the free list.
    Free,
    /// An object at an offset with a generation.
    InFile(u64, u16),
}

/// Groups sorted object numbers into `(first, count)` runs.
fn runs(rows: &[(u32, Row)]) -> Vec<(u32, usize)> {
    let mut out: Vec<(u32, usize)> = Vec::new();
    for &(num, _) in rows {
        match out.last_mut() {
            Some((first, count)) if u64::from(*first) + *count as u64 == u64::from(num) => {
                *count += 1
            }
            _ => out.push((num, 1)),
        }
    }
    out
}

pub(crate) fn write_table(
    out: &mut Vec<u8>,
    rows: &[(u32, Row)],
    trailer: &Dict,
) -> Result<(), PdfError> {
    out.extend_from_slice(b"xref\n");
    let mut i = 0;
    for (first, count) in runs(rows) {
        out.extend_from_slice(format!("{first} {count}\n").as_bytes());
        for (_, row) in &rows[i..i + count] {
            let line = match row {
                Row::Free => "0000000000 65535 f\r\n".to_string(),
                Row::InFile(offset, gen) => format!("{offset:010} {gen:05} n\r\n"),
            };
            out.extend_from_slice(line.as_bytes());
        }
        i += count;
    }
    out.extend_from_slice(b"trailer\n");
    write_object(out, &Object::Dictionary(trailer.clone()))?;
    out.push(b'\n');
    Ok(())
}

pub(crate) fn write_xref_stream(
    out: &mut Vec<u8>,
    xs: ObjRef,
    rows: &[(u32, Row)],
    mut dict: Dict,
) -> Result<(), PdfError> {
    let max_offset = rows
        .iter()
        .map(|(_, r)| match r {
            Row::Free => 0,
            Row::InFile(o, _) => *o,
        })
        .max()
        .unwrap_or(0);
    let width = (1..=8)
        .find(|&w| w == 8 || max_offset >> (8 * w) == 0)
        .unwrap_or(8);
    let mut data = Vec::with_capacity(rows.len() * (width + 3));
    for (_, row) in rows {
        let (kind, field2, field3) = match row {
            Row::Free => (0u8, 0u64, 65535u16),
            Row::InFile(o, g) => (1u8, *o, *g),
        };
        data.push(kind);
        data.extend_from_slice(&field2.to_be_bytes()[8 - width..]);
        data.extend_from_slice(&field3.to_be_bytes());
    }
    let mut index = Vec::new();
    for (first, count) in runs(rows) {
        index.push(Object::from(first));
        index.push(Object::Integer(count as i64));
    }
    let mut d = Dict::new();
    d.set(b"Type", Object::name(b"XRef"));
    for (k, v) in std::mem::take(&mut dict) {
        d.set(k, v);
    }
    d.set(b"Index", Object::Array(index));
    d.set(
        b"W",
        Object::Array(vec![
            Object::Integer(1),
            Object::Integer(width as i64),
            Object::Integer(2),
        ]),
    );
    d.set(b"Filter", Object::name(b"FlateDecode"));
    out.extend_from_slice(format!("{} {} obj\n", xs.num, xs.gen).as_bytes());
    write_object(out, &Object::Stream(Stream::new(d, deflate(&data))))?;
    out.extend_from_slice(b"\nendobj\n");
    Ok(())
}
