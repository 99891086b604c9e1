//! Removing the marker's glyphs from the page content: each showing operation that carries
//! some of them is rewritten as a `TJ` whose strings keep the other codes and whose numbers
//! stand in for the removed codes' advances, so the text after the marker stays where it was.

use std::collections::BTreeMap;

use sertel_pdf::{write_object, ContentOp, Object, PdfError, PdfString};

use super::interpret::Shown;

fn number(v: f64) -> Object {
    let r = (v * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        Object::Integer(r as i64)
    } else {
        Object::Real(r)
    }
}

/// The `TJ` elements of string `s` with the codes in `removed` (sorted, within `s`) replaced
/// by displacements.
fn cut(s: &PdfString, removed: &[&Shown], out: &mut Vec<Object>) {
    let mut pos = 0;
    let mut pending = 0.0;
    let flush = |pending: &mut f64, out: &mut Vec<Object>| {
        if *pending != 0.0 {
            out.push(number(*pending));
            *pending = 0.0;
        }
    };
    for code in removed {
        if code.start > pos {
            flush(&mut pending, out);
            out.push(Object::String(PdfString {
                bytes: s.bytes[pos..code.start.min(s.bytes.len())].to_vec(),
                hex: s.hex,
            }));
        }
        if code.size != 0.0 {
            pending -= code.advance * 1000.0 / code.size;
        }
        pos = code.start + code.len;
    }
    flush(&mut pending, out);
    if pos < s.bytes.len() {
        out.push(Object::String(PdfString {
            bytes: s.bytes[pos..].to_vec(),
            hex: s.hex,
        }));
    }
}

/// The replacement text of one operation.
fn rewrite_op(op: &ContentOp, removed: &[&Shown]) -> Result<Vec<u8>, PdfError> {
    let mut by_element: BTreeMap<usize, Vec<&Shown>> = BTreeMap::new();
    for s in removed {
        by_element.entry(s.element).or_default().push(s);
    }
    let (prefix, items): (Vec<u8>, Vec<Object>) =
        match (op.operator.as_slice(), op.operands.as_slice()) {
            (b"TJ", [Object::Array(items)]) => (Vec::new(), items.clone()),
            (b"Tj", [s]) => (Vec::new(), vec![s.clone()]),
            (b"'", [s]) => (b"T* ".to_vec(), vec![s.clone()]),
            (b"\"", [aw, ac, s]) => {
                let mut p = Vec::new();
                write_object(&mut p, aw)?;
                p.extend_from_slice(b" Tw ");
                write_object(&mut p, ac)?;
                p.extend_from_slice(b" Tc T* ");
                (p, vec![s.clone()])
            }
            _ => return Err(PdfError::Unsupported("not a text-showing operation".into())),
        };
    let mut elements = Vec::new();
    for (k, item) in items.iter().enumerate() {
        match (item, by_element.get(&k)) {
            (Object::String(s), Some(codes)) => {
                let mut codes = codes.clone();
                codes.sort_by_key(|c| c.start);
                cut(s, &codes, &mut elements);
            }
            _ => elements.push(item.clone()),
        }
    }
    let mut out = prefix;
    write_object(&mut out, &Object::Array(elements))?;
    out.extend_from_slice(b" TJ");
    Ok(out)
}

/// `content` with the codes in `removed` no longer shown.
pub fn remove(content: &[u8], ops: &[ContentOp], removed: &[&Shown]) -> Result<Vec<u8>, PdfError> {
    let mut by_op: BTreeMap<usize, Vec<&Shown>> = BTreeMap::new();
    for s in removed {
        by_op.entry(s.op).or_default().push(s);
    }
    let mut out = Vec::with_capacity(content.len());
    let mut pos = 0;
    for (i, codes) in by_op {
        let Some(op) = ops.get(i) else { continue };
        out.extend_from_slice(&content[pos..op.span.start]);
        out.extend_from_slice(&rewrite_op(op, &codes)?);
        pos = op.span.end;
    }
    out.extend_from_slice(&content[pos..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sertel_pdf::{content_operations, Limits};

    fn code(op: usize, element: usize, start: usize) -> Shown {
        Shown {
            op,
            element,
            start,
            len: 1,
            text: String::new(),
            advance: 5.0,
            size: 10.0,
            corners: [(0.0, 0.0); 3],
        }
    }

    #[test]
    fn removed_codes_become_displacements() {
        let src = b"BT (a$ttd$b) Tj [(x$t) -50 (td$)] TJ 1 2 (q$) \" ET";
        let ops = content_operations(src, &Limits::default()).expect("parses");
        let removed: Vec<Shown> = (1..6)
            .map(|s| code(1, 0, s))
            .chain([
                code(2, 0, 1),
                code(2, 0, 2),
                code(2, 2, 0),
                code(2, 2, 1),
                code(2, 2, 2),
            ])
            .chain([code(3, 0, 1)])
            .collect();
        let refs: Vec<&Shown> = removed.iter().collect();
        let out = remove(src, &ops, &refs).expect("rewrites");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "BT [(a) -2500 (b)] TJ [(x) -1000 -50 -1500] TJ 1 Tw 2 Tc T* [(q) -500] TJ ET"
        );
    }
}
