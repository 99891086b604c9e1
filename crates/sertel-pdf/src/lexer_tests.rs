use super::*;

fn tokens(s: &[u8]) -> Result<Vec<Token<'_>>, PdfError> {
    let mut lex = Lexer::new(s, 0, true);
    let mut out = Vec::new();
    while let Some(t) = lex.next_token()? {
        out.push(t);
    }
    Ok(out)
}

fn one(s: &[u8]) -> Token<'_> {
    let t = tokens(s).unwrap_or_else(|e| panic!("{}: {e}", s.escape_ascii()));
    assert_eq!(t.len(), 1, "{}: {t:?}", s.escape_ascii());
    t.into_iter().next().unwrap_or(Token::Keyword(b"none"))
}

fn lit(s: &[u8]) -> Vec<u8> {
    match one(s) {
        Token::String(PdfString { bytes, hex: false }) => bytes,
        other => panic!("{}: not a literal string: {other:?}", s.escape_ascii()),
    }
}

fn hex(s: &[u8]) -> Vec<u8> {
    match one(s) {
        Token::String(PdfString { bytes, hex: true }) => bytes,
        other => panic!("{}: not a hex string: {other:?}", s.escape_ascii()),
    }
}

fn is_syntax_error(s: &[u8]) -> bool {
    matches!(tokens(s), Err(PdfError::Syntax { .. }))
}

#[test]
fn integers() {
    assert_eq!(one(b"0"), Token::Integer(0));
    assert_eq!(one(b"123"), Token::Integer(123));
    assert_eq!(one(b"+17"), Token::Integer(17));
    assert_eq!(one(b"-98"), Token::Integer(-98));
    assert_eq!(one(b"0042"), Token::Integer(42));
    assert_eq!(one(b"9223372036854775807"), Token::Integer(i64::MAX));
    assert_eq!(one(b"-9223372036854775808"), Token::Integer(i64::MIN));
    assert!(is_syntax_error(b"9223372036854775808"));
}

#[test]
fn reals() {
    assert_eq!(one(b"34.5"), Token::Real(34.5));
    assert_eq!(one(b"-3.62"), Token::Real(-3.62));
    assert_eq!(one(b"+123.6"), Token::Real(123.6));
    assert_eq!(one(b"4."), Token::Real(4.0));
    assert_eq!(one(b"-.002"), Token::Real(-0.002));
    assert_eq!(one(b"+.5"), Token::Real(0.5));
    assert_eq!(one(b"-3."), Token::Real(-3.0));
    assert_eq!(one(b"0.0"), Token::Real(0.0));
    assert_eq!(one(b".5"), Token::Real(0.5));
}

#[test]
fn malformed_numbers() {
    for s in [
        &b"."[..],
        b"-",
        b"+",
        b"+-1",
        b"1.2.3",
        b"12abc",
        b"1e5",
        b"--1",
        b"-.",
        b"1-2",
    ] {
        assert!(is_syntax_error(s), "{}", s.escape_ascii());
    }
}

#[test]
fn keywords() {
    assert_eq!(one(b"true"), Token::Keyword(b"true"));
    assert_eq!(one(b"false"), Token::Keyword(b"false"));
    assert_eq!(one(b"null"), Token::Keyword(b"null"));
    assert_eq!(one(b"R"), Token::Keyword(b"R"));
    assert_eq!(one(b"endstreamendobj"), Token::Keyword(b"endstreamendobj"));
    assert_eq!(
        tokens(b"1 0 obj").ok(),
        Some(vec![
            Token::Integer(1),
            Token::Integer(0),
            Token::Keyword(b"obj")
        ])
    );
}

#[test]
fn delimiters() {
    assert_eq!(
        tokens(b"[<<>>]{}").ok(),
        Some(vec![
            Token::ArrayOpen,
            Token::DictOpen,
            Token::DictClose,
            Token::ArrayClose,
            Token::BraceOpen,
            Token::BraceClose,
        ])
    );
    assert!(is_syntax_error(b")"));
    assert!(is_syntax_error(b"> "));
    assert!(is_syntax_error(b">"));
}

