//! Canonical serialization of objects.
//!
//! Output forms: `null`, `true`/`false`, integers in decimal, reals in fixed-point with at
//! most [`REAL_DECIMALS`] decimals (never an exponent, always a `.`), names with `#xx` escapes,
//! literal strings with `\\ \( \) \r \n` escaped (or hex when [`PdfString::hex`] is set),
//! arrays `[a b]`, dictionaries `<< /K v /K2 v2 >>`, references `N G R`, and streams as their
//! dictionary (with `/Length` set to the data length), `\nstream\n`, the data, `\nendstream`.

use crate::{Dict, Name, Object, PdfError, PdfString, Stream, StreamData};

/// Number of decimals written for real numbers (trailing zeros are trimmed).
pub const REAL_DECIMALS: usize = 6;

/// Nesting deeper than this cannot be written (the reader would reject it anyway).
const MAX_WRITE_DEPTH: usize = 256;

/// Serializes `obj` canonically, appending to `out`.
///
/// Fails (appending nothing) for objects that have no valid serialization: a stream whose
/// data is still in the input file ([`StreamData::InFile`]), a stream nested inside an array
/// or dictionary, a non-finite real, a name containing a NUL byte, or nesting deeper than 256.
pub fn write_object(out: &mut Vec<u8>, obj: &Object) -> Result<(), PdfError> {
    let mut buf = Vec::new();
    match obj {
        Object::Stream(s) => write_stream(&mut buf, s)?,
        other => write_direct(&mut buf, other, 0)?,
    }
    out.extend_from_slice(&buf);
    Ok(())
}

fn write_stream(out: &mut Vec<u8>, s: &Stream) -> Result<(), PdfError> {
    let StreamData::InMemory(data) = &s.data else {
        return Err(PdfError::Unwritable(
            "stream data is still in the input file; load it into memory first",
        ));
    };
    let mut dict = s.dict.clone();
    dict.set(b"Length", Object::Integer(data.len() as i64));
    write_dict(out, &dict, 0)?;
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    Ok(())
}

fn write_direct(out: &mut Vec<u8>, obj: &Object, depth: usize) -> Result<(), PdfError> {
    if depth > MAX_WRITE_DEPTH {
        return Err(PdfError::Unwritable("nesting too deep"));
    }
    match obj {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Object::Real(r) => write_real(out, *r)?,
        Object::String(s) => write_string(out, s),
        Object::Name(n) => write_name(out, n)?,
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_direct(out, item, depth + 1)?;
            }
            out.push(b']');
        }
        Object::Dictionary(d) => write_dict(out, d, depth)?,
        Object::Stream(_) => {
            return Err(PdfError::Unwritable(
                "a stream can only be an indirect object's value",
            ))
        }
        Object::Reference(r) => out.extend_from_slice(format!("{} {} R", r.num, r.gen).as_bytes()),
    }
    Ok(())
}

fn write_dict(out: &mut Vec<u8>, d: &Dict, depth: usize) -> Result<(), PdfError> {
    out.extend_from_slice(b"<<");
    for (k, v) in d.iter() {
        out.push(b' ');
        write_name(out, k)?;
        out.push(b' ');
        write_direct(out, v, depth + 1)?;
    }
    out.extend_from_slice(b" >>");
    Ok(())
}

/// Writes a real in fixed-point notation with at most [`REAL_DECIMALS`] decimals.
fn write_real(out: &mut Vec<u8>, r: f64) -> Result<(), PdfError> {
    if !r.is_finite() {
        return Err(PdfError::Unwritable("real number is not finite"));
    }
    let mut s = format!("{:.*}", REAL_DECIMALS, r);
    while s.ends_with('0') && !s.ends_with(".0") {
        s.pop();
    }
    if s == "-0.0" {
        s = "0.0".to_string();
    }
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

/// Whether a name byte must be written as `#xx`.
fn name_byte_needs_escape(b: u8) -> bool {
    !(0x21..=0x7e).contains(&b) || b == b'#' || crate::lexer::is_delimiter(b)
}

fn write_name(out: &mut Vec<u8>, n: &Name) -> Result<(), PdfError> {
    out.push(b'/');
    for &b in n.as_bytes() {
        if b == 0 {
            return Err(PdfError::Unwritable("name contains a NUL byte"));
        }
        if name_byte_needs_escape(b) {
            out.push(b'#');
            out.extend_from_slice(&hex2(b));
        } else {
            out.push(b);
        }
    }
    Ok(())
}

fn hex2(b: u8) -> [u8; 2] {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]
}

fn write_string(out: &mut Vec<u8>, s: &PdfString) {
    if s.hex {
        out.push(b'<');
        for &b in &s.bytes {
            out.extend_from_slice(&hex2(b));
        }
        out.push(b'>');
        return;
    }
    out.push(b'(');
    for &b in &s.bytes {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'(' => out.extend_from_slice(b"\\("),
            b')' => out.extend_from_slice(b"\\)"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
