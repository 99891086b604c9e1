//! Text for signature dictionaries and appearances: PDF dates, WinAnsi encoding and Helvetica
//! widths (the standard font the plain appearance uses; embedded fonts come with the specimen).

use time::{OffsetDateTime, UtcOffset};

/// Western Indonesian Time (WIB, UTC+7), the regency's local time.
pub const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};

/// A PDF date string (ISO 32000-1 §7.9.4) in UTC: `D:YYYYMMDDHHmmSSZ`.
pub fn pdf_date(unix: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Reads a PDF date string (`D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year optional;
/// no offset means UTC) as Unix seconds; `None` if it is not one.
pub fn parse_pdf_date(s: &str) -> Option<i64> {
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 4 || digits % 2 != 0 || digits > 14 {
        return None;
    }
    let part = |from: usize, default: u32| -> Option<u32> {
        if from + 2 <= digits {
            s.get(from..from + 2)?.parse().ok()
        } else {
            Some(default)
        }
    };
    let year: i32 = s.get(..4)?.parse().ok()?;
    let month = time::Month::try_from(u8::try_from(part(4, 1)?).ok()?).ok()?;
    let date = time::Date::from_calendar_date(year, month, u8::try_from(part(6, 1)?).ok()?).ok()?;
    let clock = time::Time::from_hms(
        u8::try_from(part(8, 0)?).ok()?,
        u8::try_from(part(10, 0)?).ok()?,
        u8::try_from(part(12, 0)?).ok()?,
    )
    .ok()?;
    let rest = &s[digits..];
    let offset = match rest.as_bytes().first() {
        None | Some(b'Z') => UtcOffset::UTC,
        Some(sign @ (b'+' | b'-')) => {
            let nums: Vec<i8> = rest[1..]
                .split('\'')
                .filter(|p| !p.is_empty())
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            let (h, m) = (*nums.first()?, nums.get(1).copied().unwrap_or(0));
            let k = if *sign == b'-' { -1 } else { 1 };
            UtcOffset::from_hms(k * h, k * m, 0).ok()?
        }
        Some(_) => return None,
    };
    Some(
        time::PrimitiveDateTime::new(date, clock)
            .assume_offset(offset)
            .unix_timestamp(),
    )
}

/// The date as officials read it on a letter: `24-11-2026 12:30 WIB`.
pub fn display_date(unix: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(WIB);
    format!(
        "{:02}-{:02}-{:04} {:02}:{:02} WIB",
        t.day(),
        u8::from(t.month()),
        t.year(),
        t.hour(),
        t.minute()
    )
}

pub(crate) const WIN_ANSI_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8a),
    ('‹', 0x8b),
    ('Œ', 0x8c),
    ('Ž', 0x8e),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9a),
    ('›', 0x9b),
    ('œ', 0x9c),
    ('ž', 0x9e),
    ('Ÿ', 0x9f),
];

/// Encodes text in WinAnsiEncoding; characters it lacks become `?`.
pub fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c as u32 {
            0x20..=0x7e | 0xa0..=0xff => c as u8,
            _ => WIN_ANSI_HIGH
                .iter()
                .find(|(h, _)| *h == c)
                .map(|(_, b)| *b)
                .unwrap_or(b'?'),
        })
        .collect()
}

/// Helvetica advance widths (thousandths of an em) for codes 32 to 126.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32-47
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48-63
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64-79
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80-95
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96-111
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 112-126
];

/// Helvetica-Bold advance widths (thousandths of an em) for codes 32 to 126.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32-47
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48-63
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64-79
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80-95
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96-111
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // 112-126
];

/// The width in points of WinAnsi `text` at `size` points in the face whose ASCII widths are
/// `table`, counting codes outside ASCII as `other`.
fn width_in(table: &[u16; 95], other: u16, text: &[u8], size: f64) -> f64 {
    let units: u32 = text
        .iter()
        .map(|&b| match b {
            32..=126 => u32::from(table[usize::from(b - 32)]),
            _ => u32::from(other),
        })
        .sum();
    f64::from(units) * size / 1000.0
}

/// The width in points of WinAnsi `text` set in Helvetica at `size` points (codes outside
/// ASCII count as a typical lowercase letter).
pub fn helvetica_width(text: &[u8], size: f64) -> f64 {
    width_in(&HELVETICA, 556, text, size)
}

/// The width in points of WinAnsi `text` set in Helvetica-Bold at `size` points (codes outside
/// ASCII count as a typical bold lowercase letter).
pub fn helvetica_bold_width(text: &[u8], size: f64) -> f64 {
    width_in(&HELVETICA_BOLD, 611, text, size)
}

/// A PDF text string (ISO 32000-1 §7.9.2.2): plain bytes when the text is printable ASCII,
/// otherwise UTF-16BE with a byte-order mark, so any name survives.
pub fn text_string(s: &str) -> sertel_pdf::PdfString {
    let bytes = if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        s.as_bytes().to_vec()
    } else {
        let mut v = vec![0xfe, 0xff];
        for unit in s.encode_utf16() {
            v.extend_from_slice(&unit.to_be_bytes());
        }
        v
    };
    sertel_pdf::PdfString { bytes, hex: false }
}

/// Escapes bytes for a PDF literal string: `(`, `)` and `\` get a backslash.
pub fn literal(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'(');
    for &b in bytes {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        // 2026-11-24 05:30:00 UTC
        let t = 1_795_498_200;
        assert_eq!(pdf_date(t), "D:20261124053000Z");
        assert_eq!(display_date(t), "24-11-2026 12:30 WIB");
    }

    #[test]
    fn pdf_dates_are_read_back() {
        let t = 1_795_498_200;
        assert_eq!(parse_pdf_date(&pdf_date(t)), Some(t));
        assert_eq!(parse_pdf_date("D:20261124123000+07'00'"), Some(t));
        assert_eq!(parse_pdf_date("D:20261124123000+07'00"), Some(t));
        assert_eq!(parse_pdf_date("D:20261124003000-05'00'"), Some(t));
        assert_eq!(parse_pdf_date("D:2026"), Some(1_767_225_600));
        for bad in [
            "",
            "D:",
            "D:202",
            "D:20261324",
            "D:20261124250000Z",
            "D:2026112412x",
            "D:20261124123000+99'00'",
        ] {
            assert_eq!(parse_pdf_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn win_ansi_maps_latin_and_replaces_others() {
        assert_eq!(win_ansi("Dédé – ok"), b"D\xe9d\xe9 \x96 ok".to_vec());
        assert_eq!(win_ansi("世"), b"?".to_vec());
    }

    #[test]
    fn helvetica_widths_add_up() {
        assert!((helvetica_width(b"AB", 10.0) - 13.34).abs() < 1e-9);
        assert!((helvetica_bold_width(b"Ai", 10.0) - 10.0).abs() < 1e-9);
        let sentence = b"Laporan Validasi Tanda Tangan Elektronik";
        assert!(helvetica_bold_width(sentence, 10.0) > helvetica_width(sentence, 10.0));
    }

    #[test]
    fn literal_escapes() {
        assert_eq!(literal(b"a(b)\\"), b"(a\\(b\\)\\\\)".to_vec());
    }
}