#[test]
fn names() {
    assert_eq!(one(b"/Name1"), Token::Name(Name::new(b"Name1")));
    assert_eq!(
        one(b"/A;Name_With-Various***Characters?"),
        Token::Name(Name::new(b"A;Name_With-Various***Characters?"))
    );
    assert_eq!(one(b"/1.2"), Token::Name(Name::new(b"1.2")));
    assert_eq!(one(b"/"), Token::Name(Name::new(b"")));
    assert_eq!(one(b"/lime#20Green"), Token::Name(Name::new(b"lime Green")));
    assert_eq!(
        one(b"/paired#28#29parentheses"),
        Token::Name(Name::new(b"paired()parentheses"))
    );
    assert_eq!(
        one(b"/The_Key_of_F#23_Minor"),
        Token::Name(Name::new(b"The_Key_of_F#_Minor"))
    );
    assert_eq!(one(b"/A#42"), Token::Name(Name::new(b"AB")));
    assert_eq!(
        one(b"/#e9t#C3#A9"),
        Token::Name(Name::new(b"\xe9t\xc3\xa9"))
    );
    assert_eq!(
        tokens(b"/A/B").ok(),
        Some(vec![
            Token::Name(Name::new(b"A")),
            Token::Name(Name::new(b"B"))
        ])
    );
    assert!(is_syntax_error(b"/A#4"));
    assert!(is_syntax_error(b"/A#zz"));
    assert!(is_syntax_error(b"/A#00"));
}

#[test]
fn literal_strings() {
    assert_eq!(lit(b"(This is a string)"), b"This is a string");
    assert_eq!(lit(b"()"), b"");
    assert_eq!(lit(b"(Strings may contain balanced parentheses ( ) and\nspecial characters (*!&}^% and so on).)"),
        b"Strings may contain balanced parentheses ( ) and\nspecial characters (*!&}^% and so on).");
    assert_eq!(lit(b"(a(b(c)d)e)"), b"a(b(c)d)e");
    assert_eq!(lit(br"(\n\r\t\b\f\(\)\\)"), b"\n\r\t\x08\x0c()\\");
    assert_eq!(lit(br"(\053)"), b"+");
    assert_eq!(lit(br"(\53)"), b"+");
    assert_eq!(lit(br"(\0053)"), b"\x053");
    assert_eq!(lit(br"(\5x)"), b"\x05x");
    assert_eq!(lit(br"(\777)"), b"\xff",);
    assert_eq!(lit(br"(\q)"), b"q");
    assert_eq!(lit(b"(a\\\nb)"), b"ab");
    assert_eq!(lit(b"(a\\\r\nb)"), b"ab");
    assert_eq!(lit(b"(a\\\rb)"), b"ab");
    assert_eq!(lit(b"(a\r\nb)"), b"a\nb");
    assert_eq!(lit(b"(a\rb)"), b"a\nb");
    assert_eq!(lit(b"(a\nb)"), b"a\nb");
    assert_eq!(lit(b"(\\))"), b")");
    assert_eq!(lit(b"(\x00\xff)"), b"\x00\xff");
    assert!(is_syntax_error(b"(unbalanced"));
    assert!(is_syntax_error(b"(a\\"));
}

#[test]
fn hex_strings() {
    assert_eq!(
        hex(b"<4E6F762073686D6F7A206B6120706F702E>"),
        b"Nov shmoz ka pop."
    );
    assert_eq!(hex(b"<901FA3>"), b"\x90\x1f\xa3");
    assert_eq!(hex(b"<901FA>"), b"\x90\x1f\xa0");
    assert_eq!(hex(b"<>"), b"");
    assert_eq!(hex(b"< 9 0\n1f\ta >"), b"\x90\x1f\xa0");
    assert_eq!(hex(b"<abCD>"), b"\xab\xcd");
    assert!(is_syntax_error(b"<12G4>"));
    assert!(is_syntax_error(b"<1234"));
}

#[test]
fn comments_and_whitespace() {
    assert_eq!(
        tokens(b"% comment\n1%another\r2\x00\x0c3\t%end").ok(),
        Some(vec![
            Token::Integer(1),
            Token::Integer(2),
            Token::Integer(3)
        ])
    );
    assert_eq!(tokens(b"").ok(), Some(vec![]));
    assert_eq!(tokens(b"  % only a comment").ok(), Some(vec![]));
    assert_eq!(
        tokens(b"(a%b)").ok(),
        Some(vec![Token::String(PdfString::literal(b"a%b".to_vec()))])
    );
}

#[test]
fn truncation_in_incomplete_windows() {
    for s in [
        &b"12"[..],
        b"/Nam",
        b"(abc",
        b"(abc\\",
        b"<12",
        b"<",
        b">",
        b"tru",
        b"% comment",
        b"   ",
        b"",
    ] {
        let mut lex = Lexer::new(s, 10, false);
        assert!(
            matches!(lex.next_token(), Err(PdfError::Truncated { .. })),
            "{}",
            s.escape_ascii()
        );
    }
    // Complete tokens followed by a delimiter are fine.
    let mut lex = Lexer::new(b"12 ", 0, false);
    assert_eq!(lex.next_token().ok(), Some(Some(Token::Integer(12))));
}

#[test]
fn error_offsets_are_absolute() {
    let mut lex = Lexer::new(b"  <zz>", 1000, true);
    match lex.next_token() {
        Err(PdfError::Syntax { offset, .. }) => assert_eq!(offset, 1002),
        other => panic!("{other:?}"),
    }
}
