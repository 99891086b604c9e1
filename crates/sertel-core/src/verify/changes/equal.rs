//! Whether an object means the same in two revisions: dictionaries compared by key whatever
//! their order, streams by their bytes (their offsets differ when rewritten), references by
//! number (a redefined target is itself a change and judged on its own).

use sertel_pdf::{Dict, Document, Object, PdfError};

/// How deep the comparison recurses before it gives up (an error, never "equal").
const MAX_DEPTH: usize = 64;

/// True when `a` (in `da`) and `b` (in `db`) are the same value.
pub fn same(da: &Document, a: &Object, db: &Document, b: &Object) -> Result<bool, PdfError> {
    same_at(da, a, db, b, 0)
}

/// True when the two dictionaries hold the same entries, except the keys in `ignore`.
pub fn same_dict_except(
    da: &Document,
    a: &Dict,
    db: &Document,
    b: &Dict,
    ignore: &[&[u8]],
) -> Result<bool, PdfError> {
    dicts_equal(da, a, db, b, ignore, 0)
}

fn dicts_equal(
    da: &Document,
    a: &Dict,
    db: &Document,
    b: &Dict,
    ignore: &[&[u8]],
    depth: usize,
) -> Result<bool, PdfError> {
    let keys = |d: &Dict| {
        let mut k: Vec<Vec<u8>> = d
            .iter()
            .filter(|(k, v)| !ignore.contains(&k.0.as_slice()) && !v.is_null())
            .map(|(k, _)| k.0.clone())
            .collect();
        k.sort();
        k
    };
    let ka = keys(a);
    if ka != keys(b) {
        return Ok(false);
    }
    for k in ka {
        let (Some(va), Some(vb)) = (a.get(&k), b.get(&k)) else {
            return Ok(false);
        };
        if !same_at(da, va, db, vb, depth + 1)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn same_at(
    da: &Document,
    a: &Object,
    db: &Document,
    b: &Object,
    depth: usize,
) -> Result<bool, PdfError> {
    if depth > MAX_DEPTH {
        return Err(PdfError::Unsupported(
            "objects nested too deep to compare".into(),
        ));
    }
    Ok(match (a, b) {
        (Object::Integer(x), Object::Real(y)) | (Object::Real(y), Object::Integer(x)) => {
            (*x as f64) == *y
        }
        (Object::Array(x), Object::Array(y)) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            for (p, q) in x.iter().zip(y) {
                if !same_at(da, p, db, q, depth + 1)? {
                    return Ok(false);
                }
            }
            true
        }
        (Object::Dictionary(x), Object::Dictionary(y)) => dicts_equal(da, x, db, y, &[], depth)?,
        (Object::Stream(x), Object::Stream(y)) => {
            dicts_equal(da, &x.dict, db, &y.dict, &[b"Length"], depth)?
                && da.stream_raw(x)? == db.stream_raw(y)?
        }
        (x, y) => x == y,
    })
}
