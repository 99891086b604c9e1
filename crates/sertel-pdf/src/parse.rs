//! Parser from tokens to [`Object`]s: iterative (no recursion), depth- and size-bounded.

use crate::lexer::{Lexer, Token};
use crate::{Dict, Limit, Limits, Name, ObjRef, Object, PdfError};

enum Frame {
    Array(Vec<Object>),
    Dict(Dict, Option<Name>),
}

/// Counts the values produced by a parse, for the element limit and the work budget.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ParseStats {
    /// Values parsed so far.
    pub(crate) elements: usize,
}

/// Parses one object (which may be a container) at the lexer's position. Streams are not
/// handled here: the `stream` keyword is left to the caller. References `N G R` are
/// recognised. Keywords other than `true`, `false` and `null` are errors.
pub(crate) fn parse_value(
    lex: &mut Lexer<'_>,
    limits: &Limits,
    stats: &mut ParseStats,
) -> Result<Object, PdfError> {
    let mut stack: Vec<Frame> = Vec::new();
    loop {
        lex.skip_whitespace_and_comments()?;
        let start = lex.offset();
        let Some(token) = lex.next_token()? else {
            return Err(lex.end_error("expected an object"));
        };
        if !matches!(token, Token::ArrayClose | Token::DictClose) {
            stats.elements += 1;
        }
        if stats.elements > limits.max_object_elements {
            return Err(PdfError::LimitExceeded(Limit::ObjectElements));
        }
        let value = match token {
            Token::Integer(n) => maybe_reference(lex, n, start)?,
            Token::Real(r) => Object::Real(r),
            Token::String(s) => Object::String(s),
            Token::Name(n) => Object::Name(n),
            Token::ArrayOpen | Token::DictOpen => {
                if stack.len() >= limits.max_depth {
                    return Err(PdfError::LimitExceeded(Limit::Depth));
                }
                stack.push(if token == Token::ArrayOpen {
                    Frame::Array(Vec::new())
                } else {
                    Frame::Dict(Dict::new(), None)
                });
                continue;
            }
            Token::ArrayClose => match stack.pop() {
                Some(Frame::Array(v)) => Object::Array(v),
                _ => return Err(PdfError::syntax(start, "unexpected ']'")),
            },
            Token::DictClose => match stack.pop() {
                Some(Frame::Dict(d, None)) => {
                    if d.has_duplicate_keys() {
                        return Err(PdfError::syntax(start, "duplicate key in dictionary"));
                    }
                    Object::Dictionary(d)
                }
                Some(Frame::Dict(_, Some(_))) => {
                    return Err(PdfError::syntax(start, "dictionary key without a value"))
                }
                _ => return Err(PdfError::syntax(start, "unexpected '>>'")),
            },
            Token::Keyword(b"true") => Object::Boolean(true),
            Token::Keyword(b"false") => Object::Boolean(false),
            Token::Keyword(b"null") => Object::Null,
            Token::Keyword(_) => return Err(PdfError::syntax(start, "unexpected keyword")),
            Token::BraceOpen | Token::BraceClose => {
                return Err(PdfError::syntax(start, "unexpected brace"))
            }
        };
        match stack.last_mut() {
            None => return Ok(value),
            Some(Frame::Array(v)) => v.push(value),
            Some(Frame::Dict(d, key)) => match key.take() {
                Some(k) => d.push_unchecked(k, value),
                None => match value {
                    Object::Name(n) => *key = Some(n),
                    _ => return Err(PdfError::syntax(start, "dictionary key is not a name")),
                },
            },
        }
    }
}

/// After an integer, checks for `G R`; restores the position if it is not a reference.
fn maybe_reference(lex: &mut Lexer<'_>, n: i64, start: u64) -> Result<Object, PdfError> {
    let save = lex.pos();
    let is_ref = match lex.next_token() {
        Ok(Some(Token::Integer(g))) => match lex.next_token() {
            Ok(Some(Token::Keyword(b"R"))) => Some(g),
            Err(e @ PdfError::Truncated { .. }) => return Err(e),
            _ => None,
        },
        Err(e @ PdfError::Truncated { .. }) => return Err(e),
        _ => None,
    };
    match is_ref {
        Some(g) => {
            let num = u32::try_from(n)
                .map_err(|_| PdfError::syntax(start, "object number out of range"))?;
            let gen = u16::try_from(g)
                .map_err(|_| PdfError::syntax(start, "generation number out of range"))?;
            Ok(Object::Reference(ObjRef { num, gen }))
        }
        None => {
            lex.set_pos(save);
            Ok(Object::Integer(n))
        }
    }
}

/// Parses `bytes` as exactly one direct object (references allowed, streams not), followed
/// only by white space or comments.
pub fn parse_object(bytes: &[u8], limits: &Limits) -> Result<Object, PdfError> {
    let mut lex = Lexer::new(bytes, 0, true);
    let mut stats = ParseStats::default();
    let obj = parse_value(&mut lex, limits, &mut stats)?;
    lex.skip_whitespace_and_comments()?;
    if lex.pos() != bytes.len() {
        return Err(PdfError::syntax(lex.offset(), "trailing data after object"));
    }
    Ok(obj)
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
