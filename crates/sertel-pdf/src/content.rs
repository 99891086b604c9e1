//! Content streams split into operations (ISO 32000-1 §7.8.2): operands followed by an
//! operator, each with its byte span so that a caller can rewrite single operations.
//!
//! Inline images (`BI … ID <data> EI`) are kept as one operation named `BI` whose data is
//! skipped. Parsing is bounded by [`Limits`]: the number of values, the nesting depth and the
//! number of operands of one operation.

use std::ops::Range;

use crate::lexer::{is_whitespace, Lexer, Token};
use crate::parse::{parse_value, ParseStats};
use crate::{Limit, Limits, Object, PdfError};

/// More operands than any operator takes (the longest, `sc`/`scn` with a pattern, takes 33).
const MAX_OPERANDS: usize = 64;

/// One operation of a content stream.
#[derive(Clone, Debug, PartialEq)]
pub struct ContentOp {
    /// The operator, e.g. `Tj`, `TJ`, `Tm`, `cm`; `BI` for a whole inline image.
    pub operator: Vec<u8>,
    /// The operands before it, in order (for `BI`, none).
    pub operands: Vec<Object>,
    /// The bytes from the first operand (or the operator) to the end of the operator (for
    /// `BI`, to the end of `EI`).
    pub span: Range<usize>,
}

/// Splits `bytes` (a decoded content stream) into operations.
///
/// # Errors
/// [`PdfError::Syntax`] for malformed syntax, a dangling operand at the end or an inline
/// image without `EI`; [`PdfError::LimitExceeded`] when the stream holds more values than
/// `limits.max_object_elements`, nests deeper than `limits.max_depth`, or an operation has
/// more than 64 operands.
pub fn content_operations(bytes: &[u8], limits: &Limits) -> Result<Vec<ContentOp>, PdfError> {
    let mut lex = Lexer::new(bytes, 0, true);
    let mut stats = ParseStats::default();
    let mut ops = Vec::new();
    let mut operands = Vec::new();
    let mut first: Option<usize> = None;
    loop {
        lex.skip_whitespace_and_comments()?;
        let start = lex.pos();
        let Some(token) = lex.next_token()? else {
            break;
        };
        match token {
            Token::Keyword(word) if !matches!(word, b"true" | b"false" | b"null") => {
                stats.elements += 1;
                if stats.elements > limits.max_object_elements {
                    return Err(PdfError::LimitExceeded(Limit::ObjectElements));
                }
                let operator = word.to_vec();
                let begin = first.take().unwrap_or(start);
                if operator == b"BI" {
                    let end = skip_inline_image(&mut lex, limits, &mut stats)?;
                    operands.clear();
                    ops.push(ContentOp {
                        operator,
                        operands: Vec::new(),
                        span: begin..end,
                    });
                    continue;
                }
                ops.push(ContentOp {
                    operator,
                    operands: std::mem::take(&mut operands),
                    span: begin..lex.pos(),
                });
            }
            _ => {
                lex.set_pos(start);
                let value = parse_value(&mut lex, limits, &mut stats)?;
                if operands.len() >= MAX_OPERANDS {
                    return Err(PdfError::LimitExceeded(Limit::ObjectElements));
                }
                first.get_or_insert(start);
                operands.push(value);
            }
        }
    }
    if !operands.is_empty() {
        return Err(PdfError::syntax(
            bytes.len() as u64,
            "operands without an operator at the end of a content stream",
        ));
    }
    Ok(ops)
}

/// Skips an inline image after `BI`: key/value pairs up to `ID`, one white-space byte, the
/// data up to white space + `EI` followed by white space or the end. Returns the end offset.
fn skip_inline_image(
    lex: &mut Lexer<'_>,
    limits: &Limits,
    stats: &mut ParseStats,
) -> Result<usize, PdfError> {
    loop {
        lex.skip_whitespace_and_comments()?;
        let at = lex.pos();
        match lex.next_token()? {
            None => return Err(lex.end_error("inline image without ID")),
            Some(Token::Keyword(b"ID")) => break,
            Some(_) => {
                lex.set_pos(at);
                parse_value(lex, limits, stats)?;
            }
        }
    }
    let buf = lex.buf();
    let data_start = lex.pos() + 1;
    let mut i = data_start;
    while i + 2 <= buf.len() {
        let before_ok = i == data_start || is_whitespace(buf[i - 1]);
        let after_ok = buf.get(i + 2).is_none_or(|b| is_whitespace(*b));
        if before_ok && after_ok && &buf[i..i + 2] == b"EI" {
            lex.set_pos(i + 2);
            return Ok(i + 2);
        }
        i += 1;
    }
    Err(PdfError::syntax(
        data_start as u64,
        "inline image without EI",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PdfString;

    #[test]
    fn operations_with_spans() {
        let src = b"BT /F1 12 Tf 1 0 0 1 72 700 Tm [(Hal)-20(o)] TJ (x) ' ET";
        let ops = content_operations(src, &Limits::default()).expect("parses");
        let names: Vec<&[u8]> = ops.iter().map(|o| o.operator.as_slice()).collect();
        assert_eq!(
            names,
            [&b"BT"[..], b"Tf", b"Tm", b"TJ", b"'", b"ET"],
            "operators"
        );
        assert_eq!(&src[ops[1].span.clone()], b"/F1 12 Tf");
        assert_eq!(&src[ops[3].span.clone()], b"[(Hal)-20(o)] TJ");
        assert_eq!(
            ops[4].operands,
            vec![Object::String(PdfString::literal(b"x".to_vec()))]
        );
    }

    #[test]
    fn inline_image_is_one_operation() {
        let src = b"q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI Q";
        let ops = content_operations(src, &Limits::default()).expect("parses");
        let names: Vec<&[u8]> = ops.iter().map(|o| o.operator.as_slice()).collect();
        assert_eq!(names, [&b"q"[..], b"BI", b"Q"]);
    }

    #[test]
    fn malformed_streams_are_errors() {
        let limits = Limits::default();
        assert!(content_operations(b"1 2", &limits).is_err());
        assert!(content_operations(b"BI /W 1 ID xxxx", &limits).is_err());
        let deep = "[".repeat(200) + &"]".repeat(200) + " Tj";
        assert!(matches!(
            content_operations(deep.as_bytes(), &limits),
            Err(PdfError::LimitExceeded(Limit::Depth))
        ));
        let many = "1 ".repeat(100) + "re";
        assert!(content_operations(many.as_bytes(), &limits).is_err());
    }
}
