//! Parsing `N G obj ... endobj` (ISO 32000-1 §7.3.10) inside a window of bytes.

use crate::lexer::{Lexer, Token};
use crate::parse::{parse_value, ParseStats};
use crate::{Limits, ObjRef, Object, PdfError};

/// The message of the error for "no `N G obj` header here".
pub(crate) const NOT_A_HEADER: &str = "expected `N G obj`";

/// An indirect object as found in a window.
#[derive(Debug)]
pub(crate) struct ParsedIndirect {
    /// The `N G` of the header.
    pub(crate) id: ObjRef,
    /// The object (for a stream: its dictionary).
    pub(crate) object: Object,
    /// For a stream: the absolute offset of its first data byte.
    pub(crate) stream_start: Option<u64>,
    /// Bytes of the window consumed.
    pub(crate) consumed: usize,
    /// Values parsed.
    pub(crate) elements: usize,
}

/// A token of the `N G obj` header. Any token error means the offset does not hold a header
/// (truncation aside, which asks for a larger window).
fn header_token<'a>(lex: &mut Lexer<'a>, header: u64) -> Result<Option<Token<'a>>, PdfError> {
    match lex.next_token() {
        Ok(t) => Ok(t),
        Err(e @ PdfError::Truncated { .. }) => Err(e),
        Err(_) => Err(PdfError::syntax(header, NOT_A_HEADER)),
    }
}

/// Parses an indirect object starting at the beginning of `buf` (white space allowed before
/// the header). After the object either `endobj` or `stream` plus CRLF or LF must follow.
pub(crate) fn parse_indirect(
    buf: &[u8],
    base: u64,
    complete: bool,
    limits: &Limits,
) -> Result<ParsedIndirect, PdfError> {
    let mut lex = Lexer::new(buf, base, complete);
    lex.skip_whitespace();
    let header = lex.offset();
    let not_header = || PdfError::syntax(header, NOT_A_HEADER);
    if lex.starts_with(b"%") {
        return Err(not_header());
    }
    let num = match header_token(&mut lex, header)? {
        Some(Token::Integer(n)) => u32::try_from(n).map_err(|_| not_header())?,
        _ => return Err(not_header()),
    };
    let gen = match header_token(&mut lex, header)? {
        Some(Token::Integer(g)) => u16::try_from(g).map_err(|_| not_header())?,
        _ => return Err(not_header()),
    };
    match header_token(&mut lex, header)? {
        Some(Token::Keyword(b"obj")) => {}
        _ => return Err(not_header()),
    }
    let mut stats = ParseStats::default();
    let object = parse_value(&mut lex, limits, &mut stats)?;
    lex.skip_whitespace_and_comments()?;
    // `endobj` and `stream` are matched as bytes: some writers glue the next token on
    // (`endobj2 0 obj`), which a tokenizer would read as one keyword.
    let need = |lex: &Lexer<'_>, n: usize| lex.buf().len() - lex.pos() < n && !lex.is_complete();
    if need(&lex, 6) {
        return Err(lex.end_error("expected endobj"));
    }
    if lex.starts_with(b"endobj") {
        lex.set_pos(lex.pos() + 6);
        return Ok(ParsedIndirect {
            id: ObjRef { num, gen },
            object,
            stream_start: None,
            consumed: lex.pos(),
            elements: stats.elements,
        });
    }
    if need(&lex, 8) {
        return Err(lex.end_error("expected endobj"));
    }
    if lex.starts_with(b"stream") {
        if !matches!(object, Object::Dictionary(_)) {
            return Err(PdfError::syntax(
                lex.offset(),
                "`stream` after a non-dictionary",
            ));
        }
        let after = lex.pos() + 6;
        let eol = if lex.buf()[after..].starts_with(b"\r\n") {
            2
        } else if lex.buf()[after..].starts_with(b"\n") {
            1
        } else {
            return Err(PdfError::syntax(
                lex.offset(),
                "`stream` must be followed by CRLF or LF",
            ));
        };
        lex.set_pos(after + eol);
        return Ok(ParsedIndirect {
            id: ObjRef { num, gen },
            object,
            stream_start: Some(lex.offset()),
            consumed: lex.pos(),
            elements: stats.elements,
        });
    }
    Err(PdfError::syntax(lex.offset(), "expected endobj"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &[u8]) -> Result<ParsedIndirect, PdfError> {
        parse_indirect(s, 100, true, &Limits::default())
    }

    #[test]
    fn plain_object() {
        let r = p(b"  \r\n 12 3 obj << /A 1 >>\nendobj\n").expect("parses");
        assert_eq!(r.id, ObjRef::new(12, 3));
        assert!(r.object.as_dict().is_some());
        assert_eq!(r.stream_start, None);
    }

    #[test]
    fn glued_endobj_and_stream() {
        let r = p(b"1 0 obj<</A 1>>endobj2 0 obj").expect("parses");
        assert_eq!(r.consumed, 21);
        let r = p(b"1 0 obj<</Length 3>>stream\r\nabc\r\nendstream").expect("parses");
        assert_eq!(r.stream_start, Some(100 + 28));
        let r = p(b"1 0 obj<</Length 3>>stream\nabc").expect("parses");
        assert_eq!(r.stream_start, Some(100 + 27));
    }

    #[test]
    fn errors() {
        assert!(matches!(
            p(b"1 0 ob 5 endobj"),
            Err(PdfError::Syntax { .. })
        ));
        assert!(matches!(
            p(b"% c\n1 0 obj 5 endobj"),
            Err(PdfError::Syntax { .. })
        ));
        assert!(matches!(
            p(b"1 0 obj 5 6 endobj"),
            Err(PdfError::Syntax { .. })
        ));
        assert!(matches!(p(b"1 0 obj 5"), Err(PdfError::Syntax { .. })));
        assert!(matches!(
            p(b"1 0 obj [1] stream\nabc"),
            Err(PdfError::Syntax { .. })
        ));
        assert!(matches!(
            p(b"1 0 obj <<>> stream\rabc"),
            Err(PdfError::Syntax { .. })
        ));
        assert!(matches!(
            p(b"-1 0 obj 5 endobj"),
            Err(PdfError::Syntax { .. })
        ));
        assert!(matches!(
            p(b"1 70000 obj 5 endobj"),
            Err(PdfError::Syntax { .. })
        ));
    }

    #[test]
    fn truncation_is_reported_in_incomplete_windows() {
        let limits = Limits::default();
        for s in [
            &b"1 0 obj << /A"[..],
            b"1 0 obj 5 end",
            b"1 0 obj <<>> stre",
            b"1 0 obj <<>> stream",
        ] {
            assert!(
                matches!(
                    parse_indirect(s, 0, false, &limits),
                    Err(PdfError::Truncated { .. })
                ),
                "{}",
                s.escape_ascii()
            );
        }
    }
}
