//! Numeric tokens (ISO 32000-1 §7.3.3).

use super::Token;

/// Parses a numeric token: `[+-]?digits`, or `[+-]?(digits.digits*|.digits+)`.
pub(super) fn parse_number(run: &[u8]) -> Option<Token<'static>> {
    let (neg, body) = match run[0] {
        b'+' => (false, &run[1..]),
        b'-' => (true, &run[1..]),
        _ => (false, run),
    };
    if body.is_empty() {
        return None;
    }
    let dot = body.iter().position(|&b| b == b'.');
    let digits_ok = body
        .iter()
        .enumerate()
        .all(|(i, &b)| b.is_ascii_digit() || Some(i) == dot);
    if !digits_ok {
        return None;
    }
    match dot {
        None => {
            let mut v: i64 = 0;
            for &d in body {
                v = v.checked_mul(10)?;
                let d = i64::from(d - b'0');
                v = if neg {
                    v.checked_sub(d)?
                } else {
                    v.checked_add(d)?
                };
            }
            Some(Token::Integer(v))
        }
        Some(_) => {
            if body.len() == 1 {
                return None; // a lone "."
            }
            // Only ASCII digits and one '.', so this is valid UTF-8 and a valid float literal.
            let s = core::str::from_utf8(body).ok()?;
            let v: f64 = s.parse().ok()?;
            Some(Token::Real(if neg { -v } else { v }))
        }
    }
}
